"""The actor scorer (bench/actors_eval.py): its matching on hand-made rows, its data, one real run."""

from __future__ import annotations

import json

import pytest

from bench import actors_eval
from bench.actors_eval import Gold, GoldActor, Row, norm, score


def gold(*actors: GoldActor, ignore=()) -> Gold:
    return Gold("made-up", list(actors), {norm(form) for form in ignore})


def row(name: str, kind: str, *aliases: str) -> Row:
    return Row(name, kind, {norm(name), *(norm(alias) for alias in aliases)})


def test_norm_drops_article_possessive_case_and_punctuation():
    assert norm("the Trump Organization’s") == "trump organization"
    assert norm("U.S.") == "u s"
    assert norm("AL-QA’IDA") == norm("al-Qa'ida") == "al qa ida"
    assert norm("Jeopardy!") == "jeopardy"


def test_every_class_on_hand_made_rows():
    doe = GoldActor("Jane Doe", "person", ["Doe"], key=True)
    acme = GoldActor("Acme Holdings", "organization", ["Acme"])
    sudan = GoldActor("Sudan", "place", key=True)
    south = GoldActor("South Sudan", "place")
    pact = GoldActor("Dayton Accords", "thing")
    lost = GoldActor("Lima", "place")
    rows = [
        row("Jane Doe", "person", "Doe"),          # clean
        row("Acme Holdings", "organization"),      # split with the next row
        row("Acme", "place"),
        row("Sudan", "place", "South Sudan"),      # wrong merge for both
        row("Dayton Accords", "organization"),     # wrong kind
        row("Overview", "place"),                  # spurious
        row("Turkish", "group"),                   # ignored: not counted as a row
    ]
    result = score(gold(doe, acme, sudan, south, pact, lost, ignore=["Turkish"]), rows)
    assert (result.gold, result.clean, result.key, result.key_clean) == (6, 1, 2, 1)
    assert (result.rows, result.spurious) == (6, 1)
    assert result.misses["missed"] == ["Lima [place]"]
    assert [item.split(":")[0] for item in result.misses["split"]] == ["Acme Holdings [organization]"]
    assert len(result.misses["wrong merge"]) == 2
    assert result.misses["wrong kind"] == ["Dayton Accords [thing]: Dayton Accords [organization]"]
    assert result.misses["spurious"] == ["Overview [place]"]
    clean, key, spurious = result.figures()
    assert (round(clean, 1), key, round(spurious, 1)) == (16.7, 50.0, 16.7)


def test_a_row_with_an_ignored_form_is_counted_but_not_spurious():
    state = GoldActor("Lebanon", "place")
    result = score(gold(state, ignore=["French"]), [row("Lebanon", "place"), row("France", "place", "French")])
    # "France" is not gold; the row also holds an ignored form, so it is a row but no error
    assert (result.clean, result.rows, result.spurious) == (1, 2, 0)


def test_split_takes_precedence_over_wrong_kind():
    result = score(gold(GoldActor("Hezbollah", "organization", ["Hezbollah forces"])),
                   [row("Hezbollah", "person"), row("Hezbollah forces", "organization")])
    assert result.clean == 0 and len(result.misses["split"]) == 1


def test_gold_with_a_form_owned_by_two_actors_is_refused(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"actors": [
        {"name": "Jane Doe", "kind": "person", "aliases": ["Doe"]},
        {"name": "John Doe", "kind": "person", "aliases": ["Doe"]},
    ]}))
    with pytest.raises(ValueError, match="doe"):
        actors_eval.load_gold(path)


def test_spacy_rows_group_by_exact_text_and_label():
    from analysis.types import Mention

    mentions = [Mention("Putin", "PERSON", 0, 5, 0), Mention("Putin", "PERSON", 9, 14, 0),
                Mention("Putin", "ORG", 20, 25, 1), Mention("Monday", "DATE", 30, 36, 1)]
    rows = actors_eval.spacy_rows(mentions)
    assert [(r.name, r.kind) for r in rows] == [("Putin", "person"), ("Putin", "organization")]


def test_the_development_set_is_whole():
    pairs = actors_eval.texts()
    assert len(pairs) >= 8
    total = 0
    for text, gold_path in pairs:
        assert text.exists(), text
        words = len(text.read_text(encoding="utf-8").split())
        assert 400 <= words <= 3000, (text.name, words)
        total += len(actors_eval.load_gold(gold_path).actors)
    assert total >= 200


def test_a_real_run_on_the_smallest_text(pipeline):
    (text, gold_path), = actors_eval.texts("business-alphago")
    run = actors_eval.run_text(pipeline, text, gold_path)
    for result in (run.ours, run.spacy):
        classes = sum(len(result.misses.get(name, [])) for name in actors_eval.CLASSES)
        assert result.gold == 12 and result.clean + classes == result.gold
        assert result.rows >= result.clean
    assert run.ours.clean >= 6  # Google, Lee Sedol, Seoul, IBM, ... come out clean
    assert run.model_seconds > 0 and run.layer_seconds > 0
