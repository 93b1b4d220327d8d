"""The package README's headline example: a call of the API's central collection (a list,
else a create) with arguments the generated models accept."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import ApiIR, ClassIR, ClassType, OperationIR, ResourceIR
from ..examples import FILE, Examples, call_values, python_literal


@dataclass(frozen=True)
class ExampleView:
    """A first call for the package README, and the resource it is on."""

    lines: tuple[str, ...]
    async_lines: tuple[str, ...]
    resource: str
    """`client.droplets`: where `.with_raw_response` is shown."""
    imports: tuple[str, ...] = ()


def size(resource: ResourceIR) -> int:
    return sum(len(r.operations) for r in resource.walk())


def central_operation(api: ApiIR) -> tuple[ResourceIR, OperationIR]:
    """The API's main collection: the resource with the most operations under it (its main
    noun: `droplets`, `databases`), one that can both list and create first; among equals,
    the one with the shortest name (`conversations_list` before `admin_apps_approved_list`).
    Its `list` is the headline call, else its `create`; a deprecated one is not."""

    def required(op: OperationIR) -> int:
        body = op.body.main if op.body is not None else None
        fields = [f for f in getattr(body, "fields", ()) if f.required]
        return len([p for p in op.parameters if p.required]) + len(fields)

    def names(resource: ResourceIR) -> set[str]:
        return {op.name for op in resource.operations if not op.deprecated}

    resources = sorted(
        (r for top in api.resources for r in top.walk() if r.operations),
        key=lambda r: (
            -size(r),
            not {"list", "create"} <= names(r),
            sum(len(part.split("_")) for part in r.path),
            r.path,
        ),
    )
    for wanted in ("list", "create"):
        for resource in resources:
            found = [op for op in resource.operations if op.name == wanted and not op.deprecated]
            if found:
                return resource, min(found, key=required)
    resource = resources[0]
    return resource, min(resource.operations, key=required)


def readme_example(api: ApiIR) -> ExampleView:
    resource, op = central_operation(api)
    values = call_values(op, Examples(api), op.stream.flag if op.stream is not None else None)
    arguments = ", ".join(f"{name}={python_literal(value, name)}" for name, value in values.arguments.items())
    imports = ("from pathlib import Path",) if any(v is FILE for v in values.arguments.values()) else ()
    path = ".".join(("client", *resource.path))
    call = f"{path}.{op.name}({arguments})"
    if op.stream is not None and op.stream.flag is None:
        return ExampleView(
            (f"with {call} as stream:", "    for event in stream:", "        print(event)"),
            (f"async with await {call} as stream:", "    async for event in stream:", "        print(event)"),
            path,
            imports,
        )
    if op.pagination is not None:
        return ExampleView(
            (f"for item in {call}:", "    print(item)"),
            (f"async for item in {call}:", "    print(item)"),
            path,
            imports,
        )
    return ExampleView((f"print({call})",), (f"print(await {call})",), path, imports)


def readme_model_example(api: ApiIR) -> tuple[str, str] | None:
    """For a package of models only: the first model's name, and a payload it validates
    (built from its type: its required fields, and those the spec gives an example of)."""
    model = next((m for m in api.models if m.namespace != "params" and isinstance(m.main, ClassIR)), None)
    if model is None:
        return None
    return model.name, python_literal(Examples(api).value(ClassType(model.name, model.module)))
