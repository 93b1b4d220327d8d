"""The intermediate representation: plain frozen dataclasses, the only thing templates see.

A `TypeIR` says what a value is (a primitive, a named class, a list, a literal ...). A
`ModelIR` is one top-level schema and becomes one module: its nested inline objects are
`ClassIR`s defined above it, and named unions or scalars become `AliasIR`s.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Union

# Re-exported: every stage imports the IR's types from `model`.
from .constraints import EMPTY_CONSTRAINTS as EMPTY_CONSTRAINTS
from .constraints import Constraints as Constraints
from .paging_rule import PagingRule

JsonScalar = Union[str, int, float, bool, None]


@dataclass(frozen=True)
class PrimitiveType:
    """`str`, `int`, `float`, `bool`, `datetime`, `date`, `object` (anything) or `None`."""

    name: str


@dataclass(frozen=True)
class ClassType:
    """A reference to a generated class or alias, by name, and the model module defining it."""

    name: str
    module: str


@dataclass(frozen=True)
class ListType:
    item: TypeIR


@dataclass(frozen=True)
class DictType:
    value: TypeIR


@dataclass(frozen=True)
class LiteralType:
    values: tuple[JsonScalar, ...]


@dataclass(frozen=True)
class UnionType:
    members: tuple[TypeIR, ...]
    discriminator: str | None = None
    """For a tagged union pydantic can check: the Python name of the field every member tags
    with a Literal (set by `discriminators.py`)."""
    tag_wire: str | None = None
    """The OpenAPI `discriminator.propertyName` the spec gave, before that check."""


@dataclass(frozen=True)
class ConstrainedType:
    """A scalar with validation keywords where no field can carry them: a list's items, a
    map's values, a named scalar schema (`urn: {type: string, pattern: ...}`)."""

    base: TypeIR
    constraints: Constraints


@dataclass(frozen=True)
class TupleType:
    """A fixed-length array (`prefixItems` with `items: false`, or draft-4 `items: [...]`
    with `additionalItems: false`): one type per position."""

    items: tuple[TypeIR, ...]


@dataclass(frozen=True)
class ConstType:
    """A `const` that `Literal` cannot spell (a float, an object, an array): the value's JSON
    type, checked to equal the value."""

    base: TypeIR
    json: str
    """The value as canonical JSON text (so the type stays hashable)."""

    @property
    def value(self) -> object:
        return json.loads(self.json)


TypeIR = Union[
    PrimitiveType, ClassType, ListType, DictType, LiteralType, UnionType, ConstrainedType, TupleType, ConstType
]


@dataclass(frozen=True)
class FieldIR:
    """One property of an object schema."""

    name: str
    """The Python attribute name."""
    wire_name: str
    """The JSON property name; differs from `name` when that had to be sanitized."""
    type: TypeIR
    required: bool
    nullable: bool
    description: str | None = None
    format: str | None = None
    constraints: Constraints = field(default_factory=Constraints)
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False
    default: JsonScalar = None
    has_default: bool = False
    pointer: str = ""
    chosen_name: bool = False
    """`name` is the spec's `x-sdk-name`: a keyword argument of a body takes it too."""
    example: object = field(default=None, compare=False, hash=False)  # the spec's, for docs

    @property
    def optional(self) -> bool:
        """Whether the Python type admits None: the server may omit it or send null."""
        return self.nullable or not self.required


@dataclass(frozen=True)
class ClassIR:
    """A Pydantic model class."""

    name: str
    fields: tuple[FieldIR, ...]
    """Every field, the base class's included (request params and docs list them all)."""
    description: str | None = None
    deprecated: bool = False
    pointer: str = ""
    base: ClassType | None = None
    """The named model this one extends (`allOf: [{$ref: Pet}, {...}]`), once `inheritance.py`
    has checked that the subclass can keep the base's fields as they are."""
    inherited: frozenset[str] = frozenset()
    """Names of the fields the base declares as this class would: left out of its body."""
    items_field: str = ""
    """The field that iterating an instance walks (Python name): the one array of a list that
    an operation returns without paging (`list_wrappers.py`); `""` for any other class."""


