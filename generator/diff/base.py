"""The spec as it was at another commit: the repository at that commit in a temporary folder.

The whole tree is exported (`git archive`), so a spec split over several files resolves its
relative `$ref`s as it did then.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from ..errors import Diagnostic, Location, SpecError


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise SpecError([Diagnostic("error", f"cannot run git: {exc}", Location(cwd))]) from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        text = f"git {' '.join(args)}: {message[-1] if message else 'failed'}"
        raise SpecError([Diagnostic("error", text, Location(cwd))])
    return result.stdout


def spec_at(ref: str, spec: Path, into: Path) -> Path:
    """Export the repository holding `spec` at `ref` into `into`; return where the spec lies there."""
    spec = spec.resolve()
    top = repository_root(spec.parent)
    relative = spec.relative_to(top)
    archive = _git(["archive", "--format=tar", ref], top)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    found = into / relative
    if not found.is_file():
        raise SpecError([Diagnostic("error", f"{relative.as_posix()} does not exist at {ref}", Location(spec))])
    return found


def repository_root(folder: Path) -> Path:
    """The top folder of the git repository holding `folder`."""
    return Path(_git(["rev-parse", "--show-toplevel"], folder).decode().strip())


def project_at(cwd: Path, into: Path) -> Path | None:
    """Where the project folder `cwd` lies in a tree `spec_at` exported, if it is in the repository."""
    try:
        return into / cwd.resolve().relative_to(repository_root(cwd))
    except (SpecError, ValueError):
        return None
