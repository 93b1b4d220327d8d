"""The Python SDK target: which files the package has, and what each module imports.

This module decides; the templates under `templates/python/` only print what it decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...ir.model import (
    AliasIR,
    ApiIR,
    AuthIR,
    ClassIR,
    ClassType,
    ConstType,
    ModelIR,
    PrimitiveType,
    SecuritySchemeIR,
    TypeIR,
    walk,
)
from ...ir.module_graph import import_plan
from ...ir.spelling import annotation
from ...text import api_name, python_string
from ..render import render
from .exports import lazy_exports_view
from .layout import LINE_LENGTH
from .literals import security_literal
from .models import module_view
from .params import ParamNames, params_module_view, request_import_plan, shared_modules_needed
from .readme import ExampleView, readme_example, readme_model_example
from .resources import ChildView, resource_views
from .types import import_order, natural_key
from .webhooks import WebhooksView, webhooks_view

SHARED = "types/shared"
RUNTIME_MODULES = (
    "_auth",
    "_base_client",
    "_binary",
    "_exceptions",
    "_logging",
    "_pagination",
    "_reliability",
    "_request_options",
    "_resource",
    "_response",
    "_serialize",
    "_streaming",
    "_tolerant",
    "_types",
)


@dataclass(frozen=True)
class VariableView:
    """A server variable: a constructor argument, its environment variable and default."""

    argument: str
    env_var: str
    default: str
    entry: str
    """`"wire": (argument, (allowed, ...))` for `server_url`."""


@dataclass(frozen=True)
class ServerView:
    name: str
    url: str
    argument: str
    """The constructor argument: `base_url`, `inference_base_url`."""
    constant: str
    env_var: str
    variables: tuple[VariableView, ...] = ()


@dataclass(frozen=True)
class CredentialView:
    """A constructor argument holding a credential, and its environment variable."""

    argument: str
    env_var: str
    sent_as: str
    """How the scheme it belongs to is sent, for the README."""


@dataclass(frozen=True)
class AuthView:
    arguments: tuple[CredentialView, ...]
    schemes: tuple[tuple[str, str], ...]
    """`(key, _auth.Scheme(...))` of every scheme, as printed."""
    values: tuple[tuple[str, str], ...]
    """`(key, (argument, ...))` of every scheme, as printed."""
    default: str
    """The API's default security, as a Python literal."""
    missing: tuple[str, ...]
    """The error when the API asks for credentials and none is given: string literals,
    one a line (a message too long for one line is split between words)."""
    missing_inline: bool
    """Whether `raise SDKError(...)` fits on one line."""
    doc: str
    example: str
    """The constructor arguments of the README's first example."""


@dataclass(frozen=True)
class ClientView:
    title: str
    doc: str
    async_doc: str
    servers: tuple[ServerView, ...]
    auth: AuthView | None
    resources: tuple[ChildView, ...]
    example: ExampleView
    webhooks: WebhooksView | None = None


def type_exports(api: ApiIR, twins: list[ModelIR], suffix: str) -> list[tuple[str, str]]:
    """`(module, name)` for everything `package.types` re-exports, in import-sorted order."""
    exports: list[tuple[str, str]] = []
    for model in api.models:
        if model.namespace == "shared":
            exports.append(("shared", model.name))
        else:
            exports.append((model.module, model.name))
    exports += [("shared_params", model.name + suffix) for model in twins]
    return sorted(exports, key=lambda e: (natural_key(e[0]), e[1].lower(), e[1]))


def sent_as(scheme: SecuritySchemeIR) -> str:
    if scheme.kind == "basic":
        return "`Authorization: Basic <base64 of username:password>`"
    if scheme.kind == "bearer":
        return "`Authorization: Bearer <token>`"
    where = {"header": "header", "query": "query parameter", "cookie": "cookie"}[scheme.location]
    return f"the `{scheme.name}` {where}"


def tuple_literal(values: tuple[str, ...]) -> str:
    """`("a", "b")`, `("a",)` or `()`."""
    return "(" + ", ".join(python_string(v) for v in values) + ("," if len(values) == 1 else "") + ")"


