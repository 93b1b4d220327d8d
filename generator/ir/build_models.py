"""IR: turn resolved schemas into models, classes, fields and types.

Each top-level schema becomes a `ModelIR` (one module). Inline objects nested inside it
become classes of the same module, named from their path the way hand-written SDKs do:
`Droplet.networks` -> `Networks`, `ChatCompletionChunk.choices[]` -> `Choice`,
`.delta` -> `ChoiceDelta`. A `$ref` to another named schema becomes a `ClassType`
pointing at that model's module.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..errors import Location, SpecError
from ..load.loader import Ref
from .coercion import coerced_enum
from .model import (
    AliasIR,
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
    ModelIR,
    PrimitiveType,
    TupleType,
    TypeIR,
    UnionType,
    walk,
)
from .name_hint import NameHint
from .naming import RESERVED_CLASS_NAMES, field_name, pascal_case
from .patterns import read_pattern
from .resolve import NamedSchema
from .schema_facts import (
    Annotations,
    ObjectShape,
    extends_itself,
    is_nullable_schema,
    primitive_type,
    schema_as_meant,
    structural_members,
)

if TYPE_CHECKING:
    from .context import SchemaContext

OBJECT = PrimitiveType("object")


class ModelBuilder:
    """Builds one `ModelIR`: the named schema's class or alias plus its nested classes."""

    def __init__(self, api: SchemaContext, named: NamedSchema) -> None:
        self.api = api
        self.named = named
        self.definitions: list[Definition] = []
        self.taken: set[str] = set(RESERVED_CLASS_NAMES) | {named.name}
        self.field_names_used: set[str] = set()

    def build(self) -> ModelIR:
        resolver = self.api.resolver
        location = self.named.ref.location()
        schema = self.named.schema
        if isinstance(schema, dict) and set(schema) == {"$ref"}:
            target = resolver.ref_of(schema, location)
            if resolver.named(target).name != self.named.name:
                # A component that merely renames another one.
                class_type = self._class_type(target)
                self.definitions.append(AliasIR(self.named.name, class_type, pointer=location.pointer))
                return self._model()
            schema, location = resolver.follow(schema, location)
        self.taken |= self.api.referenced_class_names(schema, location)
        annotations = self.api.annotations(schema, location)
        shape = self.api.object_shape(schema, location)
        if shape is not None and shape.properties:
            base = self.base_candidate(schema, location)
            self.build_class(self.named.name, shape, annotations, location, is_main=True, base=base)
        else:
            hint = NameHint(self.named.name, False, "")
            type_, nullable = self.type_of(schema, location, hint)
            self.definitions.append(
                AliasIR(self.named.name, type_, annotations.description, nullable, location.pointer)
            )
        return self._model()

    def _model(self) -> ModelIR:
        return ModelIR(
            name=self.named.name,
            module=self.named.module,
            definitions=tuple(self.definitions),
            source_file=str(self.named.ref.file),
            pointer=self.named.ref.pointer,
            namespace=self.named.namespace,
        )

    def _class_type(self, ref: Ref) -> ClassType:
        named = self.api.resolver.named(ref)
        return ClassType(named.name, named.module)

    def claim(self, hint: NameHint) -> str:
        """A class name for an inline object, unique within this module."""
        base = hint.class_name()
        # A field named like a type in its class would shadow it there (`A: Optional[A]`).
        unavailable = self.taken | self.field_names_used
        for candidate in (base, self.named.name + pascal_case(hint.segment)):
            if candidate not in unavailable:
                self.taken.add(candidate)
                return candidate
        counter = 2
        while f"{base}{counter}" in unavailable:
            counter += 1
        self.taken.add(f"{base}{counter}")
        return f"{base}{counter}"

    def base_candidate(self, schema: Any, location: Location) -> ClassType | None:
        """The named model an `allOf` extends: its one bare `$ref` to an object with properties.

        Only a candidate: `inheritance.py` keeps it if the subclass can inherit that model's
        fields unchanged."""
        members = schema.get("allOf") if isinstance(schema, dict) else None
        if not isinstance(members, list):
            return None
        refs = [(i, m) for i, m in enumerate(members) if isinstance(m, dict) and set(m) == {"$ref"}]
        if len(refs) != 1:
            return None
        index, member = refs[0]
        member_location = location.child("allOf", index)
        ref = self.api.resolver.ref_of(member, member_location)
        target, target_location = self.api.resolver.follow(member, member_location)
        shape = self.api.object_shape(target, target_location)
        if shape is None or not shape.properties or not self.api.deserves_class(ref, target):
            return None
        if extends_itself(target, target_location, self.named.ref.location(), self.api.resolver):
            return None  # an `allOf` cycle: neither class can be the other's base
        base = self._class_type(ref)
        return base if base.name != self.named.name else None

    def build_class(
        self,
        name: str,
        shape: ObjectShape,
        annotations: Annotations,
        location: Location,
        is_main: bool,
        base: ClassType | None = None,
    ) -> ClassType:
        fields: list[FieldIR] = []
        chosen: dict[str, str] = {}
        named = [(w, p, at) for w, p, at in shape.properties if isinstance(p, dict) and "x-sdk-name" in p]
        natural = {field_name(w) for w, _, _ in shape.properties} - {field_name(w) for w, _, _ in named}
        for wire_name, prop, prop_location in named:
            if self.usable_name(prop, prop_location, natural | set(chosen.values())):
                chosen[wire_name] = prop["x-sdk-name"]
        names = self.field_names([wire_name for wire_name, _, _ in shape.properties], chosen)
        self.field_names_used |= set(names.values())
        for wire_name, prop_schema, prop_location in shape.properties:
            python_name = names[wire_name]
            hint = NameHint(name, is_main, wire_name)
            try:
                field = self.build_field(
                    python_name, wire_name, prop_schema, prop_location, hint, wire_name in shape.required
                )
            except SpecError as exc:
                # One broken property does not hide what is wrong with its siblings.
                self.api.diagnostics.items.extend(exc.diagnostics)
                continue
            fields.append(replace(field, chosen_name=True) if wire_name in chosen else field)
        fields = self.unshadow(fields)
        self.definitions.append(
            ClassIR(name, tuple(fields), annotations.description, annotations.deprecated, location.pointer, base)
        )
        return ClassType(name, self.named.module)

    @staticmethod
    def unshadow(fields: list[FieldIR]) -> list[FieldIR]:
        """A field named like a builtin type its class uses (`float: str` beside `x: float`)
        would shadow it in the class body: it takes a `_`, keeping its wire name."""
        used: set[str] = set()
        for type_ in (t for f in fields for t in walk(f.type)):
            if isinstance(type_, PrimitiveType):
                used.add(type_.name)
            elif isinstance(type_, DictType):
                used.add("str")  # `Dict[str, X]` names it too
        taken = {f.name for f in fields}
        result = []
        for field in fields:
            if field.name in used:
                name = field.name + "_"
                while name in taken:
                    name += "_"
                taken.add(name)
                field = replace(field, name=name)
            result.append(field)
        return result

    def usable_name(self, prop: dict[str, Any], location: Location, others: set[str]) -> bool:
        """A property's `x-sdk-name` is its field's name if it is one a field can have and no
        other property of the class has it."""
        name = prop["x-sdk-name"]
        if isinstance(name, str) and field_name(name) == name and name not in self.taken:
            if name not in others:
                return True
            message = f"x-sdk-name {name!r} is the name of another property"
        else:
            message = f"x-sdk-name must be a name a model field can have, not {name!r}"
        self.api.diagnostics.error(message, self.api.locate(location.child("x-sdk-name")))
        return False

    def field_names(self, wire_names: list[str], chosen: dict[str, str] | None = None) -> dict[str, str]:
        """Python names for a class's properties: those chosen (`x-sdk-name`), then a wire name
        that is a usable name keeps it, and sanitized names that collide take a suffix."""
        result: dict[str, str] = dict(chosen or {})
        used: set[str] = set(result.values())
        exact_first = sorted((w for w in wire_names if w not in result), key=lambda wire: field_name(wire) != wire)
        for wire_name in exact_first:
            python_name = field_name(wire_name)
            if python_name in self.taken:
                python_name += "_"
            base, counter = python_name, 2
            while python_name in used:
                python_name = f"{base}_" if counter == 2 and not base.endswith("_") else f"{base}{counter}"
                counter += 1
            used.add(python_name)
            result[wire_name] = python_name
        return result

    def build_field(
        self, name: str, wire_name: str, schema: Any, location: Location, hint: NameHint, required: bool
    ) -> FieldIR:
        annotations = self.api.annotations(schema, location)
        type_, nullable = self.type_of(schema, location, hint)
        if isinstance(type_, ConstrainedType):
            type_ = type_.base  # a field carries its constraints in `Field(...)`
        value_schema, _ = self.api.value_schema(schema, location)
        default = self.api.default(type_, nullable or annotations.nullable, schema, location)
        return FieldIR(
            name=name,
            wire_name=wire_name,
            type=type_,
            required=required,
            nullable=nullable or annotations.nullable,
            description=annotations.description,
            format=value_schema.get("format") if isinstance(value_schema.get("format"), str) else None,
            constraints=self.constraints(value_schema, location),
            deprecated=annotations.deprecated,
            read_only=annotations.read_only,
            write_only=annotations.write_only,
            default=default.value,
            has_default=default.kept,
            pointer=location.pointer,
            example=annotations.example,
        )

    # -- types ----------------------------------------------------------------------------

    def type_of(self, schema: Any, location: Location, hint: NameHint) -> tuple[TypeIR, bool]:
        """The Python type of a schema, and whether it admits null: read once per place,
        unless it made classes of this module (a union is one only where it has a name)."""
        named_union = bool(hint.segment)
        known = self.api.known_type(schema, location, named_union)
        if known is not None:
            return known
        definitions, diagnostics = len(self.definitions), len(self.api.diagnostics.items)
        type_, nullable = self._type_of(schema, location, hint)
        if len(self.definitions) == definitions:
            self.api.remember_type(schema, location, named_union, (type_, nullable), diagnostics)
        return type_, nullable

    def _type_of(self, schema: Any, location: Location, hint: NameHint) -> tuple[TypeIR, bool]:
        api = self.api
        if schema is True or schema == {}:
            return OBJECT, False
        if schema is False:
            # No value is valid: a property that must be absent. `None` is the nearest type
            # pydantic can hold (the field can only be omitted, or null).
            return PrimitiveType("None"), True
        if not isinstance(schema, dict):
            api.diagnostics.error("a schema must be an object or a boolean", api.locate(location))
            return OBJECT, False
        nullable = schema.get("nullable") is True
        if "$ref" in schema:
            ref = api.resolver.ref_of(schema, location)
            target, target_location = api.resolver.follow({"$ref": schema["$ref"]}, location)
            if api.deserves_class(ref, target):
                return self._class_type(ref), nullable or is_nullable_schema(target)
            type_, target_nullable = self.type_of(target, target_location, hint)
            return type_, nullable or target_nullable
        schema, notes = schema_as_meant(schema)
        for keyword, note in notes:
            api.warn(note, location.child(keyword))
        if "allOf" in schema:
            structural = structural_members(schema)
            if len(structural) == 1:
                index, member = structural[0]
                type_, member_nullable = self.type_of(member, location.child("allOf", index), hint)
                return type_, nullable or member_nullable
        for keyword in ("oneOf", "anyOf"):
            if keyword in schema and not schema.get("properties"):
                tag = schema.get("discriminator")
                tag_property = tag.get("propertyName") if isinstance(tag, dict) else None
                tag_wire = tag_property if isinstance(tag_property, str) else None
                return self._union(schema[keyword], location.child(keyword), hint, nullable, tag_wire)
        declared = schema.get("type")
        if "type" in schema and (declared is None or isinstance(declared, list) and None in declared):
            # `type: null` unquoted is YAML's null, not the string: read it as the author meant.
            api.warn("type null is written unquoted (a YAML null); read as 'null'", location.child("type"))
            declared = "null" if declared is None else ["null" if t is None else t for t in declared]
            schema = {**schema, "type": declared}
        if declared is not None and not (
            isinstance(declared, str) or (isinstance(declared, list) and all(isinstance(t, str) for t in declared))
        ):
            api.diagnostics.error("type must be a string or a list of strings", api.locate(location.child("type")))
            return OBJECT, nullable
        if "const" in schema:
            return self._const(schema["const"]), nullable or schema["const"] is None
        if "enum" in schema:
            return self._enum(schema, location, nullable)
        types = schema.get("type")
        if isinstance(types, list):
            nullable = nullable or "null" in types
            types = [t for t in types if t != "null"]
            if len(types) == 1:
                types = types[0]
            elif not types:
                return PrimitiveType("None"), True
            else:
                members = tuple(self.type_of({**schema, "type": t}, location, hint)[0] for t in types)
                return UnionType(members), nullable
        if types == "null":
            return PrimitiveType("None"), True
        if types == "array" or (types is None and ("items" in schema or "prefixItems" in schema)):
            return self._array(schema, location, hint), nullable
        shape = api.object_shape(schema, location)
        if types == "object" or shape is not None:
            if shape is not None and shape.properties:
                name = self.claim(hint)
                annotations = api.annotations(schema, location)
                return self.build_class(name, shape, annotations, location, is_main=False), nullable
            return self._dict(schema, location, hint), nullable
        if types is None:
            return OBJECT, nullable
        primitive = primitive_type(types, schema.get("format"))
        if primitive is None:
            api.diagnostics.error(f"unknown schema type {types!r}", api.locate(location.child("type")))
            return OBJECT, nullable
        constraints = self.constraints(schema, location)
        if not constraints.is_empty():
            return ConstrainedType(PrimitiveType(primitive), constraints), nullable
        return PrimitiveType(primitive), nullable

    def _const(self, value: Any) -> TypeIR:
        """`Literal` for a string, integer or boolean; any other value keeps its JSON type and
        is checked for equality (`Annotated[Dict[str, object], JsonConst({...})]`)."""
        if value is None:
            return PrimitiveType("None")
        if isinstance(value, (str, int)):
            return LiteralType((value,))
        if isinstance(value, float):
            base: TypeIR = PrimitiveType("float")
        elif isinstance(value, list):
            base = ListType(OBJECT)
        else:
            base = DictType(OBJECT)
        return ConstType(base, json.dumps(value, ensure_ascii=False))

    def _array(self, schema: dict[str, Any], location: Location, hint: NameHint) -> TypeIR:
        """`List[X]`; a tuple (`prefixItems`, or draft-4 `items: [...]`) that admits no other
        items is `Tuple[A, B]`, one that does is a list of any of its item types."""
        draft4 = isinstance(schema.get("items"), list)
        positional = schema.get("items") if draft4 else schema.get("prefixItems")
        if positional is None and schema.get("items") is False:
            positional = []  # no item is valid: only the empty array
        if not isinstance(positional, list):
            return ListType(self._item_type(schema.get("items", {}), location.child("items"), hint.for_items()))
        key = "items" if draft4 else "prefixItems"
        types = [
            self._item_type(item, location.child(key, index), hint.for_items().with_suffix(str(index + 1)))
            for index, item in enumerate(positional)
        ]
        rest_key = "additionalItems" if draft4 else "items"
        rest = schema.get(rest_key, True)
        if rest is False or schema.get("maxItems") == len(types):
            return TupleType(tuple(types))
        if rest is not True and rest != {}:
            types.append(self._item_type(rest, location.child(rest_key), hint.for_items()))
        members = tuple(dict.fromkeys(types))
        return ListType(members[0] if len(members) == 1 else UnionType(members) if members else OBJECT)

    def _item_type(self, schema: Any, location: Location, hint: NameHint) -> TypeIR:
        item_type, item_nullable = self.type_of(schema, location, hint)
        if item_nullable and item_type != PrimitiveType("None"):
            item_type = UnionType((item_type, PrimitiveType("None")))
        return item_type

    def constraints(self, schema: dict[str, Any], location: Location) -> Constraints:
        unfit, constraints = self.api.constraints(schema)
        for keyword in unfit:
            self.api.warn(f"{keyword} does not apply to type {schema.get('type')!r}; left out", location.child(keyword))
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and "pattern" not in unfit:
            for message in read_pattern(pattern)[1]:  # an ECMA-262 pattern read as Python's
                self.api.warn(message, location.child("pattern"))
        return constraints

    def _dict(self, schema: dict[str, Any], location: Location, hint: NameHint) -> TypeIR:
        extra = schema.get("additionalProperties", True)
        patterns = schema.get("patternProperties")
        if isinstance(patterns, dict) and patterns and (extra is False or extra is True or extra == {}):
            # The values' types; which key pattern goes with which is not checked.
            values = [
                self._item_type(value, location.child("patternProperties", str(key)), hint.with_suffix("Value"))
                for key, value in patterns.items()
            ]
            if "additionalProperties" in schema and extra is not False:
                values.append(OBJECT)  # other keys allowed explicitly, with any value
            members = tuple(dict.fromkeys(values))
            return DictType(members[0] if len(members) == 1 else UnionType(members))
        if extra is True or extra is False or extra == {}:
            return DictType(OBJECT)
        value_type, value_nullable = self.type_of(
            extra, location.child("additionalProperties"), hint.with_suffix("Value")
        )
        if value_nullable:
            value_type = UnionType((value_type, PrimitiveType("None")))
        return DictType(value_type)

    def _enum(self, schema: dict[str, Any], location: Location, nullable: bool) -> tuple[TypeIR, bool]:
        values = schema["enum"]
        if not isinstance(values, list) or not values:
            self.api.diagnostics.error("enum must be a non-empty list", self.api.locate(location.child("enum")))
            return OBJECT, nullable
        values, mismatches = coerced_enum(schema)
        for message, index in mismatches:
            self.api.warn(message, location.child("enum", index))
        if any(isinstance(v, float) for v in values):
            # `Literal[1.5]` is not a valid type: a float enum is a float.
            self.api.warn(
                "enum values that are floats are not expressible as Literal; typed as float", location.child("enum")
            )
            return PrimitiveType("float"), nullable or None in values
        if all(v is None for v in values):
            return PrimitiveType("None"), True
        # Keyed by type as well: `1` and `True` are equal in Python but two JSON values.
        scalars = {(type(v), v): v for v in values if v is not None and not isinstance(v, (dict, list))}
        literal = tuple(scalars.values())
        if len(literal) != len([v for v in values if v is not None]):
            complex_values = [v for v in values if isinstance(v, (dict, list))]
            if complex_values:
                self.api.warn(
                    "enum values that are objects or arrays are not expressible as Literal; typed as object",
                    location.child("enum"),
                )
                return OBJECT, nullable
        return LiteralType(literal), nullable or None in values

    def _union(
        self, members: Any, location: Location, hint: NameHint, nullable: bool, tag_wire: str | None = None
    ) -> tuple[TypeIR, bool]:
        if not isinstance(members, list) or not members:
            self.api.diagnostics.error("oneOf/anyOf must be a non-empty list", self.api.locate(location))
            return OBJECT, nullable
        types: list[TypeIR] = []
        for index, member in enumerate(members):
            member_hint = hint.with_suffix(f"Variant{index + 1}") if len(members) > 1 else hint
            if isinstance(member, dict) and isinstance(member.get("title"), str):
                member_hint = NameHint(hint.owner, hint.owner_is_main, member["title"])
            type_, member_nullable = self.type_of(member, location.child(index), member_hint)
            nullable = nullable or member_nullable
            if type_ != PrimitiveType("None") and type_ not in types:
                types.append(type_)
        if not types:
            return PrimitiveType("None"), True
        if len(types) == 1:
            return types[0], nullable
        union = UnionType(tuple(types), tag_wire=tag_wire)
        if not hint.segment:
            return union, nullable
        # A union inside an object gets a name of its own, as hand-written SDKs do:
        # `Pages: TypeAlias = Union[ForwardLinks, BackwardLinks, object]`.
        name = self.claim(hint)
        self.definitions.append(AliasIR(name, union, pointer=location.pointer))
        return ClassType(name, self.named.module), nullable
