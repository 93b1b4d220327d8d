"""Resources and the client in the Python SDK: method signatures, and what each method sends.

Every method is one call into the runtime (`request`, `request_page`, `request_stream`,
`request_no_content`) with `RequestOptions.build(...)`; the sync and async classes print the
same view, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ...ir.model import (
    AliasIR,
    ApiIR,
    ClassIR,
    ClassType,
    ConstrainedType,
    DictType,
    FieldIR,
    ListType,
    OperationIR,
    ParameterIR,
    PrimitiveType,
    ResourceIR,
    TypeIR,
    class_types,
    classes_by_type,
    is_text_media,
)
from ...ir.spelling import annotation, optional_annotation
from ...text import normalize_description, python_string, wrap_words
from .literals import paging_expression, security_literal
from .methods import ArgView as ArgView
from .methods import EntryView as EntryView
from .methods import MethodView as MethodView
from .params import ParamNames
from .types import import_order, natural_key, typing_names_in


@dataclass(frozen=True)
class ChildView:
    attribute: str
    class_name: str
    module: str


@dataclass(frozen=True)
class ResourceView:
    class_name: str
    module: str
    attribute: str
    doc: str | None
    methods: tuple[MethodView, ...]
    children: tuple[ChildView, ...]
    imports: tuple[str, ...]


def method_doc(operation: OperationIR) -> str | None:
    parts = [p.strip() for p in (operation.summary, operation.description) if p and p.strip()]
    if len(parts) == 2 and parts[1].startswith(parts[0]):
        parts = parts[1:]
    if operation.deprecated:
        parts.append("Deprecated.")
    return "\n\n".join(parts) or None


class ResourceViews:
    def __init__(self, api: ApiIR, names: ParamNames | None = None) -> None:
        self.api = api
        self.names = names or ParamNames(api)
        self.namespace = self.names.namespace
        self.model_classes = set(classes_by_type(api.models))
        self.aliases = {(d.name, m.module): d for m in api.models for d in m.definitions if isinstance(d, AliasIR)}

    # -- names and imports ------------------------------------------------------------------

    def model_name(self, class_type: ClassType) -> str:
        return class_type.name

    def param_name(self, class_type: ClassType) -> str:
        if self.namespace.get(class_type.module) == "params":
            return f"{class_type.module}.{class_type.name}"
        return self.names.name(class_type)

    def model_import(self, class_type: ClassType) -> tuple[str, str]:
        namespace = self.namespace.get(class_type.module, "shared")
        where = f"..types.shared.{class_type.module}" if namespace == "shared" else f"..types.{class_type.module}"
        return where, class_type.name

    def param_import(self, class_type: ClassType) -> tuple[str, str]:
        namespace = self.namespace.get(class_type.module, "shared")
        if namespace == "params":
            return "..types", class_type.module
        return f"..types.shared_params.{class_type.module}", self.names.name(class_type)

    # -- one method ---------------------------------------------------------------------------

    def argument(self, name: str, type_: TypeIR, required: bool, nullable: bool, params: bool) -> ArgView:
        namer = self.param_name if params else None
        text = optional_annotation(type_, nullable, namer=namer)
        if required:
            return ArgView(name, text, None)
        return ArgView(name, f"Union[{text}, NotGiven]", "NOT_GIVEN")

    @staticmethod
    def optional_file(name: str, annotation: str) -> ArgView:
        return ArgView(name, f"Union[{annotation}, NotGiven]", "NOT_GIVEN")

    def method(
        self, operation: OperationIR, with_doc: bool = True
    ) -> tuple[MethodView, list[tuple[str, str]], list[str]]:
        """The method's view, what it imports and the annotations it prints; `with_doc=False`
        leaves out the docstring (the docs, which write their own, ask so)."""
        imports: list[tuple[str, str]] = []
        texts: list[str] = []
        args: list[ArgView] = []
        parameters = list(operation.parameters)
        for parameter in parameters:
            arg = self.argument(parameter.name, parameter.type, parameter.required, False, params=True)
            if parameter.required and parameter.has_default and parameter.default is not None:
                # A required parameter with a default need not be given: the default is sent.
                default = parameter.default
                arg = ArgView(
                    arg.name, arg.annotation, python_string(default) if isinstance(default, str) else repr(default)
                )
            args.append(arg)
        body_fields: list[FieldIR] = []
        file_fields: list[FieldIR] = []
        body_arg = content_arg = None
        body = operation.body
        if body is not None and body.is_text:
            body_arg = "body"
            args.append(ArgView("body", "str", None) if body.required else self.optional_file("body", "str"))
        elif body is not None and body.model is None:
            content_arg = "body"
            args.append(
                ArgView("body", "FileContent", None) if body.required else self.optional_file("body", "FileContent")
            )
        elif body is not None and body.model is not None:
            main = body.model.main
            if isinstance(main, ClassIR):
                body_fields = [f for f in main.fields if not f.read_only]
                for field in body_fields:
                    if operation.stream is not None and field.name == operation.stream.flag:
                        continue
                    if body.is_file(field):
                        file_fields.append(field)
                        required = ArgView(field.name, "FileTypes", None)
                        args.append(required if field.required else self.optional_file(field.name, "FileTypes"))
                        continue
                    args.append(self.argument(field.name, field.type, field.required, field.nullable, params=True))
                body_fields = [f for f in body_fields if f not in file_fields]
            else:
                body_arg = "body"
                class_type = ClassType(main.name, body.model.module)
                args.append(ArgView("body", self.param_name(class_type), None))
                imports.append(self.param_import(class_type))
            for class_type in sorted({t for f in body_fields for t in class_types(f.type)}, key=lambda t: t.name):
                imports.append(self.param_import(class_type))
        for parameter in parameters:
            for class_type in class_types(parameter.type):
                imports.append(self.param_import(class_type))
        # Required arguments first, so a signature reads with what must be given up front; the
        # path's own, in the path's order, first of all and positional (`files.retrieve(file_id)`).
        args.sort(key=lambda a: a.default is not None)
        positional = path_arguments(operation, args)
        args = positional + [a for a in args if a not in positional]
        kind, cast_to, item, returns, async_returns, overloads = self.returns(operation, imports)
        flag = operation.stream.flag if operation.stream is not None and operation.stream.flag else ""
        texts += [a.annotation for a in args] + [returns, async_returns]
        path_args = tuple(self.entries(parameters, "path"))
        path_values = "{" + ", ".join(f"{python_string(e.key)}: {e.value}" for e in path_args) + "}"
        path_styles = self.styles(parameters, ("path",))
        path_items: tuple[str, ...] = (python_string(operation.path), path_values)
        if path_styles:
            path_items += ("{" + ", ".join(f"{e.key}: {e.value}" for e in path_styles) + "}",)
        view = MethodView(
            name=operation.name,
            doc=self.doc_with_args(method_doc(operation), operation, args) if with_doc else None,
            kind=kind,
            args=tuple(args),
            returns=returns,
            async_returns=async_returns,
            cast_to=cast_to,
            item=item,
            overload_response=overloads[0],
            overload_event=overloads[1],
            items_field=operation.pagination.items_field if operation.pagination else "",
            paging=paging_expression(operation.pagination) if operation.pagination else "",
            stream_flag=flag,
            http_method=operation.http_method,
            path=python_string(operation.path),
            path_args=path_args,
            path_items=path_items,
            server=python_string(operation.server or ""),
            query=tuple(self.entries(parameters, "query")),
            body=tuple(EntryView(python_string(f.wire_name), f.name) for f in body_fields),
            body_arg=body_arg,
            files=tuple(EntryView(python_string(f.wire_name), f.name) for f in file_fields),
            multipart=body is not None and body.is_multipart,
            content_arg=content_arg,
            headers=self.headers(parameters, operation),
            deprecated=operation.deprecated,
            cookies=tuple(self.entries(parameters, "cookie")),
            styles=self.styles(parameters, ("query", "header", "cookie")),
            content_type=self.content_type(operation),
            encoding=tuple(
                EntryView(python_string(e.wire_name), f"({python_string(e.style)}, {e.explode})")
                for e in (body.encoding if body is not None else ())
            ),
            json_without_files=body is not None and body.json_without_files,
            security=security_literal(operation.security) if operation.security is not None else "",
            positional=len(positional),
        )
        return view, imports, texts

    def doc_with_args(self, doc: str | None, operation: OperationIR, args: list[ArgView]) -> str | None:
        """The method's description and an `Args:` list of the arguments the spec describes."""
        described: dict[str, str] = {p.name: p.description for p in operation.parameters if p.description}
        if operation.body is not None and isinstance(operation.body.main, ClassIR):
            described |= {f.name: f.description for f in operation.body.main.fields if f.description}
        lines = [argument_doc(arg.name, text) for arg in args if (text := described.get(arg.name))]
        if not lines:
            return doc
        return "\n\n".join(part for part in (doc, "Args:\n" + "\n".join(lines)) if part)

    def headers(self, parameters: list[ParameterIR], operation: OperationIR) -> tuple[EntryView, ...]:
        """Header parameters, and `Accept` for a response that is not JSON (unless a
        parameter sets it)."""
        entries = self.entries(parameters, "header")
        declared = {p.wire_name.lower() for p in parameters if p.location == "header"}
        if operation.response_media is not None and "accept" not in declared:
            entries.append(EntryView(python_string("Accept"), python_string(operation.response_media)))
        return tuple(entries)

    @staticmethod
    def styles(parameters: list[ParameterIR], locations: tuple[str, ...]) -> tuple[EntryView, ...]:
        """`"wire": (style, explode)` of parameters not in their location's default style."""
        entries = []
        for p in parameters:
            if p.location not in locations:
                continue
            style, explode = p.serialization
            default = ("form", True) if p.location in ("query", "cookie") else ("simple", False)
            if (style, explode) != default:
                entries.append(EntryView(python_string(p.wire_name), f"({python_string(style)}, {explode})"))
        return tuple(entries)

    @staticmethod
    def content_type(operation: OperationIR) -> str:
        body = operation.body
        if body is None or body.is_raw or body.is_multipart or body.content_type == "application/json":
            return ""
        return python_string(body.content_type)

    def entries(self, parameters: list[ParameterIR], where: str) -> list[EntryView]:
        return [
            EntryView(p.wire_name if where == "path" else python_string(p.wire_name), p.name)
            for p in parameters
            if p.location == where
        ]

    def is_a_class_at_runtime(self, type_: TypeIR) -> bool:
        """Whether type checkers see the type's runtime value as `Type[...]` of itself: a model
        class, a builtin, `List[X]` and `Dict[str, X]`, and aliases of them (a cast would be
        redundant)."""
        seen = set()
        while isinstance(type_, ClassType) and (type_.name, type_.module) in self.aliases:
            if (type_.name, type_.module) in seen:
                return False
            seen.add((type_.name, type_.module))
            alias = self.aliases[(type_.name, type_.module)]
            if alias.nullable:
                return False  # `Optional[...]`: a union
            type_ = alias.type
        if isinstance(type_, ConstrainedType):
            type_ = type_.base  # `Annotated[str, Field(...)]` is `str` to a type checker
        if isinstance(type_, ClassType):
            return (type_.name, type_.module) in self.model_classes
        if isinstance(type_, PrimitiveType):
            return type_.name != "None"  # `str`, `object`, `datetime` ... are classes
        return isinstance(type_, (ListType, DictType))

    def returns(
        self, operation: OperationIR, imports: list[tuple[str, str]]
    ) -> tuple[str, str, str, str, str, tuple[str, str]]:
        """The method's kind, what the runtime parses into (cast_to, item), its sync and async
        return annotations, and for `maybe_stream` the overloads' response and event types."""
        none = ("", "")

        def model(type_: TypeIR) -> str:
            for class_type in sorted(class_types(type_), key=lambda t: t.name):
                imports.append(self.model_import(class_type))
            return annotation(type_)

        def runtime_type(type_: TypeIR) -> str:
            """What the runtime parses into: a model class as it is; anything else (a union
            alias, a list) through `cast` so type checkers see `Type[X]`."""
            text = model(type_)
            return text if self.is_a_class_at_runtime(type_) else f"cast(Type[{text}], {text})"

        if operation.stream is not None:
            event = model(operation.stream.event_type)
            event_type = runtime_type(operation.stream.event_type)
            if operation.response is not None and operation.stream.flag:
                response = model(operation.response)
                return (
                    "maybe_stream",
                    runtime_type(operation.response),
                    event_type,
                    f"Union[{response}, Stream[{event}]]",
                    f"Union[{response}, AsyncStream[{event}]]",
                    (response, event),
                )
            return "stream", event_type, event, f"Stream[{event}]", f"AsyncStream[{event}]", none
        if operation.response is None and operation.response_media is not None:
            if is_text_media(operation.response_media):
                return "text", "str", "", "str", "str", none
            return "binary", "BinaryResponse", "", "BinaryResponse", "BinaryResponse", none
        if operation.response is None:
            return "no_content", "None", "", "None", "None", none
        response = model(operation.response)
        if operation.pagination is not None:
            item = model(operation.pagination.item_type)
            # A body that is the list (`Link` header pages) is a `List[X]` alias: already a type.
            page = (
                model(operation.response) if not operation.pagination.items_field else runtime_type(operation.response)
            )
            return "page", page, item, f"SyncPage[{item}]", f"AsyncPaginator[{item}]", none
        return "model", runtime_type(operation.response), "", response, response, none

    # -- resources ----------------------------------------------------------------------------

    def resource(self, resource: ResourceIR) -> ResourceView:
        methods: list[MethodView] = []
        imported: list[tuple[str, str]] = []
        texts: list[str] = []
        for operation in resource.operations:
            view, imports, method_texts = self.method(operation)
            methods.append(view)
            imported += imports
            texts += method_texts
        children = tuple(ChildView(c.attribute, c.class_name, c.module) for c in resource.children)
        return ResourceView(
            class_name=resource.class_name,
            module=resource.module,
            attribute=resource.attribute,
            doc=resource.description,
            methods=tuple(methods),
            children=children,
            imports=tuple(self.import_lines(imported, texts, methods, children)),
        )

    def import_lines(
        self,
        imported: list[tuple[str, str]],
        texts: list[str],
        methods: list[MethodView],
        children: tuple[ChildView, ...],
    ) -> list[str]:
        """The sync and async classes of a resource share a module, and so its imports."""
        kinds = {m.kind for m in methods}
        typing = typing_names_in(texts, ("Annotated", "Dict", "List", "Literal", "Optional", "Tuple", "Union"))
        if "maybe_stream" in kinds:
            typing |= {"overload", "Literal", "Optional"}
        if any(m.cast_to.startswith("cast(") or m.item.startswith("cast(") for m in methods):
            typing |= {"Type", "cast"}
        if kinds:
            typing |= {"Optional", "Union"}
        if children:
            typing.add("TYPE_CHECKING")
        lines = ["from __future__ import annotations", ""]
        dates = typing_names_in(texts, ("date", "datetime"))
        if dates:
            lines.append(f"from datetime import {', '.join(sorted(dates))}")
        lines.append("from functools import cached_property")
        if typing:
            order = sorted(typing, key=lambda n: (not n.isupper(), n[0].islower(), n))  # TYPE_CHECKING, Classes, cast
            lines.append(f"from typing import {', '.join(order)}")
        lines.append("")
        if any("Field(" in text for text in texts):
            lines += ["from pydantic import Field", ""]
        runtime = {"_resource": "AsyncAPIResource, SyncAPIResource"}
        if kinds:
            uses_path = any(m.path_args for m in methods)
            runtime["_request_options"] = "RequestOptions, path_template" if uses_path else "RequestOptions"
            runtime["_response"] = ", ".join(
                [
                    "async_to_raw_response_wrapper",
                    "async_to_streamed_response_wrapper",
                    "to_raw_response_wrapper",
                    "to_streamed_response_wrapper",
                ]
            )
            files = sorted({"FileContent", "FileTypes"} & set(typing_names_in(texts, ("FileContent", "FileTypes"))))
            runtime["_types"] = ", ".join(["NOT_GIVEN", "Body", *files, "Headers", "NotGiven", "Query", "Timeout"])
        if "page" in kinds:
            runtime["_pagination"] = "AsyncPaginator, Paging, SyncPage"
        if "binary" in kinds:
            runtime["_binary"] = "BinaryResponse"
        if kinds & {"stream", "maybe_stream"}:
            runtime["_streaming"] = "AsyncStream, Stream"
        lines += [f"from ..{module} import {names}" for module, names in sorted(runtime.items())]
        grouped: dict[str, set[str]] = {}
        for module, name in imported:
            grouped.setdefault(module, set()).add(name)
        for module in sorted(grouped, key=lambda m: (m != "..types", natural_key(m))):
            lines.append(f"from {module} import {', '.join(import_order(grouped[module]))}")
        if children:  # imported when first used (the properties import them): see _client.py
            lines += ["", "if TYPE_CHECKING:"]
        for child in sorted(children, key=lambda c: natural_key(c.module)):
            names = import_order([f"Async{child.class_name}", child.class_name])
            lines.append(f"    from .{child.module} import {', '.join(names)}")
        return lines


