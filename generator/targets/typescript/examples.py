"""The TypeScript call of a method as the docs show it, beside the Python one: the import, the
client and the call with the same example values, as prettier prints it.

The call is laid out as the TypeScript target lays out its methods (`resources.py`): the
resource path and method name camel-cased (`client.registry.garbageCollections.list`), path
parameters by position, every other argument in one params object keyed as the params
interface keys it, and a list that pages iterated with `for await`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...ir.model import (
    AliasIR,
    ApiIR,
    ClassIR,
    ClassType,
    ConstrainedType,
    DictType,
    ListType,
    OperationIR,
    ResourceIR,
    TypeIR,
    UnionType,
)
from ..examples import FILE, CallValues, Examples
from .resources import RAW_BODY
from .spelling import WIDTH, camel_case, client_attribute, literal, property_key, ts_string
from .target import npm_name

SHORT_KEY = 5
"""Prettier keeps a long value on its key's line when the key is narrower than this (its
tab width plus the overlap it thinks worth a line break)."""


@dataclass(frozen=True)
class Source:
    """A value given as TypeScript source (a `Blob` for a file), not as a JSON value."""

    text: str


BLOB = Source('new Blob(["example"])')


def number(value: int | float) -> str:
    """A number as prettier prints it: `1e-7`, not JSON's `1e-07`."""
    return re.sub(r"e\+?(-?)0*(\d)", r"e\1\2", literal(value).lower())


