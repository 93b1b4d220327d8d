"""Diagnostics: what went wrong in the input, and where.

Every problem the generator finds in a spec is a `Diagnostic` carrying the file, the
JSON pointer and (when known) the line and column. Stages collect diagnostics instead of
raising at the first one, so a user sees every independent problem in one run.

Errors are located (line and column found) before they are raised. A warning may be given
unlocated (as the IR gives its own; `Diagnostics.located_warnings`): finding a line reads the file's text, so
the pipeline locates the warnings only once the formatting workers have forked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, init=False)
class Location:
    """A place in the input: a file and a JSON pointer inside it, with its line and column."""

    file: Path
    pointer: str = ""
    line: int | None = None
    column: int | None = None

    def __init__(self, file: Path, pointer: str = "", line: int | None = None, column: int | None = None) -> None:
        # The IR builds one per node it reads: the fields go straight into the instance's
        # dict, as the frozen dataclass's own `__init__` would (through a call to
        # `object.__setattr__` each, at twice the cost).
        fields = self.__dict__
        fields["file"] = file
        fields["pointer"] = pointer
        fields["line"] = line
        fields["column"] = column

    def child(self, *segments: str | int) -> Location:
        pointer = self.pointer
        for segment in segments:
            text = str(segment)
            if "~" in text or "/" in text:  # rare in keys: most need no escaping
                text = text.replace("~", "~0").replace("/", "~1")
            pointer = f"{pointer}/{text}"
        return Location(self.file, pointer)


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    message: str
    location: Location

    def format(self, cwd: Path | None = None) -> str:
        file = self.location.file
        if cwd is not None:
            try:
                file = file.relative_to(cwd)
            except ValueError:
                pass
        line = self.location.line if self.location.line is not None else 1
        column = self.location.column if self.location.column is not None else 1
        text = f"{file}:{line}:{column}: {self.severity}: {self.message}"
        if self.location.pointer:
            text += f"\n    at {self.location.pointer or '/'}"
        return text


class SpecError(Exception):
    """Raised when the input cannot be turned into an SDK; carries every error found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(d.message for d in diagnostics))

    def __reduce__(self) -> tuple[type[SpecError], tuple[list[Diagnostic]]]:
        # Raised in a forked worker, it crosses back pickled: rebuilt from its diagnostics,
        # not from the joined message `Exception` would pass to `__init__`.
        return (SpecError, (self.diagnostics,))


@dataclass
class Diagnostics:
    """Collects diagnostics across the pipeline's stages."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, message: str, location: Location) -> None:
        self.items.append(Diagnostic("error", message, location))

    def warning(self, message: str, location: Location) -> None:
        self.items.append(Diagnostic("warning", message, location))

    def _unique(self, severity: str) -> list[Diagnostic]:
        """Each message once per place: a schema reached from several models is read several times."""
        seen: set[tuple[str, str, str]] = set()
        result = []
        for d in self.items:
            key = (d.message, str(d.location.file), d.location.pointer)
            if d.severity == severity and key not in seen:
                seen.add(key)
                result.append(d)
        return result

    def located_warnings(self, locate: Callable[[Location], Location]) -> list[Diagnostic]:
        """`warnings`, those given without a line located now (one that cannot be found keeps none)."""
        return [replace(d, location=locate(d.location)) if d.location.line is None else d for d in self.warnings]

    @property
    def errors(self) -> list[Diagnostic]:
        return self._unique("error")

    @property
    def warnings(self) -> list[Diagnostic]:
        return self._unique("warning")

    def raise_if_errors(self) -> None:
        if self.errors:
            raise SpecError(self.errors)
