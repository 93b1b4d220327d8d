"""IR: what an operation sends and returns: request bodies, success and error responses.

`PayloadReader` is the part of `OperationsBuilder` (`build_operations.py`) that reads
media types and their schemas: JSON, multipart and raw bodies; JSON, event-stream and
other responses; and the types of parameters, which are built outside any model.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Location
from ..load.loader import Ref
from .build_models import ModelBuilder
from .model import (
    FORM,
    MULTIPART,
    RAW_BODY,
    TEXT_BODY,
    BodyIR,
    ClassIR,
    ClassType,
    ConstrainedType,
    DictType,
    EncodingIR,
    FieldIR,
    ModelIR,
    PrimitiveType,
    TypeIR,
    is_text_media,
)
from .name_hint import NameHint
from .naming import RESERVED_ARGUMENTS, argument_name
from .resolve import NamedSchema

if TYPE_CHECKING:
    from .context import SchemaContext

SUCCESS_STATUSES = ("200", "201", "202", "203", "2XX", "2xx", "204")
JSON_TYPES = ("application/json",)


def body_arguments(fields: tuple[FieldIR, ...]) -> tuple[FieldIR, ...]:
    """The fields a caller sends (not `readOnly`), named by the snake_case of their wire
    names; a name taken by another field or a reserved argument takes a `_`."""
    taken = set(RESERVED_ARGUMENTS)
    result = []
    for field in fields:
        if field.read_only:
            continue
        name = field.name if field.chosen_name else argument_name(field.wire_name)
        while name in taken:
            name += "_"
        taken.add(name)
        result.append(field if name == field.name else replace(field, name=name))
    return tuple(result)


def is_json_media(media_type: str) -> bool:
    """`application/json` and the JSON types (`application/merge-patch+json`, `application/vnd.api+json`)."""
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or (base.startswith("application/") and base.endswith("+json"))


def choose_body_media(content: dict[str, Any]) -> tuple[str, str, bool] | None:
    """Which of a body's media types the client sends: `(key, media type, JSON when no file
    is given)`, or None when it can send none.

    By preference JSON, form-urlencoded, multipart, plain text, raw bytes. An operation that
    takes JSON or multipart (Discord's messages) gets the multipart arguments, files
    included, and sends JSON when no file is given.
    """
    by_type: dict[str, str] = {}
    for key, media in content.items():
        base = str(key).split(";")[0].strip().lower()
        kind = "json" if is_json_media(base) else base
        has_schema = isinstance(media, dict) and "schema" in media
        if kind in ("json", FORM, MULTIPART) and not has_schema:
            continue
        if kind in ("json", FORM, MULTIPART, TEXT_BODY, RAW_BODY) and isinstance(media, dict):
            by_type.setdefault(kind, str(key))
    if "json" in by_type and MULTIPART in by_type:
        return by_type[MULTIPART], MULTIPART, True
    for kind in ("json", FORM, MULTIPART, TEXT_BODY, RAW_BODY):
        if kind in by_type:
            key = by_type[kind]
            return key, key.split(";")[0].strip() if kind == "json" else kind, False
    return None


SSE_TYPE = "text/event-stream"
JSON_SEQUENCE_TYPES = ("application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/json-seq")
"""One JSON value per line: streamed like server-sent events when described by `itemSchema`."""


class PayloadReader:
    """Request bodies, responses and parameter types of operations."""

    def __init__(self, api: SchemaContext) -> None:
        self.api = api
        self.body_models: list[ModelIR] = []
        """Request bodies, built as models in the `params` namespace."""
        self.responses_required = False
        self.named_errors: dict[tuple[str | int, Path], Any] = {}
        """The error responses `name_error_schemas` read: by their `$ref`, or else by identity
        (each kept, so that its id is not reused)."""
        """Whether an operation without `responses` is warned about (OpenAPI 3.0)."""

    @property
    def diagnostics(self) -> Any:
        return self.api.diagnostics

    def name_referenced(self, schema: Any, location: Location) -> None:
        """A bare `$ref` to a schema makes it a model, wherever it is used, as a
        `components.schemas` entry is: the same API split over files or bundled into one has
        the same types (a body builds its own params model beside it)."""
        if isinstance(schema, dict) and set(schema) == {"$ref"}:
            ref = self.api.resolver.ref_of(schema, location)
            target, _ = self.api.resolver.follow(schema, location)
            if self.api.deserves_class(ref, target):
                self.api.resolver.named(ref)

    def standalone_type(self, schema: Any, location: Location) -> tuple[TypeIR, bool, bool]:
        """A schema's type outside any model, and whether it needed classes of its own
        (which only a model can hold)."""

        scratch = ModelBuilder(
            self.api, NamedSchema("Standalone", "standalone", Ref(location.file, location.pointer), {})
        )
        type_, nullable = scratch.type_of(schema, location, NameHint("Standalone", False, ""))
        return type_, nullable, bool(scratch.definitions)

    def scalar_type(self, schema: Any, location: Location, allow_objects: bool = False) -> tuple[TypeIR, bool]:
        """The type of a parameter: primitives, enums, arrays of them, and (where a style can
        send one) objects as plain dicts; elsewhere an object is sent as given and warned about."""
        type_, nullable, needs_classes = self.standalone_type(schema, location)
        if needs_classes or isinstance(type_, ClassType):
            # A `$ref` (or an `allOf` of one) to a string, enum or number schema names an
            # alias: the parameter takes the aliased type itself, written out.
            target, target_location = self.api.value_schema(schema, location)
            if target is not schema:
                type_, target_nullable, needs_classes = self.standalone_type(target, target_location)
                nullable = nullable or target_nullable
        if isinstance(type_, ConstrainedType):
            type_ = type_.base  # the server validates its own parameters
        if needs_classes or isinstance(type_, ClassType):
            if allow_objects:
                return DictType(PrimitiveType("object")), nullable
            self.api.warn("an object-valued parameter is passed as a plain dict", location)
            return PrimitiveType("object"), nullable
        return type_, nullable

    # -- responses --------------------------------------------------------------------------

    def success_response(self, op: dict[str, Any], location: Location) -> tuple[str | None, Any]:
        responses = op.get("responses")
        if not isinstance(responses, dict):
            if responses is not None:
                self.api.warn("responses must be a mapping; ignored", location)
            elif self.responses_required:
                self.api.warn(
                    "an operation without responses (OpenAPI 3.0 requires them); it returns nothing", location
                )
            return None, None
        for status in SUCCESS_STATUSES:
            for key in (status, int(status) if status.isdigit() else status):
                if key in responses:
                    response, response_location = self.api.resolver.follow(
                        responses[key], location.child("responses", str(key))
                    )
                    return status, (response, response_location)
        return None, None

    def name_error_schemas(self, op: dict[str, Any], location: Location) -> None:
        """Named schemas of error responses are models too (`Error`), as they would be as
        `components.schemas` entries: `APIStatusError.body` can be parsed into them."""
        responses = op.get("responses")
        if not isinstance(responses, dict):
            return
        for key, value in responses.items():
            if str(key) in SUCCESS_STATUSES or str(key).startswith(("1", "2", "3")):
                continue
            # A shared response (`$ref` to `components.responses`) named its model before.
            ref = value.get("$ref") if isinstance(value, dict) and len(value) == 1 else None
            done = (ref if isinstance(ref, str) else id(value), location.file)
            if done in self.named_errors:
                continue
            response = self.api.resolver.follow(value, location.child("responses", str(key)))
            json_schema, _ = self.response_schemas(response)
            if json_schema is not None:
                self.name_referenced(*json_schema)
            self.named_errors[done] = value

    @staticmethod
    def other_media(response: Any) -> str | None:
        """The first media type of a success response that is neither JSON nor a stream of items."""
        if response is None:
            return None
        body, _ = response
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict):
            return None
        for media_type, media in content.items():
            base = str(media_type).split(";")[0].strip()
            if base in JSON_SEQUENCE_TYPES and isinstance(media, dict) and "itemSchema" in media:
                continue  # a stream of JSON items (OpenAPI 3.2), not a download
            if base not in JSON_TYPES and not base.endswith("+json") and base != SSE_TYPE:
                return str(media_type)
        return None

    def download_media(self, response: Any) -> str | None:
        """The media type to ask for when a success response is a download even beside JSON:
        a binary type (not JSON, text, XML, YAML or events: `application/octet-stream`,
        `audio/mpeg`, JSON Lines without an `itemSchema` ...), JSON whose schema is a
        `format: binary` string, or content of which no media type has a schema (returned
        as it comes rather than dropped)."""
        if response is None:
            return None
        body, location = response
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict) or not content:
            return None
        described = False
        for media_type, media in content.items():
            base = str(media_type).split(";")[0].strip().lower()
            if isinstance(media, dict) and "itemSchema" in media:
                return None  # a stream of items (OpenAPI 3.2)
            has_schema = isinstance(media, dict) and "schema" in media
            described = described or has_schema
            if base in JSON_TYPES or base.endswith("+json"):
                where = location.child("content", str(media_type), "schema")
                schema = self.api.resolver.follow(media["schema"], where)[0] if has_schema else None
                if isinstance(schema, dict) and schema.get("format") == "binary":
                    return str(media_type)
            elif base != SSE_TYPE and base != "*/*" and not is_text_media(base):
                return str(media_type)
        return None if described else str(next(iter(content)))

    def response_schemas(self, response: Any) -> tuple[tuple[Any, Location] | None, tuple[Any, Location] | None]:
        if response is None:
            return None, None
        body, location = response
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict):
            return None, None
        json_schema = sse_schema = None
        for media_type, media in content.items():
            base = str(media_type).split(";")[0].strip()
            if isinstance(media, dict) and "itemSchema" in media and sse_schema is None:
                # OpenAPI 3.2: the schema of each item of a stream.
                where = location.child("content", str(media_type), "itemSchema")
                if base in JSON_SEQUENCE_TYPES:
                    sse_schema = (media["itemSchema"], where)
                elif base == SSE_TYPE:
                    sse_schema = self.event_data_schema(media["itemSchema"], where)
                continue
            if not isinstance(media, dict) or "schema" not in media:
                continue
            where = location.child("content", str(media_type), "schema")
            if json_schema is None and (base in JSON_TYPES or base.endswith("+json")):
                json_schema = (media["schema"], where)
            elif base == SSE_TYPE and sse_schema is None:
                sse_schema = (media["schema"], where)
        return json_schema, sse_schema

    def event_data_schema(self, schema: Any, location: Location) -> tuple[Any, Location]:
        """What an event's `data` holds, from a 3.2 `itemSchema` for server-sent events (an
        object of `event`, `data`, `id`, `retry`): the `contentSchema` of `data`, else anything."""
        shape = self.api.object_shape(schema, location)
        for name, prop, prop_location in shape.properties if shape is not None else ():
            data, data_location = self.api.resolver.follow(prop, prop_location)
            if name == "data" and isinstance(data, dict) and "contentSchema" in data:
                return data["contentSchema"], data_location.child("contentSchema")
        return True, location

    def response_type(self, schema: Any, location: Location, names: list[str]) -> tuple[TypeIR | None, str | None]:
        """A response's type; inline objects, unions and arrays become models named from `names`."""
        resolver = self.api.resolver
        if isinstance(schema, dict) and set(schema) == {"$ref"}:
            type_, _, _ = self.standalone_type(schema, location)
            return type_, type_.name if isinstance(type_, ClassType) else None
        if isinstance(schema, dict) and (
            "type" in schema and schema["type"] in ("string", "integer", "number", "boolean")
        ):
            type_, _ = self.scalar_type(schema, location)
            return type_, None
        named = resolver.register_inline(Ref(location.file, location.pointer), names, schema, namespace="")
        return ClassType(named.name, named.module), named.name

    # -- request bodies ---------------------------------------------------------------------

    def read_body(self, op: dict[str, Any], location: Location, names: list[str]) -> BodyIR | None:
        if "requestBody" not in op:
            return None
        body, body_location = self.api.resolver.follow(op["requestBody"], location.child("requestBody"))
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict):
            # Nothing says what the body is: no argument can stand for it.
            self.api.warn(
                "a request body without content; the operation takes none (send one with extra_body)", body_location
            )
            return None
        chosen = choose_body_media(content)
        if chosen is None:
            self.api.warn(
                f"request body types {sorted(map(str, content))} are not supported; the operation takes none",
                body_location.child("content"),
            )
            return None
        key, content_type, also_json = chosen
        media = content[key]
        required = body.get("required") is True
        if content_type in (RAW_BODY, TEXT_BODY):
            return BodyIR(
                None, content_type, required, self.media_example(media) if content_type == TEXT_BODY else None
            )
        media_location = body_location.child("content", key)
        schema, schema_location = self.api.resolver.follow(media["schema"], media_location.child("schema"))
        self.name_referenced(media["schema"], media_location.child("schema"))
        named = self.api.resolver.reserve(names, Ref(schema_location.file, schema_location.pointer), schema, "params")
        model = ModelBuilder(self.api, named).build()
        main = model.main
        if isinstance(main, ClassIR):
            # What the server sets is not sent; arguments are the snake_case of the wire names.
            main = replace(main, fields=body_arguments(main.fields))
            model = replace(model, definitions=(*model.definitions[:-1], main))
        self.body_models.append(model)
        encoding = self.form_encoding(media, media_location) if content_type == FORM else ()
        return BodyIR(model, content_type, required, self.media_example(media), encoding, also_json)

    def form_encoding(self, media: dict[str, Any], location: Location) -> tuple[EncodingIR, ...]:
        """The form properties the `encoding` object sends other than as `form` exploded."""
        found = media.get("encoding")
        if not isinstance(found, dict):
            return ()
        result = []
        for wire, encoding in found.items():
            if not isinstance(encoding, dict):
                continue
            style = encoding.get("style", "form")
            if style not in ("form", "spaceDelimited", "pipeDelimited", "deepObject"):
                self.api.warn(
                    f"style {style!r} is not defined for form fields; 'form' is used",
                    location.child("encoding", str(wire), "style"),
                )
                style = "form"
            explode = encoding.get("explode", style == "form")
            if (style, explode) != ("form", True):
                result.append(EncodingIR(str(wire), str(style), explode is True))
        return tuple(result)

    def media_example(self, media: dict[str, Any]) -> object:
        if "example" in media:
            return media["example"]
        examples = media.get("examples")
        if isinstance(examples, dict):
            for example in examples.values():
                if isinstance(example, dict) and "value" in example:
                    return example["value"]
        return None

    def stream_flag(self, body: BodyIR | None) -> str | None:
        if body is None or not isinstance(body.main, ClassIR):
            return None
        for field in body.main.fields:
            if field.wire_name == "stream" and field.type == PrimitiveType("bool"):
                return field.name
        return None
