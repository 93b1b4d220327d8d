"""Render and format the Python package in worker processes (one per core, or `-j N`) while
the caller renders the docs.

The workers are forked after the IR is built, so each has it without it being sent; each
renders every n-th model and resource module (`render_python(part=...)`), formats its share
(one formatter run over it, `formatting.py`, while the caller still renders the docs) and
only the files' bytes come back. Three processes on two cores leave the balancing to the
scheduler: the docs take about as long as a share of the
package, and a static split of two processes measured no faster. `-j 1` keeps it all in
this process; small APIs, and systems that cannot fork, do too whatever `-j` says.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import Diagnostic, Location, SpecError
from ...exits import STOP_SIGNALS, die_with_parent
from ...ir.model import ApiIR
from .formatting import InvalidPython, format_files, formatter_command
from .package import render_python

if TYPE_CHECKING:  # the pool's modules are loaded only where a pool starts
    from concurrent.futures import Future, ProcessPoolExecutor

PARALLEL_THRESHOLD = 150
"""Models plus operations below which one process does the Python package alone, whatever `jobs` asks."""

MAX_WORKERS = 8

_JOB: tuple[ApiIR, str, list[str]] | None = None
"""What forked workers render: set before they start, so fork hands it to them."""


WORKER_STOP_GRACE = 2.0
"""Seconds a terminated worker gets to exit before it is killed."""


def _die_with_parent(parent: int) -> None:
    """Worker start-up (`exits.die_with_parent`), with the stop signals the parent blocked
    while it forked unblocked; a worker whose parent is gone leaves now."""
    alive = die_with_parent(parent)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    if not alive:
        os._exit(1)


def _render_share(share: int, shares: int) -> dict[str, bytes]:
    """A worker's share, formatted and encoded here: bytes cross the pipe about four times
    cheaper than str (pickled as they are, not re-encoded and decoded), and the caller has
    them ready to write."""
    assert _JOB is not None, "workers are forked with the job set"
    gc.enable()  # the inherited IR is frozen (see `PythonPackage`): collections skip it
    api, source_name, command = _JOB
    try:
        return format_files(render_python(api, source_name, (share, shares)), command)
    except InvalidPython as exc:
        raise located(api, source_name, exc) from None


def located(api: ApiIR, source_name: str, exc: InvalidPython) -> SpecError:
    """A generated file that is not valid Python, reported at the schema or the operation of
    the spec it was generated from (a bug of sdkgen's, but one the spec construct explains)."""
    folder, _, module = exc.path.removesuffix(".py").rpartition("/")
    pointer, what = "", "the package itself"
    if folder.endswith("/resources"):
        resource = next((r for top in api.resources for r in top.walk() if r.module == module), None)
        if resource is not None and resource.operations:
            pointer, what = resource.operations[0].pointer, f"the operations of client.{'.'.join(resource.path)}"
    elif "/types" in folder:
        model = next((m for m in api.models if m.module == module), None)
        if model is not None:
            pointer, what = model.pointer, f"the schema of {model.name}"
    message = f"internal error: generated {exc.path} is not valid Python ({exc.detail}); it comes from {what}"
    return SpecError([Diagnostic("error", message, Location(Path(source_name), pointer))])


class PythonPackage:
    """The package's files, rendered, formatted and encoded; `result()` waits for them."""

    def __init__(self, api: ApiIR, source_name: str, jobs: int | None = None, formatter: str = "ruff") -> None:
        global _JOB
        self.api, self.source_name = api, source_name
        # Found here, before any worker forks: a missing formatter is one error, raised once.
        self.command = formatter_command(formatter)
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[dict[str, bytes]]] = []
        workers = min(jobs or os.cpu_count() or 1, MAX_WORKERS)
        size = len(api.models) + len(api.operations)
        if workers < 2 or size < PARALLEL_THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
            return
        from concurrent.futures import ProcessPoolExecutor

        _JOB = (api, source_name, self.command)
        # What exists now (the parsed spec, the IR) goes to the permanent generation before
        # the fork: a worker's collections never walk it, so never write to (and copy) its
        # pages. About a fifth of the workers' CPU time on the DigitalOcean spec.
        gc.freeze()
        # Stop signals wait while the workers fork: the exception of one that came during a
        # fork's own hooks (logging's lock release, say) would be printed, ignored and the stop lost.
        signals = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_die_with_parent,
                initargs=(os.getpid(),),
            )
            self._futures = [self._pool.submit(_render_share, share, workers) for share in range(workers)]
        finally:
            _JOB = None  # the workers have forked: submitting starts them all
            gc.unfreeze()
            try:  # a stop signal that came meanwhile raises its exception here
                signal.pthread_sigmask(signal.SIG_SETMASK, signals)
            except BaseException:
                self.cancel()
                raise

    def result(self) -> dict[str, bytes]:
        if self._pool is None:
            try:
                return format_files(render_python(self.api, self.source_name), self.command)
            except InvalidPython as exc:
                raise located(self.api, self.source_name, exc) from None
        files: dict[str, bytes] = {}
        try:
            for future in self._futures:
                files.update(future.result())
        except BaseException:  # an error, or a signal's exception: the workers go too
            self.cancel()
            raise
        # Every share is in: the workers exit on their own, joined by the executor's thread,
        # while this process goes on to write (waiting for them here took 10-30 ms).
        self._pool.shutdown(wait=False)
        return files

    def cancel(self) -> None:
        """Stop the workers now (SIGTERM, then SIGKILL after a grace period) and wait for them."""
        if self._pool is None:
            return
        # The executor has no public way to stop running work; its processes are stopped directly.
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(WORKER_STOP_GRACE)
            if process.is_alive():
                process.kill()
                process.join()
        # Not waiting: the executor's thread may be blocked reading a result a killed worker
        # never finished writing.
        self._pool.shutdown(wait=False, cancel_futures=True)
