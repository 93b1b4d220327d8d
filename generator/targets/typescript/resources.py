"""The resource modules: one class per IR resource (`client.droplets`), its methods named as
the IR names them, path parameters positional, everything else in one params object."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ...ir.model import (
    AliasIR,
    ClassIR,
    ClassType,
    FieldIR,
    ListType,
    ModelIR,
    OperationIR,
    ParameterIR,
    ResourceIR,
    TypeIR,
    class_types,
    is_text_media,
)
from .imports import Imports
from .spelling import (
    WIDTH,
    camel_case,
    declaration,
    doc_comment,
    literal,
    members,
    pascal_case,
    property_key,
    spell,
    top_level_union,
    ts_string,
    with_null,
)

BODY_TYPES = {
    "application/x-www-form-urlencoded": "form",
    "multipart/form-data": "multipart",
    "text/plain": "text",
    "application/octet-stream": "raw",
}
RAW_BODY = "Blob | ArrayBuffer | Uint8Array | string"
_NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$.]*")


@dataclass(frozen=True)
class MethodView:
    lines: tuple[str, ...]
    """The method, TSDoc to closing brace, as prettier prints it (indented for a class body)."""


@dataclass(frozen=True)
class ResourceView:
    path: str
    module: str
    class_name: str
    imports: tuple[str, ...]
    children: tuple[tuple[str, str, str], ...]
    """Each sub-resource: the attribute, its class, its module."""
    construct: tuple[str, ...]
    """The constructor's lines that make the sub-resources."""
    params: tuple[tuple[str, ...], ...]
    """The params interfaces of the methods, each as its lines."""
    methods: tuple[MethodView, ...]
    description: tuple[str, ...]
    runtime: tuple[str, ...] = ()
    """The runtime types its methods return, each as its `import type` line."""


def _object(head: str, entries: list[tuple[str, str]], tail: str, indent: str) -> list[str]:
    """An object literal, always broken one entry a line (prettier keeps an object broken
    when its first key starts a line)."""
    if not entries:
        return [f"{indent}{head}{{}}{tail}"]
    inner = indent + "  "
    lines = [f"{indent}{head}{{"]
    for key, value in entries:
        lines += property_lines(key, value, inner)
    return [*lines, f"{indent}}}{tail}"]


def property_lines(key: str, value: str, indent: str) -> list[str]:
    """`key: value,`, or the value on a line of its own when that does not fit."""
    line = f"{indent}{key}: {value},"
    return [line] if len(line) <= WIDTH else [f"{indent}{key}:", f"{indent}  {value},"]


