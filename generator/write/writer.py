"""Write: put generated files in place atomically, tracked by a manifest.

The manifest (`.sdkgen-manifest.json` in the output directory) lists every file the
generator wrote with the hash of what it wrote. From it the writer knows which files are
its own: it never touches a file it did not write, never overwrites one a person edited
(unless forced), and removes only its own files that a new spec no longer produces.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST = ".sdkgen-manifest.json"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_relative(path: str) -> bool:
    # The parts `PurePosixPath(path).parts` gives, without building a path per manifest entry.
    parts = [part for part in path.split("/") if part not in ("", ".")]
    return bool(parts) and not path.startswith("/") and ".." not in parts and MANIFEST not in parts


def read_manifest(output: Path) -> dict[str, str]:
    try:
        data = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {str(k): str(v) for k, v in files.items() if safe_relative(str(k))}


def manifest_text(files: dict[str, bytes]) -> str:
    entries = {path: digest(files[path]) for path in sorted(files)}
    return json.dumps({"generator": "sdkgen", "files": entries}, indent=2, sort_keys=True) + "\n"


def _read(path: Path | str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


LINKED = b"\0sdkgen: a symbolic link\0"
"""What `plan` reads at a generated path that is, or lies under, a symbolic link: no file's bytes."""


def _parts(path: str) -> list[str]:
    """The parts `Path(path).parts` gives for a relative path, without building a `Path`."""
    return [part for part in path.split("/") if part not in ("", ".")]


def _through_link(root: Path, path: str, seen: dict[str, bool]) -> bool:
    """Whether `root/path` is a symbolic link or lies under one (checked once per directory)."""
    prefix = ""
    for part in _parts(path):
        prefix = f"{prefix}/{part}" if prefix else part
        linked = seen.get(prefix)
        if linked is None:
            linked = seen[prefix] = os.path.islink(f"{root}/{prefix}")
        if linked:
            return True
    return False


class _Listing:
    """What is in the output directory, read one directory at a time (`scandir`, no `stat`
    per file): a generated path that is not there is never opened, and a symbolic link is
    seen in its folder's listing. A fresh or missing output costs one call."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.folders: dict[str, dict[str, os.DirEntry[str]] | None] = {}

    def _entries(self, folder: str) -> dict[str, os.DirEntry[str]] | None:
        if folder not in self.folders:
            try:
                with os.scandir(f"{self.root}/{folder}" if folder else self.root) as found:
                    self.folders[folder] = {entry.name: entry for entry in found}
            except (FileNotFoundError, NotADirectoryError):
                self.folders[folder] = None
        return self.folders[folder]

    def read(self, path: str) -> bytes | None:
        """A generated path's bytes; `LINKED` where a link would lead outside what sdkgen owns;
        None where there is no file (nothing there, or a folder)."""
        parts = _parts(path)
        folder = ""
        for depth, part in enumerate(parts, 1):
            entries = self._entries(folder)
            entry = entries.get(part) if entries is not None else None
            if entry is None:
                return None
            if entry.is_symlink():
                return LINKED
            if depth == len(parts):
                return None if entry.is_dir(follow_symlinks=False) else _read(entry.path)
            if not entry.is_dir(follow_symlinks=False):
                return None
            folder = f"{folder}/{part}" if folder else part
        return None


@dataclass
class Plan:
    """What `generate` would do to the output directory."""

    writes: list[str] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    """Files the new output would replace that the generator did not write."""
    edited: list[str] = field(default_factory=list)
    """Files the generator wrote that were changed by hand since."""
    kept: list[str] = field(default_factory=list)
    """Stale files of ours that were edited by hand, so are left where they are."""

    @property
    def conflicts(self) -> list[str]:
        return sorted(self.foreign + self.edited)

    @property
    def changed(self) -> bool:
        return bool(self.writes or self.deletes)


def plan(output: Path, files: dict[str, bytes]) -> Plan:
    """Compare the new files with the output. A symbolic link at (or above) a generated path
    is never followed: it is a foreign file, refused like a hand-edited one."""
    if not os.path.isdir(output):  # a fresh output: every file is new (5 ms of lookups for 3,400 files)
        return Plan(writes=sorted(files))
    manifest = read_manifest(output)
    result = Plan()
    listing = _Listing(output)
    for path in sorted(files):
        on_disk = listing.read(path)
        if on_disk == files[path]:
            result.unchanged.append(path)
            continue
        result.writes.append(path)
        if on_disk is None:
            continue
        if path not in manifest or on_disk is LINKED:
            result.foreign.append(path)
        elif digest(on_disk) != manifest[path]:
            result.edited.append(path)
    for path in sorted(set(manifest) - set(files)):
        on_disk = listing.read(path)
        if on_disk is None or on_disk is LINKED:  # gone, or not ours to delete any more
            continue
        if digest(on_disk) == manifest[path]:
            result.deletes.append(path)
        else:
            result.kept.append(path)
    return result


NEXT_PREFIX = ".sdkgen-next-"
"""Directories beside the output that hold a tree being built; ours to remove."""
FAULT_ENV = "SDKGEN_FAULT_INJECT"
"""Test hook (tests/test_crash_safety.py): `SIGKILL` the process at the named point."""


def _fault_point(name: str) -> None:
    if os.environ.get(FAULT_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _libc() -> Any:
    # ctypes (like tempfile and difflib below) is imported where it is used: a run with
    # nothing to do never swaps a tree, and should not pay for loading them.
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`).

    False where the system or file system cannot: the caller falls back to per-file moves.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = _libc().renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    import ctypes

    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(a))


def _building_prefix(output: Path) -> str:
    return f".{output.name}{NEXT_PREFIX}"


def _owner_gone(name: str, prefix: str) -> bool:
    """Whether the run that named a build directory `<prefix><pid>-<random>` is no longer alive.

    A name without a pid (written by an older sdkgen) has no owner to ask: it is stale.
    """
    pid_text = name[len(prefix) :].partition("-")[0]
    if not pid_text.isdigit():
        return True
    pid = int(pid_text)
    if pid == os.getpid():
        return True  # our own, from an earlier step of this run
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def stale_leftovers(output: Path) -> list[Path]:
    """Trees an interrupted run was building beside the output: our own, or those whose owner is dead."""
    output = output.resolve()
    prefix = _building_prefix(output)
    try:
        found = [p for p in output.parent.iterdir() if p.name.startswith(prefix) and p.is_dir()]
    except OSError:
        return []
    return [leftover for leftover in found if _owner_gone(leftover.name, prefix)]


def remove_leftovers(output: Path) -> None:
    """Remove the `stale_leftovers`. The caller holds the output's exclusive lock."""
    for leftover in stale_leftovers(output):
        shutil.rmtree(leftover, ignore_errors=True)


