"""Load: read YAML and JSON documents, follow `$ref`s across files, locate nodes in source.

Documents are parsed with PyYAML's C loader (timestamps stay strings, as in JSON). Line
and column numbers are only needed when something is wrong, so they are computed lazily,
per file, from a second parse that keeps the node marks.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from .errors import Diagnostic, Location, SpecError


class SpecYamlLoader(yaml.CSafeLoader):
    """The C safe loader with YAML 1.2 scalars, as OpenAPI expects.

    Timestamps stay strings (as in JSON), and only `true`/`false` are booleans: under
    YAML 1.1 a property named `on`, `off`, `yes` or `no` would silently become `True`.
    """


_BOOL = "tag:yaml.org,2002:bool"
_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
SpecYamlLoader.yaml_implicit_resolvers = {
    first: [
        (tag, _YAML12_BOOL if tag == _BOOL else regexp)
        for tag, regexp in resolvers
        if tag != "tag:yaml.org,2002:timestamp"
    ]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


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


class DocumentStore:
    """Parsed documents by path, each parsed once, plus lazy source positions."""

    def __init__(self) -> None:
        self._documents: dict[Path, Any] = {}
        self._texts: dict[Path, str] = {}
        self._marks: dict[Path, yaml.Node | None] = {}

    def load(self, path: Path, referrer: Location | None = None) -> Any:
        path = path.resolve()
        if path in self._documents:
            return self._documents[path]
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            where = referrer or Location(path)
            raise SpecError([Diagnostic("error", f"file not found: {path}", where)]) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise SpecError([Diagnostic("error", f"cannot read {path}: {exc}", referrer or Location(path))]) from None
        self._texts[path] = text
        self._documents[path] = self._parse(path, text)
        return self._documents[path]

    def _parse(self, path: Path, text: str) -> Any:
        if path.suffix == ".json":
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                location = Location(path, "", exc.lineno, exc.colno)
                raise SpecError([Diagnostic("error", f"invalid JSON: {exc.msg}", location)]) from None
        try:
            return yaml.load(text, Loader=SpecYamlLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            column = mark.column + 1 if mark else None
            problem = exc.problem or exc.context or "syntax error"
            location = Location(path, "", line, column)
            raise SpecError([Diagnostic("error", f"invalid YAML: {problem}", location)]) from None
        except yaml.YAMLError as exc:
            raise SpecError([Diagnostic("error", f"invalid YAML: {exc}", Location(path))]) from None

    def resolve_pointer(self, ref: Ref, referrer: Location | None = None) -> Any:
        node = self.load(ref.file, referrer)
        try:
            parts = split_pointer(ref.pointer)
        except ValueError as exc:
            raise SpecError([Diagnostic("error", str(exc), referrer or ref.location())]) from None
        for part in parts:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                message = f"$ref target not found: {ref.pointer!r} in {ref.file.name}"
                raise SpecError([Diagnostic("error", message, referrer or ref.location())])
        return node

    def locate(self, location: Location) -> Location:
        """The same location with the line and column of its node filled in, if found."""
        if location.line is not None:
            return location
        path = location.file.resolve()
        if path not in self._marks:
            self._marks[path] = self._compose(path)
        node = self._marks[path]
        if node is None:
            return location
        try:
            parts = split_pointer(location.pointer)
        except ValueError:
            parts = []
        mark = node.start_mark
        for part in parts:
            step = _child_node(node, part)
            if step is None:
                break
            # A mapping step reports the key's position: that is the line a person looks for.
            node, mark = step
        return Location(location.file, location.pointer, mark.line + 1, mark.column + 1)

    def _compose(self, path: Path) -> yaml.Node | None:
        text = self._texts.get(path)
        if text is None:
            return None
        try:
            return yaml.compose(text, Loader=SpecYamlLoader)
        except yaml.YAMLError:
            return None


def _child_node(node: yaml.Node, part: str) -> tuple[yaml.Node, yaml.Mark] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return value, key.start_mark
    if isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
        item: yaml.Node = node.value[int(part)]
        return item, item.start_mark
    return None


def parse_ref(ref: str, base: Location) -> Ref | str:
    """The target of a `$ref` string relative to the document it appears in, or an error."""
    if not isinstance(ref, str):
        return "$ref must be a string"
    target, _, fragment = ref.partition("#")
    if "://" in target or target.startswith("//"):
        return f"remote $ref is not supported: {ref!r}"
    pointer = unquote(fragment)
    if pointer and not pointer.startswith("/"):
        return f"$ref fragment must be a JSON pointer: {ref!r}"
    file = (base.file.parent / unquote(target)).resolve() if target else base.file.resolve()
    return Ref(file, pointer)