def auth_view(auth: AuthIR) -> AuthView:
    arguments = tuple(
        CredentialView(argument, env_var, sent_as(scheme))
        for scheme in auth.schemes
        for argument, env_var in zip(scheme.arguments, scheme.env_vars, strict=True)
    )
    schemes = []
    for scheme in auth.schemes:
        spelled = [python_string(scheme.kind)]
        if scheme.kind == "api_key":
            spelled += [python_string(scheme.location), python_string(scheme.name)]
        schemes.append((python_string(scheme.key), f"_auth.Scheme({', '.join(spelled)})"))
    values = tuple(
        (python_string(s.key), "(" + ", ".join(s.arguments) + ("," if len(s.arguments) == 1 else "") + ")")
        for s in auth.schemes
    )
    given = " or ".join(" and ".join(f"{a}=..." for a in s.arguments) for s in auth.schemes)
    env = " or ".join(" and ".join(s.env_vars) for s in auth.schemes)
    missing = string_lines(f"No credentials: pass {given}; or set {env}", MESSAGE_INDENT)
    parts = [f"`{a.argument}` (else the `{a.env_var}` environment variable)" for a in arguments]
    doc = "Credentials: " + ", ".join(parts) + ". "
    first = auth.schemes[0].arguments
    example = ", ".join(f'{a}="..."' for a in first)
    inline = len(missing) == 1 and MESSAGE_INDENT - 4 + len("raise SDKError()") + len(missing[0]) <= LINE_LENGTH
    default = security_literal(auth.default)
    return AuthView(arguments, tuple(schemes), values, default, missing, inline, doc, example)


MESSAGE_INDENT = 16
"""Where the message's lines start: inside `raise SDKError(` in `__init__`."""


def string_lines(text: str, indent: int) -> tuple[str, ...]:
    """String literals, one a line at `indent`, that concatenate to `text` (black leaves
    a message too long for one line as such lines)."""
    width = LINE_LENGTH - indent - 2
    if len(python_string(text)) <= width + 2:
        return (python_string(text),)
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and len(python_string(candidate + " ")) > width + 2:
            lines.append(python_string(current + " "))
            current = word
        else:
            current = candidate
    lines.append(python_string(current))
    return tuple(lines)


def client_view(api: ApiIR) -> ClientView:
    prefix = api.env_prefix
    servers = []
    for server in api.servers:
        stem = f"{server.name}_base_url" if server.name else "base_url"
        variables = tuple(
            VariableView(
                v.name,
                f"{prefix}_{v.name.upper()}",
                v.default,
                f"{python_string(v.wire_name)}: ({v.name}, {tuple_literal(v.enum)})",
            )
            for v in server.variables
        )
        servers.append(
            ServerView(
                server.name,
                server.url,
                stem,
                stem.upper().replace("BASE_URL", "DEFAULT_BASE_URL"),
                f"{prefix}_{stem.upper()}",
                variables,
            )
        )
    resources = tuple(
        sorted(
            (ChildView(r.attribute, r.class_name, r.module) for r in api.resources), key=lambda c: natural_key(c.module)
        )
    )
    auth_doc = auth_view(api.auth) if api.auth else None
    auth = auth_doc.doc if auth_doc else ""
    retries = (
        "Failed requests are retried `max_retries` times (connection errors, 408, 409, 429, 5xx) "
        "with exponential backoff, honouring `Retry-After`; a POST or PATCH only when it may be "
        "repeated safely (it carries an idempotency key, or never reached the server). "
        "A number as `timeout` bounds each whole attempt; `max_in_flight` requests at most are "
        "sent at once, the others queue."
    )
    doc = f"A client for the {api_name(api.title)}.\n\n{auth}{retries}"
    async_doc = f"An async client for the {api_name(api.title)}.\n\n{auth}{retries}"
    helper = webhooks_view(api)
    if helper is not None:
        doc += f" `client.{helper.attribute}` checks and reads the webhooks the API sends."
        async_doc += f" `client.{helper.attribute}` checks and reads the webhooks the API sends."
    return ClientView(api.title, doc, async_doc, tuple(servers), auth_doc, resources, readme_example(api), helper)


def model_types(model: ModelIR) -> Iterator[TypeIR]:
    """Every type a model module spells out (a `params` module's TypedDicts check nothing)."""
    if model.namespace == "params":
        return
    for definition in model.definitions:
        types = [f.type for f in definition.fields] if isinstance(definition, ClassIR) else [definition.type]
        for type_ in types:
            if isinstance(type_, (PrimitiveType, ClassType)):  # most types: nothing inside to walk
                yield type_
            else:
                yield from walk(type_)