class OutputNotWritable(Exception):
    """The output directory (or where it would be created) is not the user's to write."""


def check_writable(output: Path) -> None:
    """Refuse, before anything is rendered or changed, an output sdkgen could not replace.

    Replacing the output needs write access to it and to its parent (the swap renames it
    there); creating it needs write access to the nearest folder that exists.
    """
    output = output.absolute()
    if output.exists() and not output.is_dir():
        raise OutputNotWritable(f"cannot create output: {output} exists and is not a directory")
    existing = output
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputNotWritable(f"cannot create output: {existing} is not a directory")
    for directory in (existing, existing.parent) if existing == output else (existing,):
        if os.access(directory, os.W_OK | os.X_OK):
            continue
        if os.statvfs(directory).f_flag & os.ST_RDONLY:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(directory))
        raise OutputNotWritable(f"cannot write output: permission denied: {directory}")


def _match_directory(building: Path, output: Path) -> None:
    """Give the new tree the output's mode and owner (a `mkdtemp` folder is 0700, root's).

    A new output gets the mode `mkdir` would give it under the current umask.
    """
    try:
        info = os.stat(output)
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(building, 0o777 & ~umask)
        return
    os.chmod(building, stat.S_IMODE(info.st_mode))
    if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(building, info.st_uid, info.st_gid)
        except PermissionError:
            pass  # only root can give a folder away; the mode is kept all the same


def _unlink_links(root: Path, path: str) -> None:
    """Make every folder on the way to `root/path` a real one: a symbolic link there is
    removed (never its target), so the write lands inside `root`. Only with `--force`."""
    current = root
    for part in Path(path).parts[:-1]:
        current = current / part
        if current.is_symlink():
            current.unlink()
            current.mkdir()


def _link_tree(source: Path, target: Path) -> bool:
    """A copy of `source` in `target` made of hard links: instant, and every file (ours or not)
    keeps its exact bytes and inode. True if it holds a symbolic link."""
    linked = False
    for directory, subdirs, names in os.walk(source):
        relative = Path(directory).relative_to(source)
        for subdir in subdirs:
            if (Path(directory) / subdir).is_symlink():
                linked = True
                os.symlink(os.readlink(Path(directory) / subdir), target / relative / subdir)
            else:
                (target / relative / subdir).mkdir()
                os.chmod(target / relative / subdir, stat.S_IMODE(os.lstat(Path(directory) / subdir).st_mode))
        subdirs[:] = [d for d in subdirs if not (Path(directory) / d).is_symlink()]
        for name in names:
            src, dst = Path(directory) / name, target / relative / name
            if src.is_symlink():
                linked = True
                os.symlink(os.readlink(src), dst)
                continue
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)
    return linked


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _write_file(target: str, data: bytes, made: set[str]) -> None:
    """Write into the tree being built, which nobody else sees yet: no temporary file needed.

    A file already there is a hard link to the current output's file (or a symbolic link),
    so it is unlinked and the new text gets a new inode: the original is not touched. In a
    fresh tree that costs nothing: the exclusive create fails only where something is there.
    """
    folder = os.path.dirname(target)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    try:
        descriptor = os.open(target, _CREATE, 0o666)
    except FileExistsError:
        os.unlink(target)
        descriptor = os.open(target, _CREATE, 0o666)
    try:
        with memoryview(data) as view:
            while view:
                view = view[os.write(descriptor, view) :]
    except OSError as exc:  # ENOSPC, EIO ... from write(2), which names no file: name it
        raise OSError(exc.errno, exc.strerror, target) from exc
    finally:
        os.close(descriptor)


