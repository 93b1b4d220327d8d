"""The generated async client against a real HTTP server on 127.0.0.1.

Each test runs its coroutine with `asyncio.run`, so no pytest plugin is needed.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import shared_sdk
from shared_sdk import AsyncClient, AsyncPage
from shared_sdk.types import ChatCompletion, Droplet

from .fake_api import FakeAPI, Reset, Slow, Status
from .payloads import chunk


def run(test: Callable[[AsyncClient], Awaitable[Any]], api: FakeAPI, **kwargs: Any) -> Any:
    async def main() -> Any:
        async with AsyncClient(api_key="t0ken", base_url=api.url, inference_base_url=api.url, **kwargs) as client:
            return await test(client)

    return asyncio.run(main())


def test_the_readme_example_runs_async(api: FakeAPI) -> None:
    async def example(client: AsyncClient) -> tuple[list[str], Droplet | None, str]:
        names = [droplet.name async for droplet in client.droplets.list(per_page=2)]
        retrieved = (await client.droplets.retrieve(droplet_id=3164444 % 5 + 1)).droplet
        text = ""
        stream = await client.chat.completions.create(
            model="llama3.3-70b-instruct", messages=[{"role": "user", "content": "hi"}], stream=True
        )
        async for piece in stream:
            text += piece.choices[0].delta.content or ""
        return names, retrieved, text

    names, retrieved, text = run(example, api)
    assert names == [f"web-{i:02d}" for i in range(1, 6)]
    assert retrieved is not None and retrieved.id == 5
    assert text == "Hello!"


def test_awaiting_a_list_gives_the_first_page(api: FakeAPI) -> None:
    async def walk(client: AsyncClient) -> list[list[int]]:
        page = await client.droplets.list(per_page=2)
        assert isinstance(page, AsyncPage) and page.meta.total == 5
        pages = []
        async for each in page.iter_pages():
            pages.append([d.id for d in each.items])
        return pages

    assert run(walk, api) == [[1, 2], [3, 4], [5]]
    assert api.attempts("/v2/droplets") == 3


def test_async_retries_after_503_and_a_reset(api: FakeAPI) -> None:
    api.fail("/v2/droplets/1", Status(503, headers={"Retry-After": "0"}), Reset())

    async def retrieve(client: AsyncClient) -> int:
        found = (await client.droplets.retrieve(droplet_id=1)).droplet
        assert found is not None
        return found.id

    assert run(retrieve, api) == 1
    assert api.attempts("/v2/droplets/1") == 3


def test_async_timeout_and_typed_errors(api: FakeAPI) -> None:
    api.fail("/v2/actions/1", Slow(0.5), Slow(0.5))
    api.fail("/v2/regions", Status(404))

    async def calls(client: AsyncClient) -> None:
        with pytest.raises(shared_sdk.APITimeoutError):
            await client.actions.retrieve(action_id=1)
        with pytest.raises(shared_sdk.NotFoundError):
            await client.regions.list()

    run(calls, api, max_retries=1, timeout=0.1)
    assert api.attempts("/v2/actions/1") == 2 and api.attempts("/v2/regions") == 1


def test_async_non_streamed_completion_and_raw_response(api: FakeAPI) -> None:
    async def calls(client: AsyncClient) -> tuple[ChatCompletion, int]:
        completion = await client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
        raw = await client.droplets.with_raw_response.list(per_page=5)
        page = raw.parse()
        return completion, len(page.items) + raw.status_code

    completion, total = run(calls, api)
    assert completion.choices[0].message.content == "Hello!"
    assert total == 5 + 200


def test_async_stream_cut_mid_event(api: FakeAPI) -> None:
    api.stream_script = [f"data: {json.dumps(chunk('one'))}\n\n".encode(), b"data: {"]
    api.stream_cut = True

    async def read(client: AsyncClient) -> list[str | None]:
        received = []
        stream = await client.chat.completions.create(model="m", messages=[], stream=True)
        with pytest.raises(shared_sdk.APIConnectionError):
            async for c in stream:
                received.append(c.choices[0].delta.content)
        return received

    assert run(read, api) == ["one"]


def test_leaving_an_async_stream_early_closes_the_connection(api: FakeAPI) -> None:
    api.endless_stream = True

    async def read(client: AsyncClient) -> None:
        stream = await client.chat.completions.create(model="m", messages=[], stream=True)
        async with stream:
            async for _ in stream:
                break

    run(read, api)
    assert api.stream_closed.wait(timeout=5)
