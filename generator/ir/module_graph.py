"""The import graph of model modules, and which imports must wait to break cycles.

Two models in two modules may refer to each other; Python cannot import such modules at
load time. Within each strongly connected component of the graph, the imports that only
serve field annotations are deferred (`if TYPE_CHECKING:`), and each module of such a
cycle ends by resolving those fields once every module of the cycle is loaded. Imports
that a module needs while it runs (a `TypeAlias` value names its members) stay as they are,
unless they close a cycle of their own (`Account` names `BankAccount` through a union alias,
and `BankAccount` names `Account` through one): the aliases on such a cycle are written as
recursive ones are, their value a string resolved once the cycle is loaded.
"""

from __future__ import annotations

from dataclasses import replace

from .model import AliasIR, ClassIR, Definition, ModelIR, class_types, map_definitions


def module_edges(model: ModelIR) -> tuple[set[str], set[str]]:
    """Modules a model module imports for field annotations, and those it needs while it
    runs: for alias values and base classes."""
    fields: set[str] = set()
    aliases: set[str] = set()
    for definition in model.definitions:
        if isinstance(definition, ClassIR):
            targets = {t.module for f in definition.fields for t in class_types(f.type)}
            fields |= targets
            if definition.base is not None:
                aliases.add(definition.base.module)
        elif definition.recursive:
            # Its value is a string that names the others: pydantic resolves it later.
            fields |= {t.module for t in class_types(definition.type)}
        else:
            aliases |= {t.module for t in class_types(definition.type)}
    fields.discard(model.module)
    aliases.discard(model.module)
    return fields, aliases


def load_order(model: ModelIR) -> tuple[Definition, ...]:
    """The definitions in an order Python can run them: a class or alias of the module that an
    alias's value or a class's base names comes before it, the rest as they are (nested classes
    above their parent). `Next = Union[Node, str]`, a field of `Node`, follows `Node`: a field
    annotation may name what is defined later, an alias's value may not."""
    if len(model.definitions) == 1:  # most models: nothing to order
        return model.definitions
    position = {d.name: i for i, d in enumerate(model.definitions)}

    def needs(definition: Definition) -> list[Definition]:
        if isinstance(definition, ClassIR):
            named = {definition.base} if definition.base is not None else set()
        else:
            named = set() if definition.recursive else class_types(definition.type)
        own = {t.name for t in named if t.module == model.module and t.name in position} - {definition.name}
        return [model.definitions[i] for i in sorted(position[name] for name in own)]

    order: list[Definition] = []
    placed: set[str] = set()
    for definition in model.definitions:
        if definition.name in placed:
            continue
        stack = [(definition, iter(needs(definition)))]
        placed.add(definition.name)
        while stack:  # depth first, so that what a definition needs is placed before it
            current, waiting = stack[-1]
            needed = next((d for d in waiting if d.name not in placed), None)
            if needed is None:
                stack.pop()
                order.append(current)
            else:
                placed.add(needed.name)
                stack.append((needed, iter(needs(needed))))
    return tuple(order)


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iteratively (a large spec's graph is deeper than the stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[set[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                components.append(component)
    return components


def _graph(models: list[ModelIR] | tuple[ModelIR, ...]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Each module's field edges and runtime edges."""
    field_edges: dict[str, set[str]] = {}
    runtime_edges: dict[str, set[str]] = {}
    for model in models:
        field_edges[model.module], runtime_edges[model.module] = module_edges(model)
    return field_edges, runtime_edges


def _deferred_in(
    component: set[str], field_edges: dict[str, set[str]], runtime_edges: dict[str, set[str]]
) -> set[tuple[str, str]]:
    """The edges of a cycle that only field annotations need."""
    return {(a, b) for a in component for b in field_edges.get(a, set()) - runtime_edges[a] if b in component}


def import_plan(
    models: list[ModelIR] | tuple[ModelIR, ...],
) -> tuple[set[tuple[str, str]], dict[str, tuple[str, ...]]]:
    """The imports to make for type checkers only, and the cycles they break.

    `(importer, imported)` module pairs deferred; and for each module of a cycle with
    deferred imports, the other modules of that cycle: its models are finished (their
    deferred names resolved) once all of them are loaded. One reading of the graph for both.
    """
    field_edges, runtime_edges = _graph(models)
    graph = {module: field_edges[module] | runtime_edges[module] for module in field_edges}
    deferred: set[tuple[str, str]] = set()
    cycles: dict[str, tuple[str, ...]] = {}
    for component in strongly_connected(graph):
        if len(component) > 1:
            edges = _deferred_in(component, field_edges, runtime_edges)
            deferred |= edges
            if edges:
                for module in component:
                    cycles[module] = tuple(sorted(component - {module}))
    return deferred, cycles


def defer_aliases_on_import_cycles(models: list[ModelIR]) -> list[ModelIR]:
    """The models with every alias that names a module of its own module's cycle of runtime
    imports marked `recursive` (a `TypeAliasType` whose value is a string), which makes its
    imports ones for field annotations. Once they are, no cycle of runtime imports is left:
    `inheritance.py` has dropped the base classes that would close one."""
    _, runtime_edges = _graph(models)
    component_of: dict[str, int] = {}
    for number, component in enumerate(strongly_connected(runtime_edges)):
        if len(component) > 1:
            component_of.update(dict.fromkeys(component, number))
    if not component_of:
        return models

    def settled(model: ModelIR, definition: Definition) -> Definition:
        if not isinstance(definition, AliasIR) or definition.recursive:
            return definition
        component = component_of.get(model.module)
        named = {t.module for t in class_types(definition.type)} - {model.module}
        if component is None or not any(component_of.get(module) == component for module in named):
            return definition
        return replace(definition, recursive=True)

    return map_definitions(models, settled)
