"""What users of the commercial SDKs reach for, against a real HTTP server on 127.0.0.1:
the server's error envelopes read into `.message/.code/.param/.type`, `_request_id` on
returned objects, logging through `logging` without credentials, and `client.get/post/...`
for endpoints the SDK does not describe."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import textwrap
from typing import Any

import httpx
import pytest
import shared_sdk
from shared_sdk import AsyncClient, Client
from shared_sdk.types import RegionListResponse

from ..conftest import ROOT
from .fake_api import FakeAPI, Status


def client_for(api: FakeAPI, **kwargs: Any) -> Client:
    return Client(api_key="t0ken", base_url=api.url, inference_base_url=api.url, max_retries=0, **kwargs)


# -- error envelopes -------------------------------------------------------------------------

OPENAI_ERROR = {
    "error": {
        "message": "The model `gpt-9` does not exist",
        "type": "invalid_request_error",
        "param": "model",
        "code": "model_not_found",
    }
}


@pytest.mark.parametrize(
    ("body", "message", "code", "param", "type_"),
    [
        (OPENAI_ERROR, "The model `gpt-9` does not exist", "model_not_found", "model", "invalid_request_error"),
        (
            {"message": "Validation Failed", "errors": [{"resource": "Issue", "field": "title", "code": "missing"}]},
            "Validation Failed",
            "missing",
            "title",
            None,
        ),
        ({"errors": [{"message": "name is taken", "code": 1042}]}, "name is taken", "1042", None, None),
        (
            {
                "type": "https://example.com/probs/out-of-credit",
                "title": "You do not have enough credit.",
                "detail": "Your current balance is 30, but that costs 50.",
                "status": 403,
            },
            "You do not have enough credit.: Your current balance is 30, but that costs 50.",
            None,
            None,
            "https://example.com/probs/out-of-credit",
        ),
        ({"title": "Unprocessable", "status": 422}, "Unprocessable", None, None, None),
        (
            {"error": "invalid_grant", "error_description": "The code has expired"},
            "The code has expired",
            "invalid_grant",
            None,
            None,
        ),
        (
            {"id": "not_found", "message": "The resource was not found.", "request_id": "r-1"},
            "The resource was not found.",
            None,
            None,
            None,
        ),
    ],
)
def test_the_servers_error_envelope_is_read(
    api: FakeAPI, body: dict[str, Any], message: str, code: str | None, param: str | None, type_: str | None
) -> None:
    api.fail("/v2/regions", Status(422, body=body))
    with pytest.raises(shared_sdk.UnprocessableEntityError) as caught:
        client_for(api).regions.list()
    error = caught.value
    assert (error.code, error.param, error.type) == (code, param, type_)
    assert str(error) == error.message == f"Error code: 422 - {message}"
    assert error.response_body == body
    assert error.body == (body["error"] if isinstance(body.get("error"), dict) else body)


def test_the_digitalocean_error_keeps_its_id_and_request_id(api: FakeAPI) -> None:
    api.fail("/v2/regions", Status(404, body={"id": "not_found", "message": "gone", "request_id": "r-42"}))
    with pytest.raises(shared_sdk.NotFoundError) as caught:
        client_for(api).regions.list()
    assert (caught.value.id, caught.value.request_id) == ("not_found", "r-42")


def test_a_body_that_is_not_json_is_the_message(api: FakeAPI) -> None:
    api.fail("/v2/regions", Status(400, body="plain words"))
    with pytest.raises(shared_sdk.BadRequestError) as caught:
        client_for(api).regions.list()
    assert caught.value.message == "Error code: 400 - plain words" and caught.value.code is None


def test_the_request_id_falls_back_to_the_response_header(api: FakeAPI) -> None:
    api.fail("/v2/regions", Status(409, body=OPENAI_ERROR))
    with pytest.raises(shared_sdk.ConflictError) as caught:
        client_for(api).regions.list()
    assert caught.value.request_id == "req-fake-1"


# -- _request_id -----------------------------------------------------------------------------


def test_every_returned_model_carries_the_request_id(api: FakeAPI) -> None:
    client = client_for(api)
    droplet = client.droplets.retrieve(droplet_id=1)
    assert droplet._request_id == "req-fake-1"
    assert "_request_id" not in droplet.to_dict() and "request_id" not in droplet.to_json()
    raw = client.droplets.with_raw_response.retrieve(droplet_id=1)
    assert raw.parse()._request_id == "req-fake-1"


def test_a_model_made_by_hand_has_no_request_id() -> None:
    assert RegionListResponse.model_validate({"regions": [], "links": {}, "meta": {"total": 0}})._request_id is None


def test_async_models_carry_the_request_id(api: FakeAPI) -> None:
    async def main() -> str | None:
        async with AsyncClient(api_key="t", base_url=api.url, inference_base_url=api.url) as client:
            return (await client.droplets.retrieve(droplet_id=2))._request_id

    assert asyncio.run(main()) == "req-fake-1"


# -- logging ---------------------------------------------------------------------------------

LOGGED_CALL = """
import shared_sdk
from shared_sdk import Client
client = Client(api_key="s3cret-t0ken-value", base_url={url!r}, inference_base_url={url!r}, max_retries=1)
client.regions.list()
try:
    client.sizes.list()
