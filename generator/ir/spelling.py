"""How an IR type is written: the Python typing notation the SDK's code, its docs and the
generator's messages share (`List[Literal["a", "b"]]`, `Optional[Region]`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..text import python_string
from .model import (
    ClassType,
    ConstrainedType,
    Constraints,
    ConstType,
    DictType,
    FieldIR,
    ListType,
    LiteralType,
    PrimitiveType,
    TupleType,
    TypeIR,
    UnionType,
)

NONE = PrimitiveType("None")


def literal_value(value: object) -> str:
    if isinstance(value, str):
        return python_string(value)
    return repr(value)


def python_value(value: object) -> str:
    """A JSON value as a Python expression, in black's spelling (`{"a": [1, True, None]}`)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{python_string(str(k))}: {python_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(python_value(v) for v in value) + "]"
    return literal_value(value)


ClassNamer = Callable[[ClassType], str]


def annotation(type_: TypeIR, fold: int | None = None, namer: ClassNamer | None = None) -> str:
    """`List[Literal["a", "b"]]`, `Optional[Region]`, `Dict[str, object]` ...

    With `fold`, a literal of more than `fold` values is summarized for reading, as
    `Literal["a", "b", "c", 12 more]`; that form is for docs, not for code. `namer` writes
    class references another way (request params name `Droplet`'s TypedDict `DropletParam`);
    a tagged union is `Annotated[Union[...], Field(discriminator=...)]` only for models,
    as TypedDicts cannot use it.
    """
    if isinstance(type_, PrimitiveType):
        return type_.name
    if isinstance(type_, ConstrainedType):
        base = annotation(type_.base, fold, namer)
        if fold is not None:
            return base  # docs list the constraints beside the type
        return f"Annotated[{base}, Field({constraint_arguments(type_.constraints)})]"
    if isinstance(type_, ConstType):
        base = annotation(type_.base, fold, namer)
        if fold is not None or namer is not None:
            return base  # docs show the value beside the type; a TypedDict cannot check it
        return f"Annotated[{base}, JsonConst({python_value(type_.value)})]"
    if isinstance(type_, ClassType):
        return namer(type_) if namer is not None else type_.name
    if isinstance(type_, TupleType):
        items = ", ".join(annotation(item, fold, namer) for item in type_.items)
        return f"Tuple[{items or '()'}]"
    if isinstance(type_, ListType):
        return f"List[{annotation(type_.item, fold, namer)}]"
    if isinstance(type_, DictType):
        return f"Dict[str, {annotation(type_.value, fold, namer)}]"
    if isinstance(type_, LiteralType):
        values = [literal_value(v) for v in type_.values]
        if fold is not None and len(values) > fold:
            values = [*values[: fold - 1], f"{len(values) - fold + 1} more"]
        return f"Literal[{', '.join(values)}]"
    members = [m for m in type_.members if m != NONE]
    if not members:
        return "None"
    if len(members) == 1:
        inner = annotation(members[0], fold, namer)
    else:
        inner = f"Union[{', '.join(annotation(m, fold, namer) for m in members)}]"
        if type_.discriminator and fold is None and namer is None:
            inner = f"Annotated[{inner}, Field(discriminator={python_string(type_.discriminator)})]"
    return f"Optional[{inner}]" if len(members) < len(type_.members) else inner


def optional_annotation(type_: TypeIR, optional: bool, fold: int | None = None, namer: ClassNamer | None = None) -> str:
    if not optional or type_ == NONE:
        return annotation(type_, fold, namer)
    if isinstance(type_, UnionType):
        widened = replace(type_, members=(*type_.members, NONE)) if NONE not in type_.members else type_
        return annotation(widened, fold, namer)
    return f"Optional[{annotation(type_, fold, namer)}]"


def field_annotation(field: FieldIR, fold: int | None = None) -> str:
    return optional_annotation(field.type, field.optional, fold)


PYDANTIC_CONSTRAINTS = {
    "multipleOf": "multiple_of",
    "minimum": "ge",
    "exclusiveMinimum": "gt",
    "maximum": "le",
    "exclusiveMaximum": "lt",
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
}


def constraint_arguments(constraints: Constraints) -> str:
    """`ge=8, multiple_of=8` for pydantic's `Field`, in a fixed order."""
    parts = []
    for keyword, value in constraints.by_keyword():
        literal = python_string(value) if isinstance(value, str) else repr(value)
        parts.append(f"{PYDANTIC_CONSTRAINTS[keyword]}={literal}")
    return ", ".join(parts)
