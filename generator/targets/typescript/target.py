"""The TypeScript target: every file of the npm package under `typescript/`, from the IR."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ...ir.model import ApiIR, is_text_media
from ..render import environment
from .models import type_module
from .resources import ResourceView, construction, listings, resource_view, security_lines
from .servers import ServerView, VariableView, call_lines, chain, server_views, variable_views
from .spelling import WIDTH, camel_case, client_attribute, doc_comment, ts_string
from .webhooks import RUNTIME_NAMES as WEBHOOK_NAMES
from .webhooks import WebhooksView, webhooks_view

ROOT = "typescript"
RUNTIME = ("core.ts", "errors.ts", "pagination.ts", "response.ts", "streaming.ts")
ERROR_NAMES = (
    "SDKError",
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
)
"""Runtime modules the same for every API (templates without variables)."""


@dataclass(frozen=True)
class CredentialView:
    key: str
    kind: str
    location: str
    name: str
    options: tuple[tuple[str, str], ...]
    """Each client option holding part of it, and the environment variable read when not given."""
    doc: tuple[str, ...]

    @property
    def values(self) -> tuple[str, ...]:
        items = [f"options.{option} ?? readEnv({ts_string(env)})" for option, env in self.options]
        return tuple(array("values", items, " " * 10))


def array(key: str, items: list[str], indent: str) -> list[str]:
    """`key: [a, b],` on one line if it fits, else one item a line."""
    line = f"{indent}{key}: [{', '.join(items)}],"
    if len(line) <= WIDTH or not items:
        return [line]
    lines = [f"{indent}{key}: ["]
    for item in items:
        line = f"{indent}  {item},"
        if len(line) > WIDTH and " ?? " in item:
            first, rest = item.split(" ?? ", 1)
            lines += [f"{indent}  {first} ??", *call_lines(rest, ",", indent + "    ")]
        else:
            lines.append(line)
    return [*lines, f"{indent}],"]


@dataclass(frozen=True)
class ClientView:
    npm_name: str
    title: str
    version: str
    """The API's version, the package's too (`0.0.0` when the spec gives none)."""
    description: str
    doc: tuple[str, ...]
    """The client class's TSDoc: the first line of the API's description."""
    credentials: tuple[CredentialView, ...]
    default_security: tuple[str, ...]
    """The `security` entry: the API's default alternatives."""
    no_credentials: tuple[str, ...]
    """The `noCredentials` entry (the error when the API's security needs credentials and
    none was given), as prettier prints it; none without credentials."""
    construct: tuple[str, ...]
    """The constructor's lines that make the top-level resources."""
    servers: tuple[ServerView, ...]
    """The API's default server first (option `baseURL`), then the named ones."""
    variables: tuple[VariableView, ...]
    """The servers' URL variables, each a client option."""
    base_url_env: str
    log_env: str
    """The environment variable that sets the log level (`<PREFIX>_LOG`), as in Python."""
    log_level: tuple[str, ...]
    """The `logLevel` entry of the core options: the option, else that variable."""
    idempotency_header: str
    resources: tuple[tuple[str, str, str, str], ...]
    """Each top-level resource: the attribute, its class, its module, and the name it is
    imported by (`ClientResource` for a resource class named `Client`)."""
    env_vars: tuple[str, ...]
    streams: tuple[str, ...] = ()
    """The methods that stream events (`chat.completions.create`), for the README."""
    stream_flags: tuple[str, ...] = ()
    """The params keys that ask those methods for a stream, when they answer JSON too."""
    downloads: tuple[str, ...] = ()
    """The methods that return a file."""
    webhooks: WebhooksView | None = None
    """`client.webhooks`, for an API that declares the webhooks it sends."""
    webhooks_import: tuple[str, ...] = ()
    """The README's webhook example's import, as prettier breaks it."""


def method_paths(api: ApiIR) -> dict[str, list[str]]:
    """The calls of the methods that stream (`stream`), and of those that download (`binary`)."""
    found: dict[str, list[str]] = {"stream": [], "flag": [], "binary": []}
    for top in api.resources:
        for resource in top.walk():
            for op in resource.operations:
                call = ".".join(
                    (
                        client_attribute(resource.path[0]),
                        *(camel_case(p, member=True) for p in (*resource.path[1:], op.name)),
                    )
                )
                if op.stream is not None:
                    found["stream"].append(call)
                    found["flag"] += [op.stream.flag] if op.stream.flag and op.response is not None else []
                elif op.response is None and op.response_media and not is_text_media(op.response_media):
                    found["binary"].append(call)
    return found


def json_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def npm_name(package: str) -> str:
    """An npm package name from the Python one: lower case, words joined by `-`."""
    return package.lower().replace("_", "-").strip("-.") or "sdk"


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0].strip() if lines else ""


def _entry(key: str, value: str, indent: str) -> tuple[str, ...]:
    """`key: value,` in an object literal, the value on a line of its own when prettier
    would not fit it after the key."""
    line = f"{indent}{key}: {value},"
    return (line,) if len(line) <= WIDTH else (f"{indent}{key}:", f"{indent}  {value},")