except shared_sdk.APIStatusError:
    pass
"""


@pytest.mark.parametrize("level", ["debug", "info", ""])
def test_the_log_variable_prints_requests_and_never_the_credential(api: FakeAPI, level: str) -> None:
    api.fail("/v2/sizes", Status(503, headers={"Retry-After": "0"}), Status(503, headers={"Retry-After": "0"}))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "output" / "python"), "SHARED_SDK_LOG": level}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(LOGGED_CALL.format(url=api.url))],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    log = result.stderr
    assert "s3cret" not in log and "t0ken" not in log
    retry = f"Retrying GET {api.url}/v2/sizes in 0.00 s after status 503"
    if level == "debug":
        assert f"Request: GET {api.url}/v2/regions" in log
        assert f"Response: GET {api.url}/v2/regions 200 OK in " in log and "(request id req-fake-1)" in log
        assert f"Request: GET {api.url}/v2/sizes (retry 1)" in log
        assert retry in log
    elif level == "info":
        assert retry in log and "Request:" not in log
    else:
        assert log == ""


def test_a_credential_in_the_query_is_redacted_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    from shared_sdk._logging import loggable_url

    url = httpx.URL("https://api.example.com/v1/x?key=SECRET&page=2&key=OTHER")
    assert loggable_url(url, {"key"}) == "https://api.example.com/v1/x?key=%3Credacted%3E&page=2&key=%3Credacted%3E"
    assert loggable_url(url, ()) == str(url)


def test_the_package_logger_can_be_configured_like_any_other(api: FakeAPI, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="shared_sdk"):
        client_for(api).regions.list()
    messages = [r.getMessage() for r in caplog.records if r.name == "shared_sdk"]
    assert messages[0] == f"Request: GET {api.url}/v2/regions"
    assert messages[1].startswith(f"Response: GET {api.url}/v2/regions 200 OK")


# -- client.get / post / ...: endpoints the SDK does not describe ----------------------------


def test_get_parses_into_the_type_asked_for(api: FakeAPI) -> None:
    client = client_for(api)
    regions = client.get("/v2/regions", cast_to=RegionListResponse)
    assert [r.slug for r in regions.regions] == ["nyc1", "ams3"] and regions._request_id == "req-fake-1"
    raw = client.get("/v2/regions", cast_to=httpx.Response, options={"params": {"per_page": 1}})
    assert raw.status_code == 200 and raw.json()["regions"][0]["slug"] == "nyc1"
    assert api.requests[-1].query == {"per_page": ["1"]}
    assert client.get("/v2/regions", cast_to=dict)["meta"] == {"total": 2}
    assert client.get("/v2/regions", cast_to=str).startswith("{")
    assert api.requests[-1].headers["Authorization"] == "Bearer t0ken"


def test_post_sends_the_body_and_headers(api: FakeAPI) -> None:
    client = client_for(api)
    response = client.post(
        "/v2/firewalls", cast_to=httpx.Response, body={"name": "fw"}, options={"headers": {"X-Trace": "1"}}
    )
    assert response.status_code == 202 and response.json()["firewall"]["name"] == "fw"
    sent = api.requests[-1]
    assert (sent.method, sent.body, sent.headers["X-Trace"]) == ("POST", {"name": "fw"}, "1")
    assert client.delete("/v2/droplets/1", cast_to=type(None)) is None
    assert api.requests[-1].method == "DELETE"


def test_an_error_from_a_raw_call_is_typed(api: FakeAPI) -> None:
    with pytest.raises(shared_sdk.NotFoundError):
        client_for(api).get("/v2/nowhere", cast_to=httpx.Response)


def test_a_whole_url_is_requested_as_given(api: FakeAPI) -> None:
    client = Client(api_key="t", base_url="http://127.0.0.1:9/unused", inference_base_url=api.url, max_retries=0)
    assert client.get(f"{api.url}/v2/regions", cast_to=httpx.Response).status_code == 200


def test_async_raw_calls(api: FakeAPI) -> None:
    async def main() -> tuple[int, int]:
        async with AsyncClient(api_key="t", base_url=api.url, inference_base_url=api.url) as client:
            listed = await client.get("/v2/regions", cast_to=RegionListResponse)
            created = await client.post("/v2/firewalls", cast_to=httpx.Response, body={"name": "a"})
            return len(listed.regions), created.status_code

    assert asyncio.run(main()) == (2, 202)


# -- defaults --------------------------------------------------------------------------------


def test_the_default_read_timeout_is_ten_minutes() -> None:
    client = Client(api_key="t")
    assert isinstance(client.timeout, httpx.Timeout)
    assert (client.timeout.read, client.timeout.connect) == (600.0, 5.0)
