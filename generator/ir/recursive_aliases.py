"""Type aliases that refer back to themselves, once every model is built.

`JsonValue: oneOf [string, {type: array, items: {$ref: JsonValue}}]` is a recursive alias.
Python evaluates an alias's value when its module loads, so such an alias cannot name
itself (or an alias of a module that imports it) as `X: TypeAlias = ...` does; it is marked
`recursive` and written as a `TypeAliasType` whose value is a string.

Aliases that are members of each other's unions with nothing in between
(`NodeA: oneOf [integer, NodeB]`, `NodeB: oneOf [string, NodeA]`) are all the same type:
each becomes the union of the members that are not the others (`Union[int, str]`), as a
type checker refuses a union that contains itself.
"""

from __future__ import annotations

from dataclasses import replace

from .model import AliasIR, ClassType, Definition, ModelIR, PrimitiveType, TypeIR, UnionType, map_definitions, walk
from .module_graph import strongly_connected

Key = tuple[str, str]
"""An alias by `(module, name)`, as a `ClassType` names it."""


def _key_text(key: Key) -> str:
    return f"{key[0]}\0{key[1]}"


def _cycles(graph: dict[Key, set[Key]]) -> list[set[Key]]:
    """The strongly connected components that are cycles: several aliases, or one naming itself."""
    by_text = {_key_text(k): k for k in graph}
    components = strongly_connected({_key_text(k): {_key_text(t) for t in targets} for k, targets in graph.items()})
    cycles = []
    for component in components:
        keys = {by_text[text] for text in component}
        if len(keys) > 1 or any(k in graph[k] for k in keys):
            cycles.append(keys)
    return cycles


def _bare_members(type_: TypeIR) -> tuple[TypeIR, ...]:
    return type_.members if isinstance(type_, UnionType) else (type_,)


def _flatten(aliases: dict[Key, AliasIR]) -> dict[Key, AliasIR]:
    """Aliases that are union members of each other, as the union of their other members."""
    bare = {
        key: {(t.module, t.name) for t in _bare_members(alias.type) if isinstance(t, ClassType)} & set(aliases)
        for key, alias in aliases.items()
    }
    changed: dict[Key, AliasIR] = {}
    for cycle in _cycles(bare):
        for start in sorted(cycle):
            members: list[TypeIR] = []
            nullable = False
            order, seen = [start], {start}
            while order:  # breadth first from `start`: its own members come first
                key = order.pop(0)
                nullable = nullable or aliases[key].nullable
                for member in _bare_members(aliases[key].type):
                    target = (member.module, member.name) if isinstance(member, ClassType) else None
                    if target in cycle:
                        if target not in seen:
                            seen.add(target)
                            order.append(target)
                    elif member not in members:
                        members.append(member)
            type_: TypeIR = PrimitiveType("object")
            if len(members) == 1:
                type_ = members[0]
            elif members:
                type_ = UnionType(tuple(members))
            changed[start] = replace(aliases[start], type=type_, nullable=nullable)
    return changed


def resolve_recursive_aliases(models: list[ModelIR]) -> list[ModelIR]:
    """The models with alias cycles flattened where they are unions of each other, and every
    alias that still refers back to itself marked `recursive`."""
    aliases = {(m.module, d.name): d for m in models for d in m.definitions if isinstance(d, AliasIR)}
    aliases.update(_flatten(aliases))
    graph = {
        key: {(t.module, t.name) for t in walk(alias.type) if isinstance(t, ClassType)} & set(aliases)
        for key, alias in aliases.items()
    }
    recursive: set[Key] = set().union(*_cycles(graph))

    def settled(model: ModelIR, definition: Definition) -> Definition:
        key = (model.module, definition.name)
        if not isinstance(definition, AliasIR):
            return definition
        alias = aliases[key]
        if alias is definition and definition.recursive == (key in recursive):
            return definition
        return replace(alias, recursive=key in recursive)

    return map_definitions(models, settled)
