"""Metonyms: a capital used for its state ("Moscow says") and a demonym ("Turkish")."""

from __future__ import annotations

from collections import defaultdict

from analysis.kinds import Context
from analysis.names import Ref


def fold_metonyms(refs: list[Ref], context: Context, fold: bool) -> None:
    """Capitals used for their state and demonyms: into the state, or rows of their own.

    A capital folds only when the text also names its state (by name, code or demonym) and
    uses the capital at least once other than as a location ("Ankara refuses", not only "in
    Brussels"): folding never brings in a state the text does not name ("Brussels said" is as
    often the EU as Belgium).
    """
    named = {ref.target.split(":", 1)[1] for ref in refs if ref.target.startswith(("state:", "demonym:"))}
    capitals: dict[str, list[Ref]] = defaultdict(list)
    for ref in refs:
        if ref.target.startswith("capital:"):
            capitals[ref.target].append(ref)
        elif ref.target.startswith("demonym:"):
            code = ref.target.split(":", 1)[1]
            if fold:
                ref.target, ref.folded, ref.kind = "state:" + code, True, "place"
            else:
                ref.kind = "group"
    for target, group in capitals.items():
        _, code, place_key = target.split(":", 2)
        metonym = fold and code in named and any(not context.locative(ref) for ref in group)
        for ref in group:
            if metonym:
                ref.target, ref.folded = "state:" + code, True
            else:
                ref.target = "place:" + place_key
