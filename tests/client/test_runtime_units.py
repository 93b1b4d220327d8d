"""The pure parts of the client runtime, and the types a user of the SDK sees."""

from __future__ import annotations

import email.utils
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from shared_sdk._auth import Credentials
from shared_sdk._base_client import BaseClient, server_delay
from shared_sdk._request_options import RequestOptions, path_template
from shared_sdk._streaming import ServerSentEvent, SSEDecoder
from shared_sdk._types import NOT_GIVEN

from ..conftest import ROOT

HERE = Path(__file__).parent


def decode(pieces: list[bytes]) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    return [event for piece in pieces for event in decoder.feed(piece)] + decoder.end()


def test_sse_decoder_joins_data_lines_and_skips_comments() -> None:
    events = decode([b": hi\ndata: a\ndata:b\n\nevent: done\ndata: [DONE]\n\n"])
    assert events == [ServerSentEvent(None, "a\nb"), ServerSentEvent("done", "[DONE]")]


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"])
def test_sse_decoder_handles_every_line_ending_split_anywhere(ending: bytes) -> None:
    text = b"id: 1" + ending + b"data: \xc3\xa9t\xc3\xa9" + ending + ending + b"data: x" + ending + ending
    whole = decode([text])
    for cut in range(1, len(text)):
        assert decode([text[:cut], text[cut:]]) == whole
    assert whole == [ServerSentEvent(None, "\u00e9t\u00e9", "1"), ServerSentEvent(None, "x", "1")]


def test_sse_decoder_drops_an_unfinished_event() -> None:
    assert decode([b"data: whole\n\ndata: half"]) == [ServerSentEvent(None, "whole")]


def test_server_delay_reads_retry_after_forms_and_ratelimit_reset() -> None:
    now = 1_700_000_000.0
    assert server_delay(httpx.Headers({"retry-after-ms": "250"}), now) == 0.25
    assert server_delay(httpx.Headers({"retry-after": "3"}), now) == 3.0
    date = email.utils.formatdate(now + 5, usegmt=True)
    assert server_delay(httpx.Headers({"retry-after": date}), now) == pytest.approx(5, abs=1)
    reset = {"ratelimit-reset": str(int(now) + 7), "ratelimit-remaining": "0"}
    assert server_delay(httpx.Headers(reset), now) == 7
    assert server_delay(httpx.Headers({**reset, "ratelimit-remaining": "10"}), now) is None
    assert server_delay(httpx.Headers({"retry-after": "soon"}), now) is None


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    client = BaseClient(
        version="1",
        base_urls={"": "http://x"},
        credentials=Credentials({}, {}, ()),
        timeout=1.0,
        max_retries=2,
        default_headers=None,
    )
    for attempt, full in [(0, 0.5), (1, 1.0), (2, 2.0), (10, 8.0)]:
        delays = [client._retry_delay(attempt, None) for _ in range(50)]
        assert all(full * 0.75 <= d <= full for d in delays)
    too_long = httpx.Response(429, headers={"retry-after": "3600"})
    assert client._retry_delay(0, too_long) <= 0.5


def test_request_options_leave_out_not_given_and_send_none_as_null() -> None:
    options = RequestOptions.build(
        "post",
        path_template("/v2/x/{name}", {"name": "a/b"}),
        query={"page": NOT_GIVEN, "flag": True, "tags": ["a", "b"], "none": None},
        body={"name": "n", "tags": None, "size": NOT_GIVEN, "nested": {"keep": 1, "drop": NOT_GIVEN}},
    )
    assert options.path == "/v2/x/a%2Fb"
    assert options.query == {"flag": "true", "tags": ["a", "b"]}
    assert options.json_body == {"name": "n", "tags": None, "nested": {"keep": 1}}
    with pytest.raises(ValueError):
        path_template("/v2/x/{id}", {"id": ""})


def mypy(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        env={**os.environ, "MYPYPATH": str(ROOT / "output" / "python")},
        capture_output=True,
        text=True,
    )


def test_the_typed_usage_example_passes_mypy_strict() -> None:
    result = mypy(HERE / "typed_usage.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_rejects_wrong_arguments_and_unknown_typed_dict_keys(tmp_path: Path) -> None:
    bad = tmp_path / "bad_usage.py"
    bad.write_text(
        "import shared_sdk\n"
        "client = shared_sdk.Client(api_key='k')\n"
        "client.droplets.retrieve(droplet_id='3')\n"
        "from shared_sdk.types import FirewallRuleTargetParam\n"
        "sources: FirewallRuleTargetParam = {'bogus': []}\n"
        "client.droplets.list(per_page=2).items[0].no_such_field\n"
    )
    result = mypy(bad)
    assert result.returncode == 1
    assert 'Argument "droplet_id" to "retrieve" of "Droplets" has incompatible type "str"' in result.stdout
    assert 'Extra key "bogus" for TypedDict "FirewallRuleTargetParam"' in result.stdout
    assert '"Droplet" has no attribute "no_such_field"' in result.stdout
