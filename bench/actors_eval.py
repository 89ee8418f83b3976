"""How far the actor layer is from the list an analyst would write, against raw spaCy.

    python -m bench.actors_eval [--misses ours|spacy|none] [--only NAME]

The development set is `bench/actors_dev/`: real texts in `texts/` (their sources in its README)
and, for each, a gold list in `gold/<text stem>.json` made by reading the text:

    {"actors": [{"name": "Vladimir Putin", "kind": "person", "aliases": ["Putin"], "key": true}],
     "ignore": ["Russian"]}

Matching, precisely:
- A *form* is compared by `norm`: curly quotes made straight, case folded, a leading "the" and a
  trailing possessive dropped, every run of other characters than letters and digits one space.
- A gold actor's forms are its name and aliases; no form may belong to two gold actors of a text.
  `ignore` holds forms that are neither actors nor errors (an adjective such as "Russian").
- A row's forms are its name and aliases (folded ones too: a fold is a claim that two names are
  one actor). A row *touches* a gold actor when one of its forms is one of the actor's forms.
- Each gold actor is, in this order of precedence:
  *missed* when no row touches it; *split* when two or more rows do; *wrong merge* when its one
  row touches another gold actor too; *wrong kind* when its one row has another kind; else *clean*.
- A row is *spurious* when it touches no gold actor and no form of it is an ignored form; a row
  whose forms are all ignored is left out of the row count.
- clean % = clean gold actors / gold actors (and the same over the actors marked `key`);
  spurious % = spurious rows / rows counted. Totals add the counts of every text.

Our layer runs through the public path (`analysis.service.analyse` with the real pipeline).
Raw spaCy is its entities grouped by exact text and label, one row per group, the label mapped to
our kinds (dates, numbers and amounts are no rows). The time of the actor layer (everything built
on the model's output: `build_actors`, without the summary and facts that `service.derive` adds) is
printed beside the time of the model (`pipeline.tag`); `python -m bench` (c) is the reference.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

DEV = Path(__file__).resolve().parent / "actors_dev"
KINDS = ("person", "organization", "place", "group", "thing")
SPACY_KIND = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group", "PRODUCT": "thing", "EVENT": "thing", "LAW": "thing", "WORK_OF_ART": "thing",
}
CLASSES = ("missed", "split", "wrong merge", "wrong kind")


def norm(form: str) -> str:
    form = form.replace("’", "'").replace("‘", "'").casefold().strip()
    form = re.sub(r"^the\s+", "", form)
    form = re.sub(r"'s?$", "", form)
    return " ".join(re.sub(r"[^\w]+|_", " ", form).split())


@dataclass
class GoldActor:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    key: bool = False

    @property
    def forms(self) -> set[str]:
        return {norm(form) for form in [self.name, *self.aliases]}


@dataclass
class Gold:
    name: str
    actors: list[GoldActor]
    ignore: set[str] = field(default_factory=set)


@dataclass
class Row:
    name: str
    kind: str
    forms: set[str]


@dataclass
class Score:
    gold: int = 0
    clean: int = 0
    key: int = 0
    key_clean: int = 0
    rows: int = 0
    spurious: int = 0
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, other: Score) -> None:
        for name in ("gold", "clean", "key", "key_clean", "rows", "spurious"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, items in other.misses.items():
            self.misses[kind].extend(items)

    def figures(self) -> tuple[float, float, float]:
        return (
            100.0 * self.clean / max(1, self.gold),
            100.0 * self.key_clean / max(1, self.key),
            100.0 * self.spurious / max(1, self.rows),
        )


def load_gold(path: Path) -> Gold:
    raw = json.loads(path.read_text(encoding="utf-8"))
    actors = [GoldActor(a["name"], a["kind"], a.get("aliases", []), a.get("key", False)) for a in raw["actors"]]
    owner: dict[str, str] = {}
    for actor in actors:
        if actor.kind not in KINDS:
            raise ValueError(f"{path.name}: {actor.name!r} has kind {actor.kind!r}")
        for form in actor.forms:
            if form in owner and owner[form] != actor.name:
                raise ValueError(f"{path.name}: form {form!r} is both {owner[form]!r} and {actor.name!r}")
            owner[form] = actor.name
    return Gold(path.stem, actors, {norm(form) for form in raw.get("ignore", [])})


def score(gold: Gold, rows: list[Row]) -> Score:
    """Each gold actor's class and the spurious rows, as the module docstring defines them."""
    owner = {form: index for index, actor in enumerate(gold.actors) for form in actor.forms}
    touched_by: dict[int, list[int]] = defaultdict(list)  # gold actor -> rows touching it
    touches: list[set[int]] = []
    result = Score(gold=len(gold.actors))
    for number, row in enumerate(rows):
        hit = {owner[form] for form in row.forms if form in owner}
        touches.append(hit)
        for index in hit:
            touched_by[index].append(number)
        if hit:
            result.rows += 1
        elif not row.forms <= gold.ignore:
            result.rows += 1
            if not row.forms & gold.ignore:
                result.spurious += 1
                result.misses["spurious"].append(f"{row.name} [{row.kind}]")
    for index, actor in enumerate(gold.actors):
        found = touched_by.get(index, [])
        result.key += actor.key
        label = f"{actor.name} [{actor.kind}]" + (" *key*" if actor.key else "")
        if not found:
            result.misses["missed"].append(label)
        elif len(found) > 1:
            result.misses["split"].append(f"{label}: " + " | ".join(_shown(rows[n]) for n in found))
        elif len(touches[found[0]]) > 1:
            others = sorted(gold.actors[i].name for i in touches[found[0]] if i != index)
            result.misses["wrong merge"].append(f"{label}: {_shown(rows[found[0]])} with {', '.join(others)}")
        elif rows[found[0]].kind != actor.kind:
            result.misses["wrong kind"].append(f"{label}: {_shown(rows[found[0]])}")
        else:
            result.clean += 1
            result.key_clean += actor.key
    return result


