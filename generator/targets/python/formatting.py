"""Format: every generated Python file through one run of `ruff format` (or black, when chosen).

The templates print short code close to the formatter's layout, so what a formatter changes
is mostly where a line that is too long breaks (a `Literal` with forty values, a long
signature). Rather than lay that out here, the files are written to a staging folder and
the formatter runs once over all of them: ruff formats the DigitalOcean package's 1,927
modules in about 0.1 s of CPU, less than it would take to find the long lines in Python.

Ruff is found through its Python package (the binary it ships), so the version is the one
installed beside sdkgen, never another on `PATH`; `--isolated` keeps the user's own ruff
configuration (and its user-level file) out of the generated code, which must be the same
on every machine. Black (`formatter = "black"`, `--formatter black`) runs the same way, as
`python -m black`, for teams whose checks hold the SDK to black itself.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

from .layout import LINE_LENGTH

TARGET_VERSION = "py39"
"""The oldest Python the generated package supports (`requires-python` in its
`pyproject.toml.jinja`): ruff keeps the code valid there."""


class FormatterMissing(Exception):
    """The chosen formatter is not installed beside sdkgen."""


def _missing(formatter: str) -> FormatterMissing:
    install = "pip install ruff" if formatter == "ruff" else "pip install 'sdkgen[black]'"
    return FormatterMissing(
        f"{formatter}, which formats the generated Python, is not installed beside sdkgen "
        f"in {sys.prefix} (`{install}` there)"
    )


class InvalidPython(Exception):
    """A generated file is not valid Python: a bug of the generator, reported (by the caller,
    which knows the IR) at the spec construct the file came from."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(path, detail)
        self.path, self.detail = path, detail


class FormatterFailed(Exception):
    """The formatter exited with an error that names no file (it crashed, say)."""


def _ruff_command() -> list[str]:
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]
    except ImportError:
        raise _missing("ruff") from None
    try:
        binary: str = find_ruff_bin()
    except FileNotFoundError:  # the package without its binary
        raise _missing("ruff") from None
    return [
        os.fsdecode(binary),
        "format",
        "--isolated",
        "--no-cache",  # nothing to reuse: the staging folder is new every run
        "--line-length",
        str(LINE_LENGTH),
        "--target-version",
        TARGET_VERSION,
        ".",
    ]


def _black_command() -> list[str]:
    if find_spec("black") is None:
        raise _missing("black")
    # Black's mode as `black.format_str` had it before ruff: the line length alone, the
    # target versions inferred from each file; an empty configuration keeps the user's own
    # (`~/.config/black`) out, as `--isolated` does for ruff.
    return [sys.executable, "-m", "black", "--quiet", "--config", os.devnull, "--line-length", str(LINE_LENGTH), "."]


# `error: Failed to parse path/to/file.py:3:5: message` (ruff), `error: cannot format
# /abs/path.py: Cannot parse ...: 3:5: ...` and `error: cannot parse: /abs/path.py:1:5` (black).
_PARSE_ERROR = re.compile(
    r"^error: (?:Failed to parse |cannot format |cannot parse: )(?P<path>.+?\.py):\s*(?P<detail>.*)$"
)


def _invalid_file(root: Path, stderr: str) -> InvalidPython | None:
    for line in stderr.splitlines():
        found = _PARSE_ERROR.match(line)
        if found is not None:
            path = Path(found["path"])
            if path.is_absolute():  # black names it so, under the staging folder's real path
                path = Path(os.path.relpath(path, root.resolve()))
            return InvalidPython(path.as_posix(), found["detail"].strip())
    return None


def write_python_files(root: Path, files: dict[str, str]) -> list[str]:
    """Write the `.py` files of `files` under `root`; their paths, for `read_formatted`."""
    written = []
    folders: set[Path] = set()
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        target = root / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_bytes(text.encode("utf-8"))
        written.append(path)
    return written


def formatter_command(formatter: str) -> list[str]:
    """The command that formats the current directory's Python files in place; raises
    `FormatterMissing` when the formatter is not installed."""
    return _ruff_command() if formatter == "ruff" else _black_command()


def format_tree(root: Path, command: list[str]) -> None:
    """Format every Python file under `root` in place, in one run of the formatter."""
    # Black caches what it formatted by path; this folder is gone after the run, so its
    # cache lives (and goes) with it instead of growing in the user's cache folder.
    environment = {**os.environ, "BLACK_CACHE_DIR": str(root / ".black-cache")}
    ran = subprocess.run(command, cwd=root, capture_output=True, text=True, env=environment)
    if ran.returncode != 0:
        invalid = _invalid_file(root, ran.stderr)
        if invalid is not None:
            raise invalid
        raise FormatterFailed(f"`{' '.join(command)}` failed (exit {ran.returncode}): {ran.stderr.strip()[-2000:]}")


def read_formatted(root: Path, paths: Iterable[str]) -> dict[str, bytes]:
    return {path: (root / path).read_bytes() for path in paths}


def staging_parent() -> str | None:
    """Where the staging folder goes: `$TMPDIR` when set, else `/dev/shm` where it is a
    writable folder, else the system's temporary folder.

    The files live there for a tenth of a second: on memory (tmpfs) writing the DigitalOcean
    package's 1,927 modules takes 0.04 s; on this machine's disk-backed `/tmp`, 4 s.
    """
    if os.environ.get("TMPDIR"):
        return None  # tempfile's own choice, which follows it
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def format_files(files: dict[str, str], command: list[str]) -> dict[str, bytes]:
    """Every file encoded, the `.py` ones formatted: in one run over a staging folder."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="sdkgen-format-", dir=staging_parent()) as staging:
        root = Path(staging)
        written = write_python_files(root, files)
        if written:
            format_tree(root, command)
        formatted = read_formatted(root, written)
    return {path: formatted[path] if path in formatted else text.encode("utf-8") for path, text in files.items()}
