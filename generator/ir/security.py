"""IR: the document's `securitySchemes` and `security`, and server URLs with their variables.

Each scheme the client can send becomes constructor arguments: the API's one secret scheme
(bearer, oauth2, openIdConnect, apiKey) takes `api_key`, and its one http basic scheme
`username`/`password`; several of a kind take one argument per scheme, named after its key.
Each argument falls back to an environment variable: `x-sdk-env-var` on the scheme, else
`<PREFIX>_<ARGUMENT>` (`environment_prefix`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..errors import Location
from ..text import description_of
from .model import AuthIR, SecuritySchemeIR, ServerIR, ServerVariableIR
from .naming import field_name, snake_case
from .overrides import ENV_PREFIX

if TYPE_CHECKING:
    from .context import SchemaContext

TOKEN_TYPES = ("oauth2", "openIdConnect")


def scheme_kind(scheme: dict[str, Any]) -> str | None:
    """`bearer`, `basic` or `api_key`; None for what the client cannot send (digest, mutualTLS)."""
    type_ = scheme.get("type")
    if type_ == "http":
        found = str(scheme.get("scheme", "")).lower()
        return found if found in ("bearer", "basic") else None
    if type_ in TOKEN_TYPES:
        return "bearer"
    if type_ == "apiKey" and scheme.get("in") in ("header", "query", "cookie") and isinstance(scheme.get("name"), str):
        return "api_key"
    return None


def requirements(value: Any, known: set[str]) -> tuple[tuple[str, ...], ...] | None:
    """A `security` list as alternatives of scheme keys; None if it is not a list.

    An alternative naming a scheme the client cannot send is dropped."""
    if not isinstance(value, list):
        return None
    result = []
    for requirement in value:
        if isinstance(requirement, dict) and all(str(key) in known for key in requirement):
            result.append(tuple(sorted(str(key) for key in requirement)))
    return tuple(result)


def environment_prefix(context: SchemaContext, document: dict[str, Any], package: str, configured: str | None) -> str:
    """What the client's environment variables start with: `env_prefix` in the configuration,
    else `x-sdk-env-prefix` at the top of the spec, else the package name in capitals."""
    explicit = document.get("x-sdk-env-prefix")
    if configured is None and explicit is not None:
        if isinstance(explicit, str) and ENV_PREFIX.fullmatch(explicit.rstrip("_")):
            return explicit.rstrip("_").upper()
        where = context.locate(Location(context.root_file, "/x-sdk-env-prefix"))
        context.diagnostics.warning(f"x-sdk-env-prefix {explicit!r} is not a variable name; not used", where)
    return (configured or re.sub(r"\W", "_", package)).rstrip("_").upper()


def read_auth(context: SchemaContext, document: dict[str, Any], prefix: str) -> AuthIR | None:
    components = document.get("components")
    found = components.get("securitySchemes") if isinstance(components, dict) else None
    if not isinstance(found, dict):
        return None
    supported: list[tuple[str, dict[str, Any], str]] = []
    for key, raw in found.items():
        location = Location(context.root_file, "/components/securitySchemes").child(str(key))
        scheme, location = context.resolver.follow(raw, location)
        kind = scheme_kind(scheme) if isinstance(scheme, dict) else None
        if kind is None:
            context.warn("a security scheme the client cannot send; left out", location)
            continue
        supported.append((str(key), scheme, kind))
    if not supported:
        return None
    # One secret (a token or a key) is `api_key` whatever its scheme is called, beside any
    # username and password; several keep their schemes' names.
    secrets = [key for key, _, kind in supported if kind != "basic"]
    schemes = []
    for key, scheme, kind in supported:
        arguments: tuple[str, ...]
        if len(supported) == 1 and kind == "basic":
            arguments = ("username", "password")
        elif len(secrets) == 1 and key == secrets[0]:
            arguments = ("api_key",)
        else:
            stem = field_name(snake_case(key))
            arguments = (f"{stem}_username", f"{stem}_password") if kind == "basic" else (stem,)
        env_vars = tuple(f"{prefix}_{argument.upper()}" for argument in arguments)
        explicit = scheme.get("x-sdk-env-var")
        if isinstance(explicit, str) and explicit.isidentifier() and kind != "basic":
            env_vars = (explicit,)
        schemes.append(
            SecuritySchemeIR(
                key=key,
                kind=kind,
                arguments=arguments,
                env_vars=env_vars,
                location=str(scheme.get("in", "header")) if kind == "api_key" else "header",
                name=str(scheme.get("name")) if kind == "api_key" else "Authorization",
                description=description_of(scheme.get("description")),
            )
        )
    known = {scheme.key for scheme in schemes}
    default = requirements(document.get("security"), known)
    if default is None:  # no top-level `security`: any one scheme will do
        default = tuple((scheme.key,) for scheme in schemes)
    return AuthIR(tuple(schemes), default)


def server_variables(
    server: dict[str, Any], context: SchemaContext, location: Location
) -> tuple[ServerVariableIR, ...]:
    """The `{name}`s of a server URL as arguments with their defaults (a variable without
    one is warned about and left in the URL: pass `base_url`)."""
    url = str(server.get("url", ""))
    found = server.get("variables")
    declared: dict[str, Any] = found if isinstance(found, dict) else {}
    result = []
    for wire in dict.fromkeys(re.findall(r"{([^}]+)}", url)):
        variable = declared.get(wire)
        if not isinstance(variable, dict) or "default" not in variable:
            context.warn(
                f"server variable {{{wire}}} has no default; the URL keeps it as written", location.child("variables")
            )
            continue
        enum = variable.get("enum")
        values = tuple(str(v) for v in enum) if isinstance(enum, list) else ()
        default = str(variable["default"])
        if values and default not in values:
            # The URL is sent with the default unless told otherwise: it is a value the server takes.
            context.warn(
                f"server variable default {default!r} is not one of {list(values)}; taken as one more value",
                location.child("variables", wire, "default"),
            )
            values += (default,)
        result.append(
            ServerVariableIR(
                name=field_name(snake_case(wire)),
                wire_name=wire,
                default=default,
                enum=values,
                description=description_of(variable.get("description")),
            )
        )
    return tuple(result)


def unique_variables(servers: list[ServerIR]) -> list[ServerIR]:
    """Variables of different servers with one name share one argument only if they agree."""
    seen: dict[str, ServerVariableIR] = {}
    result = []
    for server in servers:
        variables = []
        for variable in server.variables:
            if variable.name in seen and seen[variable.name] != variable and server.name:
                variable = replace(variable, name=f"{server.name}_{variable.name}")
            seen.setdefault(variable.name, variable)
            variables.append(variable)
        result.append(replace(server, variables=tuple(variables)))
    return result
