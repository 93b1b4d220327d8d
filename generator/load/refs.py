"""`$ref`s: where one points (a file and a JSON pointer), parsed from its text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..errors import Location


@dataclass(frozen=True)
class Ref:
    """Where a `$ref` points: a file and a JSON pointer inside it."""

    file: Path
    pointer: str

    def location(self) -> Location:
        return Location(self.file, self.pointer)


def split_pointer(pointer: str) -> list[str]:
    if pointer in ("", "/"):
        return [] if pointer == "" else [""]
    if not pointer.startswith("/"):
        raise ValueError(f"JSON pointer must start with '/': {pointer!r}")
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer[1:].split("/")]


def parse_ref(ref: str, base: Location, resolve: Callable[[Path], Path] = Path.resolve) -> Ref | str:
    """The target of a `$ref` string relative to the document it appears in, or an error;
    `resolve` makes a path absolute (`DocumentStore` passes one that remembers its answers)."""
    if not isinstance(ref, str):
        return "$ref must be a string"
    target, _, fragment = ref.partition("#")
    if "://" in target or target.startswith("//"):
        return f"remote $ref is refused: {ref!r} (pass --allow-remote-refs to fetch it)"
    pointer = fragment_pointer(fragment)
    if pointer is None:
        return f"$ref fragment must be a JSON pointer: {ref!r}"
    file = resolve(base.file.parent / unquote(target)) if target else resolve(base.file)
    return Ref(file, pointer)


def fragment_pointer(fragment: str) -> str | None:
    """The JSON pointer a `$ref`'s fragment names, or None if it names none.

    A fragment with a `/` inside but not at its start (`#components/schemas/Pet`) is a pointer
    missing its leading slash, and read as one (`DocumentStore` warns about it). One with no
    `/` at all is a plain name (JSON Schema's `$anchor`), which is not a pointer.
    """
    pointer = unquote(fragment)
    if not pointer or pointer.startswith("/"):
        return pointer
    return "/" + pointer if "/" in pointer else None


def places_of_ref(document: Any, ref: str) -> list[str]:
    """The pointers of the objects in `document` whose `$ref` is `ref`, in document order."""
    places: list[str] = []
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            if node.get("$ref") == ref:
                places.append(pointer)
            items = list(node.items())
        elif isinstance(node, list):
            items = list(enumerate(node))
        else:
            continue
        for key, child in reversed(items):
            if isinstance(child, (dict, list)):
                stack.append((child, f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}"))
    return places
