"""The docs target, part two: a section per resource and method (signature, arguments,
return type, a usage example), from the same IR and the same argument views as the SDK."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import (
    ApiIR,
    ClassIR,
    ClassType,
    ListType,
    OperationIR,
    PaginationIR,
    ResourceIR,
    TypeIR,
    class_types,
)
from ...text import markdown_text
from ..examples import FILE, CallValues, Examples, call_values, python_literal, python_source
from ..python.resources import ArgView, MethodView, ResourceViews
from ..typescript.examples import CallExamples
from .samples import curl_command, json_text
from .views import Link, anchor_of


@dataclass(frozen=True)
class ArgumentDoc:
    name: str
    type: str
    where: str
    """`path`, `query`, `header` or `body`."""
    required: bool
    description: str | None
    default: str | None


@dataclass(frozen=True)
class MethodDoc:
    call: str
    """`client.droplets.list`"""
    anchor: str
    http: str
    """`GET /v2/droplets`"""
    server: str | None
    summary: str | None
    description: str | None
    deprecated: bool
    signature: str
    arguments: tuple[ArgumentDoc, ...]
    returns: str
    returns_text: str
    links: tuple[Link, ...]
    example: str
    calls: tuple[tuple[str, str, str], ...]
    """The example call in each language the run generates, in the run's order, and Python's
    always (last when the run makes no Python: the signature and arguments are Python's), as
    (language, label, code)."""
    curl: str
    request_sample: str | None
    """The request body as JSON (by wire name), when the method sends one."""
    request_media: str | None
    response_sample: str | None
    errors: tuple[tuple[str, str], ...]
    """The documented error statuses and their descriptions."""


@dataclass(frozen=True)
class ResourceDoc:
    path: str
    """`client.chat.completions`"""
    anchor: str
    methods: tuple[MethodDoc, ...]


RETURNS_TEXT = {
    "page": "iterate it for every item across pages",
    "stream": "A stream of server-sent events; iterate it, inside `with` to release the connection.",
    "maybe_stream": "The parsed response; with `stream=True`, a stream of events instead.",
    "no_content": "Nothing: the response has no body.",
    "text": "The response body as text.",
    "binary": "The response body as bytes.",
    "model": "The parsed response.",
}


def paging_words(pagination: PaginationIR) -> str:
    """How a list pages, in a reader's words: `cursor paging by `after``."""
    param, next_field = f"`{pagination.param}`", f"`{'.'.join(pagination.next_field)}`"
    if pagination.scheme == "page":
        return f"page numbers in {param}"
    if pagination.scheme == "offset":
        return f"offset paging by {param}"
    if pagination.scheme == "next_url":
        return f"the next page's URL in {next_field}"
    if pagination.scheme == "link_header":
        return "the next page's URL in the `Link` header"
    words = f"cursor paging by {param}"
    if pagination.flag:
        words += f" with `{pagination.flag}=true`"
    if pagination.next_field:
        return f"{words}, the next cursor from {next_field}"
    if pagination.more_field:
        return f"{words}, the next cursor the last item's `id`"
    return f"{words}, the next cursor an item's `id`"


LANGUAGES = {"python": "Python", "typescript": "TypeScript"}
"""Each target's language, as a tab names it."""


class MethodDocs:
    def __init__(self, api: ApiIR, targets: tuple[str, ...] = ("python",)) -> None:
        self.api = api
        self.typescript = CallExamples(api) if "typescript" in targets else None
        # The run's languages in its order; Python always, as the signature and arguments are Python's.
        self.languages = tuple(dict.fromkeys((*(t for t in targets if t in LANGUAGES), "python")))
        self.views = ResourceViews(api)
        self.main_names = {m.module: m.name for m in api.models}
        self.models = {m.name: m for m in api.models}
        self.package = api.package
        self.examples = Examples(api)

    def method(self, resource: ResourceIR, operation: OperationIR) -> MethodDoc:
        view, _, _ = self.views.method(operation, with_doc=False)
        values = call_values(operation, self.examples, view.stream_flag)
        call = ".".join(("client", *resource.path, operation.name))
        arguments = self.arguments(operation, view)
        links = sorted({t for t in self.linked_types(operation)}, key=lambda t: (t.name, t.module))
        server = (
            next((s.url for s in self.api.servers if s.name == operation.server), None) if operation.server else None
        )
        example = self.example(call, view, values)
        codes = {"python": example}
        if self.typescript is not None:
            codes["typescript"] = self.typescript.example(resource, operation, values)
        return MethodDoc(
            call=call,
            anchor="-".join((*resource.path, operation.name)).replace("_", "-"),
            http=f"{operation.http_method.upper()} {operation.path}",
            server=server,
            summary=markdown_text(operation.summary) if operation.summary else None,
            description=markdown_text(operation.description) if operation.description else None,
            deprecated=operation.deprecated,
            signature=self.signature(call, view),
            arguments=arguments,
            returns=view.returns,
            returns_text=self.returns_text(operation, view.kind),
            links=tuple(Link(t.name, anchor_of(t, self.main_names)) for t in links),
            example=example,
            calls=tuple((language, LANGUAGES[language], codes[language]) for language in self.languages),
            curl=curl_command(self.api, operation, values),
            request_sample=request_sample(operation, values.body),
            request_media=operation.body.content_type if operation.body is not None else None,
            response_sample=self.response_sample(operation),
            errors=operation.errors,
        )

    def response_sample(self, operation: OperationIR) -> str | None:
        if operation.response is None:
            return None
        given = operation.response_example
        if given is not None:
            return json_text(self.examples.repaired(given, operation.response))
        return json_text(self.examples.value(operation.response, every_field=True))

    def returns_text(self, operation: OperationIR, kind: str) -> str:
        if operation.pagination is not None:
            return f"{RETURNS_TEXT['page']} ({paging_words(operation.pagination)})."
        model = self.models.get(operation.response.name) if isinstance(operation.response, ClassType) else None
        if kind == "model" and model is not None and isinstance(model.main, ClassIR) and model.main.items_field:
            items = model.main.items_field
            return f"The parsed response, a list that does not page: iterate it for the items of its `{items}`."
        listed = self.listed_field(operation.response) if kind == "model" else None
        if listed is not None:
            return f"The parsed response: the model itself, not a page; its `{listed}` list is not paged."
        return RETURNS_TEXT[kind]

    def listed_field(self, response: TypeIR | None) -> str | None:
        """The list field of a response that wraps one (`{"items": [...]}`), if it has one."""
        model = self.models.get(response.name) if isinstance(response, ClassType) else None
        if model is None or not isinstance(model.main, ClassIR):
            return None
        return next((f.name for f in model.main.fields if isinstance(f.type, ListType)), None)

    def linked_types(self, operation: OperationIR) -> set[ClassType]:
        types: set[ClassType] = set()
        for type_ in (operation.response, operation.stream.event_type if operation.stream else None):
            if type_ is not None:
                types |= class_types(type_)
        if operation.pagination is not None:
            types |= class_types(operation.pagination.item_type)
        return types

    def arguments(self, operation: OperationIR, view: MethodView) -> tuple[ArgumentDoc, ...]:
        described: dict[str, tuple[str, str | None]] = {
            p.name: (p.location, p.description) for p in operation.parameters
        }
        if operation.body is not None and isinstance(operation.body.main, ClassIR):
            described |= {f.name: ("body", f.description) for f in operation.body.main.fields}
        docs = []
        for arg in view.args:
            where, description = described.get(arg.name, ("body", None))
            docs.append(
                ArgumentDoc(
                    arg.name,
                    arg.annotation,
                    where,
                    arg.default is None,
                    markdown_text(description) if description else None,
                    arg.default,
                )
            )
        if view.stream_flag:
            docs.append(
                ArgumentDoc(
                    view.stream_flag, "bool", "body", False, "`True` returns a `Stream` of events.", "NOT_GIVEN"
                )
            )
        return tuple(docs)

    def signature(self, call: str, view: MethodView) -> str:
        args: list[ArgView] = list(view.args)
        lines = [f"{call}("]
        lines += [f"    {a.name}: {a.annotation}{' = ' + a.default if a.default else ''}," for a in args]
        if view.positional and (len(args) > view.positional or view.stream_flag):
            lines.insert(1 + view.positional, "    *,")  # path ids by position, the rest by keyword
        if view.stream_flag:
            lines.append("    stream: Optional[bool] = NOT_GIVEN,")
        lines.append(f") -> {view.returns}")
        if len(lines) == 2:
            return f"{call}() -> {view.returns}"
        return "\n".join(lines)

    def example(self, call: str, view: MethodView, values: CallValues) -> str:
        """The call with the example values: every one the models accept."""
        # Path ids by position (`client.files.retrieve("file-1")`), as the SDK takes them.
        by_position = {arg.name for arg in view.args[: view.positional]}

        def spelled(name: str, literal: str) -> str:
            return literal if name in by_position else f"{name}={literal}"

        pairs = [spelled(name, python_literal(value, name)) for name, value in values.arguments.items()]
        arguments = argument_list(call, pairs)
        if arguments.startswith("\n"):
            # An argument a line: a long value spreads over lines as a formatter lays it out.
            pairs = [spelled(name, python_source(value, name)) for name, value in values.arguments.items()]
            arguments = argument_list(call, pairs)
        lines = [f"from {self.package} import Client", "", "client = Client()"]
        if any(value is FILE for value in values.arguments.values()):
            lines = ["from pathlib import Path", "", *lines]
        if view.kind == "page":
            lines += [f"for item in {call}({arguments}):", "    print(item)"]
        elif view.kind == "stream":
            lines += [f"with {call}({arguments}) as stream:", "    for event in stream:", "        print(event)"]
        elif view.kind == "maybe_stream":
            lines += [f"result = {call}({arguments})", "print(result)"]
            streamed = argument_list(call, [*pairs, "stream=True"])
            lines += ["", f"with {call}({streamed}) as stream:", "    for event in stream:", "        print(event)"]
        elif view.kind == "no_content":
            lines += [f"{call}({arguments})"]
        else:
            lines += [f"result = {call}({arguments})", "print(result)"]
        return "\n".join(lines)


def request_sample(operation: OperationIR, body: object) -> str | None:
    """The body as sent: JSON, or a text body's text."""
    if body is None:
        return None
    return body if isinstance(body, str) and operation.body is not None and operation.body.is_text else json_text(body)


def argument_list(call: str, pairs: list[str]) -> str:
    """The arguments of a call: on its line, or a line each (as a formatter lays out a long call)."""
    arguments = ", ".join(pairs)
    if len(call) + len(arguments) <= 72:
        return arguments
    return "\n" + "".join(f"    {pair},\n" for pair in pairs)


def resource_docs(api: ApiIR, targets: tuple[str, ...] = ("python",)) -> list[ResourceDoc]:
    """The resources' docs; with `targets` (the SDKs the run generates) each method's call in
    each of their languages."""
    docs = MethodDocs(api, targets)
    result = []
    for top in api.resources:
        for resource in top.walk():
            if not resource.operations:
                continue
            methods = tuple(docs.method(resource, op) for op in resource.operations)
            path = ".".join(("client", *resource.path))
            result.append(ResourceDoc(path, "-".join(resource.path).replace("_", "-"), methods))
    return result
