"""Exit codes by cause, and signals turned into an orderly stop.

| code | cause |
| 0 | done |
| 1 | `check` found the output stale, or `generate` refused to overwrite |
| 2 | the input is wrong |
| 69 | the formatter (ruff, or black when chosen) is not installed |
| 70 | a bug in sdkgen |
| 71 | out of memory |
| 73 | the output cannot be created or written (permission, not a directory) |
| 74 | an I/O error (no space, read-only file system, EIO ...) |
| 75 | the output is locked by another run and `--no-wait` was given |
| 128 + n | stopped by signal n: 129 SIGHUP, 130 SIGINT, 143 SIGTERM |
"""

from __future__ import annotations

import ctypes
import errno
import os
import signal
import sys
from types import FrameType

EXIT_OK = 0
EXIT_STALE = 1
EXIT_BAD_INPUT = 2
EXIT_UNAVAILABLE = 69
EXIT_INTERNAL = 70
EXIT_OSERR = 71
EXIT_CANTCREAT = 73
EXIT_IOERR = 74
EXIT_LOCKED = 75

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)

_CANNOT_CREATE = frozenset({errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR, errno.EEXIST})


class Interrupted(BaseException):
    """A stop signal arrived: raised where the run was, so every `finally` cleans up.

    A `BaseException`, like `KeyboardInterrupt`, so no `except Exception` swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _stop(signum: int, frame: FrameType | None) -> None:
    # One stop is enough: a second signal must not interrupt the cleanup of the first.
    for other in STOP_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    raise Interrupted(signum)


def handle_stop_signals() -> None:
    """SIGTERM, SIGINT and SIGHUP raise `Interrupted` in the main thread."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, _stop)


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> bool:
    """Start-up of a process forked by the run: the parent alone answers signals, and the
    child dies with it. False when the parent died before that could be arranged: the child
    should leave at once.

    Ctrl-C reaches the whole process group, so a child ignores SIGINT (no traceback of its
    own) and the parent stops it; SIGTERM and SIGHUP end it at once. On Linux
    `PR_SET_PDEATHSIG` has the kernel SIGKILL the child when the parent dies, even by SIGKILL.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    return os.getppid() == parent


def end_process() -> None:
    """End a successful run's process now, its output flushed (exit 0).

    The interpreter's own exit would free the run's objects one by one and collect the
    cycles the run never collected (see `cli_errors.reports_errors`): 0.1-0.3 s on a large spec,
    serial, for memory the system takes back at once. Everything of the run is done (files
    closed, locks released, the workers' shares in: they end on their own); a stop signal
    now has nothing left to stop, so it is ignored rather than raised into the exit. Returns
    only if the output cannot be flushed (a closed pipe, say): the interpreter's exit then
    reports it as it would have.
    """
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(EXIT_OK)


def os_error_exit(exc: OSError) -> tuple[int, str]:
    """The exit code and the one-line message for an error of the environment."""
    name = errno.errorcode.get(exc.errno or 0, "")
    where = exc.filename if exc.filename is not None else "?"
    reason = f"{exc.strerror or exc} ({name})" if name else str(exc.strerror or exc)
    if exc.errno in _CANNOT_CREATE:
        return EXIT_CANTCREAT, f"cannot write output: {reason}: {where}"
    return EXIT_IOERR, f"I/O error: {reason}: {where}"