@dataclass(frozen=True)
class AliasIR:
    """A named type that is not an object: a union, an enum, a list, a scalar."""

    name: str
    type: TypeIR
    description: str | None = None
    nullable: bool = False
    pointer: str = ""
    recursive: bool = False
    """Its value refers back to itself (`JsonValue = Union[str, List[JsonValue]]`), directly or
    through other aliases, or names a module that imports its own while it loads: written as
    a `TypeAliasType` whose value is a string, so it can name what does not exist yet (set by
    `recursive_aliases.py` and `module_graph.defer_aliases_on_import_cycles`)."""


Definition = Union[ClassIR, AliasIR]


@dataclass(frozen=True)
class ModelIR:
    """One top-level schema, rendered as one module.

    `definitions` are in dependency order: nested classes first, the model itself last.
    """

    name: str
    module: str
    definitions: tuple[Definition, ...]
    source_file: str = ""
    pointer: str = ""
    namespace: str = "shared"
    """Where the module lives under `types/`: `shared` for the spec's components, `""` for
    the response objects of operations, `params` for request bodies (rendered as TypedDicts)."""

    @property
    def main(self) -> Definition:
        return self.definitions[-1]


def classes_by_type(models: Iterable[ModelIR]) -> dict[tuple[str, str], ClassIR]:
    """Every class of every model by `(name, module)`, as a `ClassType` names it."""
    return {(d.name, m.module): d for m in models for d in m.definitions if isinstance(d, ClassIR)}


def map_definitions(models: Iterable[ModelIR], change: Callable[[ModelIR, Definition], Definition]) -> list[ModelIR]:
    """The models with every definition passed through `change`; a model it leaves as it was is kept
    (compared item by item, identity first: cheap when nothing changed)."""
    passed = [(m, tuple(change(m, d) for d in m.definitions)) for m in models]
    return [m if new == m.definitions else replace(m, definitions=new) for m, new in passed]


@dataclass(frozen=True)
class ParameterIR:
    """A path, query, header or cookie parameter, passed as a keyword-only argument."""

    name: str
    """The Python keyword argument (`date_sent_before`), always an identifier."""
    wire_name: str
    """The name sent on the wire (`DateSent<`), as the spec spells it."""
    location: str
    """`path`, `query`, `header` or `cookie`."""
    type: TypeIR
    required: bool
    description: str | None = None
    deprecated: bool = False
    default: JsonScalar = None
    has_default: bool = False
    example: str | None = None
    """A Python literal of an example value, for docs and usage snippets."""
    style: str = ""
    """How the value is serialized (OpenAPI `style`): `form`, `spaceDelimited`,
    `pipeDelimited`, `deepObject`, `simple`, `label`, `matrix`; `""` is the location's default."""
    explode: bool | None = None
    """OpenAPI `explode`; None is the style's default."""

    @property
    def serialization(self) -> tuple[str, bool]:
        """The style and explode in effect, defaults settled (form/explode for query and cookie,
        simple/no explode for path and header)."""
        style = self.style or ("form" if self.location in ("query", "cookie") else "simple")
        return style, self.explode if self.explode is not None else style == "form"


MULTIPART = "multipart/form-data"
FORM = "application/x-www-form-urlencoded"
TEXT_BODY = "text/plain"
RAW_BODY = "application/octet-stream"
FILE_FORMAT = "binary"
"""A string of this format in a multipart body is a file."""


@dataclass(frozen=True)
class EncodingIR:
    """How one property of a form-urlencoded body is serialized (OpenAPI `encoding`)."""

    wire_name: str
    style: str = "form"
    explode: bool = True


