"""The generated sync client against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest
import shared_sdk
from shared_sdk import NOT_GIVEN, Client
from shared_sdk.types import ChatCompletion, ChatCompletionChunk, Droplet, DropletRetrieveResponse

from .fake_api import FakeAPI, Malformed, Reset, Slow, Status


def client_for(api: FakeAPI, **kwargs: object) -> Client:
    return Client(api_key="t0ken", base_url=api.url, inference_base_url=api.url, **kwargs)  # type: ignore[arg-type]


# -- the example ---------------------------------------------------------------------


def test_the_readme_example_runs(api: FakeAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITALOCEAN_ACCESS_TOKEN", "from-env")
    client = shared_sdk.Client(base_url=api.url, inference_base_url=api.url)
    names = [(droplet.name, droplet.region.slug) for droplet in client.droplets.list(per_page=2)]
    assert names == [(f"web-{i:02d}", "nyc3") for i in range(1, 6)]
    d = client.droplets.retrieve(droplet_id=3).droplet
    assert isinstance(d, Droplet) and d.id == 3
    text = "".join(
        chunk.choices[0].delta.content or ""
        for chunk in client.chat.completions.create(
            model="llama3.3-70b-instruct", messages=[{"role": "user", "content": "hi"}], stream=True
        )
    )
    assert text == "Hello!"
    assert api.requests[0].headers["Authorization"] == "Bearer from-env"


def test_a_missing_token_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIGITALOCEAN_ACCESS_TOKEN", raising=False)
    with pytest.raises(shared_sdk.SDKError, match="DIGITALOCEAN_ACCESS_TOKEN"):
        Client()


# -- pagination ------------------------------------------------------------------------------


def test_iterating_a_page_walks_every_page_lazily_without_loss_or_duplicates(api: FakeAPI) -> None:
    client = client_for(api)
    page = client.droplets.list(per_page=2)
    assert api.attempts("/v2/droplets") == 1
    assert [d.id for d in page.items] == [1, 2]
    assert page.has_next_page() and page.meta.total == 5
    assert page.links.pages.next.endswith("page=2&per_page=2")
    seen = [d.id for d in page]
    assert seen == [1, 2, 3, 4, 5]
    assert api.attempts("/v2/droplets") == 3
    assert [r.query.get("page") for r in api.requests] == [None, ["2"], ["3"]]
    assert all(r.query["per_page"] == ["2"] for r in api.requests)


def test_pages_can_be_walked_by_hand(api: FakeAPI) -> None:
    page = client_for(api).droplets.list(per_page=4)
    assert [d.id for d in page.items] == [1, 2, 3, 4]
    second = page.get_next_page()
    assert [d.id for d in second.items] == [5]
    assert not second.has_next_page()
    with pytest.raises(RuntimeError):
        second.get_next_page()


def test_a_list_without_links_pages_by_meta_total(api: FakeAPI) -> None:
    page = client_for(api).registry.garbage_collections.list(registry_name="example", per_page=1)
    assert [gc.uuid for gc in page] == ["eff0feee-49c7-4e8f-ba5c-a320c109c8a8"]
    assert api.attempts("/v2/registry/example/garbage-collections") == 1


def test_every_paged_list_operation_parses(api: FakeAPI) -> None:
    client = client_for(api)
    assert [r.slug for r in client.regions.list()] == ["nyc1", "ams3"]
    assert [s.slug for s in client.sizes.list()] == ["s-1vcpu-1gb"]
    assert [i.id for i in client.images.list(type="distribution", private=False)] == [7555620]
    assert [s.id for s in client.snapshots.list(resource_type="droplet")] == ["6372321"]
    assert [a.id for a in client.actions.list()] == [36804636]
    assert [p.name for p in client.vpc_peerings.list(region="nyc1")] == ["nyc1-blr1-peering"]
    images_request = [r for r in api.requests if r.path == "/v2/images"][0]
    assert images_request.query == {"type": ["distribution"], "private": ["false"]}


# -- requests --------------------------------------------------------------------------------


def test_create_sends_given_fields_only_and_null_for_none(api: FakeAPI) -> None:
    client = client_for(api)
    created = client.droplets.create(name="example.com", size="s-1vcpu-1gb", image="ubuntu-24-04-x64", tags=None)
    assert created.droplet.name == "example.com"
    assert created.links.actions[0].rel == "create"
    sent = api.requests[-1]
    assert sent.body == {"name": "example.com", "size": "s-1vcpu-1gb", "image": "ubuntu-24-04-x64", "tags": None}
    assert sent.headers["Content-Type"] == "application/json"


def test_typed_dict_params_are_sent_as_given(api: FakeAPI) -> None:
    client = client_for(api)
    firewall = client.firewalls.create(
        name="firewall",
        inbound_rules=[{"protocol": "tcp", "ports": "80", "sources": {"load_balancer_uids": ["4de7ac8b"]}}],
        outbound_rules=[{"protocol": "tcp", "ports": "80", "destinations": {"addresses": ["0.0.0.0/0", "::/0"]}}],
        droplet_ids=[8043964],
    ).firewall
    assert firewall is not None and firewall.status == "waiting"
    assert firewall.inbound_rules is not None and firewall.inbound_rules[0].sources.load_balancer_uids == ["4de7ac8b"]
    assert api.requests[-1].body["outbound_rules"][0]["destinations"] == {"addresses": ["0.0.0.0/0", "::/0"]}


def test_path_parameters_are_percent_encoded(api: FakeAPI) -> None:
    started = client_for(api).registry.garbage_collections.start(registry_name="../x y")
    assert started.garbage_collection is not None
    assert api.requests[-1].path == "/v2/registry/..%2Fx%20y/garbage-collection"


def test_delete_returns_none_for_204(api: FakeAPI) -> None:
    assert client_for(api).droplets.delete(droplet_id=2) is None
    assert api.requests[-1].method == "DELETE"


def test_headers_user_agent_and_per_call_extras(api: FakeAPI) -> None:
    client = client_for(api, default_headers={"X-Team": "platform"})
    client.actions.retrieve(
        action_id=5, extra_headers={"X-Trace": "abc", "X-Team": NOT_GIVEN}, extra_query={"debug": "1"}
    )
    sent = api.requests[-1]
    assert sent.headers["User-Agent"].startswith(f"shared_sdk/{shared_sdk.__version__} ")
    assert sent.headers["X-Trace"] == "abc" and "X-Team" not in sent.headers
    assert "X-Sdkgen-Raw-Response" not in sent.headers
    assert sent.query == {"debug": ["1"]}
    client.regions.list()
    assert api.requests[-1].headers["X-Team"] == "platform"


def test_the_inference_server_url_is_separate(api: FakeAPI) -> None:
    other = FakeAPI().start()
    try:
        client = Client(api_key="k", base_url=api.url, inference_base_url=other.url)
        completion = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
        assert isinstance(completion, ChatCompletion) and completion.choices[0].message.content == "Hello!"
        assert other.attempts("/v1/chat/completions") == 1 and api.attempts("/v1/chat/completions") == 0
    finally:
        other.stop()


def test_with_raw_response_gives_status_headers_and_parse(api: FakeAPI) -> None:
    client = client_for(api)
    raw = client.droplets.with_raw_response.retrieve(droplet_id=1)
    assert raw.status_code == 200 and raw.headers["x-request-id"] == "req-fake-1"
    assert isinstance(raw.http_response, httpx.Response)
    parsed = raw.parse()
    assert isinstance(parsed, DropletRetrieveResponse) and parsed.droplet is not None and parsed.droplet.id == 1
    page = client.droplets.with_raw_response.list(per_page=2).parse()
    assert [d.id for d in page] == [1, 2, 3, 4, 5]


# -- retries and errors ----------------------------------------------------------------------


def test_429_with_retry_after_is_retried_after_the_wait(api: FakeAPI) -> None:
    api.fail("/v2/regions", Status(429, headers={"Retry-After": "1"}))
    started = time.monotonic()
    regions = client_for(api).regions.list()
    assert [r.slug for r in regions.items] == ["nyc1", "ams3"]
    assert api.attempts("/v2/regions") == 2
    assert time.monotonic() - started >= 0.9


def test_retry_after_as_an_http_date_and_ratelimit_reset(api: FakeAPI) -> None:
    date = email.utils.formatdate(time.time() + 1, usegmt=True)
    api.fail(
        "/v2/sizes",
        Status(429, headers={"Retry-After": date}),
        Status(429, headers={"ratelimit-remaining": "0", "ratelimit-reset": str(int(time.time()))}),
    )
    assert [s.slug for s in client_for(api).sizes.list()] == ["s-1vcpu-1gb"]
    assert api.attempts("/v2/sizes") == 3


def test_503_then_success(api: FakeAPI) -> None:
    api.fail("/v2/droplets/1", Status(503, headers={"Retry-After": "0"}))
    assert client_for(api).droplets.retrieve(droplet_id=1).droplet is not None
    assert api.attempts("/v2/droplets/1") == 2


def test_backoff_without_retry_after_and_the_final_error_is_not_hidden(api: FakeAPI) -> None:
    api.fail("/v2/droplets/1", Status(500), Status(502), Status(503))
    started = time.monotonic()
    with pytest.raises(shared_sdk.InternalServerError) as caught:
        client_for(api).droplets.retrieve(droplet_id=1)
    assert api.attempts("/v2/droplets/1") == 3
    # 0.5 s then 1 s, each shortened by at most a quarter for jitter.
    assert time.monotonic() - started >= 0.375 + 0.75
    error = caught.value
    assert error.status_code == 503 and error.id == "service_unavailable"
    assert error.message == "Error code: 503 - fake error 503"
    assert error.request_id == "4d9d8375-3c56-4925-a3e7-eed06aa8cd96"


def test_max_retries_zero_makes_one_attempt(api: FakeAPI) -> None:
    api.fail("/v2/regions", Status(503))
    with pytest.raises(shared_sdk.InternalServerError):
        client_for(api, max_retries=0).regions.list()
    assert api.attempts("/v2/regions") == 1


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, shared_sdk.BadRequestError),
        (401, shared_sdk.AuthenticationError),
        (403, shared_sdk.PermissionDeniedError),
        (404, shared_sdk.NotFoundError),
        (422, shared_sdk.UnprocessableEntityError),
    ],
)
def test_client_errors_are_typed_and_not_retried(api: FakeAPI, status: int, error_class: type) -> None:
    api.fail("/v2/regions", Status(status))
    with pytest.raises(error_class) as caught:
        client_for(api).regions.list()
    assert isinstance(caught.value, shared_sdk.APIStatusError)
    assert caught.value.status_code == status and caught.value.body["id"] == caught.value.id
    assert api.attempts("/v2/regions") == 1


def test_409_is_retried_then_raised_as_conflict(api: FakeAPI) -> None:
    api.fail("/v2/registry/example/garbage-collection", *[Status(409, headers={"Retry-After": "0"})] * 3)
    with pytest.raises(shared_sdk.ConflictError):
        client_for(api).registry.garbage_collections.start(registry_name="example", type="unreferenced blobs only")
    assert api.attempts("/v2/registry/example/garbage-collection") == 3


def test_429_exhausted_is_a_rate_limit_error(api: FakeAPI) -> None:
    api.fail("/v2/regions", *[Status(429, headers={"Retry-After": "0"})] * 3)
    with pytest.raises(shared_sdk.RateLimitError):
        client_for(api).regions.list()
    assert api.attempts("/v2/regions") == 3


def test_a_connection_reset_is_retried(api: FakeAPI) -> None:
    api.fail("/v2/droplets/2", Reset())
    assert client_for(api).droplets.retrieve(droplet_id=2).droplet is not None
    assert api.attempts("/v2/droplets/2") == 2


def test_resets_on_every_attempt_raise_a_connection_error(api: FakeAPI) -> None:
    api.fail("/v2/droplets/2", Reset(), Reset(), Reset())
    with pytest.raises(shared_sdk.APIConnectionError) as caught:
        client_for(api, max_retries=2).droplets.retrieve(droplet_id=2)
    assert not isinstance(caught.value, shared_sdk.APITimeoutError)
    assert api.attempts("/v2/droplets/2") == 3


def test_a_slow_response_past_the_timeout_raises_a_timeout_error(api: FakeAPI) -> None:
    api.fail("/v2/actions/1", Slow(0.5), Slow(0.5))
    with pytest.raises(shared_sdk.APITimeoutError):
        client_for(api, max_retries=1, timeout=0.1).actions.retrieve(action_id=1)
    assert api.attempts("/v2/actions/1") == 2


def test_a_per_call_timeout_overrides_the_client_default(api: FakeAPI) -> None:
    api.fail("/v2/actions/1", Slow(0.3))
    client = client_for(api, max_retries=0, timeout=0.05)
    assert client.actions.retrieve(action_id=1, timeout=httpx.Timeout(2.0)).action is not None


def test_a_malformed_json_body_is_a_validation_error_and_not_retried(api: FakeAPI) -> None:
    api.fail("/v2/droplets", Malformed())
    with pytest.raises(shared_sdk.APIResponseValidationError, match="not valid JSON"):
        client_for(api).droplets.list()
    assert api.attempts("/v2/droplets") == 1


def test_a_body_that_does_not_match_the_model_is_a_validation_error_when_strict(api: FakeAPI) -> None:
    api.fail("/v2/actions/1", Status(200, body={"action": {"id": "not a number"}}))
    with pytest.raises(shared_sdk.APIResponseValidationError) as caught:
        client_for(api, strict_response_validation=True).actions.retrieve(action_id=1)
    assert caught.value.status_code == 200


def test_a_body_that_does_not_match_the_model_is_kept_as_received_by_default(api: FakeAPI) -> None:
    body = {"action": {"id": "not a number", "status": "paused", "type": "create", "region": {"slug": "nyc3"}}}
    api.fail("/v2/actions/1", Status(200, body=body))
    action = client_for(api).actions.retrieve(action_id=1).action
    assert action is not None
    assert action.id == "not a number"  # kept as received
    assert action.status == "paused"  # an enum value newer than the spec
    assert isinstance(action.region, shared_sdk.BaseModel)  # the rest still typed
    assert action.to_dict() == body["action"]


def test_connection_refused_is_a_connection_error() -> None:
    with socket_closed_port() as url:
        client = Client(api_key="k", base_url=url, max_retries=1)
        with pytest.raises(shared_sdk.APIConnectionError):
            client.regions.list()


class socket_closed_port:
    """A loopback URL nothing listens on."""

    def __enter__(self) -> str:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        return None


# -- streaming -------------------------------------------------------------------------------


def test_a_stream_is_a_context_manager_and_yields_typed_chunks(api: FakeAPI) -> None:
    client = client_for(api)
    with client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}], stream=True) as stream:
        chunks = list(stream)
    assert all(isinstance(c, ChatCompletionChunk) for c in chunks)
    assert [c.choices[0].delta.content for c in chunks] == ["Hel", "lo", "!"]
    sent = api.requests[-1]
    assert sent.body["stream"] is True and sent.headers["Accept"] == "text/event-stream"


def test_sse_comments_events_multiline_data_and_split_reads(api: FakeAPI) -> None:
    import json

    from .payloads import chunk

    payload = json.dumps(chunk("a\nb"), indent=1)
    multi_line = "".join(f"data: {line}\n" for line in payload.split("\n")) + "\n"
    event = f": keep-alive comment\r\nevent: message\r\nid: 7\r\ndata: {json.dumps(chunk('c'))}\r\n\r\n"
    script = (
        multi_line.encode() + event.encode() + b"data: [DONE]\n\n" + f"data: {json.dumps(chunk('never'))}\n\n".encode()
    )
    # One byte per TCP write: every line, CRLF and UTF-8 sequence is split across reads.
    api.stream_script = [script[i : i + 1] for i in range(len(script))]
    stream = client_for(api).chat.completions.create(model="m", messages=[], stream=True)
    assert [c.choices[0].delta.content for c in stream] == ["a\nb", "c"]


def test_a_stream_cut_mid_event_delivers_whole_events_once_then_raises(api: FakeAPI) -> None:
    import json

    from .payloads import chunk

    api.stream_script = [f"data: {json.dumps(chunk('one'))}\n\n".encode(), b'data: {"id": "chatcmpl-fa']
    api.stream_cut = True
    received = []
    with pytest.raises(shared_sdk.APIConnectionError, match="broke off"):
        for c in client_for(api).chat.completions.create(model="m", messages=[], stream=True):
            received.append(c.choices[0].delta.content)
    assert received == ["one"]
    assert api.attempts("/v1/chat/completions") == 1


def test_an_error_event_raises_an_api_error(api: FakeAPI) -> None:
    import json

    from .payloads import chunk

    api.stream_script = [
        f"data: {json.dumps(chunk('partial'))}\n\n".encode(),
        b'event: error\ndata: {"error": {"message": "model overloaded"}}\n\n',
    ]
    stream = client_for(api).chat.completions.create(model="m", messages=[], stream=True)
    received = []
    with pytest.raises(shared_sdk.APIError, match="model overloaded"):
        for c in stream:
            received.append(c.choices[0].delta.content)
    assert received == ["partial"]


def test_leaving_a_stream_early_closes_the_connection(api: FakeAPI) -> None:
    api.endless_stream = True
    with client_for(api).chat.completions.create(model="m", messages=[], stream=True) as stream:
        for _ in stream:
            break
    assert api.stream_closed.wait(timeout=5), "the server kept writing to an open connection"


def test_a_stream_error_status_is_raised_before_iteration(api: FakeAPI) -> None:
    api.fail("/v1/chat/completions", Status(401))
    with pytest.raises(shared_sdk.AuthenticationError):
        client_for(api).chat.completions.create(model="m", messages=[], stream=True)
