"""Facts read off a schema: its object shape, annotations, constraints and primitive type.

These functions look through the wrappers specs use (`$ref` with siblings,
`allOf: [$ref, {description: ...}]`) so the IR builder asks one question at a time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import Location
from ..text import description_of
from .model import Constraints, JsonScalar, ListType, LiteralType, PrimitiveType, TypeIR
from .patterns import read_pattern
from .spelling import annotation

if TYPE_CHECKING:
    from .resolve import Resolver

ANNOTATION_KEYS = frozenset(
    {
        "description",
        "title",
        "deprecated",
        "readOnly",
        "writeOnly",
        "example",
        "examples",
        "default",
        "nullable",
        "externalDocs",
        "xml",
        "$comment",
        "required",
    }
)
SCHEMA_KEYS = ANNOTATION_KEYS | {
    "$ref",
    "type",
    "properties",
    "additionalProperties",
    "items",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "enum",
    "const",
    "format",
    "pattern",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "discriminator",
}
"""Keywords that make a mapping a schema; a `$ref` can also point at other things (a map
of properties, which some specs splice in as `properties: {$ref: ...}`)."""
_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
_STRING_FORMATS = {"date-time": "datetime", "date": "date"}
_PYTHON_VALUES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "datetime": (str,),
    "date": (str,),
}
_PYTHON_TYPES_OF_JSON = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def primitive_type(json_type: Any, fmt: Any) -> str | None:
    if json_type == "string" and isinstance(fmt, str) and fmt in _STRING_FORMATS:
        return _STRING_FORMATS[fmt]
    return _PRIMITIVES.get(json_type) if isinstance(json_type, str) else None


def is_nullable_schema(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    types = schema.get("type")
    return (
        schema.get("nullable") is True
        or types == "null"
        or (types is None and "type" in schema)  # `type: null` unquoted
        or (isinstance(types, list) and ("null" in types or None in types))
        or (isinstance(schema.get("enum"), list) and None in schema["enum"])
    )


def coerced_enum(schema: dict[str, Any]) -> tuple[list[Any], list[tuple[str, int]]]:
    """The enum's values, each that does not match the declared `type` coerced to it where it
    reads as one (`3` under `type: string` is `"3"`, `"2"` under `integer` is `2`) and kept as
    written where it does not; and a warning for each such value, with its index."""
    declared = schema.get("type")
    types = declared if isinstance(declared, list) else [declared]
    allowed: tuple[type, ...] = ()
    for json_type in types:
        if isinstance(json_type, str) and json_type in _PYTHON_TYPES_OF_JSON:
            allowed += _PYTHON_TYPES_OF_JSON[json_type]
    values = list(schema["enum"])
    if not allowed:
        return values, []
    warnings = []
    for index, value in enumerate(values):
        if value is None or isinstance(value, allowed) and not (isinstance(value, bool) and bool not in allowed):
            continue
        coerced = _coerce(value, [t for t in types if isinstance(t, str) and t in _PYTHON_TYPES_OF_JSON])
        message = f"enum value {value!r} does not match type {declared!r}"
        if coerced is _NOT_COERCED:
            warnings.append((f"{message}; kept as written", index))
        else:
            values[index] = coerced
            warnings.append((f"{message}; read as {coerced!r}", index))
    return values, warnings


_NOT_COERCED = object()


def _coerce(value: Any, json_types: list[str]) -> Any:
    """`value` as the first of `json_types` it reads as, or `_NOT_COERCED`."""
    for json_type in json_types:
        if json_type == "string" and isinstance(value, (bool, int, float)):
            return json.dumps(value)
        if json_type == "boolean" and value in ("true", "false"):
            return value == "true"
        if json_type in ("integer", "number") and isinstance(value, (str, float)) and not isinstance(value, bool):
            try:
                number = float(value)
            except ValueError:
                continue
            if number.is_integer():
                return int(number)
            if json_type == "number":
                return number
    return _NOT_COERCED


def default_error(type_: TypeIR, nullable: bool, value: Any) -> str | None:
    """Why a `default` cannot be a value of its field's type, or None if it can (or we cannot tell)."""
    if value is None:
        return None if nullable else f"default null does not match the non-nullable type {_type_text(type_)}"
    if isinstance(type_, PrimitiveType):
        expected = _PYTHON_VALUES.get(type_.name)
        if expected is None:
            return None
        if isinstance(value, bool) and type_.name != "bool" or not isinstance(value, expected):
            return f"default {value!r} does not match type {_type_text(type_)}"
    elif isinstance(type_, LiteralType) and value not in type_.values:
        return f"default {value!r} is not one of the enum values {list(type_.values)!r}"
    elif isinstance(type_, ListType) and not isinstance(value, list):
        return f"default {value!r} does not match type array"
    return None


