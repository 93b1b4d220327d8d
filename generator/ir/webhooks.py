"""IR: the webhooks an API sends (OpenAPI 3.1 `webhooks`, 3.0 `x-webhooks`): the event type.

A webhook is a path item the API calls on the user's server; the JSON body of its request is
the event. Each body's schema becomes a model as a response's does (a `$ref` is its
component; an inline schema is named `<Webhook>Event`). What `client.webhooks.unwrap`
returns is the one payload type, or a union of them named `WebhookEvent`, tagged (pydantic's
`discriminator`) by the property every payload sets to a constant of its own, where there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import Location
from ..load.loader import Ref
from .build_operations import OperationsBuilder
from .build_payloads import is_json_media
from .discriminators import Tags
from .model import AliasIR, ApiIR, ClassType, LiteralType, ModelIR, TypeIR, UnionType
from .naming import pascal_case
from .resolve import NamedSchema

SECTIONS = ("webhooks", "x-webhooks")
HELPER_NAMES = ("webhooks", "webhook_events")


@dataclass(frozen=True)
class WebhookIR:
    """One webhook: its key in the spec (`fine_tuning.job.succeeded`) and its payload's type."""

    name: str
    payload: TypeIR
    pointer: str


def read_webhooks(reader: OperationsBuilder, document: dict[str, Any]) -> list[WebhookIR]:
    """Every webhook with a JSON request body, in the spec's order (`webhooks` before `x-webhooks`)."""
    context = reader.api
    found: list[WebhookIR] = []
    for section in SECTIONS:
        items = document.get(section)
        where = Location(context.root_file, f"/{section}")
        if items is None:
            continue
        if not isinstance(items, dict):
            context.diagnostics.error(f"{section} must be a mapping", context.locate(where))
            continue
        for name, raw in items.items():
            item, item_location = context.resolver.follow(raw, where.child(str(name)))
            if not isinstance(item, dict):
                context.diagnostics.error("a webhook must be a path item (a mapping)", context.locate(item_location))
                continue
            found += _payloads(reader, str(name), item, item_location)
    return found


def _payloads(reader: OperationsBuilder, name: str, item: dict[str, Any], location: Location) -> list[WebhookIR]:
    context = reader.api
    payloads = []
    for _, raw, raw_location in reader.operations_of(item, location):
        op, op_location = context.resolver.follow(raw, raw_location)
        body, body_location = context.resolver.follow(
            op.get("requestBody") if isinstance(op, dict) else None, op_location.child("requestBody")
        )
        content = body.get("content") if isinstance(body, dict) else None
        media = next(
            (
                (key, value)
                for key, value in (content.items() if isinstance(content, dict) else ())
                if is_json_media(str(key)) and isinstance(value, dict) and "schema" in value
            ),
            None,
        )
        if media is None:
            context.warn(f"webhook {name!r} has no JSON request body: left out of the webhook event type", op_location)
            continue
        key, value = media
        schema_location = body_location.child("content", str(key), "schema")
        payload, _ = reader.response_type(value["schema"], schema_location, [pascal_case(name) + "Event"])
        if payload is not None:
            payloads.append(WebhookIR(name, payload, schema_location.pointer))
    return payloads


def event_name(reader: OperationsBuilder, webhooks: list[WebhookIR]) -> NamedSchema | None:
    """A name for the union of the payload types, when there are several (claimed before the
    named schemas are built, so no model takes it)."""
    if len({w.payload for w in webhooks}) < 2:
        return None
    root = reader.api.root_file
    return reader.api.resolver.reserve(["WebhookEvent", "UnwrapWebhookEvent"], Ref(root, "/webhooks"), None, "")


def event_type(
    webhooks: list[WebhookIR], named: NamedSchema | None, models: list[ModelIR]
) -> tuple[TypeIR | None, ModelIR | None]:
    """What `unwrap` returns, and the model of the union when there are several payload types."""
    members = tuple(dict.fromkeys(w.payload for w in webhooks))
    if not members:
        return None, None
    if named is None:
        return members[0], None
    union = UnionType(members, tag_wire=_tag(members, models))
    names = ", ".join(f"`{name}`" for name in dict.fromkeys(w.name for w in webhooks))
    description = f"An event of one of the webhooks the API sends: {names}."
    alias = AliasIR(named.name, union, description, pointer=named.ref.pointer)
    model = ModelIR(named.name, named.module, (alias,), str(named.ref.file), named.ref.pointer, namespace="")
    return ClassType(named.name, named.module), model


def _tag(members: tuple[TypeIR, ...], models: list[ModelIR]) -> str | None:
    """The property every payload class sets to a constant of its own (`type: "batch.completed"`)."""
    first = members[0]
    if not isinstance(first, ClassType):
        return None
    tags = Tags(models)
    cls = tags.classes.get((first.name, first.module))
    for field in cls.fields if cls is not None else ():
        tagged = tags.union(UnionType(members, tag_wire=field.wire_name))
        if isinstance(field.type, LiteralType) and tagged.discriminator:
            return field.wire_name
    return None


def helper_attribute(api: ApiIR) -> str:
    """The client's attribute that checks and reads webhooks, in every target: `webhooks`
    unless a resource of the API already has that name (GitHub's and Stripe's `/webhooks`
    endpoints), then `webhook_events`, and so on with a `_` until the name is free, so that
    no endpoint is hidden by it."""
    taken = {resource.attribute for resource in api.resources}
    attribute = next((name for name in HELPER_NAMES if name not in taken), HELPER_NAMES[-1])
    while attribute in taken:
        attribute += "_"
    return attribute


def secret_env_var(api: ApiIR) -> str:
    """Where a client reads the webhook signing secret when none is given."""
    return f"{api.env_prefix}_WEBHOOK_SECRET"
