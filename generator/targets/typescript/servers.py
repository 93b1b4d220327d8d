"""The client's servers: `baseURL` and each named server's `<name>BaseURL`, their URL
variables as client options (an enum as a union of its values), each read from the Python
client's environment variable, then the spec's default, checked against the enum when used."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from ...ir.model import ApiIR, ServerIR, ServerVariableIR
from .spelling import WIDTH, camel_case, declaration, doc_comment, property_key, ts_string


@dataclass(frozen=True)
class VariableView:
    option: str
    wire_name: str
    env_var: str
    default: str
    allowed: tuple[str, ...]
    doc: tuple[str, ...]
    """The option's TSDoc, indented for `ClientOptions`."""

    @property
    def declaration(self) -> tuple[str, ...]:
        """The option's member of `ClientOptions`."""
        parts = [ts_string(v) for v in self.allowed] or ["string"]
        return (*self.doc, *declaration(f"{self.option}?: ", [*parts, "undefined"], ";", "  "))

    @property
    def value(self) -> tuple[str, ...]:
        """Its entry of the constructor's `variables`: the option, the environment, the default."""
        operands = [f"options.{self.option}"]
        operands += [f"readEnv({ts_string(self.env_var)})"] if self.env_var else []
        return tuple(chain(property_key(self.option), [*operands, ts_string(self.default)], "      "))

    def entry(self, indent: str) -> list[str]:
        """`wire: [variables.option, [allowed]],` of the `serverURL` call, as prettier breaks it."""
        value, allowed = f"variables.{self.option}", "[" + ", ".join(ts_string(v) for v in self.allowed) + "]"
        key = property_key(self.wire_name)
        line = f"{indent}{key}: [{value}, {allowed}],"
        if len(line) <= WIDTH:
            return [line]
        inner = indent + "  "
        lines = [f"{indent}{key}: [", f"{inner}{value},"]
        if len(f"{inner}{allowed},") <= WIDTH:
            lines.append(f"{inner}{allowed},")
        else:
            lines += [f"{inner}[", *(f"{inner}  {ts_string(v)}," for v in self.allowed), f"{inner}],"]
        return [*lines, f"{indent}],"]


@dataclass(frozen=True)
class ServerView:
    option: str
    """The client option that replaces the whole URL: `baseURL`, `<name>BaseURL`."""
    name: str
    """`""` for the API's default server."""
    url: str
    """The URL, its variables as `{name}`."""
    env_var: str
    variables: tuple[VariableView, ...] = ()

    def lines(self, indent: str) -> tuple[str, ...]:
        """Its entry in the client's `servers` (its `baseURL` for the default one)."""
        operands = [f"options.{self.option}"]
        operands += [f"readEnv({ts_string(self.env_var)})"] if self.env_var else []
        key = property_key(self.name) if self.name else "baseURL"
        if not self.variables:
            return tuple(chain(key, [*operands, ts_string(self.url)], indent))
        inner = indent + "  "
        head = [f"{indent}{key}:", *(f"{inner}{operand} ??" for operand in operands)]
        call = f"{inner}serverURL({ts_string(self.url)}, {{"
        if len(call) <= WIDTH:
            entries = [line for v in self.variables for line in v.entry(inner + "  ")]
            return (*head, call, *entries, f"{inner}}}),")
        entries = [line for v in self.variables for line in v.entry(inner + "    ")]
        url = f"{inner}  {ts_string(self.url)},"
        return (*head, f"{inner}serverURL(", url, f"{inner}  {{", *entries, f"{inner}  }},", f"{inner}),")


def chain(key: str, operands: list[str], indent: str) -> list[str]:
    """`key: a ?? b ?? c,` as prettier breaks it: whole, or after the key, or one operand a line."""
    line = f"{indent}{key}: {' ?? '.join(operands)},"
    if len(line) <= WIDTH:
        return [line]
    inner = indent + "  "
    line = f"{inner}{' ?? '.join(operands)},"
    if len(line) <= WIDTH:
        return [f"{indent}{key}:", line]
    lines = [f"{indent}{key}:"]
    for operand, suffix in zip(operands, [" ??"] * (len(operands) - 1) + [","], strict=True):
        lines += call_lines(operand, suffix, inner)
    return lines


def call_lines(operand: str, suffix: str, indent: str) -> list[str]:
    """`operand` then `suffix` on a line; a `readEnv("...")` too long for it has its argument
    on a line of its own, as prettier breaks a call."""
    line = f"{indent}{operand}{suffix}"
    if len(line) <= WIDTH or not operand.startswith("readEnv("):
        return [line]
    return [f"{indent}readEnv(", f"{indent}  {operand[8:-1]},", f"{indent}){suffix}"]


def _variable(variable: ServerVariableIR, prefix: str) -> VariableView:
    option = camel_case(variable.name, member=True)
    env_var = f"{prefix}_{variable.name.upper()}" if prefix else ""
    values = ", ".join(f"`{v}`" for v in variable.enum)
    text = f"The `{{{variable.wire_name}}}` of the server URL" + (f" (one of {values})" if values else "")
    text += f"; defaults to the `{env_var}` environment variable, then" if env_var else "; defaults to"
    text += f" `{variable.default}`."
    text = textwrap.fill(text, WIDTH - 5, break_long_words=False, break_on_hyphens=False)
    if variable.description:
        text = f"{variable.description.strip()}\n\n{text}"
    doc = tuple(doc_comment(text, "  "))
    return VariableView(option, variable.wire_name, env_var, variable.default, variable.enum, doc)


def _server(server: ServerIR, prefix: str) -> ServerView:
    stem = f"{server.name}_base_url" if server.name else "base_url"
    option = camel_case(server.name, member=True) + "BaseURL" if server.name else "baseURL"
    env_var = f"{prefix}_{stem.upper()}" if prefix else ""
    return ServerView(option, server.name, server.url, env_var, tuple(_variable(v, prefix) for v in server.variables))


def server_views(api: ApiIR) -> tuple[ServerView, ...]:
    """The API's default server first (option `baseURL`), then the named ones, as the Python
    client takes them (`base_url`, `<name>_base_url` and the variables, each from
    `<PREFIX>_<NAME>` in the environment)."""
    servers = [_server(s, api.env_prefix) for s in api.servers if s.name == ""][:1]
    servers += [_server(s, api.env_prefix) for s in api.servers if s.name]
    if not servers or servers[0].name:
        env_var = f"{api.env_prefix}_BASE_URL" if api.env_prefix else ""
        servers.insert(0, ServerView("baseURL", "", "", env_var))
    return tuple(servers)


def variable_views(servers: tuple[ServerView, ...]) -> tuple[VariableView, ...]:
    """Every variable option once: servers whose variables agree share one option."""
    found: dict[str, VariableView] = {}
    for server in servers:
        for variable in server.variables:
            found.setdefault(variable.option, variable)
    return tuple(found.values())
