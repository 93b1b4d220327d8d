"""Example values for the docs and the package README: the spec's own examples where they fit the type, else values
built from the type that the generated models accept (a literal's first value, a number
inside its bounds, a string of its format and length, one item for a list, the required
fields of an object).

A spec's example is used only when it fits the type (`fits`): examples in real specs drift
from their schemas, and an example the SDK rejects teaches nothing.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..ir.model import (
    EMPTY_CONSTRAINTS,
    AliasIR,
    ApiIR,
    ClassIR,
    ClassType,
    ConstrainedType,
    Constraints,
    ConstType,
    Definition,
    DictType,
    FieldIR,
    ListType,
    LiteralType,
    OperationIR,
    ParameterIR,
    PrimitiveType,
    TupleType,
    TypeIR,
    UnionType,
)
from ..text import python_string

FORMAT_VALUES = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "12:00:00",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
}
PRIMITIVE_VALUES: dict[str, object] = {
    "datetime": FORMAT_VALUES["date-time"],
    "date": FORMAT_VALUES["date"],
    "bool": True,
    "object": {},
}
MAX_DEPTH = 8
"""How deep a built example nests objects: a recursive model stops at its optional fields."""


class Examples:
    def __init__(self, api: ApiIR) -> None:
        self.definitions: dict[tuple[str, str], Definition] = {
            (model.module, definition.name): definition for model in api.models for definition in model.definitions
        }

    def definition(self, type_: ClassType) -> Definition | None:
        return self.definitions.get((type_.module, type_.name))

    # -- building ----------------------------------------------------------------------------

    def field_value(self, field: FieldIR, depth: int = 0, every_field: bool = False) -> object:
        if field.example is not None:
            return self.repaired(field.example, field.type, field.nullable, depth)
        return self.value(field.type, field.format, field.constraints, depth, every_field)

    def value(
        self,
        type_: TypeIR,
        format_: str | None = None,
        constraints: Constraints = EMPTY_CONSTRAINTS,
        depth: int = 0,
        every_field: bool = False,
    ) -> object:
        """A value the type accepts; `every_field`: objects show their optional fields too."""
        if depth > 4 * MAX_DEPTH:
            return {}  # a type that only ever holds itself (through aliases): nothing finite fits
        if isinstance(type_, LiteralType):
            return type_.values[0] if type_.values else None
        if isinstance(type_, ConstType):
            return type_.value
        if isinstance(type_, ConstrainedType):
            return self.value(type_.base, format_, type_.constraints, depth, every_field)
        if isinstance(type_, PrimitiveType):
            return primitive_value(type_.name, format_, constraints)
        if isinstance(type_, ListType):
            if depth >= MAX_DEPTH:  # a type that holds a list of itself ends with an empty one
                return []
            return [self.value(type_.item, None, EMPTY_CONSTRAINTS, depth + 1, every_field)]
        if isinstance(type_, TupleType):
            return [self.value(item, None, EMPTY_CONSTRAINTS, depth + 1, every_field) for item in type_.items]
        if isinstance(type_, DictType):
            return {"key": self.value(type_.value, None, EMPTY_CONSTRAINTS, depth + 1, every_field)}
        if isinstance(type_, UnionType):
            members = [m for m in type_.members if m != PrimitiveType("None")] or list(type_.members)
            return self.value(members[0], format_, constraints, depth + 1, every_field)
        definition = self.definition(type_)
        if isinstance(definition, AliasIR):
            return self.value(definition.type, format_, constraints, depth + 1, every_field)
        if isinstance(definition, ClassIR):
            return self.object_value(definition, depth, every_field)
        return {}

    def object_value(self, definition: ClassIR, depth: int, every_field: bool = False) -> dict[str, object]:
        """The required fields, those the spec gives an example of, and with `every_field`
        the top level's optional ones too (a response sample shows what may come back)."""
        shown = [
            f
            for f in definition.fields
            if f.required or ((every_field and depth == 0) or f.example is not None) and depth < MAX_DEPTH // 2
        ]
        if depth >= MAX_DEPTH:
            shown = [f for f in shown if f.required]
        return {f.wire_name: self.field_value(f, depth + 1) for f in shown}

    def repaired(self, given: object, type_: TypeIR, nullable: bool = False, depth: int = 0) -> object:
        """The spec's example where it fits, part by part: an object keeps the fields whose
        values fit, gets the required ones it lacks built, and loses the ones the model
        does not have; whatever else does not fit is built from the type."""
        if self.fits(given, type_, nullable):
            return given
        if isinstance(type_, ListType) and isinstance(given, list) and given and depth < MAX_DEPTH:
            return [self.repaired(item, type_.item, False, depth + 1) for item in given]
        definition = self.definition(type_) if isinstance(type_, ClassType) else None
        if isinstance(definition, AliasIR):
            return self.repaired(given, definition.type, nullable or definition.nullable, depth + 1)
        if isinstance(definition, ClassIR) and isinstance(given, dict) and depth < MAX_DEPTH:
            return {
                f.wire_name: self.repaired(given[f.wire_name], f.type, f.nullable, depth + 1)
                if f.wire_name in given
                else self.field_value(f, depth + 1)
                for f in definition.fields
                if f.wire_name in given or f.required
            }
        return self.value(type_, depth=depth)

    # -- checking ----------------------------------------------------------------------------

    def fits(self, value: object, type_: TypeIR, nullable: bool = False, depth: int = 0) -> bool:
        """Whether the models would accept `value` as `type_` (by shape: types, literals,
        required fields, lengths and bounds; a pattern is not checked)."""
        if value is None:
            return nullable or type_ == PrimitiveType("None") or type_ == PrimitiveType("object")
        if depth > 32:
            return True
        if isinstance(type_, LiteralType):
            return value in type_.values and type(value) in {type(v) for v in type_.values}
        if isinstance(type_, ConstType):
            return value == type_.value
        if isinstance(type_, ConstrainedType):
            return self.fits(value, type_.base, nullable, depth) and within(value, type_.constraints)
        if isinstance(type_, PrimitiveType):
            return primitive_fits(value, type_.name)
        if isinstance(type_, ListType):
            return isinstance(value, list) and all(self.fits(v, type_.item, False, depth + 1) for v in value)
        if isinstance(type_, TupleType):
            return (
                isinstance(value, list)
                and len(value) == len(type_.items)
                and all(self.fits(v, t, False, depth + 1) for v, t in zip(value, type_.items, strict=True))
            )
        if isinstance(type_, DictType):
            return isinstance(value, dict) and all(self.fits(v, type_.value, False, depth + 1) for v in value.values())
        if isinstance(type_, UnionType):
            return any(self.fits(value, member, nullable, depth + 1) for member in type_.members)
        definition = self.definition(type_)
        if isinstance(definition, AliasIR):
            return self.fits(value, definition.type, nullable or definition.nullable, depth + 1)
        if isinstance(definition, ClassIR):
            return self.object_fits(value, definition, depth)
        return False

    def object_fits(self, value: object, definition: ClassIR, depth: int) -> bool:
        if not isinstance(value, dict):
            return False
        for field in definition.fields:
            if field.wire_name not in value:
                if field.required:
                    return False
                continue
            found = value[field.wire_name]
            if not self.fits(found, field.type, field.nullable, depth + 1) or not within(found, field.constraints):
                return False
        return True


