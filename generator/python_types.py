"""How IR types are written in Python source, and what each needs imported."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from .ir import (
    ClassType,
    ConstrainedType,
    Constraints,
    DictType,
    FieldIR,
    ListType,
    LiteralType,
    PrimitiveType,
    TypeIR,
    UnionType,
)
from .text import python_string

NONE = PrimitiveType("None")
_DATETIME_NAMES = {"datetime", "date"}


def literal_value(value: object) -> str:
    if isinstance(value, str):
        return python_string(value)
    return repr(value)


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
    if isinstance(type_, ClassType):
        return namer(type_) if namer is not None else type_.name
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


_STRING_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"')
TYPING_NAMES = ("Annotated", "Any", "Dict", "Iterable", "List", "Literal", "Mapping", "Optional", "Union")


def typing_names_in(texts: list[str], names: tuple[str, ...] = TYPING_NAMES) -> set[str]:
    """The `typing` names that annotation texts use (string literals inside them do not count)."""
    found: set[str] = set()
    for text in texts:
        bare = _STRING_LITERAL.sub('""', text)
        found |= {name for name in names if re.search(rf"\b{name}\b", bare)}
    return found


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


def walk(type_: TypeIR) -> Iterator[TypeIR]:
    yield type_
    if isinstance(type_, ConstrainedType):
        yield from walk(type_.base)
    if isinstance(type_, ListType):
        yield from walk(type_.item)
    elif isinstance(type_, DictType):
        yield from walk(type_.value)
    elif isinstance(type_, UnionType):
        for member in type_.members:
            yield from walk(member)


def typing_names(type_: TypeIR, optional: bool) -> set[str]:
    """Names from `typing` that `optional_annotation(type_, optional)` uses."""
    names = {"Optional"} if optional and type_ != NONE else set()
    for t in walk(type_):
        if isinstance(t, ListType):
            names.add("List")
        elif isinstance(t, DictType):
            names.add("Dict")
        elif isinstance(t, LiteralType):
            names.add("Literal")
        elif isinstance(t, ConstrainedType):
            names.add("Annotated")
        elif isinstance(t, UnionType):
            others = len([m for m in t.members if m != NONE])
            if others > 1:
                names.add("Union")
                if t.discriminator:
                    names.add("Annotated")
            if NONE in t.members and others:
                names.add("Optional")
    return names


def datetime_names(type_: TypeIR) -> set[str]:
    return {t.name for t in walk(type_) if isinstance(t, PrimitiveType) and t.name in _DATETIME_NAMES}


def class_types(type_: TypeIR) -> set[ClassType]:
    return {t for t in walk(type_) if isinstance(t, ClassType)}


def literal_values(type_: TypeIR) -> tuple[object, ...]:
    """The enum values a type accepts, for docs ("Accepts one of the following")."""
    for t in walk(type_):
        if isinstance(t, LiteralType):
            return t.values
    return ()


def import_order(names: list[str] | set[str]) -> list[str]:
    """Names of one `from x import ...` in isort's order (by type: CONSTANTS, Classes, others)."""

    def key(name: str) -> tuple[int, str]:
        kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
        return kind, name.lower()

    return sorted(names, key=key)


def natural_key(text: str) -> list[int | str]:
    """Sort key that orders `load_5` before `load_15`, as isort (and ruff) do module names."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]
