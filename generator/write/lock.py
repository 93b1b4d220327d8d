"""One writer per output directory: an `fcntl.flock` on a lock file beside it.

`generate` holds the exclusive lock from planning to the swap, so two runs into one
directory take turns and the second plans against the tree the first finished; `check`
holds a shared lock while it reads, so it never sees a half-swapped tree. The lock file
sits beside the output (`.<name>.sdkgen-lock`), not inside it: the swap replaces the
directory, and a lock inside would move away with the old tree. The kernel drops the lock
when its holder dies, however it dies, so a lock is never stale; the file itself stays.
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_SUFFIX = ".sdkgen-lock"


class OutputLocked(Exception):
    """Another sdkgen run holds the output directory's lock, and we were told not to wait."""

    def __init__(self, output: Path, holder: str) -> None:
        owner = f" (pid {holder})" if holder else ""
        super().__init__(f"{output} is locked by another sdkgen run{owner}")


def lock_path(output: Path) -> Path:
    output = output.absolute()
    return output.parent / f".{output.name}{LOCK_SUFFIX}"


def _holder(descriptor: int) -> str:
    try:
        return os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""


@contextmanager
def output_lock(
    output: Path, *, exclusive: bool, wait: bool = True, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the output's lock for the `with` block.

    Exclusive (`generate`) creates the output's parent directory and the lock file as
    needed; shared (`check`) never creates anything: with no lock file to open (the parent
    is missing or read-only) there is no writer to wait for either, and it reads unlocked.
    Not waiting raises `OutputLocked` at once; waiting calls `on_wait` with the holder's pid first.
    """
    path = lock_path(output)
    flags = os.O_RDWR | os.O_CREAT if exclusive else os.O_RDONLY
    if exclusive:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0) | os.O_NOFOLLOW, 0o666)
    except OSError as exc:
        if exclusive or exc.errno not in (errno.ENOENT, errno.EACCES, errno.EROFS, errno.ENOTDIR):
            raise
        yield
        return
    try:
        operation = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(descriptor, operation | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise OutputLocked(output, _holder(descriptor)) from None
            if on_wait is not None:
                on_wait(_holder(descriptor))
            fcntl.flock(descriptor, operation)
        if exclusive:  # who holds it, for the message a waiting run prints
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock
