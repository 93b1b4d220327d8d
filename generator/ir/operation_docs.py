"""What the docs show of an operation beyond its types: its documented error statuses and
the spec's example of its success body. Read once from the operation, kept in the IR."""

from __future__ import annotations

from typing import Any

from ..errors import Location
from ..text import description_of
from .resolve import Resolver
from .schema_facts import example_of


def error_statuses(responses: Any, location: Location, resolver: Resolver) -> tuple[tuple[str, str], ...]:
    """The 4xx/5xx responses (and `default`), with their descriptions, in status order."""
    if not isinstance(responses, dict):
        return ()
    found = []
    for key in responses:
        status = str(key)
        if not (status[:1] in ("4", "5") or status == "default"):
            continue
        response, _ = resolver.follow(responses[key], location.child("responses", status))
        text = description_of(response.get("description")) if isinstance(response, dict) else None
        found.append((status, " ".join((text or "").split())))
    return tuple(sorted(found, key=lambda error: (error[0] == "default", error[0])))


def response_example(response: tuple[Any, Location] | None, resolver: Resolver) -> object:
    """The example of a success response's JSON body: the media type's `example`/`examples`,
    else its schema's; None when the spec gives none."""
    if response is None:
        return None
    body, location = response
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(content, dict):
        return None
    for media_type, media in content.items():
        base = str(media_type).split(";")[0].strip()
        if not isinstance(media, dict) or not (base == "application/json" or base.endswith("+json")):
            continue
        found = example_of(media)
        if found is None and "schema" in media:
            schema, _ = resolver.follow(media["schema"], location.child("content", str(media_type), "schema"))
            found = example_of(schema) if isinstance(schema, dict) else None
        return found
    return None


def is_scalar_example(value: object) -> bool:
    """A parameter example a Python literal spells (`repr`): a scalar, or a list of scalars."""
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, (str, int, float, bool)) for item in value)
    return isinstance(value, (str, int, float, bool))
