"""How IR types and values are written in TypeScript, in prettier's spelling.

Prettier is the oracle (`prettier --check` over every generated package): strings take double
quotes unless they hold more double than single quotes, object keys are quoted only where
they must be, and a line is 80 columns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from ...ir.model import (
    ClassType,
    ConstrainedType,
    ConstType,
    DictType,
    ListType,
    LiteralType,
    PrimitiveType,
    TupleType,
    TypeIR,
    UnionType,
)

WIDTH = 80
"""Prettier's default print width."""

_PRIMITIVES = {
    "str": "string",
    "datetime": "string",
    "date": "string",
    "int": "number",
    "float": "number",
    "bool": "boolean",
    "object": "unknown",
    "None": "null",
}

_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_SIMPLE = re.compile(r"[A-Za-z_$][A-Za-z0-9_$.]*")

RESERVED = frozenset(
    "break case catch class const continue debugger default delete do else enum export extends false "
    "finally for function if import in instanceof new null return super switch this throw true try "
    "typeof var void while with yield let static implements interface package private protected public "
    "await arguments eval undefined".split()
)

Namer = Callable[[ClassType], str]


def ts_string(text: str) -> str:
    """A string literal as prettier writes it: double quotes unless the text holds more of them."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == quote:
            out.append("\\" + quote)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or char in "\u2028\u2029":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return quote + "".join(out) + quote


def property_key(name: str) -> str:
    """An object or interface key: bare when it is an identifier, quoted otherwise."""
    return name if _IDENTIFIER.fullmatch(name) else ts_string(name)


def camel_case(name: str, member: bool = False) -> str:
    """`droplet_id` -> `dropletId`; leading underscores stay (`_1_clicks` -> `_1Clicks`), and
    a reserved word gets a trailing underscore unless it names a member (`client.x.delete()`)."""
    stripped = name.lstrip("_")
    head, *rest = stripped.split("_")
    text = name[: len(name) - len(stripped)] + head + "".join(part[:1].upper() + part[1:] for part in rest)
    if not text or text[0].isdigit():
        text = "_" + text
    return text + "_" if text in RESERVED and not member else text


CLIENT_METHODS = frozenset({"get", "post", "put", "patch", "delete"})
"""The client's own methods (calls of endpoints the SDK does not describe)."""


def client_attribute(name: str) -> str:
    """A top-level resource's attribute on the client: camel-cased, and with the trailing
    underscore the IR gave a name of the client's own (`client.post_`), which camel case
    would drop."""
    member = camel_case(name, member=True)
    return member + "_" if member in CLIENT_METHODS else member