def primitive_value(name: str, format_: str | None, constraints: Constraints) -> object:
    if name == "str":
        text = FORMAT_VALUES.get(format_ or "", "example")
        if constraints.min_length is not None and len(text) < constraints.min_length:
            text = text + "x" * (constraints.min_length - len(text))
        if constraints.max_length is not None:
            text = text[: constraints.max_length]
        return text
    if name in ("int", "float"):
        low = constraints.minimum
        if constraints.exclusive_minimum is not None:
            low = constraints.exclusive_minimum + 1
        number = max(1.0, low) if low is not None else 1.0
        high = constraints.maximum if constraints.maximum is not None else constraints.exclusive_maximum
        if high is not None and number >= high:
            number = high if constraints.maximum is not None else high - 1
        if constraints.multiple_of:
            number = constraints.multiple_of * max(1, round(number / constraints.multiple_of))
        return int(number) if name == "int" else float(number)
    if name == "None":
        return None
    return PRIMITIVE_VALUES.get(name, "example")


def primitive_fits(value: object, name: str) -> bool:
    if name in ("str", "datetime", "date"):
        return isinstance(value, str)
    if name == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "bool":
        return isinstance(value, bool)
    return name == "object"


def within(value: object, constraints: Constraints) -> bool:
    """Whether a value keeps its length and numeric bounds."""
    if constraints.is_empty():
        return True
    if isinstance(value, str):
        if constraints.min_length is not None and len(value) < constraints.min_length:
            return False
        return constraints.max_length is None or len(value) <= constraints.max_length
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (
            (constraints.minimum is None or value >= constraints.minimum)
            and (constraints.maximum is None or value <= constraints.maximum)
            and (constraints.exclusive_minimum is None or value > constraints.exclusive_minimum)
            and (constraints.exclusive_maximum is None or value < constraints.exclusive_maximum)
        )
    return True