def _sync_tree(root: Path) -> None:
    """Make the new tree durable before it is swapped in: one `syncfs` for the file system
    instead of an `fsync` per file (thousands of them for a large API)."""
    descriptor = os.open(root, os.O_RDONLY)
    try:
        syncfs = getattr(_libc(), "syncfs", None) if sys.platform.startswith("linux") else None
        if syncfs is None or syncfs(descriptor) != 0:
            os.sync()
    finally:
        os.close(descriptor)


def apply(output: Path, files: dict[str, bytes], the_plan: Plan) -> None:
    """Build the new tree beside the output, then swap it in with one atomic rename.

    The new tree starts as hard links to the current one (so files sdkgen did not write
    come along unchanged), gets the changed files and the manifest, and replaces the
    output directory in a single `RENAME_EXCHANGE`: a crash or `kill -9` at any moment
    leaves either the old tree or the new one. Leftovers of an interrupted run are
    removed first. Where directories cannot be exchanged, files move one by one.
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(output)
    import tempfile

    building = Path(tempfile.mkdtemp(prefix=f"{_building_prefix(output)}{os.getpid()}-", dir=output.parent))
    try:
        _match_directory(building, output)
        existed = output.is_dir()
        # Only links copied from the output can lead a write out of the tree being built.
        linked = _link_tree(output, building) if existed else False
        _fault_point("linked")
        root = str(building)
        made = {root}
        seen: dict[str, bool] = {}
        half = len(the_plan.writes) // 2
        for count, path in enumerate(the_plan.writes, 1):
            if linked and _through_link(building, path, seen):
                _unlink_links(building, path)
                seen.clear()
            _write_file(f"{root}/{path}", files[path], made)
            if count == half:
                _fault_point("half-written")
        for path in the_plan.deletes:
            if _through_link(building, path, seen):
                continue
            (building / path).unlink(missing_ok=True)
            _remove_empty_parents(building, (building / path).parent)
        _write_file(f"{root}/{MANIFEST}", manifest_text(files).encode("utf-8"), made)
        _sync_tree(building)
        _fault_point("built")
        if not existed:
            os.rename(building, output)
            return
        if _exchange(building, output):
            _fault_point("exchanged")
            return
        _apply_file_by_file(output, building, the_plan)
    finally:
        shutil.rmtree(building, ignore_errors=True)


def _apply_file_by_file(output: Path, building: Path, the_plan: Plan) -> None:
    """The fallback: move each new file into place (each move atomic), the manifest last."""
    seen: dict[str, bool] = {}
    for path in the_plan.writes:
        if _through_link(output, path, seen):
            _unlink_links(output, path)
            seen.clear()
        (output / path).parent.mkdir(parents=True, exist_ok=True)
        os.replace(building / path, output / path)
    for path in the_plan.deletes:
        if _through_link(output, path, seen):
            continue
        (output / path).unlink(missing_ok=True)
        _remove_empty_parents(output, (output / path).parent)
    os.replace(building / MANIFEST, output / MANIFEST)


def _remove_empty_parents(output: Path, directory: Path) -> None:
    while directory != output and output in directory.parents:
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent


def unified_diff(output: Path, files: dict[str, bytes], the_plan: Plan) -> str:
    """What `generate` would change, as a unified diff against the files on disk."""
    chunks: list[str] = []
    for path in the_plan.writes:
        old = _read(output / path)
        chunks.extend(_diff(path, old, files[path]))
    for path in the_plan.deletes:
        chunks.extend(_diff(path, _read(output / path), None))
    if not the_plan.changed and _read(output / MANIFEST) != manifest_text(files).encode():
        chunks.extend(_diff(MANIFEST, _read(output / MANIFEST), manifest_text(files).encode()))
    return "".join(chunks)


def _diff(path: str, old: bytes | None, new: bytes | None) -> list[str]:
    import difflib

    def lines(data: bytes | None) -> list[str]:
        return data.decode("utf-8", "replace").splitlines(keepends=True) if data is not None else []

    result = list(
        difflib.unified_diff(
            lines(old),
            lines(new),
            fromfile=f"a/{path}" if old is not None else "/dev/null",
            tofile=f"b/{path}" if new is not None else "/dev/null",
        )
    )
    if result and not result[-1].endswith("\n"):
        result[-1] += "\n\\ No newline at end of file\n"
    return result
