"""Facts read off a schema: its object shape, annotations, constraints and primitive type.

These functions look through the wrappers specs use (`$ref` with siblings,
`allOf: [$ref, {description: ...}]`) so the IR builder asks one question at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import Location
from ..text import description_of
from .model import Constraints, JsonScalar
from .patterns import read_pattern

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
JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "object", "array", "null"})


_MEANT_TYPES = JSON_TYPES | {"", "file"}
_CHOICES = ("enum", "oneOf", "anyOf")


def _type_meant(name: str) -> str | None:
    """The type a sloppy `type` name stands for (`''` for none, `file` for a binary string),
    or None when it is a JSON type or stands for none of them (`strng` is a typo to refuse)."""
    if name in JSON_TYPES:
        return None  # nearly always
    meant = name.strip().lower()
    return meant if meant in _MEANT_TYPES else None


def _name_meant(name: Any) -> Any:
    meant = _type_meant(name) if isinstance(name, str) else None
    return name if meant is None else meant


def sloppy_type(schema: dict[str, Any]) -> str | None:
    """What is wrong with the schema's `type` that `type_as_meant` mends, or None."""
    declared = schema.get("type")
    for name in [declared] if isinstance(declared, str) else declared if isinstance(declared, list) else []:
        meant = _type_meant(name) if isinstance(name, str) else None
        if meant == "":
            return f"type {name!r} is empty; read as untyped (any value)"
        if meant == "file":
            return f"type {name!r} is Swagger 2.0's; read as a binary string (type string, format binary)"
        if meant is not None:
            return f"type {name!r} is no JSON type; read as {meant!r}"
    return None


def type_as_meant(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with a sloppy `type` read as its author meant it: `''` (alone or among
    others) as no type at all, `file` (Swagger 2.0's upload) as a string of format `binary`,
    a JSON type in another case or with spaces (`String`) as that type; the schema itself
    when its type is fine."""
    if sloppy_type(schema) is None:
        return schema
    declared = schema["type"]
    names = [_name_meant(t) for t in (declared if isinstance(declared, list) else [declared])]
    if "" in names:
        return {key: value for key, value in schema.items() if key != "type"}
    types = list(dict.fromkeys("string" if t == "file" else t for t in names))
    meant = {**schema, "type": types if isinstance(declared, list) else types[0]}
    return {**meant, "format": "binary"} if "file" in names else meant


def schema_as_meant(schema: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The schema with its sloppy keywords read as their author meant them, and for each
    `(keyword, what was wrong and what it is read as)`: a sloppy `type` (`type_as_meant`),
    and an empty (or null) `enum`, `oneOf` or `anyOf`, which names no value or schema to
    choose from: left out, the rest of the schema says what the value is."""
    declared = schema.get("type")
    plain = declared is None or isinstance(declared, str) and declared in JSON_TYPES
    if plain and schema.keys().isdisjoint(_CHOICES):
        return schema, []  # nearly every schema: nothing to mend
    notes = []
    problem = sloppy_type(schema)
    if problem is not None:
        notes.append(("type", problem))
        schema = type_as_meant(schema)
    empty = [k for k in _CHOICES if k in schema and (schema[k] is None or schema[k] == [])]
    if empty:
        notes += [(keyword, f"{keyword} is empty; left out") for keyword in empty]
        schema = {key: value for key, value in schema.items() if key not in empty}
    return schema, notes


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


def example_of(holder: dict[str, Any]) -> Any:
    """A schema's, parameter's or media type's example value: `example`, else the first of
    `examples` (a JSON Schema list, or OpenAPI's map of `{value: ...}` objects); None if none."""
    if holder.get("example") is not None:
        return holder["example"]
    examples = holder.get("examples")
    if isinstance(examples, list):
        return next((value for value in examples if value is not None), None)
    if isinstance(examples, dict):
        values = (e.get("value") for e in examples.values() if isinstance(e, dict))
        return next((value for value in values if value is not None), None)
    return None


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
    default_at: tuple[str | int, ...] = ()
    """Where the default is written, from the schema: `("default",)`, or in an annotating
    `allOf` member `("allOf", 1, "default")`; `()` when there is none."""
    example: Any = field(default=None, compare=False, hash=False)
    """The schema's `example` (or first of its `examples`), for docs; None when it gives none."""

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
        default_at = _default_at(schema)
        default = value_at(schema, default_at) if default_at else None
        if isinstance(default, (dict, list)):
            default = None
        return cls(
            description=description,
            deprecated=any(layer.get("deprecated") is True for layer in layers) or inherited.deprecated,
            nullable=any(layer.get("nullable") is True for layer in layers),
            read_only=any(layer.get("readOnly") is True for layer in layers),
            write_only=any(layer.get("writeOnly") is True for layer in layers),
            default=default,
            has_default=bool(default_at),
            default_at=default_at,
            example=next((found for layer in layers if (found := example_of(layer)) is not None), inherited.example),
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
            default_at=("default",) if "default" in schema else (),
            example=example_of(schema),
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
            return type_as_meant(schema), location
        return {}, location


def _default_at(schema: dict[str, Any]) -> tuple[str | int, ...]:
    """Where `Annotations.of` finds a schema's default: its own, else the first annotating
    `allOf` member's."""
    if "default" in schema:
        return ("default",)
    members = schema.get("allOf")
    annotating = {id(member) for member in annotation_members(schema)}
    for index, member in enumerate(members if isinstance(members, list) else []):
        if id(member) in annotating and "default" in member:
            return ("allOf", index, "default")
    return ()


def value_at(node: Any, path: tuple[str | int, ...]) -> Any:
    """The value under `node` at `path` (one `Annotations.default_at` found there)."""
    for segment in path:
        node = node[segment]
    return node


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
