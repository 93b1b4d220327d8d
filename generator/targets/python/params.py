"""Request params in the Python SDK: TypedDicts for what a caller sends.

A request body's nested objects become TypedDicts in the operation's params module
(`types/firewall_create_params.py`); a shared model a body refers to gets a TypedDict twin
in `types/shared_params/` named `<Model>Param` (`FirewallRuleTargetParam`). Fields the
server sets (`readOnly`) are left out; required fields are `Required[...]`.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from ...ir.model import AliasIR, ApiIR, ClassIR, ClassType, Definition, FieldIR, ModelIR, class_types, map_definitions
from ...ir.module_graph import import_plan, load_order
from ...ir.spelling import optional_annotation
from .models import field_lines, type_alias_type_lines
from .types import natural_key, typing_names_in


@dataclass(frozen=True)
class ParamFieldView:
    name: str
    """The key: TypedDict keys are the wire names."""
    annotation: str
    description: str | None


@dataclass(frozen=True)
class TypedDictView:
    name: str
    description: str | None
    fields: tuple[ParamFieldView, ...]
    functional: bool
    """Keys that are not identifiers need `TypedDict("Name", {...})`."""
    is_class: bool = True

    @property
    def body(self) -> str:
        """The fields as the class body prints them (see `models.field_lines`)."""
        return field_lines((f"    {field.name}: {field.annotation}", field.description) for field in self.fields)


@dataclass(frozen=True)
class ParamAliasView:
    name: str
    annotation: str
    description: str | None
    is_class: bool = False
    recursive_lines: tuple[str, ...] = ()
    """A recursive alias, as `models.py` writes it: `Name = TypeAliasType("Name", "...")`."""


@dataclass(frozen=True)
class ParamsModuleView:
    path: str
    """Relative to the package: `types/shared_params/firewall_rule_target.py`."""
    imports: tuple[str, ...]
    exports: tuple[str, ...]
    definitions: tuple[TypedDictView | ParamAliasView, ...]
    deferred_imports: tuple[str, ...] = ()
    """What recursive aliases name, and what closes an import cycle, for type checkers only."""


class ParamNames:
    """How request-side code names a class: TypedDict twins of shared models take `Param`."""

    def __init__(self, api: ApiIR) -> None:
        self.namespace = {m.module: m.namespace for m in api.models}
        # `Param`, unless a twin would then take the name of a model (a schema `PetParam`
        # beside the twin of `Pet`): a resource module imports both, `types` exports both.
        taken = {d.name for m in api.models for d in m.definitions}
        twinned = [d.name for m in api.models if m.namespace == "shared" for d in m.definitions]
        self.suffix = next(
            suffix
            for suffix in ("Param", "RequestParam", "InputParam", "ParamDict")
            if suffix == "ParamDict" or not any(name + suffix in taken for name in twinned)
        )

    def name(self, class_type: ClassType) -> str:
        if self.namespace.get(class_type.module) == "shared":
            return class_type.name + self.suffix
        return class_type.name

    def module_path(self, class_type: ClassType) -> str:
        """Dotted path below the package: `types.shared_params.firewall_rule_target`."""
        if self.namespace.get(class_type.module) == "shared":
            return f"types.shared_params.{class_type.module}"
        return f"types.{class_type.module}"


def request_fields(definition: ClassIR) -> tuple[FieldIR, ...]:
    return tuple(f for f in definition.fields if not f.read_only)


def param_annotation(field: FieldIR, names: ParamNames) -> str:
    return optional_annotation(field.type, field.nullable, namer=names.name)


def shared_modules_needed(api: ApiIR) -> list[ModelIR]:
    """Shared models that request bodies reach, directly or through other shared models."""
    by_module = {m.module: m for m in api.models}
    stack = [m for m in api.models if m.namespace == "params"]
    seen: set[str] = set()
    # Path, query and header parameters may name shared models (aliases, mostly) too.
    for operation in api.operations:
        for parameter in operation.parameters:
            for class_type in class_types(parameter.type):
                target = by_module.get(class_type.module)
                if target is not None and target.namespace == "shared" and target.module not in seen:
                    seen.add(target.module)
                    stack.append(target)
    while stack:
        model = stack.pop()
        for definition in model.definitions:
            types = (
                [f.type for f in request_fields(definition)] if isinstance(definition, ClassIR) else [definition.type]
            )
            for type_ in types:
                for class_type in class_types(type_):
                    target = by_module.get(class_type.module)
                    if target is not None and target.namespace == "shared" and target.module not in seen:
                        seen.add(target.module)
                        stack.append(target)
    return sorted((by_module[m] for m in seen), key=lambda m: m.module)


def request_import_plan(api: ApiIR, twins: list[ModelIR]) -> set[tuple[str, str]]:
    """`(importer, imported)` pairs of params modules whose imports only TypedDict fields
    need and that would close an import cycle (`BranchParam.target: CommitParam`,
    `CommitParam.branches: List[BranchParam]`): made for type checkers only. Nothing reads
    a TypedDict's annotations while the SDK runs, so nothing has to resolve them later.

    The graph is the one `module_graph` reads for models, over what a request sends (the
    fields the server sets are left out) and over the params modules only: a twin that
    names a model of another namespace imports that model, which never imports a twin."""

    def request_side(definition: Definition) -> Definition:
        if isinstance(definition, ClassIR) and any(f.read_only for f in definition.fields):
            return replace(definition, fields=request_fields(definition))
        return definition

    sent = (*twins, *(m for m in api.models if m.namespace == "params"))
    return import_plan(map_definitions(sent, lambda _, definition: request_side(definition)))[0]


def params_module_view(
    model: ModelIR, names: ParamNames, deferred: AbstractSet[tuple[str, str]] = frozenset()
) -> ParamsModuleView:
    twin = model.namespace == "shared"
    own = {d.name for d in model.definitions}
    suffix = names.suffix if twin else ""
    definitions: list[TypedDictView | ParamAliasView] = []
    annotations: list[str] = []
    imported: dict[str, set[str]] = {}
    checking: dict[str, set[str]] = {}

    def note(types: list[ClassType], into: dict[str, set[str]] = imported) -> None:
        for class_type in types:
            if class_type.name in own and class_type.module == model.module:
                continue
            into.setdefault(names.module_path(class_type), set()).add(names.name(class_type))

    for definition in load_order(model):
        if isinstance(definition, ClassIR):
            fields = []
            for field in request_fields(definition):
                text = param_annotation(field, names)
                text = f"Required[{text}]" if field.required else text
                annotations.append(text)
                fields.append(ParamFieldView(field.wire_name, text, field.description))
                named = sorted(class_types(field.type), key=lambda t: t.name)
                note([t for t in named if (model.module, t.module) not in deferred])
                note([t for t in named if (model.module, t.module) in deferred], checking)
            functional = any(not f.name.isidentifier() or _is_keyword(f.name) for f in fields)
            definitions.append(
                TypedDictView(definition.name + suffix, definition.description, tuple(fields), functional)
            )
        else:
            assert isinstance(definition, AliasIR)
            text = optional_annotation(definition.type, definition.nullable, namer=names.name)
            annotations.append(text)
            name = definition.name + suffix
            if definition.recursive:
                note(sorted(class_types(definition.type), key=lambda t: t.name), checking)
                written = type_alias_type_lines(name, text)
                definitions.append(ParamAliasView(name, text, definition.description, recursive_lines=written))
                continue
            note(sorted(class_types(definition.type), key=lambda t: t.name))
            definitions.append(ParamAliasView(name, text, definition.description))
    depth = "..." if twin else ".."
    lines = ["from __future__ import annotations", ""]
    typing = typing_names_in(annotations, ("Annotated", "Dict", "List", "Literal", "Optional", "Tuple", "Union"))
    checking = {path: found - imported.get(path, set()) for path, found in checking.items()}
    checking = {path: found for path, found in checking.items() if found}
    if checking:
        typing.add("TYPE_CHECKING")
    dates = typing_names_in(annotations, ("date", "datetime"))
    if dates:
        lines.append(f"from datetime import {', '.join(sorted(dates))}")
    if typing:
        lines.append(f"from typing import {', '.join(sorted(typing, key=lambda n: (n != n.upper(), n)))}")
    if dates or typing:
        lines.append("")
    extensions = ["TypedDict"] if any(isinstance(d, TypedDictView) for d in definitions) else []
    if any(isinstance(d, ParamAliasView) and not d.recursive_lines for d in definitions):
        extensions.append("TypeAlias")
    if any(isinstance(d, ParamAliasView) and d.recursive_lines for d in definitions):
        extensions.append("TypeAliasType")

    if any("Required[" in a for a in annotations):
        extensions.append("Required")
    if any("Field(" in a for a in annotations):
        lines.append("from pydantic import Field")
    if extensions:
        lines += [f"from typing_extensions import {', '.join(sorted(extensions))}"]

    def import_lines(found: dict[str, set[str]]) -> list[str]:
        relative = []
        for module_path in sorted(found, key=natural_key):
            target, what = module_path.split(".")[-1], ", ".join(sorted(found[module_path]))
            if twin and module_path.startswith("types.shared_params."):
                relative.append(f"from .{target} import {what}")
            elif twin:
                relative.append(f"from {depth}{module_path} import {what}")
            elif module_path.startswith("types.shared_params."):
                relative.append(f"from .shared_params.{target} import {what}")
            else:
                relative.append(f"from .{target} import {what}")
        return relative

    relative = import_lines(imported)
    if relative:
        lines += ["", *relative]
    path = f"types/shared_params/{model.module}.py" if twin else f"types/{model.module}.py"
    exports = tuple(d.name for d in definitions)
    return ParamsModuleView(path, tuple(lines), exports, tuple(definitions), tuple(import_lines(checking)))


def _is_keyword(name: str) -> bool:
    import keyword

    return keyword.iskeyword(name)
