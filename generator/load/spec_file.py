"""Read a spec file safely: only regular files, never more than a size limit.

A FIFO, a device (`/dev/zero`), a socket or a directory named as the spec would otherwise
hang the run or read without end; a file over the limit is refused from its size alone,
before a byte of it is read. Standard input (`-`) is read up to the same limit.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

DEFAULT_MAX_SPEC_BYTES = 256 * 1024 * 1024
STDIN = "-"


class SpecFileError(Exception):
    """The spec (or a file it refers to) cannot be read as a spec: the message says why."""


def _megabytes(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"


def read_spec_bytes(path: Path, limit: int, *, check_only: bool = False) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `limit` bytes.

    Opened with `O_NONBLOCK` so that a FIFO with no writer fails the check instead of
    blocking in `open`; the type and size come from `fstat` of that same descriptor.
    `check_only` stops after the checks (before anything else reads the file).
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise SpecFileError(f"{path} is a directory, not a spec file")
        if not stat.S_ISREG(info.st_mode):
            raise SpecFileError(f"{path} is not a regular file (a FIFO, device or socket); pass - for standard input")
        if info.st_size > limit:
            size = _megabytes(info.st_size)
            raise SpecFileError(f"{path} is {size}, over the {_megabytes(limit)} limit (raise it with --max-spec-size)")
        if check_only:
            return b""
        with open(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:  # it grew while being read
        raise SpecFileError(f"{path} is over the {_megabytes(limit)} limit (raise it with --max-spec-size)")
    return data


def read_stdin(limit: int, stream: BinaryIO | None = None) -> Path:
    """Standard input, read up to `limit` bytes, saved to a private temporary file.

    The pipeline works from paths (relative `$ref`s, line numbers in messages); the file
    is named `stdin.json` or `stdin.yaml` by its first character. The caller removes its folder.
    """
    source = stream if stream is not None else sys.stdin.buffer
    data = source.read(limit + 1)
    if len(data) > limit:
        raise SpecFileError(f"standard input is over the {_megabytes(limit)} limit (raise it with --max-spec-size)")
    name = "stdin.json" if data.lstrip()[:1] in (b"{", b"[") else "stdin.yaml"
    import tempfile  # not on the common path, a spec file

    path = Path(tempfile.mkdtemp(prefix="sdkgen-stdin-")) / name
    path.write_bytes(data)
    return path
