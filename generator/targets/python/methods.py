"""A method of a resource class: its arguments, what it sends, and the code it prints as.

The sync and async classes of a resource print the same method; what both print (the
signature's arguments, the `RequestOptions.build(...)` call) is laid out here once per
method, when the resource template first asks for it, as black would leave it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ...text import python_string
from .layout import annotated, bracketed


@dataclass(frozen=True)
class ArgView:
    name: str
    annotation: str
    default: str | None

    @property
    def declaration(self) -> str:
        """`name: annotation = default`, the argument's line of a signature."""
        return annotated(self.name, self.annotation, self.default)


@dataclass(frozen=True)
class EntryView:
    """One `"wire": argument` entry of the query, body or headers dict."""

    key: str
    value: str


@dataclass(frozen=True)
class MethodView:
    name: str
    doc: str | None
    kind: str
    """`model`, `no_content`, `page`, `stream` (always streams) or `maybe_stream` (a flag decides)."""
    args: tuple[ArgView, ...]
    returns: str
    async_returns: str
    cast_to: str
    """The response model (or event type for streams)."""
    item: str
    """For pages, the item type; for `maybe_stream`, the event type."""
    overload_response: str
    """For `maybe_stream`: the response and event annotations of the overloads."""
    overload_event: str
    items_field: str
    paging: str
    """For pages, the runtime's `Paging(...)` that says how to ask for the next page."""
    stream_flag: str
    http_method: str
    path: str
    path_args: tuple[EntryView, ...]
    path_items: tuple[str, ...]
    """The arguments of `path_template(...)`: the path, then `name=argument` for each parameter."""
    server: str
    query: tuple[EntryView, ...]
    body: tuple[EntryView, ...]
    body_arg: str | None
    """A body that is not an object is passed whole as one argument."""
    files: tuple[EntryView, ...]
    """A multipart body's file fields (the other fields go in `body` as form fields)."""
    multipart: bool
    content_arg: str | None
    """A raw (`application/octet-stream`) body: the argument holding its bytes."""
    headers: tuple[EntryView, ...]
    deprecated: bool
    cookies: tuple[EntryView, ...] = ()
    styles: tuple[EntryView, ...] = ()
    """Query, header and cookie parameters sent in a style other than their location's default."""
    content_type: str = ""
    """The body's media type when it is not plain `application/json` (a literal)."""
    encoding: tuple[EntryView, ...] = ()
    """A form body's properties in a style other than `form`, exploded."""
    json_without_files: bool = False
    security: str = ""
    """The operation's own security, as a literal, when it differs from the API's default."""
    positional: int = 0
    """How many of `args` (the path parameters, first) may be given by position."""

    def signature(self, stream_arg: str = "") -> str:
        """The lines between `def name(` and `) -> ...:`; `stream_arg` (the `stream` argument of
        a `maybe_stream` method) goes after the method's own arguments."""
        stream = f"\n{ARGUMENT_PAD}{stream_arg}," if stream_arg else ""
        return f"{self._arguments}{stream}\n{SIGNATURE_OPTIONS}"

    @cached_property
    def _arguments(self) -> str:
        declarations = [arg.declaration for arg in self.args]
        lines = ("self", *declarations[: self.positional], "*", *declarations[self.positional :])
        return "\n".join(f"{ARGUMENT_PAD}{line}," for line in lines)

    @cached_property
    def request(self) -> str:
        """`RequestOptions.build(...)`, where the method's body prints it: an argument of the
        call the method returns, or (for `maybe_stream`) the value of `options = ...`."""
        return request_options(self, "        " if self.kind == "maybe_stream" else "            ")


ARGUMENT_PAD = " " * 8
SIGNATURE_OPTIONS = "\n".join(
    f"{ARGUMENT_PAD}{argument},"
    for argument in (
        "extra_headers: Optional[Headers] = None",
        "extra_query: Optional[Query] = None",
        "extra_body: Optional[Body] = None",
        "timeout: Union[Timeout, NotGiven] = NOT_GIVEN",
    )
)
"""The per-call options every method takes after its own arguments."""


def request_options(method: MethodView, pad: str) -> str:
    """`RequestOptions.build(...)` with its arguments one a line, indented from `pad` (the
    call's first line is printed where the template puts it, without `pad`)."""
    inner = pad + "    "
    lines = ["RequestOptions.build(", f"{inner}{python_string(method.http_method)},"]
    if method.path_args:
        lines.append(f"{inner}{bracketed('path_template(', method.path_items, '),', len(inner))}")
    else:
        lines.append(f"{inner}{method.path},")
    if method.server != '""':
        lines.append(f"{inner}server={method.server},")

    def mapping(name: str, entries: tuple[EntryView, ...]) -> None:
        lines.append(f"{inner}{name}={{")
        lines.extend(f"{inner}    {entry.key}: {entry.value}," for entry in entries)
        lines.append(f"{inner}}},")

    if method.query:
        mapping("query", method.query)
    if method.body:
        mapping("body", method.body)
    elif method.body_arg:
        lines.append(f"{inner}body={method.body_arg},")
    if method.multipart:
        if method.files:
            mapping("files", method.files)
        else:
            lines.append(f"{inner}files={{}},")
    if method.content_arg:
        lines.append(f"{inner}content={method.content_arg},")
    for name, entries in (("headers", method.headers), ("cookies", method.cookies), ("styles", method.styles)):
        if entries:
            mapping(name, entries)
    if method.content_type:
        lines.append(f"{inner}content_type={method.content_type},")
    if method.encoding:
        mapping("encoding", method.encoding)
    if method.json_without_files:
        lines.append(f"{inner}json_without_files=True,")
    if method.security:
        lines.append(f"{inner}security={method.security},")
    lines += [f"{inner}{name}={name}," for name in ("extra_headers", "extra_query", "extra_body", "timeout")]
    lines.append(f"{pad})")
    return "\n".join(lines)
