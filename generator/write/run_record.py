"""A record of the last successful run, so that running again with nothing changed is free.

Keyed by the spec, package, output directory and a fingerprint of sdkgen itself (its code
and templates), the record lists every input file with its hash and the hash of the
manifest written. If all inputs hash the same and every generated file on disk still
matches the manifest, the output is exactly what a full run would write: nothing to do.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import __version__
from ..config import templates_dir
from .writer import MANIFEST, read_manifest


def cache_dir() -> Path:
    """`$SDKGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/sdkgen`, else `~/.cache/sdkgen`."""
    configured = os.environ.get("SDKGEN_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sdkgen"


def installed_version(package: str) -> str:
    """The installed distribution's `name-version` (its `.dist-info` folder beside the import
    package), found without importlib.metadata, which a run with nothing to do cannot afford:
    part of a record's key where another version of it would write other bytes (the formatter)."""
    from importlib.util import find_spec

    found = find_spec(package)
    if found is None or not found.submodule_search_locations:
        return "missing"
    site = Path(next(iter(found.submodule_search_locations))).parent
    prefix = f"{package}-"
    try:
        return next(
            (e.name for e in os.scandir(site) if e.name.startswith(prefix) and e.name.endswith(".dist-info")), "unknown"
        )
    except OSError:
        return "unknown"


@cache
def fingerprint() -> str:
    """sdkgen's version, code and templates: any change to them invalidates every record."""

    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent.parent
    for root in (package, templates_dir()):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".jinja")):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def file_digest(path: Path | str) -> str | None:
    # Plain descriptors, not `open()`: a run with nothing to do hashes thousands of files,
    # and a file object per file (its buffer, its tty check) was a measurable part of that cost.
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        digest = hashlib.sha256()
        while chunk := os.read(descriptor, 1 << 20):
            digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None
    finally:
        os.close(descriptor)


@dataclass(frozen=True)
class RunRecord:
    inputs: dict[str, str]
    manifest: str
    models: int
    files: int
    warnings: list[str]

    @staticmethod
    def path(cache: Path, spec: Path, package: str, output: Path) -> Path:
        key = hashlib.sha256(
            "\0".join((str(spec.resolve()), package, str(output.resolve()), fingerprint())).encode()
        ).hexdigest()
        return cache / "runs" / f"{key}.json"

    @classmethod
    def load(cls, path: Path) -> RunRecord | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                dict(data["inputs"]),
                str(data["manifest"]),
                int(data["models"]),
                int(data["files"]),
                list(data["warnings"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.__dict__, indent=1, sort_keys=True)
        import tempfile  # only once a run has written something

        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8") as handle:
            handle.write(text)
        os.replace(handle.name, path)

    def still_holds(self, output: Path) -> bool:
        """Inputs unchanged, and the output exactly as the manifest says it was written."""
        if any(file_digest(p) != digest for p, digest in self.inputs.items()):
            return False
        if file_digest(output / MANIFEST) != self.manifest:
            return False
        written = read_manifest(output)
        root = os.fspath(output) + os.sep  # joined as strings: a `Path` per file cost more than its hash
        return len(written) == self.files and all(file_digest(root + p) == digest for p, digest in written.items())
