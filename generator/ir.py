"""The intermediate representation: plain frozen dataclasses, the only thing templates see.

A `TypeIR` says what a value is (a primitive, a named class, a list, a literal ...). A
`ModelIR` is one top-level schema and becomes one module: its nested inline objects are
`ClassIR`s defined above it, and named unions or scalars become `AliasIR`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

JsonScalar = Union[str, int, float, bool, None]


@dataclass(frozen=True)
class PrimitiveType:
    """`str`, `int`, `float`, `bool`, `datetime`, `date`, `object` (anything) or `None`."""

    name: str


@dataclass(frozen=True)
class ClassType:
    """A reference to a generated class or alias, by name, and the model module defining it."""

    name: str
    module: str


@dataclass(frozen=True)
class ListType:
    item: TypeIR


@dataclass(frozen=True)
class DictType:
    value: TypeIR


@dataclass(frozen=True)
class LiteralType:
    values: tuple[JsonScalar, ...]


@dataclass(frozen=True)
class UnionType:
    members: tuple[TypeIR, ...]


TypeIR = Union[PrimitiveType, ClassType, ListType, DictType, LiteralType, UnionType]


@dataclass(frozen=True)
class Constraints:
    """Validation keywords that pydantic can enforce."""

    multiple_of: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None

    def is_empty(self) -> bool:
        return self == Constraints()

    def by_keyword(self) -> list[tuple[str, float | int | str]]:
        """The constraints that are set, by their JSON Schema keyword, in a fixed order."""
        items = [
            ("multipleOf", self.multiple_of),
            ("minimum", self.minimum),
            ("exclusiveMinimum", self.exclusive_minimum),
            ("maximum", self.maximum),
            ("exclusiveMaximum", self.exclusive_maximum),
            ("minLength", self.min_length),
            ("maxLength", self.max_length),
            ("pattern", self.pattern),
        ]
        return [(keyword, value) for keyword, value in items if value is not None]


@dataclass(frozen=True)
class FieldIR:
    """One property of an object schema."""

    name: str
    """The Python attribute name."""
    wire_name: str
    """The JSON property name; differs from `name` when that had to be sanitized."""
    type: TypeIR
    required: bool
    nullable: bool
    description: str | None = None
    format: str | None = None
    constraints: Constraints = field(default_factory=Constraints)
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False
    default: JsonScalar = None
    has_default: bool = False
    pointer: str = ""

    @property
    def optional(self) -> bool:
        """Whether the Python type admits None: the server may omit it or send null."""
        return self.nullable or not self.required


@dataclass(frozen=True)
class ClassIR:
    """A Pydantic model class."""

    name: str
    fields: tuple[FieldIR, ...]
    description: str | None = None
    deprecated: bool = False
    pointer: str = ""


@dataclass(frozen=True)
class AliasIR:
    """A named type that is not an object: a union, an enum, a list, a scalar."""

    name: str
    type: TypeIR
    description: str | None = None
    nullable: bool = False
    pointer: str = ""


Definition = Union[ClassIR, AliasIR]


@dataclass(frozen=True)
class ModelIR:
    """One top-level schema, rendered as one module.

    `definitions` are in dependency order: nested classes first, the model itself last.
    """

    name: str
    module: str
    definitions: tuple[Definition, ...]
    source_file: str = ""
    pointer: str = ""

    @property
    def main(self) -> Definition:
        return self.definitions[-1]


@dataclass(frozen=True)
class ApiIR:
    """Everything the targets render."""

    title: str
    version: str
    description: str | None
    package: str
    models: tuple[ModelIR, ...]
