"""The import graph of model modules, and which imports must wait to break cycles.

Two models in two modules may refer to each other; Python cannot import such modules at
load time. Within each strongly connected component of the graph, the imports that only
serve field annotations are deferred (`if TYPE_CHECKING:`), and each module of such a
cycle ends by resolving those fields once every module of the cycle is loaded. Imports
that a module needs while it runs (a `TypeAlias` value names its members) stay as they are.
"""

from __future__ import annotations

from .model import ClassIR, ModelIR, class_types


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
