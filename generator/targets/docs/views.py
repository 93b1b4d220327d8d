"""Doc views of models: everything a docs template prints about a model (type strings,
anchors, constraint text), shared by the Markdown reference and the HTML site."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import (
    AliasIR,
    ClassIR,
    ClassType,
    ConstType,
    FieldIR,
    LiteralType,
    ModelIR,
    PrimitiveType,
    TypeIR,
    class_types,
    walk,
)
from ...ir.naming import snake_case
from ...ir.spelling import field_annotation, literal_value, optional_annotation
from ...text import markdown_text


@dataclass(frozen=True)
class Link:
    name: str
    anchor: str


@dataclass(frozen=True)
class FieldDoc:
    name: str
    wire_name: str
    type: str
    required: bool
    description: str | None
    format: str | None
    constraints: tuple[str, ...]
    enum_values: tuple[str, ...]
    deprecated: bool
    read_only: bool
    write_only: bool
    default: str | None
    links: tuple[Link, ...]


@dataclass(frozen=True)
class ClassDoc:
    name: str
    anchor: str
    is_main: bool
    description: str | None
    fields: tuple[FieldDoc, ...]
    alias_type: str | None
    deprecated: bool
    links: tuple[Link, ...]
    base: Link | None = None
    """The model this class extends; its fields are listed here too."""


@dataclass(frozen=True)
class ModelDoc:
    name: str
    anchor: str
    classes: tuple[ClassDoc, ...]
    """The model's own class first, then its nested classes."""


def anchor_of(class_type: ClassType, main_names: dict[str, str]) -> str:
    if main_names.get(class_type.module) == class_type.name:
        return class_type.module.replace("_", "-")
    return f"{class_type.module}-{snake_case(class_type.name)}".replace("_", "-")


def _parts(type_: TypeIR) -> tuple[TypeIR, ...]:
    """`walk(type_)`; most field types hold no other type, and are their own parts."""
    return (type_,) if isinstance(type_, (PrimitiveType, ClassType, LiteralType)) else tuple(walk(type_))


def constraint_texts(field: FieldIR, parts: tuple[TypeIR, ...] | None = None) -> tuple[str, ...]:
    """`parts`: the field type's, when the caller has them."""
    texts = [] if field.constraints.is_empty() else [f"{k} {v}" for k, v in field.constraints.by_keyword()]
    # A `const` that `Literal` cannot spell: the type shows its JSON type, this its value.
    texts += [f"const {t.json}" for t in (parts or _parts(field.type)) if isinstance(t, ConstType)]
    return tuple(texts)


def _links(types: list[ClassType], main_names: dict[str, str]) -> tuple[Link, ...]:
    unique = sorted(set(types), key=lambda t: (t.name, t.module))
    return tuple(Link(t.name, anchor_of(t, main_names)) for t in unique)


def field_doc(field: FieldIR, main_names: dict[str, str]) -> FieldDoc:
    parts = _parts(field.type)
    # The enum values: the first literal's, as `literal_values` finds them.
    literal = next((t for t in parts if isinstance(t, LiteralType)), None)
    return FieldDoc(
        name=field.name,
        wire_name=field.wire_name,
        type=field_annotation(field, fold=4),
        required=field.required,
        description=markdown_text(field.description) if field.description else None,
        format=field.format,
        constraints=constraint_texts(field, parts),
        enum_values=tuple(literal_value(v) for v in literal.values) if literal is not None else (),
        deprecated=field.deprecated,
        read_only=field.read_only,
        write_only=field.write_only,
        default=literal_value(field.default) if field.has_default else None,
        links=_links([t for t in parts if isinstance(t, ClassType)], main_names),
    )


def model_doc(model: ModelIR, main_names: dict[str, str]) -> ModelDoc:
    classes: list[ClassDoc] = []
    for definition in reversed(model.definitions):
        anchor = anchor_of(ClassType(definition.name, model.module), main_names)
        description = markdown_text(definition.description) if definition.description else None
        if isinstance(definition, ClassIR):
            fields = tuple(field_doc(f, main_names) for f in definition.fields)
            classes.append(
                ClassDoc(
                    definition.name,
                    anchor,
                    definition is model.main,
                    description,
                    fields,
                    None,
                    definition.deprecated,
                    (),
                    _links([definition.base], main_names)[0] if definition.base is not None else None,
                )
            )
        else:
            assert isinstance(definition, AliasIR)
            alias = optional_annotation(definition.type, definition.nullable)
            links = _links(list(class_types(definition.type)), main_names)
            classes.append(
                ClassDoc(definition.name, anchor, definition is model.main, description, (), alias, False, links)
            )
    return ModelDoc(model.name, classes[0].anchor, tuple(classes))
