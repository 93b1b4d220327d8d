"""The Python SDK target: which files the package has, and what each module imports.

This module decides; the templates under `templates/python/` only print what it decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import ApiIR, AuthIR, ClassIR, ModelIR, OperationIR
from ...ir.module_graph import deferred_imports
from ...ir.spelling import annotation
from ..render import render
from .models import module_view
from .params import ParamNames, params_module_view, shared_modules_needed
from .resources import ChildView, resource_views
from .types import natural_key

SHARED = "types/shared"
RUNTIME_MODULES = (
    "_base_client",
    "_exceptions",
    "_pagination",
    "_reliability",
    "_request_options",
    "_resource",
    "_response",
    "_streaming",
    "_types",
)


@dataclass(frozen=True)
class ServerView:
    name: str
    url: str
    argument: str
    """The constructor argument: `base_url`, `inference_base_url`."""
    constant: str
    env_var: str


@dataclass(frozen=True)
class ExampleView:
    """A first call for the package README: the simplest list or request the API has."""

    lines: tuple[str, ...]
    async_lines: tuple[str, ...]


@dataclass(frozen=True)
class ClientView:
    title: str
    doc: str
    async_doc: str
    servers: tuple[ServerView, ...]
    auth: AuthIR | None
    resources: tuple[ChildView, ...]
    example: ExampleView


def readme_example(api: ApiIR) -> ExampleView:
    def required(op: OperationIR) -> int:
        body = op.body.main if op.body is not None else None
        fields = [f for f in body.fields if f.required] if isinstance(body, ClassIR) else []
        return len([p for p in op.parameters if p.required]) + len(fields) + (1 if op.body and not fields else 0)

    candidates = [
        (op.pagination is None, required(op), i, ".".join(("client", *resource.path, op.name)), op)
        for i, (resource, op) in enumerate(
            (resource, op) for top in api.resources for resource in top.walk() for op in resource.operations
        )
    ]
    _, _, _, call, op = min(candidates, key=lambda c: c[:3])
    arguments = ", ".join(f"{p.name}={p.example or '...'}" for p in op.parameters if p.required)
    if op.pagination is not None:
        return ExampleView(
            (f"for item in {call}({arguments}):", "    print(item)"),
            (f"async for item in {call}({arguments}):", "    print(item)"),
        )
    return ExampleView((f"print({call}({arguments}))",), (f"print(await {call}({arguments}))",))


@dataclass(frozen=True)
class ParamExport:
    module: str
    name: str


def type_exports(api: ApiIR, twins: list[ModelIR]) -> list[tuple[str, str]]:
    """`(module, name)` for everything `package.types` re-exports, in import-sorted order."""
    exports: list[tuple[str, str]] = []
    for model in api.models:
        if model.namespace == "shared":
            exports.append(("shared", model.name))
        else:
            exports.append((model.module, model.name))
    exports += [("shared_params", model.name + "Param") for model in twins]
    return sorted(exports, key=lambda e: (natural_key(e[0]), e[1].lower(), e[1]))


def client_view(api: ApiIR) -> ClientView:
    prefix = api.package.upper()
    servers = []
    for server in api.servers:
        stem = f"{server.name}_base_url" if server.name else "base_url"
        servers.append(
            ServerView(
                server.name,
                server.url,
                stem,
                stem.upper().replace("BASE_URL", "DEFAULT_BASE_URL"),
                f"{prefix}_{stem.upper()}",
            )
        )
    resources = tuple(
        sorted(
            (ChildView(r.attribute, r.class_name, r.module) for r in api.resources), key=lambda c: natural_key(c.module)
        )
    )
    auth = f"The token is `api_key`, or else the `{api.auth.env_var}` environment variable. " if api.auth else ""
    retries = (
        "Failed requests are retried `max_retries` times (connection errors, 408, 409, 429, 5xx) "
        "with exponential backoff, honouring `Retry-After`; a POST or PATCH only when it may be "
        "repeated safely (it carries an idempotency key, or never reached the server). "
        "A number as `timeout` bounds each whole attempt; `max_in_flight` requests at most are "
        "sent at once, the others queue."
    )
    doc = f"A client for the {api.title} API.\n\n{auth}{retries}"
    async_doc = f"An async client for the {api.title} API.\n\n{auth}{retries}"
    return ClientView(api.title, doc, async_doc, tuple(servers), api.auth, resources, readme_example(api))


def render_python(api: ApiIR, source_name: str, part: tuple[int, int] = (0, 1)) -> dict[str, str]:
    """Every file of the Python package, by path relative to the output directory.

    `part=(k, n)` renders the k-th of n shares (every n-th model and resource module; the
    package-wide files in share 0), so that processes can split the work.
    """
    share, shares = part

    def mine(index: int) -> bool:
        return index % shares == share

    package = api.package
    root = f"python/{package}"
    files: dict[str, str] = {}
    context = {"api": api, "package": package, "source_name": source_name, "annotation": annotation}
    names = ParamNames(api)
    twins = shared_modules_needed(api)
    client = client_view(api) if api.resources else None
    namespaces = {m.module: m.namespace for m in api.models}
    deferred = deferred_imports(api.models)
    for index, model in enumerate(api.models):
        if not mine(index):
            continue
        if model.namespace == "params":
            view = params_module_view(model, names)
            files[f"{root}/{view.path}"] = render("python/package/types/params.py.jinja", module=view, **context)
            continue
        folder = SHARED if model.namespace == "shared" else "types"
        files[f"{root}/{folder}/{model.module}.py"] = render(
            "python/package/types/shared/model.py.jinja", module=module_view(model, namespaces, deferred), **context
        )
    for index, model in enumerate(twins):
        if mine(index):
            view = params_module_view(model, names)
            files[f"{root}/{view.path}"] = render("python/package/types/params.py.jinja", module=view, **context)
    if client is not None:
        for resource in resource_views(api, keep=mine):
            files[f"{root}/resources/{resource.module}.py"] = render(
                "python/package/resources/resource.py.jinja", resource=resource, **context
            )
    if share != 0:
        return files
    files["python/pyproject.toml"] = render("python/pyproject.toml.jinja", client=client, **context)
    files["python/README.md"] = render("python/README.md.jinja", client=client, **context)
    files[f"{root}/__init__.py"] = render("python/package/__init__.py.jinja", client=client, **context)
    files[f"{root}/_models.py"] = render("python/package/_models.py.jinja", **context)
    files[f"{root}/_version.py"] = render("python/package/_version.py.jinja", **context)
    files[f"{root}/py.typed"] = ""
    exports = type_exports(api, twins)
    files[f"{root}/types/__init__.py"] = render("python/package/types/__init__.py.jinja", exports=exports, **context)
    shared = sorted((m for m in api.models if m.namespace == "shared"), key=lambda m: natural_key(m.module))
    files[f"{root}/{SHARED}/__init__.py"] = render(
        "python/package/types/shared/__init__.py.jinja",
        models=shared,
        rebuild=sorted({m.module for m in shared}) if deferred else [],
        **context,
    )
    if twins:
        files[f"{root}/types/shared_params/__init__.py"] = render(
            "python/package/types/shared/__init__.py.jinja",
            models=[
                ParamExport(m.module, m.name + "Param") for m in sorted(twins, key=lambda m: natural_key(m.module))
            ],
            rebuild=[],
            **context,
        )
    if client is not None:
        for runtime in RUNTIME_MODULES:
            files[f"{root}/{runtime}.py"] = render(f"python/package/{runtime}.py.jinja", **context)
        files[f"{root}/_client.py"] = render("python/package/_client.py.jinja", client=client, **context)
        top = [ChildView(r.attribute, r.class_name, r.module) for r in api.resources]
        files[f"{root}/resources/__init__.py"] = render(
            "python/package/resources/__init__.py.jinja",
            resources=sorted(top, key=lambda r: natural_key(r.module)),
            **context,
        )
    return files