def flat(value: object) -> str:
    """The value on one line."""
    if isinstance(value, Source):
        return value.text
    if isinstance(value, str):
        return ts_string(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value)
    if isinstance(value, list):
        return "[" + ", ".join(flat(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{property_key(str(k))}: {flat(v)}" for k, v in value.items()) + " }"
    return literal(value)


def always_breaks(value: object) -> bool:
    """Prettier breaks an array of several objects (or arrays) of more than one entry each,
    one a line, even where it would fit."""
    if not isinstance(value, list) or len(value) < 2:
        return False
    kinds = {type(v) for v in value}
    return len(kinds) == 1 and kinds <= {dict, list} and all(len(v) > 1 for v in value)


def value_lines(value: object, indent: str, head: str, tail: str) -> list[str]:
    """`head value tail` at `indent`: on one line if it fits, else an object or array broken
    one entry a line, each laid out the same way."""
    line = f"{indent}{head}{flat(value)}{tail}"
    if not isinstance(value, (dict, list)) or not value or (len(line) <= WIDTH and not always_breaks(value)):
        return [line]
    opening, closing = "{}" if isinstance(value, dict) else "[]"
    return [f"{indent}{head}{opening}", *entries(value, indent + "  "), f"{indent}{closing}{tail}"]


def entries(value: object, indent: str) -> list[str]:
    """The entries of an object or array broken open, each with its trailing comma."""
    lines: list[str] = []
    if isinstance(value, list):
        for item in value:
            lines += value_lines(item, indent, "", ",")
        return lines
    assert isinstance(value, dict)
    for key, item in value.items():
        name = property_key(str(key))
        line = f"{indent}{name}: {flat(item)},"
        if len(line) > WIDTH and isinstance(item, str) and len(name) >= SHORT_KEY:
            lines += [f"{indent}{name}:", f"{indent}  {flat(item)},"]  # a long string: after the key
        else:
            lines += value_lines(item, indent, f"{name}: ", ",")
    return lines


def lone_short(value: object) -> bool:
    """Whether prettier counts a lone argument as short: a number, `true`, `null`, or a string
    of at most a quarter of the line."""
    if isinstance(value, str):
        return len(ts_string(value)) <= WIDTH // 4
    return value is None or isinstance(value, (bool, int, float))


def call_lines(head: str, arguments: list[object], tail: str, assigned: str = "", indent: str = "") -> list[str]:
    """`assigned head(arguments)tail` as prettier prints a call: on one line; else with its
    last argument, an object, hugged (`f("id", {` ... `});`); else one argument a line. The
    value of an assignment (`assigned`: `const result = `) goes to the next line when even
    `assigned head(` does not fit."""
    start = f"{indent}{assigned}{head}("
    line = f"{start}{', '.join(flat(a) for a in arguments)}){tail}"
    # A call that can hardly break (no argument, or one short one) moves whole to the next line.
    hardly_breaks = not arguments or (len(arguments) == 1 and lone_short(arguments[0]))
    if assigned and (len(start) > WIDTH or (hardly_breaks and len(line) > WIDTH)):
        return [f"{indent}{assigned.rstrip()}", *call_lines(head, arguments, tail, "", indent + "  ")]
    if not arguments or (len(line) <= WIDTH and not any(always_breaks(a) for a in arguments)):
        return [line]
    *first, last = arguments
    hugged = f"{start}{''.join(flat(a) + ', ' for a in first)}{{"
    if isinstance(last, dict) and last and len(hugged) <= WIDTH:
        return [hugged, *entries(last, indent + "  "), f"{indent}}}){tail}"]
    lines = [start]
    for argument in arguments:
        lines += value_lines(argument, indent + "  ", "", ",")
    return [*lines, f"{indent}){tail}"]


class CallExamples:
    """The TypeScript example of each method of one API's docs."""

    def __init__(self, api: ApiIR) -> None:
        self.package = npm_name(api.package)
        self.examples = Examples(api)

    def declared(self, value: object, type_: TypeIR, depth: int = 0) -> object:
        """The value without the keys its type does not declare: a spec's example may hold
        more than its schema, which Python's models let by but an object literal with a key
        its interface lacks does not compile. A union's value is read as the first member
        it fits."""
        if depth > 32 or isinstance(value, Source):
            return value
        if isinstance(type_, ConstrainedType):
            return self.declared(value, type_.base, depth + 1)
        if isinstance(type_, ListType) and isinstance(value, list):
            return [self.declared(item, type_.item, depth + 1) for item in value]
        if isinstance(type_, DictType) and isinstance(value, dict):
            return {key: self.declared(item, type_.value, depth + 1) for key, item in value.items()}
        if isinstance(type_, UnionType):
            member = next((m for m in type_.members if self.examples.fits(value, m)), None)
            return value if member is None else self.declared(value, member, depth + 1)
        definition = self.examples.definition(type_) if isinstance(type_, ClassType) else None
        if isinstance(definition, AliasIR):
            return self.declared(value, definition.type, depth + 1)
        if isinstance(definition, ClassIR) and isinstance(value, dict):
            fields = {f.wire_name: f.type for f in definition.fields}
            return {key: self.declared(item, fields[key], depth + 1) for key, item in value.items() if key in fields}
        return value

    def argument_types(self, operation: OperationIR) -> dict[str, TypeIR]:
        """The type of each argument, by the name the example values give it."""
        types = {p.name: p.type for p in operation.parameters}
        body = operation.body
        main = body.main if body is not None else None
        if isinstance(main, ClassIR):
            types |= {f.name: f.type for f in main.fields}
        elif body is not None and body.model is not None and main is not None:
            types["body"] = ClassType(main.name, body.model.module)
        return types

    def file_value(self, operation: OperationIR, name: str) -> object:
        """A file argument: a `Blob` where the params member takes one, else its content as text."""
        body = operation.body
        main = body.main if body is not None else None
        if body is not None and isinstance(main, ClassIR):
            field = next((f for f in main.fields if f.name == name), None)
            return BLOB if field is not None and body.is_file(field) else "example"
        return BLOB if "Blob" in RAW_BODY.split(" | ") else "example"

    def pages(self, operation: OperationIR) -> bool:
        """Whether the method returns a `PagePromise` (iterated for its items)."""
        return operation.pagination is not None and operation.response is not None

    def example(self, resource: ResourceIR, operation: OperationIR, values: CallValues) -> str:
        top, *below = resource.path
        call = ".".join(("client", client_attribute(top), *(camel_case(a, member=True) for a in below)))
        call += "." + camel_case(operation.name, member=True)
        path_params = [p for p in operation.parameters if p.location == "path"]
        path_names = {p.name for p in path_params}
        types = self.argument_types(operation)
        given: dict[str, object] = {}
        for name, value in values.arguments.items():
            if value is FILE:
                given[name] = self.file_value(operation, name)
            else:
                given[name] = self.declared(value, types[name]) if name in types else value
        arguments: list[object] = [given[p.name] for p in path_params if p.name in given]
        params = {name: value for name, value in given.items() if name not in path_names}
        if params:
            arguments.append(params)
        lines = [f'import {{ Client }} from "{self.package}";', "", "const client = new Client();"]
        if self.pages(operation):
            lines += call_lines(f"for await (const item of {call}", arguments, ") {")
            lines += ["  console.log(item);", "}"]
        elif operation.response is None and operation.response_media is None:
            lines += call_lines(f"await {call}", arguments, ";")
        else:
            lines += call_lines(f"await {call}", arguments, ";", "const result = ")
            lines.append("console.log(result);")
        return "\n".join(lines)
