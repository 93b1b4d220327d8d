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
        if all(new is old for new, old in zip(members, type_.members, strict=True)):
            members = type_.members
        wire = type_.tag_wire
        tagged = [m for m in members if m != NONE]
        fields = [self.tag_field(m, wire) for m in tagged] if wire else []
        names = {f.name for f in fields if f is not None}
        values = [v for f in fields if f is not None and isinstance(f.type, LiteralType) for v in f.type.values]
        usable = bool(fields) and all(fields) and len(names) == 1 and len(values) == len(set(values))
        discriminator = names.pop() if usable else None
        if members is type_.members and discriminator == type_.discriminator:
            return type_
        return replace(type_, members=members, discriminator=discriminator)

    def type(self, type_: TypeIR) -> TypeIR:
        """`type_` with its unions resolved: the same object when none of them changes."""
        if isinstance(type_, UnionType):
            return self.union(type_)
        if isinstance(type_, ListType):
            item = self.type(type_.item)
            return type_ if item is type_.item else ListType(item)
        if isinstance(type_, DictType):
            value = self.type(type_.value)
            return type_ if value is type_.value else DictType(value)
        if isinstance(type_, ConstrainedType):
            base = self.type(type_.base)
            return type_ if base is type_.base else ConstrainedType(base, type_.constraints)
        if isinstance(type_, TupleType):
            items = tuple(self.type(item) for item in type_.items)
            unchanged = all(new is old for new, old in zip(items, type_.items, strict=True))
            return type_ if unchanged else TupleType(items)
        return type_


def resolve_discriminators(models: list[ModelIR]) -> list[ModelIR]:
    """The models with each union's discriminator resolved to a field name, or dropped."""
    tags = Tags(models)

    def resolved(_: ModelIR, definition: Definition) -> Definition:
        if isinstance(definition, ClassIR):
            fields = tuple(_with_type(f, tags.type(f.type)) for f in definition.fields)
            if all(new is old for new, old in zip(fields, definition.fields, strict=True)):
                return definition
            return replace(definition, fields=fields)
        type_ = tags.type(definition.type)
        return definition if type_ is definition.type else replace(definition, type=type_)

    return map_definitions(models, resolved)


def _with_type(field: FieldIR, type_: TypeIR) -> FieldIR:
    return field if type_ is field.type else replace(field, type=type_)
