"""Shingle precision, recall and F1 of an extracted text against the true body.

A shingle is a run of 4 consecutive words (lowercased, punctuation dropped), counted as a multiset:
precision is the share of the extraction's shingles found in the body (boilerplate lowers it),
recall the share of the body's shingles found in the extraction (lost paragraphs lower it). This is
the measure of the web-extraction benchmarks (CleanEval, Scrapinghub's article-extraction-benchmark).
"""

from __future__ import annotations

import re
from collections import Counter

WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter:
    words = WORD.findall(text.lower())
    return Counter(tuple(words[at : at + size]) for at in range(max(0, len(words) - size + 1)))


def scores(extracted: str, truth: str) -> tuple[float, float, float]:
    got, want = shingles(extracted), shingles(truth)
    shared = sum((got & want).values())
    precision = shared / max(1, sum(got.values()))
    recall = shared / max(1, sum(want.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
