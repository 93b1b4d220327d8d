"""Write: put generated files in place atomically, tracked by a manifest.

The manifest (`.sdkgen-manifest.json` in the output directory) lists every file the
generator wrote with the hash of what it wrote. From it the writer knows which files are
its own: it never touches a file it did not write, never overwrites one a person edited
(unless forced), and removes only its own files that a new spec no longer produces.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".sdkgen-manifest.json"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_relative(path: str) -> bool:
    parts = Path(path).parts
    return bool(parts) and not Path(path).is_absolute() and ".." not in parts and MANIFEST not in parts


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


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
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
    manifest = read_manifest(output)
    result = Plan()
    for path in sorted(files):
        on_disk = _read(output / path)
        if on_disk == files[path]:
            result.unchanged.append(path)
            continue
        result.writes.append(path)
        if on_disk is None:
            continue
        if path not in manifest:
            result.foreign.append(path)
        elif digest(on_disk) != manifest[path]:
            result.edited.append(path)
    for path in sorted(set(manifest) - set(files)):
        on_disk = _read(output / path)
        if on_disk is None:
            continue
        if digest(on_disk) == manifest[path]:
            result.deletes.append(path)
        else:
            result.kept.append(path)
    return result


def apply(output: Path, files: dict[str, bytes], the_plan: Plan) -> None:
    """Stage every changed file beside its target, then move each into place, manifest last.

    Staging happens before anything in `output` changes, so a failure while rendering,
    formatting or staging leaves the old tree untouched.
    """
    output.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".sdkgen-staging-", dir=output))
    try:
        for index, path in enumerate(the_plan.writes):
            staged = staging / str(index)
            with open(staged, "wb") as handle:
                handle.write(files[path])
                handle.flush()
                os.fsync(handle.fileno())
        manifest_staged = staging / MANIFEST
        manifest_staged.write_text(manifest_text(files), encoding="utf-8")
        for index, path in enumerate(the_plan.writes):
            target = output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / str(index), target)
        for path in the_plan.deletes:
            (output / path).unlink(missing_ok=True)
            _remove_empty_parents(output, (output / path).parent)
        os.replace(manifest_staged, output / MANIFEST)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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
