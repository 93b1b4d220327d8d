"""What a method's docs show of its HTTP exchange: the example arguments (one set of values
for the Python call, the JSON request sample and the curl command), the response sample and
the documented error statuses."""

from __future__ import annotations

import json
import shlex
from urllib.parse import quote, urlencode

from ...ir.model import ApiIR, OperationIR
from ..examples import FILE, CallValues


def json_text(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=lambda _: "<file>")


def curl_command(api: ApiIR, operation: OperationIR, values: CallValues) -> str:
    """The call as a curl command: the server's URL, path parameters filled in, credentials
    from an environment variable, the body as the media type the SDK sends."""
    server = next((s for s in api.servers if s.name == (operation.server or "")), None)
    base = server.url if server is not None else ""
    for variable in server.variables if server is not None else ():
        base = base.replace("{" + variable.wire_name + "}", variable.default)
    path = operation.path
    query: list[tuple[str, str]] = []
    headers: list[str] = []
    for parameter, value in values.parameters:
        text = value if isinstance(value, str) else json.dumps(value)
        if parameter.location == "path":
            path = path.replace("{" + parameter.wire_name + "}", quote(text, safe=""))
        elif parameter.location == "query":
            query.append((parameter.wire_name, text))
        elif parameter.location == "header":
            headers.append(f"{parameter.wire_name}: {text}")
    auth: list[str] = []
    scheme = api.auth.schemes[0] if api.auth is not None and api.auth.schemes else None
    if scheme is not None:
        variables = [f"${variable}" for variable in scheme.env_vars]
        if scheme.kind == "bearer":
            headers.insert(0, f"Authorization: Bearer {variables[0]}")
        elif scheme.kind == "basic":
            auth = ["-u", ":".join(variables)]
        elif scheme.location == "header":
            headers.insert(0, f"{scheme.name}: {variables[0]}")
        elif scheme.location == "query":
            query.append((scheme.name, variables[0]))
    url = base.rstrip("/") + path + ("?" + urlencode(query, safe="$") if query else "")
    words = ["curl", "-X", operation.http_method.upper(), url, *auth]
    for header in headers:
        words += ["-H", header]
    body = operation.body
    if body is not None and body.is_text and isinstance(values.body, str):
        words += ["-H", f"Content-Type: {body.content_type}", "--data-binary", values.body]
    elif body is not None and values.body is not None:
        if body.is_multipart and isinstance(values.body, dict):
            for name, value in values.body.items():
                words += ["-F", f"{name}=@{name}.bin" if value is FILE else f"{name}={form_text(value)}"]
        elif body.is_form and isinstance(values.body, dict):
            for name, value in values.body.items():
                words += ["--data-urlencode", f"{name}={form_text(value)}"]
        else:
            words += ["-H", f"Content-Type: {body.content_type}", "-d", json.dumps(values.body, ensure_ascii=False)]
    elif values.raw_body and body is not None:
        words += ["-H", f"Content-Type: {body.content_type}", "--data-binary", "@body.bin"]
    return " \\\n  ".join(quote_words(words))


def form_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def quote_words(words: list[str]) -> list[str]:
    """Shell words, with `$VARIABLE`s left to the shell (double quotes) and the rest literal."""
    quoted = []
    for word in words:
        if "$" in word and all(c not in word for c in '"`\\!'):
            quoted.append(f'"{word}"')
        else:
            quoted.append(shlex.quote(word))
    # Pair flags with their values on one line: `-H 'Accept: ...'`.
    lines: list[str] = [" ".join(quoted[:4])]
    rest = quoted[4:]
    while rest:
        if rest[0].startswith("-") and len(rest) > 1:
            lines.append(f"{rest[0]} {rest[1]}")
            rest = rest[2:]
        else:
            lines.append(rest.pop(0))
    return lines
