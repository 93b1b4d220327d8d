"""Swagger 2.0 documents read as the OpenAPI 3.0 documents they describe.

The loader hands every document whose root says `swagger: "2.0"` to `convert`; the stages
after it only ever see OpenAPI 3.0. What moves: `definitions`, `parameters`, `responses`
and `securityDefinitions` into `components`; `host`, `basePath` and `schemes` into
`servers`; a `body` parameter into a `requestBody` with one media type per `consumes`; the
`formData` parameters into one form body (`multipart/form-data` when a field is a file or
`consumes` lists it, else `application/x-www-form-urlencoded`); a response's `schema` into
`content`, one media type per `produces`. Where `consumes` or `produces` says nothing,
JSON is meant: the 2.0 specification leaves it open, and a schema describes JSON.
`Converted.source_pointer` maps each converted node back to the 2.0 one it came from, so
messages point at the 2.0 file's own lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .swagger2_schemas import Sources, rewrite_ref, segment

__all__ = ["Converted", "Sources", "convert", "convert_node", "is_swagger2", "rewrite_ref"]

OPENAPI_VERSION = "3.0.3"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
JSON = "application/json"
MULTIPART = "multipart/form-data"
FORM = "application/x-www-form-urlencoded"
OAUTH2_FLOWS = {
    "implicit": "implicit",
    "password": "password",
    "application": "clientCredentials",
    "accessCode": "authorizationCode",
}
"""2.0's `flow` names and the 3.0 `flows` entries they became."""
_MOVED_TO_COMPONENTS = {
    "definitions": "schemas",
    "parameters": "parameters",
    "responses": "responses",
    "securityDefinitions": "securitySchemes",
}


def is_swagger2(document: Any) -> bool:
    """Whether a parsed document is a Swagger 2.0 one (`swagger: 2.0` unquoted reads as a number)."""
    return isinstance(document, dict) and document.get("swagger") in ("2.0", 2.0)


@dataclass
class Converted:
    """A Swagger 2.0 document as OpenAPI 3.0, and where its nodes came from."""

    document: dict[str, Any]
    sources: Sources
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """(message, JSON pointer in the converted document) for what 3.0 says differently."""

    def source_pointer(self, pointer: str) -> str:
        return self.sources.source_pointer(pointer)


def convert(document: dict[str, Any]) -> Converted:
    """The OpenAPI 3.0 document a Swagger 2.0 one describes; the input is not changed."""
    definitions = document.get("definitions")
    sources = Sources(definitions=definitions if isinstance(definitions, dict) else ())
    result = _Document(document, sources).convert()
    sources.done()
    return Converted(result, sources, sources.warnings)


def convert_node(
    node: Any, kind: str, at: str, sources: Sources, document: dict[str, Any], consumes: list[str] | None = None
) -> Any:
    """A node of a fragment file (not a document) that the Swagger 2.0 `document` refers to
    as a `kind` (`schema`, `parameter`, `header`, `response`, `path`; `body`: a body parameter
    as the request body of an operation that `consumes` those media types), as OpenAPI 3.0
    writes it; it stays at `at`, its file's `sources` record what moved inside it."""
    if kind == "schema":
        return sources.schema(node, at, at)
    if kind == "parameter":
        return sources.parameter(node, at, at)
    if kind == "header":
        return sources.header(node, at, at)
    context = _Document(document, sources)
    if kind == "body":
        return context.body(at, node, at, consumes or context.consumes) if isinstance(node, dict) else node
    if kind == "response":
        return context.response(node, at, at, context.produces)
    return context.path_item(node, at)


