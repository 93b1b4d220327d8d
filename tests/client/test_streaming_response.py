"""`with_streaming_response` on every method (JSON, a page, server-sent events), as the
commercial SDKs offer it, against a real server on 127.0.0.1: the body is unread when the
`with` block starts, `parse()` gives what the method returns, and the block closes it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from shared_sdk import AsyncClient, Client, StreamedAPIResponse
from shared_sdk.types import DropletRetrieveResponse

from .fake_api import FakeAPI


def client_for(api: FakeAPI) -> Client:
    return Client(api_key="t", base_url=api.url, inference_base_url=api.url)


def test_a_json_method_streams_its_body_and_parses_on_request(api: FakeAPI, tmp_path: Path) -> None:
    client = client_for(api)
    with client.droplets.with_streaming_response.retrieve(2) as response:
        assert isinstance(response, StreamedAPIResponse)
        assert not response.http_response.is_stream_consumed
        assert response.status_code == 200 and response.request_id == "req-fake-1"
        parsed = response.parse()
        assert isinstance(parsed, DropletRetrieveResponse) and parsed.droplet.id == 2
    assert response.http_response.is_closed
    with client.droplets.with_streaming_response.retrieve(droplet_id=3) as response:
        lines = list(response.iter_lines())
    assert json.loads("".join(lines))["droplet"]["id"] == 3
    with client.droplets.with_streaming_response.retrieve(4) as response:
        response.stream_to_file(tmp_path / "droplet.json")
    assert json.loads((tmp_path / "droplet.json").read_text())["droplet"]["id"] == 4


def test_a_page_method_streams_too(api: FakeAPI) -> None:
    with client_for(api).regions.with_streaming_response.list() as response:
        assert [r.slug for r in response.parse()] == ["nyc1", "ams3"]


def test_an_event_stream_is_parsed_as_events_without_reading_it_first(api: FakeAPI) -> None:
    client = client_for(api)
    with client.chat.completions.with_streaming_response.create(
        model="m", messages=[{"role": "user", "content": "hi"}], stream=True
    ) as response:
        assert response.headers["content-type"] == "text/event-stream"
        text = "".join(chunk.choices[0].delta.content or "" for chunk in response.parse())
    assert text == "Hello!"
    assert api.requests[-1].headers["Accept"] == "text/event-stream"
    with client.chat.completions.with_streaming_response.create(
        model="m", messages=[{"role": "user", "content": "hi"}], stream=True
    ) as response:
        raw = "".join(response.iter_text())
    assert raw.count("data: ") == 4 and raw.rstrip().endswith("[DONE]")


def test_nothing_is_sent_until_the_block_starts(api: FakeAPI) -> None:
    manager = client_for(api).droplets.with_streaming_response.retrieve(1)
    assert api.requests == []
    with manager as response:
        assert response.json()["droplet"]["id"] == 1
    assert len(api.requests) == 1


def test_the_async_client_streams_every_method(api: FakeAPI) -> None:
    async def main() -> tuple[int, str, int]:
        async with AsyncClient(api_key="t", base_url=api.url, inference_base_url=api.url) as client:
            async with client.droplets.with_streaming_response.retrieve(5) as response:
                assert not response.http_response.is_stream_consumed
                droplet = (await response.parse()).droplet.id
            async with client.chat.completions.with_streaming_response.create(
                model="m", messages=[{"role": "user", "content": "hi"}], stream=True
            ) as response:
                stream = await response.parse()
                text = "".join([c.choices[0].delta.content or "" async for c in stream])
            async with await client.regions.with_streaming_response.list() as response:
                count = len((await response.json())["regions"])
            return droplet, text, count

    assert asyncio.run(main()) == (5, "Hello!", 2)