class _Method:
    def __init__(
        self,
        resource: ResourceIR,
        op: OperationIR,
        imports: Imports,
        names: dict[str, str],
        listings: Mapping[ClassType, Listing],
    ) -> None:
        self.op = op
        self.listings = listings
        """The classes that are lists that do not page, each with its array (`listings`)."""
        self.items_field = ""
        """The wire name of the array the result iterates, for a list that does not page."""
        self.names = names
        """The name each runtime type goes by in the module (`runtime_names`)."""
        self.imports = imports
        self.page_types = ("", "")
        """The item and body types of a list that pages."""
        self.stream_type = self.json_type = ""
        """The result of a method that streams (`Stream<Event>`), and of its JSON response."""
        self.response = ""
        """How the response is read (`returns`), once the method's lines are made."""
        paging = op.pagination
        self.items_path = list(paging.items_wire) if paging else None
        self.params_name = f"{resource.class_name}{pascal_case(op.name)}Params"
        self.path_params = [p for p in op.parameters if p.location == "path"]
        self.other_params = [p for p in op.parameters if p.location != "path"]
        body = op.body
        self.body_fields: list[FieldIR] = []
        self.whole_body = False
        if body is not None:
            main = body.main
            if isinstance(main, ClassIR):
                self.body_fields = list(main.fields)
            else:
                self.whole_body = True

    def param_members(self) -> list[str]:
        lines: list[str] = []
        for param in self.other_params:
            self.imports.add_all(class_types(param.type))
            head = f"{property_key(param.name)}{'' if param.required else '?'}: "
            doc = doc_comment(param.description, "  ", param.deprecated)
            lines += doc + declaration(head, with_null(param.type, False, self.imports.name), ";", "  ")
        body = self.op.body
        for field in self.body_fields:
            head = f"{property_key(field.name)}{'' if field.required else '?'}: "
            doc = doc_comment(field.description, "  ", field.deprecated)
            if body is not None and body.is_file(field):
                lines += doc + declaration(head, ["Blob"], ";", "  ")  # a file part (a File names it)
                continue
            self.imports.add_all(class_types(field.type))
            lines += doc + declaration(head, with_null(field.type, field.nullable, self.imports.name), ";", "  ")
        if self.whole_body:
            body = self.op.body
            assert body is not None
            main = body.main
            if isinstance(main, AliasIR):
                self.imports.add_all(class_types(main.type))
                parts = with_null(main.type, main.nullable, self.imports.name)
            else:
                parts = ["string"] if body.is_text else [RAW_BODY]
            lines += declaration(f"body{'' if body.required else '?'}: ", parts, ";", "  ")
        return lines

    def params_interface(self) -> tuple[str, ...]:
        members = self.param_members()
        if not members:
            return ()
        return (f"export interface {self.params_name} {{", *members, "}")

    def has_params(self) -> bool:
        return bool(self.other_params or self.body_fields or self.whole_body)

    def params_required(self) -> bool:
        """Whether the params object has a member that must be given."""
        whole_required = self.whole_body and self.op.body is not None and self.op.body.required
        return any(p.required for p in self.other_params) or any(f.required for f in self.body_fields) or whole_required

    def returns(self) -> tuple[str, str]:
        """The method's result type and how the response is read: `page`, `json`, `stream`,
        `maybe_stream` (its body's flag decides), `text`, `binary` or `none`."""
        op = self.op
        if op.stream is not None:
            self.imports.add_all(class_types(op.stream.event_type))
            self.stream_type = f"{self.names['Stream']}<{spell(op.stream.event_type, self.imports.name)}>"
            if op.response is not None and op.stream.flag and self.flag_key:
                self.imports.add_all(class_types(op.response))
                self.json_type = spell(op.response, self.imports.name)
                return f"{self.json_type} | {self.stream_type}", "maybe_stream"
            return self.stream_type, "stream"
        if op.response is not None and op.pagination is not None and self.items_path is not None:
            self.imports.add_all(class_types(op.response) | class_types(op.pagination.item_type))
            self.page_types = (spell(op.pagination.item_type, self.imports.name), spell(op.response, self.imports.name))
            return f"{self.names['PagePromise']}<{', '.join(self.page_types)}>", "page"
        if op.response is not None:
            self.imports.add_all(class_types(op.response))
            result = spell(op.response, self.imports.name)
            listing = self.listings.get(op.response) if isinstance(op.response, ClassType) else None
            if listing is None:
                return result, "json"
            # A list that does not page: its result iterates its items, as the Python model does.
            self.items_field = listing.wire_name
            self.imports.add_all(class_types(listing.item))
            return f"{result} & Iterable<{spell(listing.item, self.imports.name)}>", "json"
        if op.response_media is None:
            return "void", "none"
        return ("string", "text") if is_text_media(op.response_media) else (self.names["Response"], "binary")

    @property
    def flag_key(self) -> str:
        """The params key of the body field that asks for a stream; `""` when there is none."""
        stream = self.op.stream
        found = [f for f in self.body_fields if stream is not None and f.name == stream.flag]
        return property_key(found[0].name) if found else ""

    def arguments(self) -> list[tuple[str, list[str]]]:
        """Each argument: its name and colon, and the members of its type."""
        args = []
        for param in self.path_params:
            self.imports.add_all(class_types(param.type))
            args.append((f"{positional(param)}: ", members(param.type, self.imports.name)))
        if self.has_params():
            args.append(("params: ", [self.params_name + ("" if self.params_required() else " = {}")]))
        args.append(("options?: ", ["RequestOptions"]))
        return args

    def signature(self, returns: str, params: str = "", end: str = " {") -> list[str]:
        """`name(arguments): Returns {` (`end` `;` for an overload), `params` the params
        argument's head and type when it is not the method's own."""
        name = camel_case(self.op.name, member=True)
        args = self.arguments()
        if params:
            head, _, type_ = params.partition(": ")
            args = [a if a[0] != "params: " else (f"{head}: ", [type_]) for a in args]
        page, promise = self.response == "page", self.names["APIPromise"]
        returns = returns if page else f"{promise}<{returns}>"
        line = f"  {name}({', '.join(head + ' | '.join(parts) for head, parts in args)}): {returns}{end}"
        if len(line) <= WIDTH:
            return [line]
        lines = [f"  {name}("]
        for head, parts in args:
            whole, _, member = parts[0].partition(" & { ")
            if len(f"    {head}{parts[0]},") > WIDTH and member:  # an intersection's object breaks
                lines += [f"    {head}{whole} & {{", f"      {member[:-2]};", "    },"]
            else:
                lines += declaration(head, parts, ",", "    ")
        if len(f"  ): {returns}{end}") <= WIDTH:
            return [*lines, f"  ): {returns}{end}"]
        # A generic return type too long for its line: one type argument a line.
        if page:
            item, body = self.page_types
            return [*lines, f"  ): {self.names['PagePromise']}<", f"    {item},", f"    {body}", f"  >{end}"]
        inner = returns[len(promise) + 1 : -1]
        if self.items_field:  # `Wrapper & Iterable<Item>`: broken after the `&`, the rest indented
            left, _, right = inner.partition(" & Iterable<")
            fits = len(f"    {inner}") <= WIDTH
            broken = [f"    {inner}"] if fits else [f"    {left} &", f"      Iterable<{right}"]
            return [*lines, f"  ): {promise}<", *broken, f"  >{end}"]
        members = top_level_union(inner)
        named = [m for m in members if m not in ("null", "undefined", "void")]
        if len(named) == 1 and _NAME.fullmatch(named[0]):  # a lone name (or-null) stays hugged
            return [*lines, f"  ): {returns}{end}"]
        broken = [f"    {inner}"] if len(f"    {inner}") <= WIDTH else [f"    | {m}" for m in members]
        return [*lines, f"  ): {promise}<", *broken, f"  >{end}"]

    def overloads(self) -> list[str]:
        """A method whose body's flag asks for a stream: one signature for the stream, one
        for the JSON response, one for a flag known only when it runs."""
        key = self.flag_key
        optional = "" if self.params_required() else "?"
        return [
            *self.signature(self.stream_type, f"params: {self.params_name} & {{ {key}: true }}", ";"),
            *self.signature(self.json_type, f"params{optional}: {self.params_name} & {{ {key}?: false | null }}", ";"),
            *self.signature(f"{self.json_type} | {self.stream_type}", f"params{optional}: {self.params_name}", ";"),
        ]

    def request(self, response: str) -> list[str]:
        op = self.op
        entries: list[tuple[str, str]] = [("method", ts_string(op.http_method.upper())), ("path", ts_string(op.path))]
        lines: list[str] = []
        indent = "      "
        if self.path_params:
            values = [(property_key(p.wire_name), positional(p)) for p in self.path_params]
            lines += _object("pathParams: ", values, ",", indent)
            styled = [p for p in self.path_params if p.serialization != ("simple", False)]
            if styled:
                lines += _object("pathStyles: ", [(property_key(p.wire_name), _style(p)) for p in styled], ",", indent)
        for location, key in (("query", "query"), ("header", "headers"), ("cookie", "cookies")):
            found = [p for p in self.other_params if p.location == location]
            values = [(property_key(p.wire_name), f"params.{p.name}") for p in found]
            declared = {p.wire_name.lower() for p in found}
            if location == "header" and op.response_media is not None and "accept" not in declared:
                values.append(("Accept", ts_string(op.response_media)))  # what the response is asked as
            if values:
                lines += _object(f"{key}: ", values, ",", indent)
        default = {"query": ("form", True), "header": ("simple", False), "cookie": ("form", True)}
        styles = [p for p in self.other_params if p.serialization != default.get(p.location, p.serialization)]
        if styles:
            values = [(property_key(p.wire_name), _style(p)) for p in styles]
            lines += _object("styles: ", values, ",", indent)
        body = op.body
        if body is not None:
            if self.whole_body:
                lines.append(f"{indent}body: params.body,")
            else:
                values = [(property_key(f.wire_name), f"params.{f.name}") for f in self.body_fields]
                lines += _object("body: ", values, ",", indent)
            kind = BODY_TYPES.get(body.content_type, "json")
            if kind != "json":
                lines.append(f"{indent}bodyType: {ts_string(kind)},")
            elif body.content_type != "application/json":
                lines.append(f"{indent}contentType: {ts_string(body.content_type)},")
            if body.encoding:
                encodings = [
                    (property_key(e.wire_name), f"[{ts_string(e.style)}, {literal(e.explode)}]") for e in body.encoding
                ]
                lines += _object("encoding: ", encodings, ",", indent)
            if body.json_without_files:
                lines.append(f"{indent}jsonWithoutFiles: true,")
        if response == "page":
            lines += self.paging(indent)
        elif response == "maybe_stream":
            lines.append(f'{indent}responseType: params.{self.flag_key} ? "stream" : "json",')
        elif response != "json":
            lines.append(f"{indent}responseType: {ts_string(response)},")
        elif self.items_field:
            lines.append(f"{indent}items: {ts_string(self.items_field)},")
        if op.security is not None:
            lines += security_lines(op.security, indent)
        if op.server is not None:
            lines.append(f"{indent}server: {ts_string(op.server)},")
        head = [f"{indent}{k}: {v}," for k, v in entries]
        call = "requestPage" if response == "page" else "request"
        return [f"    return this.#client.{call}({{", *head, *lines, f"{indent}options,", "    });"]

    def paging(self, indent: str) -> list[str]:
        """The `paging` entry of a list that pages: its rule, by wire names."""
        rule = self.op.pagination
        assert rule is not None and self.items_path is not None
        entries = [("scheme", ts_string(rule.scheme))]
        entries += [
            (key, ts_string(value)) for key, value in (("param", rule.param), ("sizeParam", rule.size_param)) if value
        ]
        for key, path in (("nextField", rule.next_field), ("moreField", rule.more_field)):
            if path:
                entries.append((key, "[" + ", ".join(ts_string(p) for p in path) + "]"))
        if rule.flag:
            entries.append(("flag", ts_string(rule.flag)))
        entries.append(("items", "[" + ", ".join(ts_string(p) for p in self.items_path) + "]"))
        return _object("paging: ", entries, ",", indent)

    def lines(self) -> tuple[str, ...]:
        op = self.op
        text = "\n\n".join(t for t in (op.summary, op.description) if t and t.strip())
        returns, response = self.returns()
        self.response = response
        return (
            *doc_comment(text, "  ", op.deprecated),
            *(self.overloads() if response == "maybe_stream" else ()),
            *self.signature(returns),
            *self.request(response),
            "  }",
        )