def pascal_case(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def literal(value: object) -> str:
    if isinstance(value, str):
        return ts_string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return json.dumps(value)


def members(type_: TypeIR, namer: Namer) -> list[str]:
    """The members of the union a type is written as (one member for any other type)."""
    if isinstance(type_, UnionType):
        found: list[str] = []
        for member in type_.members:
            found += [m for m in members(member, namer) if m not in found]
        return found
    if isinstance(type_, LiteralType):
        return list(dict.fromkeys(literal(v) for v in type_.values))
    if isinstance(type_, ConstrainedType):
        return members(type_.base, namer)
    return [spell(type_, namer)]


def spell(type_: TypeIR, namer: Namer) -> str:
    """The type as one line of TypeScript."""
    if isinstance(type_, PrimitiveType):
        return _PRIMITIVES.get(type_.name, "unknown")
    if isinstance(type_, ClassType):
        return namer(type_)
    if isinstance(type_, ConstrainedType):
        return spell(type_.base, namer)
    if isinstance(type_, ConstType):
        value = type_.value
        return literal(value) if not isinstance(value, (dict, list)) else spell(type_.base, namer)
    if isinstance(type_, ListType):
        item = spell(type_.item, namer)
        return f"{item}[]" if _SIMPLE.fullmatch(item) else f"Array<{item}>"
    if isinstance(type_, DictType):
        return f"{{ [key: string]: {spell(type_.value, namer)} }}"
    if isinstance(type_, TupleType):
        return "[" + ", ".join(spell(item, namer) for item in type_.items) + "]"
    return " | ".join(members(type_, namer))


def with_null(type_: TypeIR, nullable: bool, namer: Namer) -> list[str]:
    """The union members of a value that may also be null."""
    found = members(type_, namer)
    if nullable and "null" not in found and "unknown" not in found:
        found.append("null")
    return found


def declaration(head: str, parts: list[str], tail: str, indent: str, alias: bool = False) -> list[str]:
    """`head T1 | T2 tail` as prettier breaks it when it does not fit in a line.

    `head` ends where the type starts (`name?: `, `export type X = `). A member's type hugs
    a lone type or-null (`{`, `Array<` open on the head's line); a type alias's breaks after
    its `=`; a union goes whole to the next line, else one `| member` a line."""
    line = f"{indent}{head}{' | '.join(parts)}{tail}"
    if len(line) <= WIDTH:
        return [line]
    others = [p for p in parts if p != "null"]
    hugged = len(parts) == 1 or (len(others) == 1 and (not alias or _opens(others[0])))
    if hugged:
        lone, rest = others[0], "".join(f" | {p}" for p in parts if p != others[0])
        inner = indent + "  "
        if lone.startswith("{ [key: string]: "):
            if alias and len(f"{indent}{head}{{") > WIDTH:  # the object on the next line
                return [f"{indent}{head.rstrip()}", f"{inner}{{", *_index(lone, inner + "  "), f"{inner}}}{rest}{tail}"]
            return [f"{indent}{head}{{", *_index(lone, inner), f"{indent}}}{rest}{tail}"]
        if lone.startswith("Array<{ [key: string]: ") and lone.endswith(" }>"):
            return [f"{indent}{head}Array<{{", *_index(lone[6:-1], inner), f"{indent}}}>{rest}{tail}"]
        members = top_level_union(lone[6:-1]) if lone.startswith("Array<") else []
        if _breaks(members):
            whole = f"{inner}{lone[6:-1]}"
            body = [whole] if len(whole) <= WIDTH else [f"{inner}| {m}" for m in members]
            return [f"{indent}{head}Array<", *body, f"{indent}>{rest}{tail}"]
        if lone.startswith("Array<") and "<" in lone[6:-1]:  # a generic in a generic: its argument breaks
            return [f"{indent}{head}Array<", f"{inner}{lone[6:-1]}", f"{indent}>{rest}{tail}"]
        if not alias:
            return [line]
        return [f"{indent}{head.rstrip()}", f"{inner}{lone}{rest}{tail}"]
    whole = f"{indent}  {' | '.join(parts)}{tail}"
    if len(whole) <= WIDTH:
        return [f"{indent}{head.rstrip()}", whole]
    lines = [f"{indent}{head.rstrip()}"]
    for part in parts:
        members = top_level_union(part[6:-1]) if part.startswith("Array<") else []
        if len(f"{indent}  | {part}") > WIDTH and _breaks(members):  # its own union, broken inside
            lines += [f"{indent}  | Array<", *(f"{indent}      | {m}" for m in members), f"{indent}    >"]
        else:
            lines.append(f"{indent}  | {part}")
    lines[-1] += tail
    return lines


def _opens(type_: str) -> bool:
    """Whether prettier breaks the type open where it stands (an object, an array of an
    object, of a union or of a generic), rather than moving it to a line of its own."""
    if type_.startswith("{ [key: string]: "):
        return True
    inner = type_[6:-1] if type_.startswith("Array<") else ""
    return inner.startswith("{ [key: string]: ") or _breaks(top_level_union(inner)) or "<" in inner


def _breaks(members: list[str]) -> bool:
    """Whether prettier breaks a union inside `Array<>`: not a lone type or-null, which it keeps whole."""
    return len([m for m in members if m != "null"]) > 1


def _index(text: str, indent: str) -> list[str]:
    """The index signature of `{ [key: string]: V }` as a line of an object type broken open;
    when even that is too long, prettier breaks inside its brackets."""
    value = text[len("{ [key: string]: ") : -2]
    line = f"{indent}[key: string]: {value};"
    if len(line) <= WIDTH:
        return [line]
    return [f"{indent}[", f"{indent}  key: string", f"{indent}]: {value};"]


def top_level_union(text: str) -> list[str]:
    """The members of a union written on one line (`A | Array<B | C>` has two)."""
    found, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            if char == quote and text[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "<[{(":
            depth += 1
        elif char in ">]})":
            depth -= 1
        elif depth == 0 and text.startswith(" | ", index):
            found.append(text[start:index])
            start = index + 3
    return found + [text[start:]]


def doc_comment(text: str | None, indent: str, deprecated: bool = False) -> list[str]:
    """A TSDoc block (`/** ... */`), or nothing when there is nothing to say."""
    lines = [line.rstrip() for line in (text or "").strip().replace("*/", "*\u200b/").splitlines()]
    if deprecated:
        lines += ([""] if lines else []) + ["@deprecated"]
    if not lines:
        return []
    return [f"{indent}/**"] + [f"{indent} * {line}" if line else f"{indent} *" for line in lines] + [f"{indent} */"]
