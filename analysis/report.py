"""The analysis of one briefing as the JSON object scripts get (GUIDE §7)."""

from __future__ import annotations

from analysis.types import Analysis, Document


def analysis_json(document: Document, analysis: Analysis) -> dict:
    text = document.text
    return {
        "document": {
            "path": document.path,
            "title": document.title,
            "content_hash": document.content_hash,
            "characters": len(text),
            "words": document.words,
            "encoding": document.encoding,
            "format": document.format,
            "metadata": document.metadata.to_dict(),
            "pages": [list(span) for span in document.pages],
        },
        "model": {"name": analysis.model_name, "version": analysis.model_version},
        "actors": [
            {
                "id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "aliases": [alias.name for alias in actor.aliases],
                "folded_aliases": [alias.name for alias in actor.aliases if alias.folded],
                "role": actor.role,
                "mentions": actor.mentions,
                "salience": round(actor.salience, 4),
                "spans": [list(span) for span in actor.spans],
                "co_actors": [
                    {"id": co.id, "name": co.name, "sentences": co.sentences} for co in actor.co_actors
                ],
            }
            for actor in analysis.actors
            if not actor.hidden
        ],
        "summary": [{"start": s, "end": e, "text": text[s:e]} for s, e in analysis.summary],
        "facts": [
            {"kind": f.kind, "text": f.text, "start": f.start, "end": f.end,
             "occurrences": [list(span) for span in f.occurrences or [(f.start, f.end)]]}
            for f in analysis.facts
        ],
    }