def security_lines(alternatives: tuple[tuple[str, ...], ...], indent: str) -> list[str]:
    """`security: [["a"], ["b", "c"]],` as prettier prints it: one alternative a line when the
    whole does not fit, or when every alternative has more than one key (a matrix)."""
    items = ["[" + ", ".join(ts_string(k) for k in keys) + "]" for keys in alternatives]
    line = f"{indent}security: [{', '.join(items)}],"
    matrix = len(alternatives) > 1 and all(len(keys) > 1 for keys in alternatives)
    if len(line) <= WIDTH and not matrix:
        return [line]
    return [f"{indent}security: [", *(f"{indent}  {item}," for item in items), f"{indent}],"]


def positional(param: ParameterIR) -> str:
    """A path parameter's argument name; never the method's other two (`params`, `options`)."""
    name = camel_case(param.name)
    return name + "_" if name in ("params", "options") else name


def _style(param: ParameterIR) -> str:
    style, explode = param.serialization
    return f"[{ts_string(style)}, {literal(explode)}]"


def construction(target: str, class_name: str, argument: str, indent: str) -> list[str]:
    """`target = new Class(argument);` as prettier breaks it: the argument on its own line when
    `target = new Class(` fits, else after the `=`."""
    line = f"{indent}{target} = new {class_name}({argument});"
    if len(line) <= WIDTH:
        return [line]
    if len(f"{indent}{target} = new {class_name}(") <= WIDTH:
        return [f"{indent}{target} = new {class_name}(", f"{indent}  {argument},", f"{indent});"]
    if len(f"{indent}  new {class_name}({argument});") <= WIDTH:
        return [f"{indent}{target} =", f"{indent}  new {class_name}({argument});"]
    return [f"{indent}{target} =", f"{indent}  new {class_name}(", f"{indent}    {argument},", f"{indent}  );"]


