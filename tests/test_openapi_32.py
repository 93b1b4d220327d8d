"""OpenAPI 3.2 (golden case `openapi_32`): the QUERY method and `additionalOperations`,
`in: querystring`, `itemSchema` streams (JSON Lines, server-sent events) and `$self`.

The generated client runs against an `httpx.MockTransport`: no network."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from sdkgen.pipeline import build

from .conftest import GOLDEN

PACKAGE = "openapi_32_sdk"
EVENTS = [{"id": 1, "name": "created"}, {"id": 2, "name": "deleted"}]


@pytest.fixture()
def sdk() -> Iterator[ModuleType]:
    root = GOLDEN / "openapi_32" / "expected" / "python"
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def client_answering(sdk: ModuleType, seen: list[httpx.Request], content_type: str, body: bytes) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"content-type": content_type}, content=body)

    return sdk.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def test_querystring_properties_are_query_arguments_and_json_lines_stream(sdk: ModuleType) -> None:
    seen: list[httpx.Request] = []
    # Each value on its own line; a JSON text sequence's record separator and a last line
    # without its line end are both read.
    lines = b"\x1e" + json.dumps(EVENTS[0]).encode() + b"\n\n" + json.dumps(EVENTS[1]).encode()
    client = client_answering(sdk, seen, "application/jsonl; charset=utf-8", lines)
    with client.events.list(status="open", include_archived=True) as stream:
        events = list(stream)
    assert [(e.id, e.name) for e in events] == [(1, "created"), (2, "deleted")]
    assert type(events[0]).__name__ == "Event"
    assert seen[0].method == "GET"
    assert dict(seen[0].url.params) == {"status": "open", "include_archived": "true"}


def test_server_sent_events_carry_the_item_schemas_data(sdk: ModuleType) -> None:
    seen: list[httpx.Request] = []
    body = "".join(f"event: change\ndata: {json.dumps(e)}\n\n" for e in EVENTS).encode()
    client = client_answering(sdk, seen, "text/event-stream", body)
    with client.events.feed.retrieve() as stream:
        assert [e.id for e in stream] == [1, 2]


def test_query_and_additional_methods_are_sent_as_themselves(sdk: ModuleType) -> None:
    seen: list[httpx.Request] = []
    client = client_answering(sdk, seen, "application/json", json.dumps({"results": EVENTS}).encode())
    found = client.events.query(text="dele")
    assert [e.name for e in found.results] == ["created", "deleted"]
    assert seen[-1].method == "QUERY" and json.loads(seen[-1].content) == {"text": "dele"}
    client.events.purge()
    assert seen[-1].method == "PURGE" and seen[-1].url.path == "/events"


def test_an_additional_operation_may_not_redefine_a_fixed_method(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        """openapi: 3.2.0
info: {title: T, version: "1"}
paths:
  /things:
    additionalOperations:
      GET:
        responses: {"204": {description: none}}
      LINK:
        responses: {"204": {description: linked}}
""",
        encoding="utf-8",
    )
    api, warnings = build(spec, "t_sdk")
    assert [op.http_method for op in api.operations] == ["link"]
    assert [(w.message, w.location.pointer) for w in warnings] == [
        (
            "additional operation 'GET' is not an HTTP method name, or is a fixed one; left out",
            "/paths/~1things/additionalOperations/GET",
        )
    ]
