"""Issue 25's first "Done when": the SDK generated from an OpenAI-shaped spec
(`openai_like.yaml`) used as users of the official SDK use it, against a loopback server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from .conftest import SECRET, sign
from .fake_openai import BATCH_LINES, CHUNKS, FakeOpenAI


def test_a_path_id_is_positional(sdk: ModuleType, server: FakeOpenAI) -> None:
    client = sdk.Client(api_key="sk-test", base_url=server.url)
    file = client.files.retrieve("file-1")
    assert (file.id, file.object) == ("file-1", "file")
    assert server.requests[-1].path == "/v1/files/file-1"


def test_the_client_reads_openai_api_key_and_base_url(
    sdk: ModuleType, server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    sdk.Client().models.list()
    assert server.requests[-1].headers["Authorization"] == "Bearer sk-from-env"


def test_with_options_retries_a_list(sdk: ModuleType, server: FakeOpenAI) -> None:
    client = sdk.Client(api_key="sk-test", base_url=server.url, max_retries=0)
    server.failures["/v1/models"] = 4
    models = client.with_options(max_retries=5).models.list()
    assert [m.id for m in models.data] == ["m-1", "m-2"]
    assert server.attempts("/v1/models") == 5


def test_a_jsonl_download_and_file_content_as_bytes(sdk: ModuleType, server: FakeOpenAI, tmp_path: Path) -> None:
    client = sdk.Client(api_key="sk-test", base_url=server.url)
    output = client.batches.output("batch_1")
    assert [json.loads(line) for line in output.iter_lines()] == BATCH_LINES
    content = client.files.content("file-1")
    assert content.read() == b"\x00\x01binary content\xff"
    with client.files.with_streaming_response.content("file-1") as response:
        response.stream_to_file(tmp_path / "file.bin")
    assert (tmp_path / "file.bin").read_bytes() == b"\x00\x01binary content\xff"


def test_with_streaming_response_on_server_sent_events(sdk: ModuleType, server: FakeOpenAI) -> None:
    client = sdk.Client(api_key="sk-test", base_url=server.url)
    messages = [{"role": "user", "content": "hi"}]
    with client.chat.completions.with_streaming_response.create(model="m", messages=messages, stream=True) as response:
        assert response.headers["content-type"] == "text/event-stream"
        assert "".join(chunk.delta for chunk in response.parse()) == "".join(CHUNKS)


def test_debug_logging_names_the_request_and_never_the_key(sdk_root: Path, server: FakeOpenAI) -> None:
    script = textwrap.dedent(
        """
        import openai_like
        openai_like.Client().files.retrieve("file-1")
        """
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(sdk_root),
        "OPENAI_LOG": "debug",
        "OPENAI_API_KEY": "sk-very-secret",
        "OPENAI_BASE_URL": server.url,
    }
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert f"GET {server.url}/files/file-1" in result.stderr
    assert "200" in result.stderr
    assert "sk-very-secret" not in result.stderr + result.stdout


def test_the_escape_hatch_posts_to_any_path(sdk: ModuleType, server: FakeOpenAI) -> None:
    client = sdk.Client(api_key="sk-test", base_url=server.url)
    response = client.post("/x", cast_to=httpx.Response, body={"a": 1})
    assert isinstance(response, httpx.Response)
    assert response.json() == {"method": "POST", "echo": {"a": 1}}
    assert server.requests[-1].headers["Authorization"] == "Bearer sk-test"


def test_a_standard_webhooks_round_trip(sdk: ModuleType) -> None:
    body = json.dumps({"id": "evt_1", "type": "batch.failed", "created_at": 1, "data": {"id": "batch_1"}})
    client = sdk.Client(api_key="sk-test", webhook_secret=SECRET, base_url="http://127.0.0.1:9")
    event = client.webhooks.unwrap(body, sign(body, int(time.time())))
    assert type(event).__name__ == "BatchFailedWebhookEvent" and event.data.id == "batch_1"
    with pytest.raises(sdk.InvalidWebhookSignatureError):
        client.webhooks.unwrap(body, sign(body, int(time.time()) - 3600))