RUNTIME_TYPES = {"APIPromise": "../response.js", "PagePromise": "../pagination.js", "Stream": "../streaming.js"}


def runtime_names(local: set[str]) -> dict[str, str]:
    """The name each runtime type goes by in a module defining `local` names: its own, else
    `Sdk<Name>` (a resource class `Stream`); the platform's `Response` as `globalThis.Response`."""
    names = {name: f"Sdk{name}" if name in local else name for name in RUNTIME_TYPES}
    return {**names, "Response": "globalThis.Response" if "Response" in local else "Response"}


def runtime_imports(responses: set[str], names: dict[str, str]) -> tuple[str, ...]:
    """The `import type` lines of the runtime types methods reading `responses` return."""
    wanted = {"APIPromise": bool(responses - {"page"}), "PagePromise": "page" in responses}
    wanted["Stream"] = bool(responses & {"stream", "maybe_stream"})
    lines = []
    for name, module in RUNTIME_TYPES.items():
        if wanted[name]:
            spelled = name if names[name] == name else f"{name} as {names[name]}"
            lines.append(f'import type {{ {spelled} }} from "{module}";')
    return tuple(lines)


@dataclass(frozen=True)
class Listing:
    """A class that is a list that does not page (`ClassIR.items_field`): its array's wire name
    and the type of one item."""

    wire_name: str
    item: TypeIR