def _type_text(type_: TypeIR) -> str:

    return annotation(type_, fold=4)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


NUMERIC_KEYWORDS = ("multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
STRING_KEYWORDS = ("minLength", "maxLength", "pattern")
CONSTRAINT_KEYWORDS = frozenset({*NUMERIC_KEYWORDS, *STRING_KEYWORDS, "minItems", "maxItems"})
"""The keywords `read_constraints` reads: a schema with none of them has none (`EMPTY_CONSTRAINTS`)."""


def unfit_constraints(schema: dict[str, Any]) -> list[str]:
    """Validation keywords that do not fit the schema's type (`minimum` on a string): the
    type could not carry them, so they are left out (and warned about)."""
    found = schema.get("type")
    types = {found} if isinstance(found, str) else set(found) if isinstance(found, list) else set()
    types.discard("null")
    if not types:
        return []
    unfit = []
    if not types & {"integer", "number"}:
        unfit += [k for k in NUMERIC_KEYWORDS if k in schema and not isinstance(schema[k], bool)]
    if "string" not in types:
        unfit += [k for k in STRING_KEYWORDS if k in schema]
    return unfit


def read_constraints(schema: dict[str, Any]) -> Constraints:
    unfit = unfit_constraints(schema)
    if unfit:
        schema = {k: v for k, v in schema.items() if k not in unfit}
    minimum, maximum = _number(schema.get("minimum")), _number(schema.get("maximum"))
    exclusive_minimum, exclusive_maximum = (
        _number(schema.get("exclusiveMinimum")),
        _number(schema.get("exclusiveMaximum")),
    )
    # OpenAPI 3.0 writes exclusiveness as a boolean beside minimum/maximum.
    if schema.get("exclusiveMinimum") is True and minimum is not None:
        exclusive_minimum, minimum = minimum, None
    if schema.get("exclusiveMaximum") is True and maximum is not None:
        exclusive_maximum, maximum = maximum, None
    is_array = schema.get("type") == "array" or "items" in schema
    pattern = schema.get("pattern")
    multiple_of = _number(schema.get("multipleOf"))
    return Constraints(
        multiple_of=multiple_of if multiple_of else None,
        minimum=minimum,
        maximum=maximum,
        exclusive_minimum=exclusive_minimum,
        exclusive_maximum=exclusive_maximum,
        min_length=_count(schema.get("minItems" if is_array else "minLength")),
        max_length=_count(schema.get("maxItems" if is_array else "maxLength")),
        pattern=read_pattern(pattern)[0] if isinstance(pattern, str) else None,
    )


def annotation_members(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The `allOf` members that only annotate (`{description: ...}`, `{required: [...]}`)."""
    members = schema.get("allOf")
    if not isinstance(members, list):
        return []
    return [m for m in members if isinstance(m, dict) and set(m) <= ANNOTATION_KEYS]


def structural_members(schema: dict[str, Any]) -> list[tuple[int, Any]]:
    """The `allOf` members that contribute a type, with their indexes."""
    members = schema.get("allOf")
    if not isinstance(members, list):
        return []
    return [(i, m) for i, m in enumerate(members) if not (isinstance(m, dict) and set(m) <= ANNOTATION_KEYS)]


@dataclass(frozen=True)
class Annotations:
    """What a schema says about a value beyond its type: description, deprecation, access."""

    description: str | None = None
    deprecated: bool = False
    nullable: bool = False
    read_only: bool = False
    write_only: bool = False
    default: JsonScalar = None
    has_default: bool = False

    @classmethod
    def of(
        cls, schema: Any, location: Location, resolver: Resolver, seen: frozenset[tuple[str, str]] = frozenset()
    ) -> Annotations:
        if isinstance(schema, dict) and "$ref" not in schema and "allOf" not in schema:
            return cls._own(schema)  # most schemas: nothing to inherit, one layer
        key = (str(location.file), location.pointer)
        if not isinstance(schema, dict) or key in seen:
            return cls()  # an `allOf` cycle inherits nothing more from itself
        seen = seen | {key}
        layers = [schema, *annotation_members(schema)]
        inherited = cls()
        structural = structural_members(schema)
        if "$ref" in schema:
            target, target_location = resolver.follow({"$ref": schema["$ref"]}, location)
            inherited = cls.of(target, target_location, resolver, seen)
        elif len(structural) == 1 and isinstance(structural[0][1], dict) and "$ref" in structural[0][1]:
            index, member = structural[0]
            inherited = cls.of(member, location.child("allOf", index), resolver, seen)
        description = next(
            (layer["description"] for layer in layers if description_of(layer.get("description"))),
            inherited.description,
        )
        default_layer = next((layer for layer in layers if "default" in layer), None)
        default = default_layer["default"] if default_layer is not None else None
        if isinstance(default, (dict, list)):
            default = None
        return cls(
            description=description,
            deprecated=any(layer.get("deprecated") is True for layer in layers) or inherited.deprecated,
            nullable=any(layer.get("nullable") is True for layer in layers),
            read_only=any(layer.get("readOnly") is True for layer in layers),
            write_only=any(layer.get("writeOnly") is True for layer in layers),
            default=default,
            has_default=default_layer is not None,
        )

    @classmethod
    def _own(cls, schema: dict[str, Any]) -> Annotations:
        """What `of` reads from a schema that has no `$ref` and no `allOf`: its own keywords."""
        default = schema.get("default")
        return cls(
            description=schema["description"] if description_of(schema.get("description")) else None,
            deprecated=schema.get("deprecated") is True,
            nullable=schema.get("nullable") is True,
            read_only=schema.get("readOnly") is True,
            write_only=schema.get("writeOnly") is True,
            default=None if isinstance(default, (dict, list)) else default,
            has_default="default" in schema,
        )

    @staticmethod
    def value_schema(schema: Any, location: Location, resolver: Resolver) -> tuple[dict[str, Any], Location]:
        """The schema carrying a value's format and constraints, past refs and allOf wrappers."""
        for _ in range(64):
            if not isinstance(schema, dict):
                return {}, location
            if "$ref" in schema:
                schema, location = resolver.follow({"$ref": schema["$ref"]}, location)
                continue
            structural = structural_members(schema)
            if len(structural) == 1 and not schema.get("properties"):
                index, schema = structural[0]
                location = location.child("allOf", index)
                continue
            return schema, location
        return {}, location


def extends_itself(schema: Any, location: Location, goal: Location, resolver: Resolver) -> bool:
    """Whether the `allOf` members of `schema`, followed through `$ref`s, lead to `goal`."""
    stack, seen = [(schema, location)], set()
    while stack:
        node, where = stack.pop()
        key = (str(where.file), where.pointer)
        if key in seen or not isinstance(node, dict):
            continue
        seen.add(key)
        if "$ref" in node:
            node, where = resolver.follow({"$ref": node["$ref"]}, where)
            if (where.file, where.pointer) == (goal.file, goal.pointer):
                return True
            stack.append((node, where))
            continue
        stack.extend((member, where.child("allOf", index)) for index, member in structural_members(node))
    return False


@dataclass(frozen=True)
class ObjectShape:
    """The properties of an object schema, with `allOf` members merged in order."""

    properties: tuple[tuple[str, Any, Location], ...] = ()
    required: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, schema: Any, location: Location, resolver: Resolver) -> ObjectShape | None:
        return cls._of(schema, location, resolver, frozenset())

    @classmethod
    def _of(
        cls, schema: Any, location: Location, resolver: Resolver, seen: frozenset[tuple[str, str]]
    ) -> ObjectShape | None:
        if not isinstance(schema, dict):
            return None
        key = (str(location.file), location.pointer)
        if key in seen:
            # An `allOf` cycle (`A: allOf [B]`, `B: allOf [A]`): every member of it has the
            # properties of all of them, which the first visit already collects.
            return cls()
        is_object = schema.get("type") == "object" or (
            isinstance(schema.get("type"), list) and "object" in schema["type"]
        )
        if not (is_object or "$ref" in schema or "allOf" in schema or isinstance(schema.get("properties"), dict)):
            return None  # a scalar or an array, most often: nothing to merge
        seen = seen | {key}
        if "$ref" in schema:
            target, target_location = resolver.follow({"$ref": schema["$ref"]}, location)
            return cls._of(target, target_location, resolver, seen)
        properties: dict[str, tuple[Any, Location]] = {}
        required: set[str] = set()
        members = structural_members(schema)
        if members:
            for index, member in members:
                shape = cls._of(member, location.child("allOf", index), resolver, seen)
                if shape is None:
                    return None
                for name, prop, prop_location in shape.properties:
                    properties[name] = (prop, prop_location)
                required |= shape.required
            is_object = True
        for member in annotation_members(schema):
            if isinstance(member.get("required"), list):
                required |= {r for r in member["required"] if isinstance(r, str)}
        own = schema.get("properties")
        base = location.child("properties") if isinstance(own, dict) else location
        if isinstance(own, dict) and set(own) == {"$ref"} and isinstance(own["$ref"], str):
            # Seen in real specs: the whole `properties` map is a `$ref` to a shared one.
            own, base = resolver.follow(own, base)
        if isinstance(own, dict):
            is_object = True
            for name, prop in own.items():
                properties[str(name)] = (prop, base.child(str(name)))
        if not is_object:
            return None
        if isinstance(schema.get("required"), list):
            required |= {r for r in schema["required"] if isinstance(r, str)}
        return cls(
            tuple((name, prop, prop_location) for name, (prop, prop_location) in properties.items()),
            frozenset(required),
        )