def _shown(row: Row) -> str:
    return f"{row.name} [{row.kind}]"


def our_rows(actors) -> list[Row]:
    return [
        Row(a.name, a.kind, {norm(a.name), *(norm(alias.name) for alias in a.aliases)})
        for a in actors
        if not a.hidden
    ]


def spacy_rows(mentions) -> list[Row]:
    groups: dict[tuple[str, str], None] = {}
    for mention in mentions:
        if mention.label in SPACY_KIND:
            groups.setdefault((mention.text, mention.label), None)
    return [Row(text, SPACY_KIND[label], {norm(text)}) for text, label in groups]


def texts(only: str | None = None) -> list[tuple[Path, Path]]:
    pairs = []
    for gold in sorted((DEV / "gold").glob("*.json")):
        text = DEV / "texts" / f"{gold.stem}.txt"
        if only is None or only in gold.stem:
            pairs.append((text, gold))
    return pairs


@dataclass
class Run:
    name: str
    ours: Score
    spacy: Score
    model_seconds: float
    layer_seconds: float


def run_text(pipeline, text_path: Path, gold_path: Path) -> Run:
    from analysis import documents
    from analysis.actors.build import build_actors
    from analysis.pipeline import tag
    from analysis.service import analyse

    document = documents.read_document(text_path)
    gold = load_gold(gold_path)
    analysis = analyse(document, pipeline)  # the public path, as the app runs it
    started = time.perf_counter()
    tagged = tag(pipeline, document.text, document.paragraphs)
    model_seconds = time.perf_counter() - started
    started = time.perf_counter()
    build_actors(document.text, tagged.mentions, tagged.sentences)
    layer_seconds = time.perf_counter() - started
    return Run(
        gold.name,
        score(gold, our_rows(analysis.actors)),
        score(gold, spacy_rows(analysis.mentions)),
        model_seconds,
        layer_seconds,
    )


def report(runs: list[Run], misses: str, out=sys.stdout) -> tuple[Score, Score]:
    total_ours, total_spacy = Score(), Score()
    head = f"{'text':28} {'gold':>4} {'key':>3} | {'ours: clean key spur rows':>27} | {'spaCy: clean key spur rows':>27}"
    print(head, file=out)
    for run in runs:
        total_ours.add(run.ours)
        total_spacy.add(run.spacy)
        print(_line(run.name, run.ours, run.spacy), file=out)
    print(_line("ALL", total_ours, total_spacy), file=out)
    model = sum(run.model_seconds for run in runs)
    layer = sum(run.layer_seconds for run in runs)
    print(f"time: model (tag) {model:.2f} s, actor layer (build_actors) {layer:.3f} s = "
          f"{100 * layer / max(model, 1e-9):.1f}% of the model", file=out)
    if misses != "none":
        chosen = total_ours if misses == "ours" else total_spacy
        for kind in (*CLASSES, "spurious"):
            items = chosen.misses.get(kind, [])
            print(f"\n{kind} ({len(items)}):", file=out)
            for item in items:
                print(f"  {item}", file=out)
    return total_ours, total_spacy


def _line(name: str, ours: Score, spacy: Score) -> str:
    a, b = ours.figures(), spacy.figures()
    return (f"{name[:28]:28} {ours.gold:4} {ours.key:3} | {a[0]:6.1f} {a[1]:6.1f} {a[2]:5.1f} {ours.rows:5} "
            f"| {b[0]:6.1f} {b[1]:6.1f} {b[2]:5.1f} {spacy.rows:5}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", choices=("ours", "spacy", "none"), default="ours")
    parser.add_argument("--only", help="only the texts whose name holds this")
    args = parser.parse_args(argv)
    from analysis.pipeline import load_pipeline

    pipeline = load_pipeline()
    runs = [run_text(pipeline, text, gold) for text, gold in texts(args.only)]
    report(runs, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
