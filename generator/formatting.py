"""Format: run black over generated Python, only where the result is not already known.

Black costs milliseconds a file, which would dominate generation. Its output depends only
on its version, its mode and the input text, so results are cached by a hash of those
three. A regeneration with nothing changed formats nothing.
"""

from __future__ import annotations

import hashlib
import os
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

    def format(self, path: str, text: str) -> str:
        key = self._key(text) if self.cache is not None else ""
        entry = self.cache / key[:2] / key if self.cache is not None else None
        if entry is not None:
            try:
                result = entry.read_text(encoding="utf-8")
                self.cached += 1
                return result
            except OSError:
                pass
        self._load_black()
        try:
            result = str(self._black.format_str(text, mode=self._mode))
        except Exception as exc:  # black's parse errors have no common base class
            # A template produced invalid Python: a bug of the generator, not of the spec.
            message = f"internal error: generated {path} is not valid Python ({exc})"
            raise SpecError([Diagnostic("error", message, Location(Path(path)))]) from exc
        self.formatted += 1
        if entry is not None:
            try:
                entry.parent.mkdir(parents=True, exist_ok=True)
                temporary = entry.with_suffix(f".{os.getpid()}.tmp")
                temporary.write_text(result, encoding="utf-8")
                os.replace(temporary, entry)
            except OSError:
                pass  # a read-only cache only costs speed
        return result


def format_files(files: dict[str, str], cache: Path | None) -> dict[str, str]:
    formatter = BlackFormatter(cache)
    return {path: formatter.format(path, text) if path.endswith(".py") else text for path, text in files.items()}