def _media_types(value: Any, fallback: list[str]) -> list[str]:
    """A `consumes` or `produces` list (an empty or missing one says nothing: `fallback`)."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        types = list(dict.fromkeys(str(item) for item in value if isinstance(item, str) and item))
        if types:
            return types
    return fallback


class _Document:
    def __init__(self, source: dict[str, Any], sources: Sources) -> None:
        self.source = source
        self.sources = sources
        self.consumes = _media_types(source.get("consumes"), [JSON])
        self.produces = _media_types(source.get("produces"), [JSON])
        shared = source.get("parameters")
        self.shared_parameters: dict[str, Any] = shared if isinstance(shared, dict) else {}

    def convert(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in self.source.items():
            if key == "swagger":
                result["openapi"] = OPENAPI_VERSION
                self.sources.move("/openapi", "/swagger")
            elif key in ("host", "basePath", "schemes"):
                if "servers" not in result:
                    servers = self.servers()
                    if servers:
                        result["servers"] = servers
            elif key in ("consumes", "produces"):
                continue  # read into every body and response
            elif key in _MOVED_TO_COMPONENTS:
                components = result.setdefault("components", {})
                name = _MOVED_TO_COMPONENTS[key]
                self.sources.move(f"/components/{name}", f"/{key}")
                if "/components" not in self.sources.moved:
                    self.sources.move("/components", f"/{key}")
                converted = self.component(key, value)
                if converted is not None:
                    components[name] = converted
            elif key == "paths" and isinstance(value, dict):
                result["paths"] = {
                    path: self.path_item(item, f"/paths/{segment(path)}") for path, item in value.items()
                }
            else:
                result[key] = value
        return result

    def servers(self) -> list[dict[str, Any]]:
        """`host`, `basePath` and `schemes` as server URLs: one per scheme (https when none is
        given: 2.0 means the scheme the document was fetched with, and that is not known here)."""
        host = self.source.get("host")
        base_path = self.source.get("basePath")
        base = base_path.rstrip("/") if isinstance(base_path, str) else ""
        at = "/host" if "host" in self.source else "/basePath" if "basePath" in self.source else "/schemes"
        if not isinstance(host, str) or not host:
            urls = [base] if base else []
        else:
            schemes = self.source.get("schemes")
            names = [s for s in schemes if isinstance(s, str)] if isinstance(schemes, list) else []
            urls = [f"{scheme}://{host}{base}" for scheme in names or ["https"]]
        self.sources.move("/servers", at)
        for i in range(len(urls)):
            self.sources.move(f"/servers/{i}", at)
            self.sources.move(f"/servers/{i}/url", at)
        return [{"url": url} for url in urls]

    def component(self, key: str, value: Any) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            return None
        name = _MOVED_TO_COMPONENTS[key]
        at = f"/components/{name}"
        result: dict[str, Any] = {}
        for entry, node in value.items():
            here, source = f"{at}/{segment(entry)}", f"/{key}/{segment(entry)}"
            if key == "definitions":
                result[entry] = self.sources.schema(node, here, source)
            elif key == "parameters":
                if not (isinstance(node, dict) and node.get("in") in ("body", "formData")):
                    result[entry] = self.sources.parameter(node, here, source)
                # a body or form parameter becomes part of each request body that names it
            elif key == "responses":
                result[entry] = self.response(node, here, source, self.produces)
            else:
                result[entry] = self.security_scheme(node, here, source)
        return result

    def security_scheme(self, node: Any, at: str, source: str) -> Any:
        self.sources.move(at, source)
        if not isinstance(node, dict):
            return node
        kind = node.get("type")
        if kind == "basic":
            self.sources.move(f"{at}/scheme", f"{source}/type")
            return {"type": "http", "scheme": "basic", **_except(node, "type")}
        if kind != "oauth2":
            return node
        flow_name = OAUTH2_FLOWS.get(str(node.get("flow")), str(node.get("flow")))
        flow: dict[str, Any] = {}
        flow_at = f"{at}/flows/{segment(flow_name)}"
        self.sources.move(f"{at}/flows", f"{source}/flow")
        self.sources.move(flow_at, f"{source}/flow")
        for key in ("authorizationUrl", "tokenUrl", "scopes"):
            if key in node:
                flow[key] = node[key]
                self.sources.move(f"{flow_at}/{key}", f"{source}/{key}")
        flow.setdefault("scopes", {})
        rest = _except(node, "flow", "authorizationUrl", "tokenUrl", "scopes")
        return {**rest, "flows": {flow_name: flow}}

    # -- paths -----------------------------------------------------------------------------

    def path_item(self, item: Any, at: str) -> Any:
        if not isinstance(item, dict):
            return item
        shared = item.get("parameters")
        shared = shared if isinstance(shared, list) else []
        result: dict[str, Any] = {}
        for key, value in item.items():
            if key in HTTP_METHODS and isinstance(value, dict):
                result[key] = self.operation(value, f"{at}/{key}", shared, f"{at}/parameters")
            elif key == "parameters" and isinstance(value, list):
                kept = [(i, p) for i, p in enumerate(value) if self.resolved(p).get("in") not in ("body", "formData")]
                result[key] = self.parameters(kept, f"{at}/parameters", f"{at}/parameters")
            elif key == "$ref":
                self.sources.ref_into(result, value, "path")
            else:
                result[key] = value
        return result

    def resolved(self, parameter: Any) -> dict[str, Any]:
        """A parameter, or the shared one its local `$ref` names (an empty mapping for anything else)."""
        if isinstance(parameter, dict) and isinstance(parameter.get("$ref"), str):
            ref: str = parameter["$ref"]
            if ref.startswith("#/parameters/"):
                name = ref[len("#/parameters/") :].replace("~1", "/").replace("~0", "~")
                target = self.shared_parameters.get(name)
                return target if isinstance(target, dict) else {}
            return {}
        return parameter if isinstance(parameter, dict) else {}

    def source_of(self, parameter: Any, source: str) -> str:
        """Where a parameter's own keywords are written: its `$ref`'s target, or `source`."""
        if isinstance(parameter, dict) and isinstance(parameter.get("$ref"), str):
            ref: str = parameter["$ref"]
            if ref.startswith("#/parameters/"):
                return ref[1:]
        return source

    def parameters(self, indexed: list[tuple[int, Any]], at: str, source: str) -> list[Any]:
        return [self.sources.parameter(p, f"{at}/{j}", f"{source}/{i}") for j, (i, p) in enumerate(indexed)]

    def operation(self, op: dict[str, Any], at: str, shared: list[Any], shared_at: str) -> dict[str, Any]:
        consumes = _media_types(op.get("consumes"), self.consumes)
        produces = _media_types(op.get("produces"), self.produces)
        own = op.get("parameters")
        own = own if isinstance(own, list) else []
        # 2.0 parameters are one list per operation, with the path's own ones that it does not
        # override; 3.0 keeps the path's at the path, but a body is the operation's alone.
        named = {_identity(p) for p in map(self.resolved, own)}
        listed = [(f"{at}/parameters/{i}", p) for i, p in enumerate(own)]
        inherited = [(f"{shared_at}/{i}", p) for i, p in enumerate(shared)]
        inherited = [(s, p) for s, p in inherited if _identity(self.resolved(p)) not in named]
        body_parts = [(s, p) for s, p in inherited + listed if self.resolved(p).get("in") in ("body", "formData")]
        result: dict[str, Any] = {}
        for key, value in op.items():
            if key in ("consumes", "produces", "schemes"):
                continue
            if key == "parameters" and isinstance(value, list):
                kept = [(i, p) for i, p in enumerate(value) if self.resolved(p).get("in") not in ("body", "formData")]
                result[key] = self.parameters(kept, f"{at}/parameters", f"{at}/parameters")
                for parameter in result[key]:
                    if isinstance(parameter, dict) and isinstance(parameter.get("$ref"), str):
                        self.sources.operations[id(parameter)] = (result, consumes)
            elif key == "responses" and isinstance(value, dict):
                result[key] = {
                    code: self.response(
                        r, f"{at}/responses/{segment(code)}", f"{at}/responses/{segment(code)}", produces
                    )
                    for code, r in value.items()
                }
            else:
                result[key] = value
            if key == "parameters" and body_parts:
                result["requestBody"] = self.request_body(body_parts, f"{at}/requestBody", consumes)
        if body_parts and "requestBody" not in result:
            result["requestBody"] = self.request_body(body_parts, f"{at}/requestBody", consumes)
        return result

    def request_body(self, parts: list[tuple[str, Any]], at: str, consumes: list[str]) -> dict[str, Any]:
        """The `requestBody` of an operation's `body` parameter (the first, as 2.0 allows one)
        or, without one, of its `formData` parameters."""
        located = [(self.source_of(p, s), self.resolved(p)) for s, p in parts]
        bodies = [(s, p) for s, p in located if p.get("in") == "body"]
        if bodies:
            return self.body(*bodies[0], at, consumes)
        return self.form([(s, p) for s, p in located if p.get("in") == "formData"], at, MULTIPART in consumes)

    def body(self, source: str, body: dict[str, Any], at: str, consumes: list[str]) -> dict[str, Any]:
        """A `body` parameter as a request body, the same schema for each media type."""
        self.sources.move(at, source)
        result = {key: body[key] for key in ("description",) if key in body}
        result.update((key, value) for key, value in body.items() if str(key).startswith("x-"))
        if body.get("required") is True:
            result["required"] = True
        schema_at = f"{at}/content/{segment(consumes[0])}/schema"
        schema = self.sources.schema(body.get("schema", {}), schema_at, f"{source}/schema")
        self.sources.move(f"{at}/content", source)
        content = {}
        for media_type in consumes:
            self.sources.move(f"{at}/content/{segment(media_type)}", source)
            self.sources.move(f"{at}/content/{segment(media_type)}/schema", f"{source}/schema")
            content[media_type] = {"schema": schema}
        result["content"] = content
        return result

    def form(self, fields: list[tuple[str, dict[str, Any]]], at: str, multipart: bool) -> dict[str, Any]:
        """The `formData` parameters as one form body: multipart when `consumes` says so or a
        field is a file (which a URL-encoded form cannot carry)."""
        media_type = MULTIPART if multipart or any(p.get("type") == "file" for _, p in fields) else FORM
        media_at = f"{at}/content/{segment(media_type)}"
        for moved in ("", "/content", f"/content/{segment(media_type)}", "/schema", "/schema/properties", "/encoding"):
            self.sources.move(
                f"{at}{moved}" if moved.startswith("/c") or not moved else f"{media_at}{moved}", fields[0][0]
            )
        properties: dict[str, Any] = {}
        required: list[str] = []
        encoding: dict[str, Any] = {}
        for source, node in fields:
            name = str(node.get("name", ""))
            properties[name] = self.sources.form_field(node, f"{media_at}/schema/properties/{segment(name)}", source)
            if node.get("required") is True:
                self.sources.move(f"{media_at}/schema/required/{len(required)}", f"{source}/required")
                required.append(name)
            self.sources.move(f"{media_at}/encoding/{segment(name)}", source)
            style = self.sources.style(node, "formData", f"{media_at}/encoding/{segment(name)}", source)
            if style and style != {"style": "form", "explode": True}:
                encoding[name] = style
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        media: dict[str, Any] = {"schema": schema}
        if encoding:
            media["encoding"] = encoding
        result: dict[str, Any] = {"content": {media_type: media}}
        if required:
            result["required"] = True
        return result

    def response(self, node: Any, at: str, source: str, produces: list[str]) -> Any:
        self.sources.move(at, source)
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            return self.sources.ref(node, "response")
        result: dict[str, Any] = {}
        for key, value in node.items():
            if key == "headers" and isinstance(value, dict):
                result[key] = {
                    name: self.sources.header(h, f"{at}/headers/{segment(name)}", f"{source}/headers/{segment(name)}")
                    for name, h in value.items()
                }
            elif key not in ("schema", "examples"):
                result[key] = value
        result.setdefault("description", "")
        if "schema" in node:
            examples = node.get("examples")
            examples = examples if isinstance(examples, dict) else {}
            schema = self.sources.schema(
                node["schema"], f"{at}/content/{segment(produces[0])}/schema", f"{source}/schema"
            )
            content = {}
            for media_type in produces:
                self.sources.move(f"{at}/content/{segment(media_type)}", f"{source}/schema")
                self.sources.move(f"{at}/content/{segment(media_type)}/schema", f"{source}/schema")
                media: dict[str, Any] = {"schema": schema}
                if media_type in examples:
                    media["example"] = examples[media_type]
                    self.sources.move(
                        f"{at}/content/{segment(media_type)}/example", f"{source}/examples/{segment(media_type)}"
                    )
                content[media_type] = media
            result["content"] = content
        return result


def _except(node: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in node.items() if key not in keys}


def _identity(parameter: dict[str, Any]) -> tuple[str, str]:
    """What makes a parameter the same one (its name and location), whatever their types."""
    return repr(parameter.get("name")), repr(parameter.get("in"))
