"""Format: run black over generated Python, only where the result is not already known.

Black costs milliseconds a file, which would dominate generation. Its output depends only
on its version, its mode and the input text, so results are cached by a hash of those
three. A regeneration with nothing changed formats nothing.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any

from .errors import Diagnostic, Location, SpecError


class BlackFormatter:
    def __init__(self, cache: Path | None) -> None:
        self.cache = cache / "black" if cache is not None else None
        self._black: Any = None
        self._mode: Any = None
        self.formatted = 0
        self.cached = 0
        self._salt = f"black {metadata.version('black')}\0mode=default\0".encode()

    def _load_black(self) -> None:
        if self._black is None:
            import black

            self._black = black
            self._mode = black.Mode()

    def _key(self, text: str) -> str:
        digest = hashlib.sha256(self._salt)
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _entry(self, text: str) -> Path | None:
        if self.cache is None:
            return None
        key = self._key(text)
        return self.cache / key[:2] / key

    def lookup(self, text: str) -> str | None:
        """Black's output for `text` if a previous run formatted it."""
        entry = self._entry(text)
        if entry is None:
            return None
        try:
            result = entry.read_text(encoding="utf-8")
        except OSError:
            return None
        self.cached += 1
        return result

    def store(self, text: str, result: str) -> None:
        entry = self._entry(text)
        if entry is None:
            return
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            temporary = entry.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(result, encoding="utf-8")
            os.replace(temporary, entry)
        except OSError:
            pass  # a read-only cache only costs speed

    def format(self, path: str, text: str) -> str:
        cached = self.lookup(text)
        if cached is not None:
            return cached
        self._load_black()
        try:
            result = str(self._black.format_str(text, mode=self._mode))
        except Exception as exc:  # black's parse errors have no common base class
            # A template produced invalid Python: a bug of the generator, not of the spec.
            message = f"internal error: generated {path} is not valid Python ({exc})"
            raise SpecError([Diagnostic("error", message, Location(Path(path)))]) from exc
        self.formatted += 1
        self.store(text, result)
        return result


PARALLEL_THRESHOLD = 200
"""Below this many files to format, starting worker processes costs more than it saves."""


def _format_chunk(chunk: list[tuple[str, str]]) -> list[tuple[str, str | Exception]]:
    import black

    mode = black.Mode()
    results: list[tuple[str, str | Exception]] = []
    for path, text in chunk:
        try:
            results.append((path, str(black.format_str(text, mode=mode))))
        except Exception as exc:  # reported by the parent, with the file's path
            results.append((path, exc))
    return results


def format_files(files: dict[str, str], cache: Path | None) -> dict[str, str]:
    """Every `.py` file through black (cached); many uncached files are formatted in parallel."""
    formatter = BlackFormatter(cache)
    result = dict(files)
    pending: list[tuple[str, str]] = []
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        cached = formatter.lookup(text)
        if cached is not None:
            result[path] = cached
        else:
            pending.append((path, text))
    workers = min(os.cpu_count() or 1, 8)
    if len(pending) < PARALLEL_THRESHOLD or workers < 2:
        for path, text in pending:
            result[path] = formatter.format(path, text)
        return result
    chunks = [pending[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for formatted in pool.map(_format_chunk, chunks):
            for path, outcome in formatted:
                if isinstance(outcome, Exception):
                    message = f"internal error: generated {path} is not valid Python ({outcome})"
                    raise SpecError([Diagnostic("error", message, Location(Path(path)))])
                result[path] = outcome
                formatter.store(files[path], outcome)
    return result
