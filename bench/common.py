"""What every benchmark shares: a result row, interleaved timing, child processes run from the repo.

Machines are noisy (a shared 2-core box here), so each ratio compares two things measured in the
same run, alternating A and B so that a slow patch hits both, and reports medians.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    """One line of the table: a measured value, how it compares with its target, and details."""

    name: str
    value: str  # as printed, e.g. "1.8x"
    target: str  # as printed, e.g. "<= 3x"
    passed: bool
    details: list[str] = field(default_factory=list)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for child processes: this checkout importable, no CI or colour quirks."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "PYTHON"))}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONDONTWRITEBYTECODE"] = "0"
    env.update(extra)
    return env


def run_child(args: list[str], env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"child {args[:2]} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result


def child_json(args: list[str], env: dict[str, str], timeout: float = 600) -> dict:
    """Run a child that prints one JSON object on its last line of stdout."""
    return json.loads(run_child(args, env, timeout).stdout.strip().splitlines()[-1])


def wall(args: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning a Python child to its exit."""
    start = time.perf_counter()
    run_child(args, env)
    return time.perf_counter() - start


def interleaved(a: Callable[[], float], b: Callable[[], float], rounds: int) -> tuple[list[float], list[float]]:
    """Run a and b alternately (a b, b a, ...) `rounds` times each; their measurements."""
    first: list[float] = []
    second: list[float] = []
    for number in range(rounds):
        if number % 2 == 0:
            first.append(a())
            second.append(b())
        else:
            second.append(b())
            first.append(a())
    return first, second


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def spread(values: list[float]) -> str:
    """min-max of a series in ms, for the details line."""
    return f"{min(values) * 1000:.0f}-{max(values) * 1000:.0f} ms"
