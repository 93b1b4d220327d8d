"""IR: turn the spec's `paths` into resources and operations.

Operations group into resources by path (`/v2/droplets/{droplet_id}` -> `client.droplets`,
`/v1/chat/completions` -> `client.chat.completions`) unless `x-sdk-resource` says otherwise,
and take a method name from the HTTP verb (`list`, `retrieve`, `create`, `update`,
`delete`) unless `x-sdk-method` does. Inline response objects become models of their own
(`DropletListResponse`); request bodies become keyword arguments and TypedDicts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..errors import Location
from ..text import description_of
from .build_payloads import PayloadReader
from .method_names import name_operation
from .model import (
    AliasIR,
    BodyIR,
    ClassIR,
    FieldIR,
    ListType,
    ModelIR,
    OperationIR,
    PaginationIR,
    ParameterIR,
    PrimitiveType,
    ResourceIR,
    StreamIR,
    TypeIR,
    class_types,
    is_text_media,
)
from .name_collisions import settle_names
from .naming import (
    RESERVED_ARGUMENTS,
    field_name,
    parameter_name,
    pascal_case,
    singular,
    snake_case,
)
from .overrides import Overrides, declared_paging, is_argument_name, rename_parameters
from .pagination import PagingPlan, declares_link_header, recognise, response_fields
from .route_paths import PathIndex, server_resource, server_words
from .security import requirements

if TYPE_CHECKING:
    from .context import SchemaContext

HTTP_METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace", "query")
"""The fixed fields of a path item that are operations (`query` is OpenAPI 3.2's); 3.2's
`additionalOperations` maps any other method (`COPY`, `LINK`) to one."""
PARAMETER_STYLES = {
    "query": ("form", "spaceDelimited", "pipeDelimited", "deepObject"),
    "path": ("simple", "label", "matrix"),
    "header": ("simple",),
    "cookie": ("form",),
}
"""The styles OpenAPI defines for each location, the default first."""
IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})


@dataclass
class PendingOperation:
    """An operation read in the first pass; its pagination is settled once models are built."""

    resource: tuple[str, ...]
    operation: OperationIR
    paging: PagingPlan | None
    response_model: str | None
    location: Location


class OperationsBuilder(PayloadReader):
    """Reads `paths` into `ResourceIR`s; response and body schemas go through the model builder."""

    def __init__(self, api: SchemaContext, default_server: str, schemes: set[str]) -> None:
        super().__init__(api)
        self.schemes = schemes
        """The keys of the security schemes the client can send."""
        self.default_server = default_server
        self.servers: dict[str, tuple[str, dict[str, Any], Location]] = {}
        """Servers of operations or paths by name: URL, the server object and where it is."""
        self.pending: list[PendingOperation] = []
        self.locations: dict[tuple[str, str], Location] = {}
        self.overrides: Overrides
        self.override_locations: dict[str, Location] = {}
        self.index = PathIndex(())
        self.root = server_resource(default_server) or "root"
        """The resource of the paths that name none (`/{id}`): what the server URL names."""
        self.model_names: set[str] = set()

    def read_paths(self, document: dict[str, Any]) -> None:
        paths = document.get("paths") or {}
        root = Location(self.api.root_file, "/paths")
        if not isinstance(paths, dict):
            self.diagnostics.error("paths must be a mapping", self.api.locate(root))
            return
        seen_ids: dict[str, Location] = {}
        # OpenAPI 3.0 requires `responses` on every operation; 3.1 does not.
        self.responses_required = str(document.get("openapi", "")).startswith("3.0")
        self.index = PathIndex(
            (str(path), method)
            for path, item in paths.items()
            if isinstance(item, dict)
            for method in HTTP_METHODS
            if method in item
        )
        for path, item in paths.items():
            item_location = root.child(str(path))
            item, item_location = self.api.resolver.follow(item, item_location)
            if not isinstance(item, dict):
                self.diagnostics.error("a path item must be a mapping", self.api.locate(item_location))
                continue
            for method, raw, raw_location in self.operations_of(item, item_location):
                op, op_location = self.api.resolver.follow(raw, raw_location)
                if not isinstance(op, dict):
                    self.diagnostics.error("an operation must be a mapping", self.api.locate(op_location))
                    continue
                operation_id = op.get("operationId")
                if isinstance(operation_id, str):
                    if operation_id in seen_ids:
                        first = seen_ids[operation_id]
                        self.diagnostics.error(
                            f"duplicate operationId {operation_id!r} (first used at {first.pointer})",
                            self.api.locate(op_location.child("operationId")),
                        )
                        continue
                    seen_ids[operation_id] = op_location
                extra, self.override_locations = self.overrides.extensions_for(operation_id, method, str(path))
                if extra:
                    op = {**op, **extra}
                self.read_operation(str(path), method, op, op_location, item, item_location)
        self.overrides.report_unused()

    def operations_of(self, item: dict[str, Any], location: Location) -> list[tuple[str, Any, Location]]:
        """A path item's operations: `(method, operation, where)`, the fixed methods first."""
        found = [(method, item[method], location.child(method)) for method in HTTP_METHODS if method in item]
        extra = item.get("additionalOperations")
        if extra is None:
            return found
        where = location.child("additionalOperations")
        if not isinstance(extra, dict):
            self.diagnostics.error("additionalOperations must be a mapping", self.api.locate(where))
            return found
        for method, op in extra.items():
            name = str(method)
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", name) or name.lower() in HTTP_METHODS:
                self.api.warn(
                    f"additional operation {name!r} is not an HTTP method name, or is a fixed one; left out",
                    where.child(name),
                )
                continue
            found.append((name.lower(), op, where.child(name)))
        return found

    # -- one operation ----------------------------------------------------------------------

    def read_operation(
        self,
        path: str,
        method: str,
        op: dict[str, Any],
        location: Location,
        item: dict[str, Any],
        item_location: Location,
    ) -> None:
        found_id = op.get("operationId")
        operation_id = found_id if isinstance(found_id, str) else f"{method} {path}"
        parameters = self.read_parameters(path, op, location, item, item_location)
        if "x-sdk-parameters" in op:
            where = self.override_locations.get("x-sdk-parameters", location.child("x-sdk-parameters"))
            parameters = rename_parameters(self.api, parameters, op["x-sdk-parameters"], where)
        query_params = [p.wire_name for p in parameters if p.location == "query"]
        _, response = self.success_response(op, location)
        self.name_error_schemas(op, location)
        json_schema, sse_schema = self.response_schemas(response)
        media = self.other_media(response) if json_schema is None else None
        if media is not None and sse_schema is not None:
            if is_text_media(media):
                media = None
            else:
                sse_schema = None  # audio that may also come as events: the audio, not an empty stream
        paging = None
        declared: PagingPlan | bool = True
        if "x-sdk-pagination" in op:
            where = self.override_locations.get("x-sdk-pagination", location.child("x-sdk-pagination"))
            declared = declared_paging(self.api, op["x-sdk-pagination"], where)
        if isinstance(declared, PagingPlan) and json_schema is not None:
            paging = declared
        elif declared is True and method == "get" and json_schema is not None:
            schema, schema_location = json_schema
            fields = response_fields(self.api, schema, schema_location)
            items = self.items_property(schema, schema_location)
            body_is_array = self.returns_array(json_schema)
            paging = recognise(
                query_params,
                fields,
                items,
                body_is_array,
                declares_link_header(response and response[0]),
                body_is_array and self.items_have_id(schema, schema_location),
            )
        paged_request = {"page", "per_page"} <= set(query_params)
        returns_list = paging is not None or paged_request or self.returns_array(json_schema)
        by_tags = self.overrides.group_by == "tags"
        naming = name_operation(path, method, op, self.index, returns_list, by_tags, self.root, media is not None)
        resource, name = naming.resource, naming.method
        singular_name = pascal_case(singular(resource[-1]))
        full_name = "".join(pascal_case(singular(p)) for p in resource)
        response_type: TypeIR | None = None
        response_model: str | None = None
        if json_schema is not None:
            schema, schema_location = json_schema
            suffix = pascal_case(name) + "Response"
            response_type, response_model = self.response_type(
                schema, schema_location, [singular_name + suffix, full_name + suffix]
            )
        body = self.read_body(op, location, [singular_name + pascal_case(name) + "Params", full_name + "Params"])
        stream = None
        if sse_schema is not None:
            schema, schema_location = sse_schema
            event_type, _ = self.response_type(schema, schema_location, [singular_name + "StreamEvent"])
            flag = self.stream_flag(body) if json_schema is not None else None
            stream = StreamIR(event_type or PrimitiveType("object"), flag)
        server = self.server_of(op, location, item, item_location)
        operation = OperationIR(
            name=name,
            name_source=naming.source,
            operation_id=operation_id,
            http_method=method,
            path=path,
            server=server,
            parameters=self.unique_arguments(parameters, body),
            body=body,
            response=response_type,
            response_is_json=json_schema is not None,
            response_media=media,
            stream=stream,
            summary=description_of(op.get("summary")),
            description=description_of(op.get("description")),
            deprecated=op.get("deprecated") is True,
            pointer=location.pointer,
            security=requirements(op.get("security"), self.schemes),
        )
        if paging is not None and not paging.items and isinstance(response_type, ListType):
            # The body is the array: a `Link` header, or a cursor from the items (Discord).
            operation = replace(operation, pagination=paging.pagination("", response_type.item))
            paging = None
        self.pending.append(PendingOperation(resource, operation, paging, response_model, location))

    def items_have_id(self, schema: Any, location: Location) -> bool:
        """Whether an array's items are objects with an `id` (a cursor to page by)."""
        array, where = self.api.resolver.follow(schema, location)
        if not isinstance(array, dict) or "items" not in array:
            return False
        shape = self.api.object_shape(*self.api.resolver.follow(array["items"], where.child("items")))
        return shape is not None and any(name == "id" for name, _, _ in shape.properties)

    def returns_array(self, json_schema: tuple[Any, Location] | None) -> bool:
        if json_schema is None:
            return False
        schema, _ = self.api.resolver.follow(*json_schema)
        return isinstance(schema, dict) and schema.get("type") == "array"

    def read_parameters(
        self, path: str, op: dict[str, Any], location: Location, item: dict[str, Any], item_location: Location
    ) -> list[ParameterIR]:
        found: dict[tuple[str, str], ParameterIR] = {}
        for source, source_location in ((item, item_location), (op, location)):
            params = source.get("parameters") or []
            if not isinstance(params, list):
                self.diagnostics.error(
                    "parameters must be a list", self.api.locate(source_location.child("parameters"))
                )
                continue
            for index, raw in enumerate(params):
                param, param_location = self.api.resolver.follow(raw, source_location.child("parameters", index))
                if isinstance(param, dict) and param.get("in") == "querystring":
                    for expanded in self.querystring_parameters(param, param_location):
                        found[(expanded.location, expanded.wire_name)] = expanded
                    continue
                parameter = self.api.reread("parameter", self.read_parameter, param, param_location)
                if parameter is not None:
                    found[(parameter.location, parameter.wire_name)] = parameter
        in_path = set(re.findall(r"{([^}]+)}", path))
        declared = {wire for where, wire in found if where == "path"}
        for missing in sorted(in_path - declared):
            self.api.warn(
                f"path parameter {{{missing}}} of {path} is not declared; taken as a required string", location
            )
            found[("path", missing)] = ParameterIR(parameter_name(missing), missing, "path", PrimitiveType("str"), True)
        for extra in sorted(declared - in_path):
            self.diagnostics.error(
                f"path parameter {extra!r} is not in the path {path}", self.api.locate(location.child("parameters"))
            )
        # Path parameters first, in path order; then the rest as declared.
        order = re.findall(r"{([^}]+)}", path)
        path_params = [found[("path", wire)] for wire in order if ("path", wire) in found]
        others = [p for p in found.values() if p.location != "path"]
        return path_params + others

    def read_parameter(self, param: Any, location: Location) -> ParameterIR | None:
        if not isinstance(param, dict) or not isinstance(param.get("name"), str):
            self.diagnostics.error("a parameter needs a name", self.api.locate(location))
            return None
        where = param.get("in")
        if where not in PARAMETER_STYLES:
            self.api.warn(f"{where!r} parameters are not supported; left out", location)
            return None
        if where == "header" and param["name"].lower() in IGNORED_HEADERS:
            return None  # OpenAPI: the client sets these itself
        style = param.get("style", "")
        if style and style not in PARAMETER_STYLES[where]:
            self.api.warn(
                f"style {style!r} is not defined for {where} parameters; {PARAMETER_STYLES[where][0]!r} is used",
                location.child("style"),
            )
            style = ""
        explode = param.get("explode")
        schema = param.get("schema", {})
        schema_location = location.child("schema")
        type_, nullable = self.scalar_type(schema, schema_location, allow_objects=True)
        annotations = self.api.annotations(schema, schema_location)
        example = param.get("example", schema.get("example") if isinstance(schema, dict) else None)
        chosen = param.get("x-sdk-name")
        if chosen is not None and not is_argument_name(chosen):
            message = f"x-sdk-name must be a Python argument name, not {chosen!r}"
            self.diagnostics.error(message, self.api.locate(location.child("x-sdk-name")))
            chosen = None
        return ParameterIR(
            name=chosen or parameter_name(param["name"]),
            wire_name=param["name"],
            location=where,
            type=type_,
            required=param.get("required") is True or where == "path",
            description=description_of(param.get("description")),
            deprecated=param.get("deprecated") is True,
            default=annotations.default,
            has_default=annotations.has_default,
            example=repr(example) if isinstance(example, (str, int, float, bool)) else None,
            style=str(style),
            explode=explode if isinstance(explode, bool) else None,
        )

    def querystring_parameters(self, param: dict[str, Any], location: Location) -> list[ParameterIR]:
        """OpenAPI 3.2's `in: querystring`: the whole query string as one schema. An object's
        properties are its query parameters, each an argument as if declared one by one."""
        content = param.get("content")
        media_type, media = next(iter(content.items()), (None, None)) if isinstance(content, dict) else (None, None)
        if not isinstance(media, dict) or "schema" not in media:
            self.api.warn("a querystring parameter without a schema is left out", location)
            return []
        schema_location = location.child("content", str(media_type), "schema")
        shape = self.api.object_shape(media["schema"], schema_location)
        if shape is None:
            self.api.warn("a querystring parameter that is not an object is left out", schema_location)
            return []
        parameters = []
        for wire_name, schema, prop_location in shape.properties:
            type_, _ = self.scalar_type(schema, prop_location)
            annotations = self.api.annotations(schema, prop_location)
            parameters.append(
                ParameterIR(
                    name=field_name(wire_name),
                    wire_name=wire_name,
                    location="query",
                    type=type_,
                    required=wire_name in shape.required,
                    description=annotations.description,
                    deprecated=annotations.deprecated,
                    default=annotations.default,
                    has_default=annotations.has_default,
                )
            )
        return parameters

    def unique_arguments(self, parameters: list[ParameterIR], body: BodyIR | None) -> tuple[ParameterIR, ...]:
        """Parameter argument names that clash with the body's or the reserved ones take a suffix."""
        taken = set(RESERVED_ARGUMENTS)
        if body is not None:
            main = body.main
            taken |= {f.name for f in main.fields} if isinstance(main, ClassIR) else {"body"}
        result = []
        for parameter in parameters:
            name = parameter.name
            while name in taken:
                name = f"{name}_{parameter.location}" if not name.endswith(parameter.location) else name + "_"
            taken.add(name)
            result.append(parameter if name == parameter.name else replace(parameter, name=name))
        return tuple(result)

    def server_of(
        self, op: dict[str, Any], location: Location, item: dict[str, Any], item_location: Location
    ) -> str | None:
        for source, source_location in ((op, location), (item, item_location)):
            servers = source.get("servers")
            if isinstance(servers, list) and servers and isinstance(servers[0], dict):
                url = str(servers[0].get("url", "")).rstrip("/")
                if not url or url == self.default_server:
                    return None
                explicit = source.get("x-sdk-server")
                name = explicit if isinstance(explicit, str) else server_name(url)
                self.servers.setdefault(name, (url, servers[0], source_location.child("servers", 0)))
                return name
        return None

    # -- second pass ------------------------------------------------------------------------

    def resources(self, models: dict[str, ModelIR]) -> tuple[ResourceIR, ...]:
        by_path: dict[tuple[str, ...], list[OperationIR]] = {}
        self.locations = {(p.operation.http_method, p.operation.path): p.location for p in self.pending}
        for pending in self.pending:
            operation = pending.operation
            if pending.paging is not None and pending.response_model is not None:
                pagination = self.pagination(models.get(pending.response_model), pending.paging)
                operation = replace(operation, pagination=pagination)
            by_path.setdefault(pending.resource, []).append(operation)
        for path in list(by_path):
            for depth in range(1, len(path)):
                by_path.setdefault(path[:depth], [])
        self.model_names = set(models)
        children: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for path in sorted(p for p in by_path if p):
            children.setdefault(path[:-1], []).append(path)
        return tuple(self._resource(path, by_path, children) for path in children.get((), []))

    def pagination(self, model: ModelIR | None, plan: PagingPlan) -> PaginationIR | None:
        if model is not None and isinstance(model.main, AliasIR) and isinstance(model.main.type, ListType):
            return plan.pagination("", model.main.type.item) if not plan.items else None
        if model is None or not isinstance(model.main, ClassIR):
            return None
        fields: dict[str, FieldIR] = {f.wire_name: f for f in model.main.fields}
        items = fields.get(plan.items)
        if items is None or not isinstance(items.type, ListType):
            return None
        return plan.pagination(items.name, items.type.item)

    def _resource(
        self,
        path: tuple[str, ...],
        by_path: dict[tuple[str, ...], list[OperationIR]],
        children_of: dict[tuple[str, ...], list[tuple[str, ...]]],
    ) -> ResourceIR:
        """`children_of`: each resource path's child paths, sorted (looked up, not searched for)."""
        child_paths = children_of.get(path, [])
        children = tuple(self._resource(child, by_path, children_of) for child in child_paths)
        operations: list[OperationIR] = []
        proposed = by_path[path]
        settled = settle_names(
            path, proposed, {child[-1] for child in child_paths}, self.index, server_words(self.default_server)
        )
        for operation, final in zip(proposed, settled, strict=True):
            if final.wanted:
                self.api.warn(
                    f"method name {'.'.join(path)}.{final.wanted} is taken; "
                    f"{operation.http_method.upper()} {operation.path} is {'.'.join(path)}.{final.name}",
                    self.locations[(operation.http_method, operation.path)],
                )
            unchanged = final.name == operation.name and final.source == operation.name_source
            operations.append(operation if unchanged else replace(operation, name=final.name, name_source=final.source))
        class_name = "".join(pascal_case(p) for p in path)
        # A resource module imports models by name: `Snapshots` the model keeps its name, and
        # so does a class it imports from inside a model's module (a page's item `Knowledge`).
        if {class_name, "Async" + class_name} & (self.model_names | imported_class_names(operations)):
            class_name += "Resource"
        return ResourceIR(
            path=path,
            class_name=class_name,
            module="_".join(path),
            operations=tuple(operations),
            children=children,
        )


def imported_class_names(operations: list[OperationIR]) -> set[str]:
    """The classes a resource's methods name: what they return, page over, stream or take."""
    types: list[TypeIR] = []
    for operation in operations:
        types += [p.type for p in operation.parameters]
        types += [operation.response] if operation.response is not None else []
        types += [operation.stream.event_type] if operation.stream is not None else []
        types += [operation.pagination.item_type] if operation.pagination else []
    return {class_type.name for type_ in types for class_type in class_types(type_)}


def server_name(url: str) -> str:
    """`https://inference.do-ai.run` -> `inference`."""
    host = re.sub(r"^[a-z]+://", "", url).split("/")[0].split(":")[0]
    label = host.split(".")[0] if host else "server"
    return field_name(snake_case(label))