@cache
def argument_doc(name: str, description: str) -> str:
    """An argument's entry of a method's `Args:` list, wrapped. Memoised: the same parameters
    (`per_page`, `page`) are described alike in many operations."""
    words = " ".join(normalize_description(description).replace("<br>", " ").split())
    first, *rest = wrap_words(f"{name}: {words}", 76)
    return "\n".join(["  " + first, *("    " + line for line in rest)])


def resource_views(
    api: ApiIR, keep: Callable[[int], bool] = lambda index: True, names: ParamNames | None = None
) -> list[ResourceView]:
    """Views of every resource module, or of those whose index `keep` accepts (a share)."""
    views = ResourceViews(api, names)
    resources = [resource for top in api.resources for resource in top.walk()]
    return [views.resource(resource) for index, resource in enumerate(resources) if keep(index)]


def path_arguments(operation: OperationIR, args: list[ArgView]) -> list[ArgView]:
    """The arguments of the path's parameters in the order the path names them, up to the
    first with a default (an argument with a default cannot precede one without)."""
    by_name = {arg.name: arg for arg in args}
    in_path = sorted(
        (p for p in operation.parameters if p.location == "path" and p.name in by_name),
        key=lambda p: operation.path.find("{" + p.wire_name + "}"),
    )
    positional = []
    for parameter in in_path:
        arg = by_name[parameter.name]
        if arg.default is not None:
            break
        positional.append(arg)
    return positional