def listings(models: Iterable[ModelIR]) -> dict[ClassType, Listing]:
    """Every class whose instances iterate an array (the IR's `items_field`), by its type."""
    found = {}
    for model in models:
        for definition in model.definitions:
            if not isinstance(definition, ClassIR) or not definition.items_field:
                continue
            field = next(f for f in definition.fields if f.name == definition.items_field)
            if isinstance(field.type, ListType):
                found[ClassType(definition.name, model.module)] = Listing(field.wire_name, field.type.item)
    return found


def resource_view(resource: ResourceIR, listed: Mapping[ClassType, Listing]) -> ResourceView:
    local = {resource.class_name} | {c.class_name for c in resource.children}
    methods = [_Method(resource, op, Imports("", set(), "../types/"), {}, listed) for op in resource.operations]
    local |= {m.params_name for m in methods}
    names = runtime_names(local)
    imports = Imports("", local, "../types/")
    params = []
    views = []
    for method in methods:
        method.imports = imports
        method.names = names
        params.append(method.params_interface())
        views.append(MethodView(method.lines()))
    children = tuple((camel_case(c.attribute, member=True), c.class_name, c.module) for c in resource.children)
    construct = tuple(line for a, c, _ in children for line in construction(f"this.{a}", c, "client", "    "))
    return ResourceView(
        path=f"src/resources/{resource.module}.ts",
        module=resource.module,
        class_name=resource.class_name,
        imports=imports.lines(),
        children=children,
        construct=construct,
        params=tuple(p for p in params if p),
        methods=tuple(views),
        runtime=runtime_imports({m.response for m in methods}, names),
        description=tuple(doc_comment(resource.description, "")),
    )
