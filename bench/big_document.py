"""(e) Large briefings in the app: peak memory, and every key of issue 14 without a stall.

The 4 MB King James Bible and a 20 MB briefing (every speech, then the Bible), each opened cold
(the text shows at once; the analysis runs in its child process while the keys are pressed, and
a full run waits for it and presses them again with every actor in), then reopened from the
cache. The keys (`bench.reader_keys`): j, space, G, g, / and a find, a (editor opens), a resize;
with the analysis in, 1 (to the actors), enter on the actor nearest 1,000
mentions, ] through its mentions, and f. Each is timed from the key to
the screen update showing its effect; a 10 ms ticker gives the event loop's worst lag, which
catches stalls from anything (a worker holding the GIL, the analysis arriving).

Each run is a wrapper process whose descendants are the app and its analysis process, so
`getrusage(RUSAGE_CHILDREN).ru_maxrss` is the peak RSS of the largest of them.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench.common import Result, child_env, run_child

STALL_MS = 100
RSS_LIMIT_MB = {"4 MB Bible": 400, "20 MB briefing": 1000}

MEASURE = """\
import json, resource, subprocess, sys
child = subprocess.run([sys.executable, '-m', 'bench.reader_keys', *sys.argv[1:]], capture_output=True, text=True)
if child.returncode:
    sys.exit(child.stderr[-3000:])
report = json.loads(child.stdout.strip().splitlines()[-1])
report['peak_rss_mb'] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(report))
"""


def open_big(path: Path, home: Path, wait: bool) -> dict:
    args = ["-c", MEASURE, str(path), *(["--wait"] if wait else [])]
    result = run_child(args, child_env(BRIEFING_HOME=str(home)), timeout=7200)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _keys(phase: dict) -> dict[str, float]:
    return {k: v for k, v in phase.items() if isinstance(v, float) and k not in ("lag",)}


def as_result(label: str, how: str, report: dict) -> Result:
    phases = [("while analysed" if how == "first open" else "as read back", report["opening"])]
    if "analysed" in report:
        phases.append(("with the analysis in", report["analysed"]))
    keys = {f"{name} ({where})": ms for where, phase in phases for name, ms in _keys(phase).items()}
    worst_key, worst_ms = max(keys.items(), key=lambda item: item[1])
    lags = [phase["lag"] for _, phase in phases] + ([report["arrival_lag"]] if "arrival_lag" in report else [])
    worst_lag = max(lags)
    rss = report["peak_rss_mb"]
    limit = RSS_LIMIT_MB[label]
    details = [f"text on screen {report['painted_ms']:.0f} ms from process start"]
    for where, phase in phases:
        cpu = phase.get("ui_cpu_ms", {})
        details.append(
            f"{where}: "
            + ", ".join(f"{k} {v:.0f}" for k, v in _keys(phase).items())
            + f" ms; loop's worst lag {phase['lag']:.0f} ms; UI-thread CPU of the slowest keys: "
            + ", ".join(f"{k} {v:.0f}" for k, v in sorted(cpu.items(), key=lambda kv: -kv[1])[:4])
            + " ms; the loop's worst lag during the keys with the most: "
            + ", ".join(f"{k} {v:.0f}" for k, v in sorted(phase.get("key_lag_ms", {}).items(), key=lambda kv: -kv[1])[:4])
            + " ms"
            + "".join(f"; {k} in {v:.0f} ms" for k, v in phase.get("background_ms", {}).items())
            + (f"; ] walked {phase['actor']}" if "actor" in phase else "")
        )
    if "analysis_wait_s" in report:
        details.append(
            f"analysis in after {report['analysis_wait_s']:.0f} s more ({report['analysis_state']}); "
            f"loop's worst lag meanwhile and as it arrived {report['arrival_lag']:.0f} ms"
        )
    else:
        details.append(f"analysis when quitting: {report['analysis_state']}")
    details.append(f"spaCy imported in the app: {report['spacy_imported']}")
    return Result(
        f"(e) {label}, {how}: peak RSS / worst key / worst lag",
        f"{rss:.0f} MB / {worst_ms:.0f} / {worst_lag:.0f} ms",
        f"< {limit} MB / <= {STALL_MS} ms",
        rss < limit and worst_ms <= STALL_MS and worst_lag <= STALL_MS,
        [f"slowest key: {worst_key}", *details],
    )


def big_in_app(*, full: bool, wait_big: bool = False) -> list[Result]:
    """Full: the Bible cold, waiting for its analysis, then reopened; the 20 MB briefing cold with
    the keys while it is analysed (waiting for that analysis too, and reopening, only with
    `wait_big`: on a shared 2-core machine it takes the better part of an hour). Quick: the Bible
    cold, keys while it is analysed, no wait."""
    from bench.texts import write_bible, write_big_briefing

    results = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-big-") as folder:
        plans = [("4 MB Bible", write_bible, full)]
        if full:
            plans.append(("20 MB briefing", write_big_briefing, wait_big))
        for label, write, wait in plans:
            path = write(Path(folder))
            home = Path(folder) / f"home-{path.stem}"
            results.append(as_result(label, "first open", open_big(path, home, wait=wait)))
            if wait:
                results.append(as_result(label, "reopen", open_big(path, home, wait=True)))
    return results
