"""(e) The 4 MB King James Bible in the app: peak memory, and moving around it without a stall.

Each run is a wrapper process whose only child is the app (`bench.app_child`), so
`getrusage(RUSAGE_CHILDREN).ru_maxrss` in the wrapper is the app's own peak RSS.

- first open (cold cache): the text shows at once and the analysis starts in the background, so
  spaCy loads and tags while the reader scrolls; a full run then waits for the analysis to finish
  (the peak includes it) and scrolls again with every mention highlighted;
- reopen (full run only): the same briefing again, its analysis now read from the cache, again
  waiting for it to arrive.

A "stall" is a key press taking over STALL_MS from the key to the repainted document, or (in a full
run) the event loop lagging that long while the analysis runs and when its result arrives.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench.common import Result, child_env, run_child

RSS_LIMIT_MB = 600
STALL_MS = 200

MEASURE = """\
import json, resource, subprocess, sys
child = subprocess.run([sys.executable, '-m', 'bench.app_child', sys.argv[2], sys.argv[1]],
                       capture_output=True, text=True)
if child.returncode:
    sys.exit(child.stderr[-3000:])
report = json.loads(child.stdout.strip().splitlines()[-1])
report['peak_rss_mb'] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(report))
"""


def open_big(path: Path, home: Path, mode: str = "big") -> dict:
    result = run_child(["-c", MEASURE, str(path), mode], child_env(BRIEFING_HOME=str(home)), timeout=3600)
    return json.loads(result.stdout.strip().splitlines()[-1])


def as_result(label: str, report: dict, size_mb: float) -> Result:
    keys = ("end_ms", "page_ms", "line_ms", "top_ms", "end_after_analysis_ms", "analysis_lag_ms")
    slowest = max(report[k] for k in keys if k in report)
    rss = report["peak_rss_mb"]
    details = [
        f"{size_mb:.1f} MB text on screen in {report['painted_ms']:.0f} ms from process start; "
        f"slowest page {report['page_ms']:.0f} ms, line {report['line_ms']:.0f} ms, to top "
        f"{report['top_ms']:.0f} ms, find {report['find_ms']:.0f} ms ({report['find_matches']} match), "
        f"event loop's worst lag {report['max_lag_ms']:.0f} ms; quit {report['quit_ms']:.0f} ms",
    ]
    if "analysis_wait_s" in report:
        details.append(
            f"analysis finished {report['analysis_wait_s']:.0f} s after the scrolling "
            f"({report['analysis_state']}), the loop's worst lag meanwhile and as it arrived "
            f"{report['analysis_lag_ms']:.0f} ms; then to the end with highlights "
            f"{report['end_after_analysis_ms']:.0f} ms"
        )
    else:
        details.append(f"analysis when quitting: {report['analysis_state']}; spacy imported: {report['spacy_imported']}")
    return Result(
        f"(e) 4 MB Bible, {label}: peak RSS / to end",
        f"{rss:.0f} MB / {report['end_ms']:.0f} ms",
        f"< {RSS_LIMIT_MB} MB / < {STALL_MS} ms",
        rss < RSS_LIMIT_MB and slowest < STALL_MS and report["at_end"],
        details,
    )


def bible_in_app(*, full: bool) -> list[Result]:
    from bench.texts import write_bible

    with tempfile.TemporaryDirectory(prefix="briefing-bench-bible-") as folder:
        path = write_bible(Path(folder))
        size_mb = path.stat().st_size / 1e6
        home = Path(folder) / "home"
        first = open_big(path, home, "big-wait" if full else "big")
        results = [as_result("first open", first, size_mb)]
        if full:
            # Waits for the cached analysis too: its arrival must not stall the loop either.
            results.append(as_result("reopen", open_big(path, home, "big-wait"), size_mb))
        return results