@dataclass(frozen=True)
class BodyIR:
    """A request body whose properties become keyword-only arguments.

    `model` is the body schema built like any model, in the `params` namespace: its main
    class holds the arguments, its nested classes become TypedDicts. A raw body
    (`application/octet-stream`) or a text body (`text/plain`) has no model: the method
    takes it whole as `body`.
    """

    model: ModelIR | None
    content_type: str
    """The media type sent: `application/json` or another JSON type (`application/merge-patch+json`),
    `application/x-www-form-urlencoded`, `multipart/form-data` (fields of `format: binary`
    are files), `text/plain` or `application/octet-stream`."""
    required: bool
    example: object = None
    """The spec's example request body, for docs."""
    encoding: tuple[EncodingIR, ...] = ()
    """A form body's properties that are not serialized as `form` with `explode`."""
    json_without_files: bool = False
    """A multipart body also offered as JSON: sent as JSON when no file is given."""

    @property
    def main(self) -> Definition | None:
        return self.model.main if self.model is not None else None

    @property
    def is_multipart(self) -> bool:
        return self.content_type == MULTIPART

    def is_file(self, field: FieldIR) -> bool:
        """Whether a property of this body is a file part (a `format: binary` string of multipart)."""
        return self.is_multipart and field.format == FILE_FORMAT

    @property
    def is_form(self) -> bool:
        return self.content_type == FORM

    @property
    def is_text(self) -> bool:
        return self.content_type == TEXT_BODY

    @property
    def is_raw(self) -> bool:
        return self.model is None and not self.is_text


@dataclass(frozen=True, kw_only=True)
class PaginationIR(PagingRule):
    """A list that auto-paginates: its rule, the response property that holds each page's
    items (Python name; `""`: the body is the list; `albums.items` when the page sits in a
    property of the response) and their type."""

    items_field: str
    item_type: TypeIR
    items_wire: tuple[str, ...] = ()
    """The same field by wire names (`("albums", "items")`; `()`: the body is the list), for a
    target that reads the JSON as received rather than the Python models."""


@dataclass(frozen=True)
class StreamIR:
    """Server-sent events, each `data:` a JSON value of `event_type`."""

    event_type: TypeIR
    flag: str | None
    """The body property that asks for a stream (`stream`), or None if the operation always streams."""


TEXT_MEDIA_TYPES = ("application/yaml", "application/x-yaml", "application/xml", "application/csv")


