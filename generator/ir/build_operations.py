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
from .method_names import name_operation
from .model import (
    BodyIR,
    ClassIR,
    ListType,
    ModelIR,
    OperationIR,
    ParameterIR,
    PrimitiveType,
    ResourceIR,
    StreamIR,
    TypeIR,
    class_types,
    classes_by_type,
    is_text_media,
)
from .name_collisions import settle_names
from .naming import (
    CLIENT_MEMBERS,
    RESERVED_ARGUMENTS,
    field_name,
    parameter_name,
    pascal_case,
    singular,
    snake_case,
)
from .operation_docs import error_statuses, is_scalar_example, response_example
from .operation_identity import path_parameters, path_template, unique_operation_id, warn_express_segments
from .overrides import Overrides, declared_paging, is_argument_name, rename_parameters
from .pagination import PagingPlan, page_of
from .read_lists import ListReader, ListReading
from .route_paths import PathIndex, server_resource, server_words
from .schema_facts import example_of
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
    list_items: str | None = None
    """The wire name of the items of a list wrapper (`list_wrappers.py`), paged or not."""


class OperationsBuilder(ListReader):
    """Reads `paths` into `ResourceIR`s; response and body schemas go through the model builder."""

    def __init__(
        self, api: SchemaContext, default_server: str, schemes: set[str], credentials: frozenset[str] = frozenset()
    ) -> None:
        super().__init__(api)
        self.schemes = schemes
        """The keys of the security schemes the client can send."""
        self.client_members = CLIENT_MEMBERS | credentials
        """What a top-level resource may not be called: the client's own members, its credentials."""
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
            (path_template(str(path)), method)
            for path, item in paths.items()
            if isinstance(item, dict)
            for method in HTTP_METHODS
            if method in item
        )
        for path, item in paths.items():
            item_location = root.child(str(path))
            warn_express_segments(self.api, str(path), item_location)
            template = path_template(str(path))
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
                        unique = unique_operation_id(operation_id, method, template, seen_ids)
                        self.api.warn(
                            f"duplicate operationId {operation_id!r} (first used at "
                            f"{seen_ids[operation_id].pointer}); read as {unique!r}",
                            op_location.child("operationId"),
                        )
                        op, operation_id = {**op, "operationId": unique}, unique
                    seen_ids[operation_id] = op_location
                extra, self.override_locations = self.overrides.extensions_for(
                    operation_id, method, str(path), template
                )
                if extra:
                    op = {**op, **extra}
                self.read_operation(template, method, op, op_location, item, item_location)
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
        errors = error_statuses(op.get("responses"), location, self.api.resolver)
        self.name_error_schemas(op, location)
        json_schema, sse_schema = self.response_schemas(response)
        media = self.download_media(response)
        if media is not None:  # a download wins over JSON that describes the same bytes
            json_schema = sse_schema = None
        elif json_schema is None:
            media = self.other_media(response)
        if media is not None and sse_schema is not None:
            if is_text_media(media):
                media = None
            else:
                sse_schema = None  # audio that may also come as events: the audio, not an empty stream
        declared: PagingPlan | bool = True
        if "x-sdk-pagination" in op:
            where = self.override_locations.get("x-sdk-pagination", location.child("x-sdk-pagination"))
            declared = declared_paging(self.api, op["x-sdk-pagination"], where)
        listed = ListReading(None, None)
        if method == "get" and json_schema is not None:
            listed = self.read_list(query_params, json_schema, response, declared is True)
        paging = declared if isinstance(declared, PagingPlan) and json_schema is not None else listed.paging
        list_items = listed.list_items
        paged_request = {"page", "per_page"} <= set(query_params)
        returns_list = paging is not None or paged_request or list_items is not None or self.returns_array(json_schema)
        by_tags = self.overrides.group_by == "tags"
        naming = name_operation(
            path, method, op, self.index, returns_list, by_tags, self.root, media is not None, paging is not None
        )
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
            errors=errors,
            response_example=response_example(response, self.api.resolver) if json_schema is not None else None,
        )
        if paging is not None and not paging.items and isinstance(response_type, ListType):
            # The body is the array: a `Link` header, or a cursor from the items (Discord).
            operation = replace(operation, pagination=paging.pagination("", response_type.item))
            paging = None
        self.pending.append(PendingOperation(resource, operation, paging, response_model, location, list_items))

    def read_parameters(
        self, path: str, op: dict[str, Any], location: Location, item: dict[str, Any], item_location: Location
    ) -> list[ParameterIR]:
        found: dict[tuple[str, str], ParameterIR] = {}
        places: dict[tuple[str, str], Location] = {}
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
                    places[(parameter.location, parameter.wire_name)] = param_location
        # Path parameters first, in path order; then the rest as declared.
        declared = [(parameter, places[key]) for key, parameter in found.items() if key[0] == "path"]
        others = [p for p in found.values() if p.location != "path"]
        return path_parameters(self.api, path, declared, location) + others

    def read_parameter(self, param: Any, location: Location) -> ParameterIR | None:
        if not isinstance(param, dict) or not isinstance(param.get("name"), str):
            self.diagnostics.error("a parameter needs a name", self.api.locate(location))
            return None
        where = param.get("in")
        if not isinstance(where, str) or where not in PARAMETER_STYLES:
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
        default = self.api.default(type_, nullable or annotations.nullable, schema, schema_location)
        example = found if (found := example_of(param)) is not None else annotations.example
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
            description=description_of(param.get("description")) or annotations.description,
            deprecated=param.get("deprecated") is True,
            default=default.value,
            has_default=default.kept,
            example=repr(example) if is_scalar_example(example) else None,
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
            type_, nullable = self.scalar_type(schema, prop_location)
            annotations = self.api.annotations(schema, prop_location)
            default = self.api.default(type_, nullable or annotations.nullable, schema, prop_location)
            parameters.append(
                ParameterIR(
                    name=field_name(wire_name),
                    wire_name=wire_name,
                    location="query",
                    type=type_,
                    required=wire_name in shape.required,
                    description=annotations.description,
                    deprecated=annotations.deprecated,
                    default=default.value,
                    has_default=default.kept,
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
        classes = classes_by_type(models.values())
        self.locations = {(p.operation.http_method, p.operation.path): p.location for p in self.pending}
        hidden: set[str] = set()
        for pending in self.pending:
            operation = pending.operation
            if pending.paging is not None and pending.response_model is not None:
                pagination = page_of(models.get(pending.response_model), pending.paging, classes)
                operation = replace(operation, pagination=pagination)
            resource = pending.resource
            if resource[0] in self.client_members:
                if resource[0] not in hidden:
                    hidden.add(resource[0])
                    self.api.warn(
                        f"resource {resource[0]} would hide the client's own {resource[0]}; "
                        f"{operation.http_method.upper()} {operation.path} is on client.{resource[0]}_",
                        pending.location,
                    )
                resource = (resource[0] + "_", *resource[1:])
            by_path.setdefault(resource, []).append(operation)
        for path in list(by_path):
            for depth in range(1, len(path)):
                by_path.setdefault(path[:depth], [])
        self.model_names = set(models)
        children: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for path in sorted(p for p in by_path if p):
            children.setdefault(path[:-1], []).append(path)
        return tuple(self._resource(path, by_path, children) for path in children.get((), []))

    def unpaged_lists(self, models: dict[str, ModelIR]) -> dict[str, str]:
        """The models that lists answer without paging, each with the wire name of its items."""
        return {
            pending.response_model: pending.list_items
            for pending in self.pending
            if pending.list_items is not None
            and pending.response_model is not None
            and (pending.paging is None or page_of(models.get(pending.response_model), pending.paging) is None)
        }

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
