"""Values written as the wrong JSON type, read as the author meant them.

Real specs quote what should not be quoted (`default: "false"` on a boolean, `enum: [1, "2"]`
under `type: integer`) and leave unquoted what should be (`default: true` for a string enum
of `'true'`, `'false'`, `'legacy'`). A value that reads as one of its type is taken as that;
one that does not is kept as written (an enum value: the server may send it) or left out (a
default: the SDK would otherwise advertise a value the type rejects). Each is warned about.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .model import JsonScalar, ListType, LiteralType, PrimitiveType, TypeIR
from .spelling import annotation

_PYTHON_TYPES_OF_JSON = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}
_JSON_TYPE_OF_PRIMITIVE = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "datetime": "string",
    "date": "string",
}
"""The JSON type whose values a primitive's default must be (a date-time is a string)."""


def coerced_enum(schema: dict[str, Any]) -> tuple[list[Any], list[tuple[str, int]]]:
    """The enum's values, each that does not match the declared `type` coerced to it where it
    reads as one (`3` under `type: string` is `"3"`, `"2"` under `integer` is `2`) and kept as
    written where it does not; and a warning for each such value, with its index."""
    declared = schema.get("type")
    types = declared if isinstance(declared, list) else [declared]
    json_types = [t for t in types if isinstance(t, str) and t in _PYTHON_TYPES_OF_JSON]
    values = list(schema["enum"])
    if not json_types:
        return values, []
    warnings = []
    for index, value in enumerate(values):
        value = values[index] = _whole(value, json_types)
        if value is None or _is_of(value, json_types):
            continue
        coerced = coerce(value, json_types)
        message = f"enum value {value!r} does not match type {declared!r}"
        if coerced is NOT_COERCED:
            warnings.append((f"{message}; kept as written", index))
        else:
            values[index] = coerced
            warnings.append((f"{message}; read as {coerced!r}", index))
    return values, warnings


NOT_COERCED = object()
_BOOLEAN_WORDS = {"true": True, "false": False, "yes": True, "no": False, "on": True, "off": False}
"""Strings that read as a boolean: JSON's, and YAML 1.1's that a YAML 1.2 reader keeps as
strings (`default: yes` on a boolean was meant as `true`)."""


def _whole(value: Any, json_types: list[str]) -> Any:
    """A float with no fraction as the integer it is, where an integer is wanted: JSON
    Schema's `integer` is any number without one (`2.0` is an integer, and no mismatch)."""
    if isinstance(value, float) and value.is_integer() and "integer" in json_types:
        return int(value)
    return value


def _is_of(value: Any, json_types: list[str]) -> bool:
    """Whether `value` is a value of one of `json_types` (`True` is no integer in JSON)."""
    allowed = tuple(t for json_type in json_types for t in _PYTHON_TYPES_OF_JSON[json_type])
    return isinstance(value, allowed) and not (isinstance(value, bool) and bool not in allowed)


def coerce(value: Any, json_types: list[str]) -> Any:
    """`value` as the first of `json_types` it reads as, or `NOT_COERCED`: a number or boolean
    as a string is its JSON text, `"true"`/`"false"` (any case; also YAML 1.1's `yes`/`no`,
    `on`/`off`) a boolean, a numeric string or a whole float a number."""
    for json_type in json_types:
        if json_type == "string" and isinstance(value, (bool, int, float)):
            return json.dumps(value)
        if json_type == "boolean" and isinstance(value, str) and value.lower() in _BOOLEAN_WORDS:
            return _BOOLEAN_WORDS[value.lower()]
        if json_type in ("integer", "number") and isinstance(value, (str, float)):
            try:
                number = float(value)
            except ValueError:
                continue
            if number.is_integer():
                return int(number)
            if json_type == "number":
                return number
    return NOT_COERCED


@dataclass(frozen=True)
class DefaultReading:
    """A `default` as the SDK takes it: its value, whether it has one, and what is wrong."""

    value: JsonScalar
    kept: bool
    problem: str | None = None
    """Why the default as written does not fit its type, and what was made of it."""


def read_default(type_: TypeIR, nullable: bool, value: Any) -> DefaultReading:
    """A default of a value of `type_`: as written when it fits (or when the type cannot tell,
    a class or a union), coerced where it reads as one, else left out; `null` on a type that
    admits no null is kept (it means "optional" in most real specs) but named a problem."""
    if value is None:
        problem = None if nullable else f"default null does not match the non-nullable type {_type_text(type_)}"
        return DefaultReading(None, True, problem)
    if isinstance(type_, PrimitiveType) and type_.name in _JSON_TYPE_OF_PRIMITIVE:
        json_type = _JSON_TYPE_OF_PRIMITIVE[type_.name]
        value = _whole(value, [json_type])
        if _is_of(value, [json_type]):
            return DefaultReading(value, True)
        return _coerced(value, coerce(value, [json_type]), f"does not match type {_type_text(type_)}")
    if isinstance(type_, LiteralType):
        json_types = list(dict.fromkeys(_json_type_of(v) for v in type_.values))
        value = _whole(value, json_types)
        if _is_among(value, type_.values):
            return DefaultReading(value, True)
        candidates = [coerce(value, [json_type]) for json_type in json_types]
        coerced = next((c for c in candidates if c is not NOT_COERCED and _is_among(c, type_.values)), NOT_COERCED)
        return _coerced(value, coerced, f"is not one of the enum values {list(type_.values)!r}")
    if isinstance(type_, ListType) and not isinstance(value, list):
        return _coerced(value, NOT_COERCED, "does not match type array")
    # A class, a union, a dict: the model validates it; an object or array is no scalar to print.
    return DefaultReading(None if isinstance(value, (dict, list)) else value, True)


def _coerced(value: Any, coerced: Any, mismatch: str) -> DefaultReading:
    if coerced is NOT_COERCED:
        return DefaultReading(None, False, f"default {value!r} {mismatch}; left out")
    return DefaultReading(coerced, True, f"default {value!r} {mismatch}; read as {coerced!r}")


def _is_among(value: Any, values: tuple[Any, ...]) -> bool:
    """`value in values`, telling `True` from `1` as JSON does."""
    return any(type(v) is type(value) and v == value for v in values)


def _json_type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return "number" if isinstance(value, float) else "string"


def _type_text(type_: TypeIR) -> str:
    return annotation(type_, fold=4)