def render_python(api: ApiIR, source_name: str, part: tuple[int, int] = (0, 1)) -> dict[str, str]:
    """Every file of the Python package, by path relative to the output directory.

    `part=(k, n)` renders the k-th of n shares (every n-th model and resource module, and
    the request-side twin of each of its shared models; the package-wide files in share 0),
    so that processes can split the work.
    """
    share, shares = part

    def mine(index: int) -> bool:
        return index % shares == share

    package = api.package
    root = f"python/{package}"
    files: dict[str, str] = {}
    context = {
        "api": api,
        "package": package,
        "source_name": source_name,
        "annotation": annotation,
    }
    names = ParamNames(api)
    twins = shared_modules_needed(api)
    namespaces = names.namespace
    deferred, cycles = import_plan(api.models)
    request_deferred = request_import_plan(api, twins)
    for index, model in enumerate(api.models):
        if not mine(index):
            continue
        if model.namespace == "params":
            view = params_module_view(model, names, request_deferred)
            files[f"{root}/{view.path}"] = render("python/package/types/params.py.jinja", module=view, **context)
            continue
        folder = SHARED if model.namespace == "shared" else "types"
        files[f"{root}/{folder}/{model.module}.py"] = render(
            "python/package/types/shared/model.py.jinja",
            module=module_view(model, namespaces, deferred, cycles.get(model.module, ())),
            **context,
        )
    # A twin goes to the share of its model: the same descriptions, their docstrings made once.
    position = {model.module: index for index, model in enumerate(api.models)}
    for model in twins:
        if mine(position[model.module]):
            view = params_module_view(model, names, request_deferred)
            files[f"{root}/{view.path}"] = render("python/package/types/params.py.jinja", module=view, **context)
    if api.resources:
        for resource in resource_views(api, keep=mine, names=names):
            files[f"{root}/resources/{resource.module}.py"] = render(
                "python/package/resources/resource.py.jinja", resource=resource, **context
            )
    if share != 0:
        return files
    client = client_view(api) if api.resources else None
    files["python/pyproject.toml"] = render("python/pyproject.toml.jinja", client=client, **context)
    model_example = readme_model_example(api) if client is None else None
    files["python/README.md"] = render("python/README.md.jinja", client=client, model_example=model_example, **context)
    files[f"{root}/__init__.py"] = render("python/package/__init__.py.jinja", client=client, **context)
    recursive = {m.module for m in api.models for d in m.definitions if isinstance(d, AliasIR) and d.recursive}
    files[f"{root}/_models.py"] = render(
        "python/package/_models.py.jinja",
        uses_const=any(isinstance(t, ConstType) for m in api.models for t in model_types(m)),
        shares_alias_names=any(importer in recursive for importer, _ in deferred),
        **context,
    )
    files[f"{root}/_version.py"] = render("python/package/_version.py.jinja", **context)
    files[f"{root}/py.typed"] = ""
    exports = type_exports(api, twins, names.suffix)
    files[f"{root}/_lazy.py"] = render("python/package/_lazy.py.jinja", **context)
    files[f"{root}/types/__init__.py"] = render(
        "python/package/types/__init__.py.jinja", lazy=lazy_exports_view(exports), **context
    )
    shared = sorted((m for m in api.models if m.namespace == "shared"), key=lambda m: natural_key(m.module))
    files[f"{root}/{SHARED}/__init__.py"] = render(
        "python/package/types/shared/__init__.py.jinja",
        lazy=lazy_exports_view([(m.module, m.name) for m in shared]),
        **context,
    )
    if twins:
        files[f"{root}/types/shared_params/__init__.py"] = render(
            "python/package/types/shared/__init__.py.jinja",
            lazy=lazy_exports_view(
                [(m.module, m.name + names.suffix) for m in sorted(twins, key=lambda m: natural_key(m.module))]
            ),
            **context,
        )
    if client is not None:
        for runtime in RUNTIME_MODULES:
            files[f"{root}/{runtime}.py"] = render(f"python/package/{runtime}.py.jinja", **context)
        files[f"{root}/_client.py"] = render("python/package/_client.py.jinja", client=client, **context)
        if client.webhooks is not None:
            files[f"{root}/_webhooks.py"] = render(
                "python/package/_webhooks.py.jinja", webhooks=client.webhooks, **context
            )
        top = sorted(api.resources, key=lambda r: natural_key(r.module))
        files[f"{root}/resources/__init__.py"] = render(
            "python/package/resources/__init__.py.jinja",
            lazy=lazy_exports_view(
                [(r.module, name) for r in top for name in import_order([f"Async{r.class_name}", r.class_name])]
            ),
            **context,
        )
    return files
