"""One writer per output directory: an `fcntl.flock` on the output's parent directory itself.

`generate` holds the exclusive lock from planning to the swap, so two runs into one
directory take turns and the second plans against the tree the first finished; `check`
holds a shared lock while it reads, so it never sees a half-swapped tree. The kernel drops
the lock when its holder dies, however it dies, so a lock is never stale.

Why the parent directory, and no lock file: a lock file has to live somewhere, and every
place is worse. Beside the output it stays in the user's tree (their repository root, where
`git status` shows it). Inside the output it would move away with the old tree at the swap.
Under the user's cache directory it is seen only by runs with the same `$HOME` (another
user, a container, a CI job with another cache would write unseen), and its key (the
output's real path) has to be worked out for an output that may not exist yet. The parent
directory is what every writer of the output must already be able to open, since the swap
renames inside it; a directory can be `flock`ed like a file, and renaming its entries
leaves the lock alone. The cost: two outputs in one folder take turns too, for the
moments a run holds the lock (its plan and swap, not its generation).

Where a directory cannot be locked so (NFS emulates `flock` with byte-range locks, and an
exclusive one needs a descriptor open for writing, which a directory never is), the lock
falls back to a file under the user's cache folder named by a hash of the parent's real
path: still nothing in the user's tree, with the reach of the cache folder only.

Who holds it (for the message a waiting run prints) is read from `/proc/locks`, where the
kernel lists each lock's process by the locked inode; elsewhere the message has no pid.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .run_record import cache_dir

_CANNOT_LOCK_DIRECTORY = frozenset({errno.EBADF, errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL})
"""What `flock` on a directory gives where the file system cannot lock one that way (NFS)."""


class OutputLocked(Exception):
    """Another sdkgen run holds the output directory's lock, and we were told not to wait."""

    def __init__(self, output: Path, holder: str) -> None:
        owner = f" (pid {holder})" if holder else ""
        super().__init__(f"{output} is locked by another sdkgen run{owner}")


def lock_target(output: Path) -> Path:
    """The directory whose lock guards `output`: the folder it sits in."""
    return output.absolute().parent


def fallback_lock_file(folder: Path) -> Path:
    """The lock file under the cache folder for a parent directory that cannot be locked itself."""
    key = hashlib.sha256(os.fsencode(folder.resolve())).hexdigest()[:32]
    return cache_dir() / "locks" / key


def _open_fallback(folder: Path) -> int:
    path = fallback_lock_file(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | os.O_NOFOLLOW, 0o600)


LEGACY_LOCK_SUFFIX = ".sdkgen-lock"
"""Earlier versions locked `.<output>.sdkgen-lock` beside the output and left it there."""


def _remove_legacy_lock_file(output: Path) -> None:
    """The lock file an earlier version left beside the output: ours to remove."""
    try:
        os.unlink(output.absolute().parent / f".{output.absolute().name}{LEGACY_LOCK_SUFFIX}")
    except OSError:
        pass  # none there (or not ours to remove after all): nothing to do


def _lockable(descriptor: int, folder: Path) -> int:
    """The descriptor to lock: the directory's own, or the fallback file's (the directory's
    closed) where the file system cannot lock a directory exclusively. Probed with an
    exclusive lock whatever the caller wants, so that `check` and `generate` on such a file
    system both take the fallback and still exclude each other."""
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return descriptor  # held by another run: the directory can be locked
    except OSError as exc:
        if exc.errno not in _CANNOT_LOCK_DIRECTORY:
            raise
        fallback = _open_fallback(folder)
        os.close(descriptor)
        return fallback
    fcntl.flock(descriptor, fcntl.LOCK_UN)
    return descriptor


def _holder(descriptor: int) -> str:
    """The pid of a process holding a lock on the descriptor's inode, from `/proc/locks`
    (`1: FLOCK  ADVISORY  WRITE 4242 00:2c:1234 0 EOF`; a waiter's line has `->`)."""
    try:
        status = os.fstat(descriptor)
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            listed = locks.read()
    except OSError:
        return ""
    inode = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino}"
    for line in listed.splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[1] == "FLOCK" and fields[5] == inode:
            return fields[4]
    return ""


@contextmanager
def output_lock(
    output: Path, *, exclusive: bool, wait: bool = True, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the output's lock for the `with` block.

    Exclusive (`generate`) creates the output's parent directory as needed; shared (`check`)
    never creates anything: with no parent to open there is no writer to wait for either,
    and it reads unlocked. Not waiting raises `OutputLocked` at once; waiting calls
    `on_wait` with the holder's pid first.
    """
    folder = lock_target(output)
    if exclusive:
        folder.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exclusive or exc.errno not in (errno.ENOENT, errno.EACCES, errno.ENOTDIR):
            raise
        yield
        return
    try:
        operation = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        descriptor = _lockable(descriptor, folder)
        try:
            fcntl.flock(descriptor, operation | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise OutputLocked(output, _holder(descriptor)) from None
            if on_wait is not None:
                on_wait(_holder(descriptor))
            fcntl.flock(descriptor, operation)
        if exclusive:
            _remove_legacy_lock_file(output)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock
