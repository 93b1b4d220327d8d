"""The client's promises under faults and load (`_reliability.py` of the generated package):
idempotency keys across retries and which failures are retried for a POST; a numeric timeout
bounds a whole attempt against a slowloris; redirect loops and corrupt gzip are `SDKError`s;
thousands of concurrent async calls all succeed (`make stress`: 10,000).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import shared_sdk
from shared_sdk import AsyncClient, Client, _reliability

from ..runs import trials
from .fake_api import FakeAPI, Reset, Status
from .hostile_servers import RawServer, corrupt_gzip, redirect_loop, trickle

DROPLET = {"name": "web-1", "size": "s-1vcpu-1gb", "image": "ubuntu-24-04-x64"}


def client_for(url: str, **kwargs: Any) -> Client:
    return Client(api_key="t0ken", base_url=url, inference_base_url=url, **kwargs)


def keys(api: FakeAPI, path: str) -> list[str | None]:
    return [r.headers.get("Idempotency-Key") for r in api.requests if r.path == path]


# -- idempotency ------------------------------------------------------------------------------------


def test_a_post_carries_one_idempotency_key_on_every_retry(api: FakeAPI) -> None:
    api.fail("/v2/droplets", Status(503), Reset())
    created = client_for(api.url, max_retries=2).droplets.create(**DROPLET)
    assert created.droplet.name == "web-1"
    sent = keys(api, "/v2/droplets")
    assert len(sent) == 3 and len(set(sent)) == 1
    assert sent[0] is not None and uuid.UUID(sent[0]).version == 4


def test_each_call_gets_its_own_key_and_a_get_none(api: FakeAPI) -> None:
    client = client_for(api.url)
    client.droplets.create(**DROPLET)
    client.droplets.create(**DROPLET)
    client.droplets.retrieve(droplet_id=1)
    first, second = keys(api, "/v2/droplets")
    assert first != second
    assert keys(api, "/v2/droplets/1") == [None]


def test_a_key_given_by_the_caller_is_kept(api: FakeAPI) -> None:
    client_for(api.url).droplets.create(**DROPLET, extra_headers={"idempotency-key": "mine"})
    assert [r.headers.get("idempotency-key") for r in api.requests] == ["mine"]


def test_async_retries_keep_the_key(api: FakeAPI) -> None:
    api.fail("/v2/droplets", Status(500))

    async def main() -> None:
        async with AsyncClient(api_key="t", base_url=api.url, inference_base_url=api.url) as client:
            await client.droplets.create(**DROPLET)

    asyncio.run(main())
    sent = keys(api, "/v2/droplets")
    assert len(sent) == 2 and sent[0] == sent[1] is not None


@pytest.fixture
def without_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """The package as generated from a spec with `x-sdk-idempotency-header: false`."""
    monkeypatch.setattr(_reliability, "IDEMPOTENCY_HEADER", "")


@pytest.mark.usefixtures("without_keys")
def test_without_a_key_a_post_that_may_have_reached_the_server_is_not_retried(api: FakeAPI) -> None:
    api.fail("/v2/droplets", Reset())
    with pytest.raises(shared_sdk.APIConnectionError):
        client_for(api.url, max_retries=2).droplets.create(**DROPLET)
    assert api.attempts("/v2/droplets") == 1
    api.fail("/v2/droplets", Status(500))
    with pytest.raises(shared_sdk.InternalServerError):
        client_for(api.url, max_retries=2).droplets.create(**DROPLET)
    assert api.attempts("/v2/droplets") == 2
    assert keys(api, "/v2/droplets") == [None, None]


@pytest.mark.usefixtures("without_keys")
def test_without_a_key_a_post_is_retried_when_the_server_did_not_act(api: FakeAPI) -> None:
    api.fail("/v2/droplets", Status(429, headers={"Retry-After": "0"}))
    assert client_for(api.url).droplets.create(**DROPLET).droplet.name == "web-1"
    assert api.attempts("/v2/droplets") == 2
    request = httpx.Request("POST", "http://127.0.0.1/")
    assert _reliability.may_retry(request, reached_server=False)  # refused: never sent


# -- the attempt deadline ---------------------------------------------------------------------------


@pytest.fixture
def slow_body() -> Iterator[RawServer]:
    server = RawServer(trickle(0.05, body_bytes=200, in_headers=False))  # 10 s, a byte every 50 ms
    yield server
    server.close()


@pytest.fixture
def slow_headers() -> Iterator[RawServer]:
    server = RawServer(trickle(0.05, body_bytes=10, in_headers=True))
    yield server
    server.close()


def test_a_numeric_timeout_bounds_the_whole_attempt_against_a_trickled_body(slow_body: RawServer) -> None:
    with pytest.raises(shared_sdk.APITimeoutError):
        client_for(slow_body.url, max_retries=0, timeout=0.5).actions.retrieve(action_id=1)


def test_a_numeric_timeout_bounds_trickled_headers_too(slow_headers: RawServer) -> None:
    with pytest.raises(shared_sdk.APITimeoutError):
        client_for(slow_headers.url, max_retries=0, timeout=0.5).actions.retrieve(action_id=1)


def test_async_a_numeric_timeout_bounds_the_whole_attempt(slow_body: RawServer) -> None:
    async def main() -> None:
        async with AsyncClient(api_key="t", base_url=slow_body.url, max_retries=0, timeout=0.5) as client:
            await client.actions.retrieve(action_id=1)

    with pytest.raises(shared_sdk.APITimeoutError):
        asyncio.run(main())


def test_an_httpx_timeout_keeps_its_per_read_meaning(slow_headers: RawServer) -> None:
    """Each byte arrives within the read timeout, so the fine-grained form lets the whole
    trickle through (a few seconds; the body is `{ }`, a response with no action)."""
    client = client_for(slow_headers.url, max_retries=0, timeout=httpx.Timeout(0.5))
    assert client.actions.retrieve(action_id=1).action is None


# -- every error is an SDKError ---------------------------------------------------------------------


@pytest.fixture
def looping() -> Iterator[RawServer]:
    server = RawServer(redirect_loop)
    yield server
    server.close()


@pytest.fixture
def gzipped_garbage() -> Iterator[RawServer]:
    server = RawServer(corrupt_gzip)
    yield server
    server.close()


def test_a_redirect_loop_is_an_sdk_error(looping: RawServer) -> None:
    with pytest.raises(shared_sdk.SDKError, match="redirect") as caught:
        client_for(looping.url).actions.retrieve(action_id=1)
    assert isinstance(caught.value.__cause__, httpx.TooManyRedirects)


def test_a_corrupt_gzip_body_is_an_sdk_error(gzipped_garbage: RawServer) -> None:
    with pytest.raises(shared_sdk.SDKError, match="could not be decoded") as caught:
        client_for(gzipped_garbage.url).actions.retrieve(action_id=1)
    assert isinstance(caught.value.__cause__, httpx.DecodingError)


def test_async_redirect_loops_and_corrupt_gzip_are_sdk_errors(looping: RawServer, gzipped_garbage: RawServer) -> None:
    async def call(url: str) -> None:
        async with AsyncClient(api_key="t", base_url=url) as client:
            await client.actions.retrieve(action_id=1)

    for url in (looping.url, gzipped_garbage.url):
        with pytest.raises(shared_sdk.SDKError):
            asyncio.run(call(url))


# -- concurrency ---------------------------------------------------------------------------------------


def test_thousands_of_concurrent_async_calls_all_succeed(api: FakeAPI) -> None:
    count = trials(1_000, 10_000)

    async def main() -> list[int]:
        async with AsyncClient(api_key="t", base_url=api.url, max_retries=0) as client:
            found = await asyncio.gather(*(client.actions.retrieve(action_id=n) for n in range(1, count + 1)))
        return [a.action.id for a in found if a.action is not None]

    assert asyncio.run(main()) == list(range(1, count + 1))
    assert api.attempts("/v2/actions/1") == 1 and len(api.requests) == count


def test_the_in_flight_limit_is_kept(api: FakeAPI) -> None:
    """No more than `max_in_flight` requests reach the server at once."""
    in_flight = 0
    most = 0

    class Counting(httpx.AsyncBaseTransport):
        def __init__(self) -> None:
            self.inner = httpx.AsyncHTTPTransport()

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            nonlocal in_flight, most
            in_flight += 1
            most = max(most, in_flight)
            try:
                response = await self.inner.handle_async_request(request)
                await response.aread()
                return response
            finally:
                in_flight -= 1

    async def main() -> None:
        http = httpx.AsyncClient(transport=Counting())
        async with AsyncClient(api_key="t", base_url=api.url, http_client=http, max_in_flight=7) as client:
            await asyncio.gather(*(client.actions.retrieve(action_id=n) for n in range(1, 101)))

    asyncio.run(main())
    assert len(api.requests) == 100 and 1 < most <= 7
