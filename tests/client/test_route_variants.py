"""A path key with a `#fragment` or `?query` is a variant of its route (two operations on one
route, as some specs write them): its method requests the route, the query's flag sent."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from .test_wire import forget, generate

OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}
SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "variants", "version": "1"},
    "servers": [{"url": "https://api.example.com"}],
    "paths": {
        "/v1/conversations": {"post": {"operationId": "createConversation", "responses": OK}},
        "/v1/conversations#stream": {"post": {"operationId": "createConversationStream", "responses": OK}},
        "/responses?beta=true": {
            "get": {
                "operationId": "listResponsesBeta",
                "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                "responses": OK,
            }
        },
    },
}


def test_a_variant_method_requests_its_route(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(SPEC))
    sdk = generate(spec, "variants_sdk", tmp_path / "out")
    try:
        seen: list[str] = []

        def answer(request: httpx.Request) -> httpx.Response:
            seen.append(f"{request.method} {request.url.raw_path.decode()}")
            return httpx.Response(200, json={})

        http = httpx.Client(transport=httpx.MockTransport(answer))
        client = sdk.Client(base_url="https://api.example.com", http_client=http)
        client.conversations.create()
        client.conversations.create_stream()
        client.responses.list(limit=2)
        assert seen == ["POST /v1/conversations", "POST /v1/conversations", "GET /responses?beta=true&limit=2"]
    finally:
        forget("variants_sdk", tmp_path / "out")