def is_text_media(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base.startswith("text/") or base in TEXT_MEDIA_TYPES or base.endswith(("+xml", "+yaml"))


@dataclass(frozen=True)
class OperationIR:
    name: str
    """The method name on its resource: `list`, `retrieve`, `create` ..."""
    operation_id: str
    http_method: str
    path: str
    server: str | None
    """The name of the server the operation is sent to when it is not the API's default."""
    parameters: tuple[ParameterIR, ...]
    body: BodyIR | None
    response: TypeIR | None
    """The parsed success response; None when it has no JSON body (204, or not JSON)."""
    response_is_json: bool = True
    response_media: str | None = None
    """A success body that is not JSON: its media type (`text/csv`, `application/pdf`);
    the method returns it as `str` when it is text, as a binary response otherwise."""
    security: tuple[tuple[str, ...], ...] | None = None
    """The operation's own `security`: alternatives, each the keys of the schemes it sends
    together (`()` sends none); None when the API's default applies."""
    pagination: PaginationIR | None = None
    stream: StreamIR | None = None
    summary: str | None = None
    description: str | None = None
    deprecated: bool = False
    pointer: str = ""
    name_source: str = "path"
    """Where the method's name came from: `path`, `operationId` or `override`."""
    errors: tuple[tuple[str, str], ...] = ()  # the documented 4xx/5xx/`default` statuses, described
    response_example: object = field(default=None, compare=False, hash=False)  # the spec's, for docs


@dataclass(frozen=True)
class ResourceIR:
    """A group of operations (`client.droplets`) and of sub-resources (`client.chat.completions`)."""

    path: tuple[str, ...]
    """Attribute names from the client down: `("registry", "garbage_collections")`."""
    class_name: str
    module: str
    operations: tuple[OperationIR, ...]
    children: tuple[ResourceIR, ...]
    description: str | None = None

    @property
    def attribute(self) -> str:
        return self.path[-1]

    def walk(self) -> tuple[ResourceIR, ...]:
        """This resource and every resource below it, parents first."""
        result: list[ResourceIR] = [self]
        for child in self.children:
            result.extend(child.walk())
        return tuple(result)


@dataclass(frozen=True)
class ServerVariableIR:
    """A `{name}` in a server URL: a client argument with the spec's default."""

    name: str
    """The Python argument name."""
    wire_name: str
    """The name inside the braces."""
    default: str
    enum: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class ServerIR:
    name: str
    """`""` for the API's default server; otherwise the constructor takes `<name>_base_url`."""
    url: str
    """The URL, variables as `{name}` (filled with their values by the client)."""
    variables: tuple[ServerVariableIR, ...] = ()


@dataclass(frozen=True)
class SecuritySchemeIR:
    """One `securitySchemes` entry the client can send."""

    key: str
    """The scheme's key in `securitySchemes`."""
    kind: str
    """`bearer` (http bearer, oauth2, openIdConnect), `basic` (http basic) or `api_key`."""
    arguments: tuple[str, ...]
    """The constructor arguments holding its credentials: `(api_key,)`, `(username, password)`."""
    env_vars: tuple[str, ...]
    """The environment variable read for each argument that is not given."""
    location: str = "header"
    """Where an `api_key` goes: `header`, `query` or `cookie`."""
    name: str = "Authorization"
    """The header, query parameter or cookie that carries it."""
    description: str | None = None


@dataclass(frozen=True)
class AuthIR:
    """The credentials the client takes, and which schemes apply by default."""

    schemes: tuple[SecuritySchemeIR, ...]
    default: tuple[tuple[str, ...], ...]
    """The document's `security`: alternatives, each the scheme keys sent together."""

    @property
    def env_var(self) -> str:
        """The first environment variable read (for docs)."""
        return self.schemes[0].env_vars[0]


@dataclass(frozen=True)
class ApiIR:
    """Everything the targets render."""

    title: str
    version: str
    description: str | None
    package: str
    models: tuple[ModelIR, ...]
    resources: tuple[ResourceIR, ...] = ()
    servers: tuple[ServerIR, ...] = ()
    auth: AuthIR | None = None
    idempotency_header: str = "Idempotency-Key"
    """Sent with a fresh key on every non-GET call (`x-sdk-idempotency-header`); empty: never."""
    env_prefix: str = ""
    """What the client's environment variables start with (`<PREFIX>_API_KEY`, `_BASE_URL`, `_LOG`)."""
    webhook_event: TypeIR | None = None
    """What the webhooks the API sends carry (3.1 `webhooks`, `x-webhooks`; see `webhooks.py`):
    the one payload type or the `WebhookEvent` union of them; None when the spec declares none."""
    docs_url: str | None = None  # `externalDocs.url`: relative links in descriptions resolve against it

    @property
    def operations(self) -> tuple[OperationIR, ...]:
        return tuple(op for top in self.resources for resource in top.walk() for op in resource.operations)


def walk(type_: TypeIR) -> Iterator[TypeIR]:
    yield type_
    if isinstance(type_, (ConstrainedType, ConstType)):
        yield from walk(type_.base)
    if isinstance(type_, ListType):
        yield from walk(type_.item)
    elif isinstance(type_, DictType):
        yield from walk(type_.value)
    elif isinstance(type_, UnionType):
        for member in type_.members:
            yield from walk(member)
    elif isinstance(type_, TupleType):
        for item in type_.items:
            yield from walk(item)


def class_types(type_: TypeIR) -> set[ClassType]:
    if isinstance(type_, (ClassType, PrimitiveType, LiteralType)):  # most types: no walk
        return {type_} if isinstance(type_, ClassType) else set()
    return {t for t in walk(type_) if isinstance(t, ClassType)}
