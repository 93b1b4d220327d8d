"""Swagger 2.0's schemas, parameter types and headers as OpenAPI 3.0 writes them.

A 2.0 schema is a 3.0 schema but for three spellings (`x-nullable`, `type: file`, a
`discriminator` that is only a property name) and where its `$ref`s point. A non-body
parameter or a response header carries its type keywords itself; 3.0 moves them into a
`schema`. Every node that moves is recorded in `Sources` (its new JSON pointer to its old
one), so a message about the converted document points at the 2.0 file's own line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

SECTIONS = {
    "/definitions/": "/components/schemas/",
    "/parameters/": "/components/parameters/",
    "/responses/": "/components/responses/",
}
"""Where each 2.0 section's entries live in 3.0 (a `$ref`'s fragment is rewritten by it)."""

TYPE_KEYWORDS = (
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
    "x-nullable",
)
"""The keywords of a 2.0 parameter or header that describe its value: its 3.0 `schema`."""

_BARE_NAME = re.compile(r"[A-Za-z0-9_-]+")
"""A `$ref` that is only a name (`$ref: Pet`): Swagger 1.2's way of naming a model, which
2.0 tools still read as `#/definitions/Pet`; as a relative file name it would have no suffix."""

_SCHEMA_MAPS = ("properties", "definitions", "patternProperties")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
_SCHEMA_VALUES = ("items", "additionalProperties", "not")


def segment(key: Any) -> str:
    """One JSON pointer segment for `key`."""
    text = str(key)
    return text.replace("~", "~0").replace("/", "~1") if "~" in text or "/" in text else text


def rewrite_ref(ref: str) -> str:
    """A 2.0 `$ref` with its fragment moved to the 3.0 section (`#/definitions/Pet` ->
    `#/components/schemas/Pet`); any other `$ref` as it is."""
    target, hash_, fragment = ref.partition("#")
    for old, new in SECTIONS.items():
        if fragment.startswith(old):
            return f"{target}{hash_}{new}{fragment[len(old) :]}"
    return ref


class Sources:
    """Converted JSON pointers to the 2.0 pointers they came from, for the nodes that moved;
    a pointer below a moved node moved with it, and anything else did not move.

    For a Swagger 2.0 document, a `$ref` into one of its own sections is rewritten to where 3.0
    keeps it. A fragment (a file of schemas or parameters, not a document) keeps its shape:
    with `fragment`, its `$ref`s stay as written and their targets are converted in place."""

    def __init__(self, fragment: bool = False, definitions: Iterable[str] = ()) -> None:
        self.fragment = fragment
        self.definitions = frozenset(definitions)
        """The document's definition names: what a bare `$ref: Pet` can name."""
        self.moved: dict[str, str] = {}
        self.warnings: list[tuple[str, str]] = []
        """What the 3.0 document cannot say as the 2.0 one did: (message, converted pointer)."""
        self.refs: list[tuple[dict[str, Any], str]] = []
        """The objects holding a `$ref` the loader follows once this file is stored, and what the
        target is (`schema`, `parameter`, `response`, `path`): a `$ref` into another file's
        2.0 section is rewritten only if that file is a 2.0 document too, and the target in a
        fragment is converted as what it is (`swagger2_files.py`)."""
        self.operations: dict[int, tuple[dict[str, Any], list[str]]] = {}
        """For each `$ref` to a parameter in another file (by its holder's id, the holder kept
        in the operation), the operation and the media types it consumes: a `body` parameter
        found there becomes the operation's request body."""
        self._schemas: dict[int, tuple[Any, dict[str, Any]]] = {}
        """Each schema converted once: YAML aliases may share one node in many places."""

    def done(self) -> None:
        """One conversion is over: the schemas as written need not be kept alive any longer."""
        self._schemas.clear()

    def move(self, converted: str, source: str) -> None:
        if converted != source:
            self.moved[converted] = source

    def source_pointer(self, pointer: str) -> str:
        """The 2.0 pointer of the node at `pointer` in the converted document."""
        head, tail = pointer, ""
        while True:
            found = self.moved.get(head)
            if found is not None:
                return found + tail
            cut = head.rfind("/")
            if cut < 0:
                return pointer
            head, tail = head[:cut], head[cut:] + tail

    def ref(self, holder: dict[str, Any], kind: str) -> dict[str, Any]:
        """A copy of `holder` (a mapping with a `$ref` to a `kind` of object) with the `$ref`
        pointing where 3.0 keeps its target."""
        copy = dict(holder)
        self.ref_into(copy, holder["$ref"], kind)
        return copy

    def ref_into(self, holder: dict[str, Any], ref: Any, kind: str, at: str = "") -> None:
        """Set `holder` (at `at`)'s `$ref` to `ref`, moved to its 3.0 section when it is local
        to a 2.0 document; any other is left to the loader (`refs`)."""
        holder["$ref"] = ref
        if not isinstance(ref, str):
            return
        if kind == "schema" and ref in self.definitions and _BARE_NAME.fullmatch(ref):
            holder["$ref"] = f"#/components/schemas/{segment(ref)}"
            self.warnings.append(
                (f"$ref {ref!r} is read as '#/definitions/{ref}' (a bare name, as Swagger 1.2 wrote it)", f"{at}/$ref")
            )
        elif ref.startswith("#") and not self.fragment:
            holder["$ref"] = rewrite_ref(ref)
        else:
            self.refs.append((holder, kind))

    def schema(self, node: Any, at: str, source: str) -> Any:
        """The 3.0 form of a 2.0 schema found at `source`, placed at `at`."""
        self.move(at, source)
        return self._schema(node, at, source)

    def _schema(self, node: Any, at: str, source: str) -> Any:
        """`schema` below its root: a subschema keeps its path relative to the root, so only
        the keywords that change record where they came from."""
        if not isinstance(node, dict):
            return node
        known = self._schemas.get(id(node))
        if known is not None:
            return known[1]
        result: dict[str, Any] = {}
        self._schemas[id(node)] = (node, result)  # the node kept alive: no other may take its id
        for key, value in node.items():
            if key == "$ref":
                self.ref_into(result, value, "schema", at)
            elif key == "x-nullable" and isinstance(value, bool):
                result["nullable"] = value
                self.move(f"{at}/nullable", f"{source}/x-nullable")
            elif key == "type" and value == "file":
                result["type"] = "string"
                result["format"] = "binary"
                self.move(f"{at}/format", f"{source}/type")
            elif key == "discriminator" and isinstance(value, str):
                result["discriminator"] = {"propertyName": value}
                self.move(f"{at}/discriminator/propertyName", f"{source}/discriminator")
            elif key in _SCHEMA_MAPS and isinstance(value, dict):
                result[key] = {
                    name: self._schema(item, f"{at}/{key}/{segment(name)}", f"{source}/{key}/{segment(name)}")
                    for name, item in value.items()
                }
            elif key in _SCHEMA_LISTS and isinstance(value, list):
                result[key] = [
                    self._schema(item, f"{at}/{key}/{i}", f"{source}/{key}/{i}") for i, item in enumerate(value)
                ]
            elif key in _SCHEMA_VALUES and isinstance(value, dict):
                result[key] = self._schema(value, f"{at}/{key}", f"{source}/{key}")
            elif key != "format" or "format" not in result:  # `type: file` wrote a format already
                result[key] = value
        return result

    def typed_schema(self, node: dict[str, Any], at: str, source: str) -> dict[str, Any]:
        """The `schema` of a 2.0 parameter, header or form field: its type keywords."""
        own = {key: node[key] for key in TYPE_KEYWORDS if key in node}
        items = own.get("items")
        if isinstance(items, dict) and "collectionFormat" in items:  # 3.0 cannot nest them; the outer one rules
            own["items"] = {key: value for key, value in items.items() if key != "collectionFormat"}
        converted = self.schema(own, at, source)
        assert isinstance(converted, dict)
        return converted

    def style(self, node: dict[str, Any], where: str, at: str, source: str) -> dict[str, Any]:
        """The `style` and `explode` that send an array as `collectionFormat` says (csv when
        it says nothing), for a parameter or header `where` ('query', 'path', 'header',
        'formData'); a format 3.0 cannot say is warned about and sent as 3.0 can."""
        if node.get("type") != "array":
            return {}
        form = where in ("query", "formData", "cookie")
        fmt = node.get("collectionFormat", "csv")
        self.move(f"{at}/style", f"{source}/collectionFormat")
        self.move(f"{at}/explode", f"{source}/collectionFormat")
        if fmt == "multi" and form:
            return {"style": "form", "explode": True}
        if fmt == "ssv" and where in ("query", "formData"):
            return {"style": "spaceDelimited", "explode": False}
        if fmt == "pipes" and where in ("query", "formData"):
            return {"style": "pipeDelimited", "explode": False}
        if fmt != "csv":
            shown = fmt if isinstance(fmt, str) else repr(fmt)
            message = f"collectionFormat {shown!r} has no OpenAPI 3 style for a {where} value: sent comma-separated"
            self.warnings.append((message, f"{at}/style"))
        return {"style": "form", "explode": False} if form else {"style": "simple", "explode": False}

    def header(self, node: Any, at: str, source: str) -> Any:
        """A 2.0 response header as a 3.0 header object."""
        self.move(at, source)
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            return self.ref(node, "header")
        result = {key: value for key, value in node.items() if key not in TYPE_KEYWORDS and key != "collectionFormat"}
        result.update(self.style(node, "header", at, source))
        result["schema"] = self.typed_schema(node, f"{at}/schema", source)
        return result

    def parameter(self, node: Any, at: str, source: str) -> Any:
        """A 2.0 query, path, header or cookie parameter as a 3.0 parameter object."""
        self.move(at, source)
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            return self.ref(node, "parameter")
        where = node.get("in")
        result = {key: value for key, value in node.items() if key not in TYPE_KEYWORDS and key != "collectionFormat"}
        if where == "path":
            result["required"] = True  # 2.0 requires it too; an omission means nothing else
        if where != "query":
            result.pop("allowEmptyValue", None)
        result.update(self.style(node, str(where), at, source))
        if "type" not in node and isinstance(node.get("schema"), dict):
            result["schema"] = self.schema(node["schema"], f"{at}/schema", f"{source}/schema")
        else:
            result["schema"] = self.typed_schema(node, f"{at}/schema", source)
        return result

    def form_field(self, node: dict[str, Any], at: str, source: str) -> dict[str, Any]:
        """A 2.0 `formData` parameter as the property of a form body's schema."""
        field = self.typed_schema(node, at, source)
        for key in ("description", "example"):
            if key in node:
                field[key] = node[key]
        for key, value in node.items():
            if isinstance(key, str) and key.startswith("x-") and key != "x-nullable":
                field[key] = value
        return field