def client_view(api: ApiIR) -> ClientView:
    credentials = []
    for scheme in api.auth.schemes if api.auth else ():
        options = tuple(zip((camel_case(a, member=True) for a in scheme.arguments), scheme.env_vars, strict=True))
        kind = {"api_key": "apiKey"}.get(scheme.kind, scheme.kind)
        doc = doc_comment(scheme.description, "  ")
        credentials.append(CredentialView(scheme.key, kind, scheme.location, scheme.name, options, tuple(doc)))
    default = api.auth.default if api.auth else ()
    given = " or ".join(" and ".join(option for option, _ in c.options) for c in credentials)
    env = " or ".join(" and ".join(env_var for _, env_var in c.options) for c in credentials)
    message = json_string(f"No credentials: pass {given}; or set {env}")
    no_credentials = () if not credentials else _entry("noCredentials", message, " " * 6)
    security = tuple(security_lines(default, " " * 6))
    servers = server_views(api)
    webhooks = webhooks_view(api)
    taken = CLIENT_NAMES | ({"Webhooks"} if webhooks else set())
    resources = tuple(
        (client_attribute(r.attribute), r.class_name, r.module, resource_name(r.class_name, taken))
        for r in api.resources
    )
    env_vars = tuple(v for c in credentials for _, v in c.options)
    log_env = f"{api.env_prefix}_LOG" if api.env_prefix else ""
    log_level_env = [f"readEnv({ts_string(log_env)})"] if log_env else []
    methods = method_paths(api)
    return ClientView(
        npm_name=npm_name(api.package),
        title=api.title.strip() or npm_name(api.package),
        version=api.version or "0.0.0",
        description=_first_line(api.description or api.title),
        doc=tuple(doc_comment(_first_line(api.description or api.title), "")),
        credentials=tuple(credentials),
        default_security=security,
        no_credentials=no_credentials,
        construct=tuple(line for a, _, _, c in resources for line in construction(f"this.{a}", c, "core", "    ")),
        servers=servers,
        variables=variable_views(servers),
        base_url_env=f"{api.env_prefix}_BASE_URL" if api.env_prefix else "",
        log_env=log_env,
        log_level=tuple(chain("logLevel", ["options.logLevel", *log_level_env], " " * 6)),
        idempotency_header=api.idempotency_header,
        resources=resources,
        env_vars=env_vars,
        streams=tuple(methods["stream"]),
        stream_flags=tuple(methods["flag"]),
        downloads=tuple(methods["binary"]),
        webhooks=webhooks,
        webhooks_import=tuple(_import(["Client", "InvalidWebhookSignatureError"], npm_name(api.package))),
    )


def _import(names: list[str], source: str) -> list[str]:
    """`import { a, b } from "source";` on one line if it fits, else a name a line."""
    line = f"import {{ {', '.join(names)} }} from {json_string(source)};"
    if len(line) <= WIDTH:
        return [line]
    return ["import {", *(f"  {name}," for name in names), f"}} from {json_string(source)};"]


CLIENT_NAMES = frozenset(
    {"Client", "ClientOptions", "BaseClient", "CredentialValue", "Logger", "LogLevel", "readEnv", "serverURL"}
    | {"APIPromise", "CallOptions"}
)
"""What `client.ts` defines or imports besides the resources."""
INDEX_NAMES = frozenset(
    {"Client", "ClientOptions", "RequestOptions", "Page", "PagePromise", *ERROR_NAMES}
    | {"APIPromise", "RawResponse", "Stream", "CallOptions", "CredentialValue", "Logger", "LogLevel"}
)
"""What the entry point exports besides the resources and the models."""


def resource_name(class_name: str, taken: frozenset[str]) -> str:
    """The name a resource class goes by where `taken` names are defined: its own, else
    `<Name>Resource`."""
    return class_name + "Resource" if class_name in taken else class_name


def index_names(api: ApiIR) -> frozenset[str]:
    """What the entry point exports besides the resources and the models, for this API."""
    return INDEX_NAMES | (WEBHOOK_NAMES if api.webhook_event is not None else frozenset())


def resource_exports(api: ApiIR, resources: list[ResourceView]) -> tuple[tuple[str, str, str], ...]:
    """Each resource class the entry point exports: its name, the name exported, its module."""
    taken = index_names(api)
    return tuple((r.class_name, resource_name(r.class_name, taken), r.module) for r in resources)


def index_exports(api: ApiIR, resources: list[ResourceView]) -> tuple[tuple[str, str], ...]:
    """The model types the package's entry point exports: each model's main definition, by
    its name; a name already taken (by the client, an error, a resource or another model)
    stays importable from its own module only."""
    taken = set(index_names(api)) | {local for _, local, _ in resource_exports(api, resources)}
    exports = []
    for model in sorted(api.models, key=lambda m: m.module):
        if model.main.name not in taken:
            taken.add(model.main.name)
            exports.append((model.main.name, model.module))
    return tuple(exports)


def render_typescript(api: ApiIR) -> dict[str, str]:
    """Every file of the TypeScript package by its path under the output directory."""
    env = environment()
    client = client_view(api)
    files: dict[str, str] = {}

    def render(template: str, path: str, **values: object) -> None:
        files[f"{ROOT}/{path}"] = env.get_template(f"typescript/{template}").render(**values)

    render("package.json.jinja", "package.json", client=client, json_string=json_string)
    render("tsconfig.json.jinja", "tsconfig.json")
    render("README.md.jinja", "README.md", client=client, api=api)
    for name in RUNTIME:
        render(f"src/{name}.jinja", f"src/{name}")
    render("src/client.ts.jinja", "src/client.ts", client=client, webhooks=client.webhooks, ts_string=ts_string)
    if client.webhooks is not None:
        render("src/webhooks.ts.jinja", "src/webhooks.ts", webhooks=client.webhooks)
    types = [type_module(model) for model in api.models]
    for view in types:
        render("src/types/module.ts.jinja", view.path, module=view)
    listed = listings(api.models)
    resources = [resource_view(r, listed) for top in api.resources for r in top.walk()]
    for resource in resources:
        render("src/resources/module.ts.jinja", resource.path, resource=resource)
    exports = index_exports(api, resources)
    render(
        "src/index.ts.jinja",
        "src/index.ts",
        resource_exports=resource_exports(api, resources),
        exports=exports,
        webhooks=client.webhooks,
    )
    return dict(sorted(files.items()))
