"""A typed usage example: `mypy --strict` checks it (tests/client/test_runtime_units.py).

It pins the types users see: overloads pick `Stream` only for `stream=True`, pages yield
models, TypedDict params reject unknown keys.
"""

from __future__ import annotations

from typing import assert_type

import shared_sdk
from shared_sdk import NOT_GIVEN, APIResponse, AsyncPaginator, AsyncStream, Stream, SyncPage
from shared_sdk.types import (
    ChatCompletion,
    ChatCompletionChunk,
    Droplet,
    DropletRetrieveResponse,
    FirewallRuleTargetParam,
)


def sync_usage(client: shared_sdk.Client) -> None:
    page = client.droplets.list(per_page=50)
    assert_type(page, SyncPage[Droplet])
    for droplet in page:
        assert_type(droplet, Droplet)
        print(droplet.name, droplet.region.slug)
    assert_type(client.droplets.retrieve(droplet_id=3164444), DropletRetrieveResponse)
    stream = client.chat.completions.create(
        model="llama3.3-70b-instruct", messages=[{"role": "user", "content": "hi"}], stream=True
    )
    assert_type(stream, Stream[ChatCompletionChunk])
    with stream:
        for chunk in stream:
            print(chunk.choices[0].delta.content or "", end="")
    completion = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    assert_type(completion, ChatCompletion)
    sources: FirewallRuleTargetParam = {"addresses": ["0.0.0.0/0"], "tags": None}
    client.firewalls.create(
        name="fw", inbound_rules=[{"protocol": "tcp", "ports": "22", "sources": sources}], tags=NOT_GIVEN
    )
    raw = client.droplets.with_raw_response.retrieve(droplet_id=1)
    assert_type(raw, APIResponse[DropletRetrieveResponse])
    assert_type(client.droplets.delete(droplet_id=1), None)


async def async_usage(client: shared_sdk.AsyncClient) -> None:
    paginator = client.droplets.list()
    assert_type(paginator, AsyncPaginator[Droplet])
    async for droplet in paginator:
        assert_type(droplet, Droplet)
    stream = await client.chat.completions.create(model="m", messages=[], stream=True)
    assert_type(stream, AsyncStream[ChatCompletionChunk])
    async with stream:
        async for chunk in stream:
            print(chunk.id)
    assert_type((await client.droplets.retrieve(droplet_id=1)).droplet, Droplet | None)
