"""Tagged unions: keep an OpenAPI `discriminator` where pydantic can use it, once every model is built.

Pydantic's `Field(discriminator="kind")` needs every member of the union to be a model
whose `kind` field is a required `Literal`, with no tag value shared by two members.
Specs often tag members whose property is a plain string, or map several tag values to
one shared schema (the DigitalOcean spec does both); such a union stays a plain union,
which pydantic still validates by trying each member. The builder records the tag's wire
name on the `UnionType`; this pass swaps it for the field's Python name, or drops it.
"""

from __future__ import annotations

from dataclasses import replace

from .model import (
    ClassIR,
    ClassType,
    ConstrainedType,
    Definition,
    DictType,
    FieldIR,
    ListType,
    LiteralType,
    ModelIR,
    PrimitiveType,
    TupleType,
    TypeIR,
    UnionType,
    classes_by_type,
    map_definitions,
)

NONE = PrimitiveType("None")


class Tags:
    def __init__(self, models: list[ModelIR]) -> None:
        self.classes = classes_by_type(models)

    def tag_field(self, member: TypeIR, wire: str) -> FieldIR | None:
        if not isinstance(member, ClassType):
            return None
        cls = self.classes.get((member.name, member.module))
        if cls is None:
            return None
        found = next((f for f in cls.fields if f.wire_name == wire), None)
        if found is None or not found.required or found.nullable or not isinstance(found.type, LiteralType):
            return None
        return found

    def union(self, type_: UnionType) -> UnionType:
        members = tuple(self.type(m) for m in type_.members)
        wire = type_.tag_wire
        tagged = [m for m in members if m != NONE]
        fields = [self.tag_field(m, wire) for m in tagged] if wire else []
        names = {f.name for f in fields if f is not None}
        values = [v for f in fields if f is not None and isinstance(f.type, LiteralType) for v in f.type.values]
        usable = bool(fields) and all(fields) and len(names) == 1 and len(values) == len(set(values))
        return replace(type_, members=members, discriminator=names.pop() if usable else None)

    def type(self, type_: TypeIR) -> TypeIR:
        if isinstance(type_, UnionType):
            return self.union(type_)
        if isinstance(type_, ListType):
            return ListType(self.type(type_.item))
        if isinstance(type_, DictType):
            return DictType(self.type(type_.value))
        if isinstance(type_, ConstrainedType):
            return ConstrainedType(self.type(type_.base), type_.constraints)
        if isinstance(type_, TupleType):
            return TupleType(tuple(self.type(item) for item in type_.items))
        return type_


def resolve_discriminators(models: list[ModelIR]) -> list[ModelIR]:
    """The models with each union's discriminator resolved to a field name, or dropped."""
    tags = Tags(models)

    def resolved(_: ModelIR, definition: Definition) -> Definition:
        if isinstance(definition, ClassIR):
            return replace(definition, fields=tuple(replace(f, type=tags.type(f.type)) for f in definition.fields))
        return replace(definition, type=tags.type(definition.type))

    return map_definitions(models, resolved)
