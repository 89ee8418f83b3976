"""Reaching a Dask cluster for `briefing analyze --dask`: the extra, the address, the client.

`distributed` is imported inside functions only (here and in `batch`): it is the optional `dask`
extra, and a run without `--dask` never pays for importing it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

EXTRA = "pip install 'briefing[dask]'"
LOCAL = "local:"


class DaskUnavailable(RuntimeError):
    """The run cannot use Dask (extra not installed, no scheduler, workers unable to analyse)."""


def require() -> Any:
    """The `distributed` package, or DaskUnavailable saying which extra to install."""
    try:
        import distributed
    except ImportError as error:
        raise DaskUnavailable(f"--dask needs the 'dask' extra: {EXTRA} ({error})") from None
    return distributed


def check(address: str) -> None:
    """Before planning: the extra is installed and `address` is well formed (DaskUnavailable if not)."""
    require()
    local_workers(address)


def local_workers(address: str) -> int | None:
    """N for `local:N` (a LocalCluster of N processes here), None for a scheduler's address."""
    if not address.startswith(LOCAL):
        return None
    count = address[len(LOCAL) :]
    if not count.isdigit() or int(count) < 1:
        raise DaskUnavailable(f"--dask {address}: expected local:N with N a whole number of 1 or more")
    return int(count)


@contextmanager
def connected(address: str, on_notice: Callable[[str], None] | None = None) -> Iterator[Any]:
    """A Client for `address`, or for a LocalCluster started (and stopped afterwards) for `local:N`."""
    distributed = require()
    workers = local_workers(address)
    with ExitStack() as stack:  # closes the client, then the cluster, however the run ends
        try:
            if workers is not None:
                # One thread per worker process: spaCy is bound by the GIL. Loopback only, and the
                # dashboard on a free port, so nothing is exposed and no other user's port taken.
                cluster = stack.enter_context(
                    distributed.LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address="127.0.0.1:0",
                        # Errors only: a cancelled run's workers would each log their task.
                        silence_logs=logging.ERROR,
                    )
                )
                client = stack.enter_context(distributed.Client(cluster))
                client.register_plugin(_interrupts_left_to_the_client(distributed))
            else:
                client = stack.enter_context(distributed.Client(address, timeout="10s"))
        except (OSError, TimeoutError) as error:
            raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {error}") from None
        if on_notice is not None and "dashboard" in client.scheduler_info().get("services", {}):
            on_notice(f"Dask dashboard: {client.dashboard_link}")
        yield client


def _interrupts_left_to_the_client(distributed: Any) -> Any:
    """A worker plugin: this machine's worker processes ignore Ctrl+C, which the client handles.

    A terminal sends SIGINT to its whole process group, the LocalCluster's workers included: each
    would print a traceback and die while the client cancels their tasks and closes the cluster in
    order. A plugin, not a setting at start, so that a worker the nanny restarts gets it too.
    Ctrl+C while the cluster is still starting reaches the workers all the same: ignoring it
    while they start would make the client ignore it too (the disposition is the process's).
    """

    class InterruptsLeftToTheClient(distributed.WorkerPlugin):
        name = "briefing-interrupts-left-to-the-client"

        def setup(self, worker: Any) -> None:
            import signal
            import threading

            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)

    return InterruptsLeftToTheClient()
