"""The files of a Swagger 2.0 spec, each read as OpenAPI 3.0 once the loader stores it.

A Swagger 2.0 document is converted whole (`swagger2.py`). A spec may be split: a `$ref` may
lead to another 2.0 document (its `definitions` are then its `components/schemas`) or to a
fragment, a file of bare schemas or parameters written in 2.0's words. A fragment keeps its
shape; each node a 2.0 file refers to in it is converted in place as what the reference says
it is (a schema, a parameter ...), and so on through the fragment's own `$ref`s. What moved
in each file is kept, so a message about a converted node points at the file's own line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, Location, SpecError
from . import swagger2
from .swagger2_schemas import Sources


class Swagger2Files:
    """Which files were converted from Swagger 2.0, and where their nodes came from."""

    def __init__(
        self,
        load: Callable[[Path], Any],
        store: Callable[[Path, Any], None],
        target_of: Callable[[str, Path], tuple[Path, list[str]] | None],
        warnings: list[Diagnostic],
    ) -> None:
        self._load = load
        self._store = store
        """Replaces a stored document (a fragment whose root is the node converted)."""
        self._target_of = target_of
        """The file and pointer parts a `$ref` written in a file leads to (None: not a local file)."""
        self._warnings = warnings
        self._sources: dict[Path, Sources] = {}
        self._documents: set[Path] = set()
        """The files that are Swagger 2.0 documents."""
        self._written: dict[Path, dict[str, Any]] = {}
        """Each 2.0 document as written, until its `$ref`s are followed: the context
        (`produces` ...) of the fragments it refers to."""
        self._done: dict[tuple[Path, str], str] = {}
        """The fragment nodes converted already, as what: several `$ref`s may lead to one."""

    def convert(self, path: Path, document: dict[str, Any]) -> dict[str, Any]:
        """The 3.0 form of the 2.0 document read from `path`."""
        converted = swagger2.convert(document)
        self._sources[path] = converted.sources
        self._documents.add(path)
        self._written[path] = document
        self._warnings.extend(Diagnostic("warning", message, Location(path, at)) for message, at in converted.warnings)
        return converted.document

    def link(self, path: Path) -> None:
        """Follow the `$ref`s of the 2.0 document at `path`, stored by now (so that files that
        refer to each other find each other converted), through every fragment they reach."""
        root = self._written.pop(path, None)
        if root is None:
            return
        pending = [(path, holder, kind) for holder, kind in self._sources[path].refs]
        while pending:
            file, holder, kind = pending.pop()
            found = self._target_of(holder["$ref"], file)
            if found is None:
                continue
            target, parts = found
            try:
                document = self._load(target)
            except SpecError:
                continue  # a missing or broken file is reported where the `$ref` is followed
            if target in self._documents:
                if target != file:
                    holder["$ref"] = swagger2.rewrite_ref(holder["$ref"])
                continue
            pointer = "".join(f"/{part.replace('~', '~0').replace('/', '~1')}" for part in parts)
            if _is_openapi(document):
                continue
            operation = self._sources[file].operations.get(id(holder))
            if operation is not None and self._is_body(target, pointer, document, parts):
                # A body parameter kept in another file: the operation's request body, converted
                # where it is (its own `$ref`s stay relative to its file).
                operation[0]["parameters"] = [p for p in operation[0]["parameters"] if p is not holder]
                operation[0].setdefault("requestBody", {"$ref": holder["$ref"]})
                kind = "body"
            if (target, pointer) in self._done:
                continue
            self._done[target, pointer] = kind
            sources = self._sources.setdefault(target, Sources(fragment=True))
            before = len(sources.refs)
            consumes = operation[1] if operation is not None else None
            self._replace(target, document, parts, kind, pointer, sources, root, consumes)
            sources.done()
            pending.extend((target, h, k) for h, k in sources.refs[before:])
            self._warnings.extend(Diagnostic("warning", m, Location(target, at)) for m, at in sources.warnings)
            sources.warnings.clear()

    def _is_body(self, file: Path, pointer: str, document: Any, parts: list[str]) -> bool:
        """Whether the parameter at `pointer` in a fragment is a `body` one (or was, converted)."""
        if (file, pointer) in self._done:
            return self._done[file, pointer] == "body"
        node = _node_at(document, parts)
        return isinstance(node, dict) and node.get("in") == "body"

    def _replace(
        self,
        file: Path,
        document: Any,
        parts: list[str],
        kind: str,
        pointer: str,
        sources: Sources,
        root: dict[str, Any],
        consumes: list[str] | None,
    ) -> None:
        """Convert the node at `parts` of a fragment in place, as a `kind`."""
        if not parts:
            self._store(file, swagger2.convert_node(document, kind, pointer, sources, root, consumes))
            return
        parent = _node_at(document, parts[:-1])
        key: Any = parts[-1]
        if isinstance(parent, list) and key.isdigit() and int(key) < len(parent):
            key = int(key)
        elif not (isinstance(parent, dict) and key in parent):
            return  # reported where the `$ref` is followed
        parent[key] = swagger2.convert_node(parent[key], kind, pointer, sources, root, consumes)

    def source_pointer(self, path: Path, pointer: str) -> str:
        """The pointer of the node the converted one at `pointer` came from (itself if none did)."""
        sources = self._sources.get(path)
        return sources.source_pointer(pointer) if sources is not None else pointer


def _is_openapi(document: Any) -> bool:
    return isinstance(document, dict) and "openapi" in document


_MISSING = object()


def _node_at(document: Any, parts: list[str]) -> Any:
    """The node at `parts` in `document`, or a marker that is no mapping or list."""
    node = document
    for part in parts:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return _MISSING
    return node