FILE = object()
"""The value of a file argument: `Path("<name>.bin")` in Python, `@<name>.bin` in curl."""


@dataclass(frozen=True)
class CallValues:
    """One example call: values by Python argument name, and the same body by wire name."""

    arguments: dict[str, object]
    parameters: tuple[tuple[ParameterIR, object], ...]
    body: object
    """The request body: an object by wire name (files as `FILE`), or a whole value; None
    when the method sends none."""
    raw_body: bool = False


def parameter_value(parameter: ParameterIR, examples: Examples) -> object:
    if parameter.example is not None:
        try:
            value = ast.literal_eval(parameter.example)
        except (ValueError, SyntaxError):
            value = None
        if value is not None and examples.fits(value, parameter.type):
            return value
    return examples.value(parameter.type)


def call_values(operation: OperationIR, examples: Examples, stream_flag: str | None) -> CallValues:
    arguments: dict[str, object] = {}
    parameters = []
    for parameter in operation.parameters:
        if parameter.required:
            value = parameter_value(parameter, examples)
            arguments[parameter.name] = value
            parameters.append((parameter, value))
    body: object = None
    raw = False
    request = operation.body
    main = request.main if request is not None else None
    if request is not None and request.model is not None and isinstance(main, ClassIR):
        given = request.example
        fields = [f for f in main.fields if not f.read_only]  # the SDK takes no read-only field
        if isinstance(given, dict):
            repaired = examples.repaired(given, ClassType(main.name, request.model.module))
            found = dict(repaired) if isinstance(repaired, dict) else examples.object_value(main, 0)
        else:
            found = examples.object_value(main, 0)
        found = {f.wire_name: found[f.wire_name] for f in fields if f.wire_name in found}
        for field in fields:
            if request.is_file(field) and field.wire_name in found:
                found[field.wire_name] = FILE
            if field.wire_name in found and field.name != stream_flag:
                arguments[field.name] = found[field.wire_name]
        flag_wire = next((f.wire_name for f in fields if f.name == stream_flag), None)
        if flag_wire is not None:
            found.pop(flag_wire, None)
        body = found
    elif request is not None and request.model is not None and main is not None:
        # A body that is not an object (a union, an array): the method takes it whole as `body`.
        type_ = ClassType(main.name, request.model.module)
        body = examples.repaired(request.example, type_) if request.example is not None else examples.value(type_)
        arguments["body"] = body
    elif request is not None and request.is_text:
        body = request.example if isinstance(request.example, str) else "example"
        arguments["body"] = body
    elif request is not None and request.required:
        arguments["body"] = FILE
        raw = True
    return CallValues(arguments, tuple(parameters), body, raw)


def python_literal(value: object, name: str = "file") -> str:
    """A JSON value as Python source, for examples (a file to upload as a `Path`)."""
    if value is FILE:
        return f'Path("{name}.bin")'
    if isinstance(value, str):
        return python_string(value)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(python_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{python_string(str(k))}: {python_literal(v)}" for k, v in value.items()) + "}"
    return python_string(str(value))


def python_source(value: object, name: str = "file", indent: int = 4, width: int = 88) -> str:
    """`python_literal`, laid out as a formatter would when it is too long for one line:
    an item a line, nested values indented, trailing commas."""
    flat = python_literal(value, name)
    if indent + len(name) + len(flat) + 2 <= width or not isinstance(value, (dict, list)) or not value:
        return flat
    pad = " " * (indent + 4)
    if isinstance(value, dict):
        lines = [
            f"{pad}{python_string(str(k))}: {python_source(v, str(k), indent + 4, width)}," for k, v in value.items()
        ]
        return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"
    lines = [f"{pad}{python_source(v, name, indent + 4, width)}," for v in value]
    return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"
