"""The parity table: features of the official `openai` package, each checked on the SDK
generated from the OpenAI-shaped spec (`openai_like.yaml`) against a loopback server.

Each row is a feature, how far the generated SDK has it (`yes`, `partly`: it works with a
difference the note names, `no`: missing, and why) and a check that uses it as a user of the
official SDK would. The test runs every check and asserts that exactly the rows marked `no`
fail: a feature built later, or one that breaks, makes the table wrong and the test fail.
Run with `-s` to see the table.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from .conftest import SECRET, sign
from .fake_openai import BATCH_LINES, CHUNKS, FILE_BYTES, FakeOpenAI

MESSAGES = [{"role": "user", "content": "hi"}]


@dataclass
class Context:
    sdk: ModuleType
    server: FakeOpenAI
    root: Path
    """The folder holding the generated package."""
    tmp: Path

    def client(self, **kwargs: Any) -> Any:
        return self.sdk.Client(**{"api_key": "sk-test", "base_url": self.server.url, **kwargs})

    def async_client(self, **kwargs: Any) -> Any:
        return self.sdk.AsyncClient(**{"api_key": "sk-test", "base_url": self.server.url, **kwargs})

    @property
    def last(self) -> Any:
        return self.server.requests[-1]


@dataclass(frozen=True)
class Feature:
    name: str
    status: str
    note: str
    check: Callable[[Context], None]


FEATURES: list[Feature] = []


def feature(name: str, status: str = "yes", note: str = "") -> Callable[[Callable[[Context], None]], None]:
    def register(check: Callable[[Context], None]) -> None:
        FEATURES.append(Feature(name, status, note, check))

    return register


# -- requests, retries, timeouts ----------------------------------------------------------------


@feature("retries 5xx with backoff (max_retries, default 2)")
def _(c: Context) -> None:
    c.server.failures["/v1/models"] = 2
    client = c.client()
    assert client.max_retries == 2
    assert len(client.models.list().data) == 2
    assert c.server.attempts("/v1/models") == 3


@feature("default timeout: 600 s read")
def _(c: Context) -> None:
    assert c.client().timeout.read == 600


@feature("a timeout raises APITimeoutError")
def _(c: Context) -> None:
    with pytest.raises(c.sdk.APITimeoutError):
        c.client(max_retries=0, timeout=0.2).get("/slow", cast_to=httpx.Response)


@feature("an unreachable server raises APIConnectionError")
def _(c: Context) -> None:
    with pytest.raises(c.sdk.APIConnectionError):
        c.client(base_url="http://127.0.0.1:9/v1", max_retries=0).models.list()


@feature("extra_headers / extra_query / extra_body on every method")
def _(c: Context) -> None:
    c.client().chat.completions.create(
        model="m", messages=MESSAGES, extra_headers={"X-A": "1"}, extra_query={"q": "2"}, extra_body={"seed": 3}
    )
    assert c.last.headers["X-A"] == "1" and c.last.query == {"q": ["2"]}
    assert json.loads(c.last.body)["seed"] == 3


# -- errors -------------------------------------------------------------------------------------


@feature("typed errors by status (NotFoundError ...)")
def _(c: Context) -> None:
    with pytest.raises(c.sdk.NotFoundError) as caught:
        c.client().files.retrieve("file-404")
    assert isinstance(caught.value, c.sdk.APIStatusError) and caught.value.status_code == 404


@feature("error .message/.code/.param/.type from {'error': {...}}")
def _(c: Context) -> None:
    with pytest.raises(c.sdk.NotFoundError) as caught:
        c.client().files.retrieve("file-404")
    error = caught.value
    assert "No such File object: file-404" in error.message
    assert (error.type, error.param, error.code) == ("invalid_request_error", "id", None)


@feature("error .body is the inner error object")
def _(c: Context) -> None:
    with pytest.raises(c.sdk.NotFoundError) as caught:
        c.client().files.retrieve("file-404")
    assert caught.value.body["type"] == "invalid_request_error"


@feature("error .request_id")
def _(c: Context) -> None:
    with pytest.raises(c.sdk.NotFoundError) as caught:
        c.client().files.retrieve("file-404")
    assert caught.value.request_id.startswith("req_")


@feature("RFC 7807 application/problem+json: title and detail in the message")
def _(c: Context) -> None:
    with pytest.raises(c.sdk.UnprocessableEntityError) as caught:
        c.client().files.retrieve("problem")
    assert "the file is broken" in str(caught.value)


# -- streaming ----------------------------------------------------------------------------------


@feature("server-sent events: stream=True iterates typed chunks, [DONE] ends")
def _(c: Context) -> None:
    stream = c.client().chat.completions.create(model="m", messages=MESSAGES, stream=True)
    assert isinstance(stream, c.sdk.Stream)
    assert [chunk.delta for chunk in stream] == CHUNKS


@feature("a stream is a context manager (closed at the end of with)")
def _(c: Context) -> None:
    with c.client().chat.completions.create(model="m", messages=MESSAGES, stream=True) as stream:
        assert next(iter(stream)).delta == CHUNKS[0]
    assert stream.response.is_closed


@feature("async streaming (async for)")
def _(c: Context) -> None:
    async def main() -> list[str]:
        async with c.async_client() as client:
            stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            return [chunk.delta async for chunk in stream]

    assert asyncio.run(main()) == CHUNKS


# -- pages --------------------------------------------------------------------------------------


@feature("auto-paging: iterating a list follows has_more/after")
def _(c: Context) -> None:
    assert [f.id for f in c.client().files.list()] == ["file-1", "file-2", "file-3"]
    assert c.last.query == {"after": ["file-2"]}


@feature("a page: has_next_page / get_next_page / iter_pages")
def _(c: Context) -> None:
    page = c.client().files.list(limit=2)
    assert page.has_next_page() and [f.id for f in page.get_next_page().data] == ["file-3"]
    assert len(list(page.iter_pages())) == 2


@feature("async auto-paging (async for)")
def _(c: Context) -> None:
    async def main() -> list[str]:
        async with c.async_client() as client:
            return [f.id async for f in client.files.list()]

    assert asyncio.run(main()) == ["file-1", "file-2", "file-3"]


@feature("a non-paged list (models.list()) iterates its items")
def _(c: Context) -> None:
    assert [m.id for m in c.client().models.list()] == ["m-1", "m-2"]


# -- uploads and downloads ----------------------------------------------------------------------


@feature("multipart file upload (bytes, a path, or (name, bytes, type))")
def _(c: Context) -> None:
    client = c.client()
    assert client.files.create(file=b"abc", purpose="batch").id == "file-new"
    (c.tmp / "data.jsonl").write_bytes(b"{}\n")
    client.files.create(file=c.tmp / "data.jsonl", purpose="batch")
    client.files.create(file=("data.jsonl", b"{}\n", "application/jsonl"), purpose="batch")
    assert b'filename="data.jsonl"' in c.last.body and b"multipart/form-data" in c.last.headers["Content-Type"].encode()


@feature("file content listed as a JSON string and as bytes is a download")
def _(c: Context) -> None:
    assert c.client().files.content("file-1").read() == FILE_BYTES


@feature("a JSON Lines download")
def _(c: Context) -> None:
    output = c.client().batches.output("batch_1")
    assert [json.loads(line) for line in output.iter_lines()] == BATCH_LINES


@feature("the official method names (client.files.content(file_id))")
def _(c: Context) -> None:
    assert c.client().files.content("file-1").read() == FILE_BYTES


# -- responses ----------------------------------------------------------------------------------


@feature("with_raw_response: headers, then parse()")
def _(c: Context) -> None:
    raw = c.client().files.with_raw_response.retrieve("file-1")
    assert raw.headers["x-request-id"].startswith("req_") and raw.parse().id == "file-1"


@feature("with_streaming_response on a JSON method")
def _(c: Context) -> None:
    with c.client().files.with_streaming_response.retrieve("file-1") as response:
        assert response.parse().id == "file-1"


@feature("with_streaming_response on a server-sent-events method")
def _(c: Context) -> None:
    with c.client().chat.completions.with_streaming_response.create(
        model="m", messages=MESSAGES, stream=True
    ) as response:
        assert "".join(chunk.delta for chunk in response.parse()) == "".join(CHUNKS)


@feature("with_streaming_response: iter_lines / iter_bytes / stream_to_file")
def _(c: Context) -> None:
    client = c.client()
    with client.batches.with_streaming_response.output("batch_1") as response:
        assert [json.loads(line) for line in response.iter_lines()] == BATCH_LINES
    with client.files.with_streaming_response.content("file-1") as response:
        response.stream_to_file(c.tmp / "content.bin")
    assert (c.tmp / "content.bin").read_bytes() == FILE_BYTES


@feature("_request_id on returned objects")
def _(c: Context) -> None:
    assert c.client().files.retrieve("file-1")._request_id.startswith("req_")


@feature("typed models (pydantic), py.typed, to_dict / to_json")
def _(c: Context) -> None:
    file = c.client().files.retrieve("file-1")
    assert isinstance(file, c.sdk.BaseModel) and file.bytes == 12
    assert (c.root / "openai_like" / "py.typed").is_file()
    assert file.to_dict()["filename"] == "data.jsonl" and json.loads(file.to_json())["id"] == "file-1"


@feature("request params as TypedDicts (messages as plain dicts)")
def _(c: Context) -> None:
    from openai_like.types.shared_params import ChatMessageParam

    message: ChatMessageParam = {"role": "user", "content": "hi"}
    assert c.client().chat.completions.create(model="m", messages=[message]).choices[0].message.role == "assistant"


@feature(
    "strict response validation",
    "partly",
    "the argument is `strict_response_validation` (the official SDK: `_strict_response_validation`)",
)
def _(c: Context) -> None:
    assert c.client(strict_response_validation=True).files.retrieve("file-1").id == "file-1"


# -- the client ---------------------------------------------------------------------------------


@feature("path ids are positional (files.retrieve('file-1'))")
def _(c: Context) -> None:
    assert c.client().files.retrieve("file-1").id == "file-1"


@feature("Client() with OPENAI_API_KEY set")
def _(c: Context) -> None:
    os.environ["OPENAI_API_KEY"] = "sk-env"
    try:
        c.sdk.Client(base_url=c.server.url).models.list()
    finally:
        del os.environ["OPENAI_API_KEY"]
    assert c.last.headers["Authorization"] == "Bearer sk-env"


@feature("OPENAI_BASE_URL")
def _(c: Context) -> None:
    os.environ["OPENAI_BASE_URL"] = c.server.url
    try:
        c.sdk.Client(api_key="sk-test").models.list()
    finally:
        del os.environ["OPENAI_BASE_URL"]
    assert c.last.path == "/v1/models"


@feature("api_key may be a function, called per request")
def _(c: Context) -> None:
    keys = iter(["k1", "k2"])
    client = c.client(api_key=lambda: next(keys))
    client.models.list()
    client.models.list()
    assert [r.headers["Authorization"] for r in c.server.requests[-2:]] == ["Bearer k1", "Bearer k2"]


@feature("an async api_key function on the async client")
def _(c: Context) -> None:
    async def key() -> str:
        return "k-async"

    async def main() -> None:
        async with c.async_client(api_key=key) as client:
            await client.models.list()

    asyncio.run(main())
    assert c.last.headers["Authorization"] == "Bearer k-async"


@feature("with_options(max_retries=..., timeout=...)")
def _(c: Context) -> None:
    c.server.failures["/v1/models"] = 4
    assert len(c.client(max_retries=0).with_options(max_retries=5, timeout=30).models.list().data) == 2


@feature("copy(...)")
def _(c: Context) -> None:
    copied = c.client().copy(api_key="sk-other", default_headers={"X-B": "2"})
    copied.models.list()
    assert c.last.headers["Authorization"] == "Bearer sk-other" and c.last.headers["X-B"] == "2"


@feature("default_headers and default_query")
def _(c: Context) -> None:
    c.client(default_headers={"X-Team": "a"}, default_query={"trace": "1"}).models.list()
    assert c.last.headers["X-Team"] == "a" and c.last.query == {"trace": ["1"]}


@feature("Omit / omit: a default header left out of one call")
def _(c: Context) -> None:
    client = c.client(default_headers={"X-Team": "a"})
    client.models.list(extra_headers={"X-Team": c.sdk.omit})
    assert "X-Team" not in c.last.headers and isinstance(c.sdk.omit, c.sdk.Omit)


@feature("http_client: bring your own httpx.Client")
def _(c: Context) -> None:
    seen = []
    http = httpx.Client(event_hooks={"request": [lambda request: seen.append(request.url.path)]})
    c.client(http_client=http).models.list()
    assert seen == ["/v1/models"]


@feature("the client is a context manager (closed on exit)")
def _(c: Context) -> None:
    with c.client() as client:
        client.models.list()
    assert client._http.is_closed


@feature("an async client for every method")
def _(c: Context) -> None:
    async def main() -> str:
        async with c.async_client() as client:
            return (await client.files.retrieve("file-1")).id

    assert asyncio.run(main()) == "file-1"


@feature("logging at OPENAI_LOG=debug, never the key")
def _(c: Context) -> None:
    script = "import openai_like; openai_like.Client().models.list()"
    env = {
        **os.environ,
        "PYTHONPATH": str(c.root),
        "OPENAI_LOG": "debug",
        "OPENAI_API_KEY": "sk-secret-value",
        "OPENAI_BASE_URL": c.server.url,
    }
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert f"GET {c.server.url}/models" in result.stderr and "sk-secret-value" not in result.stderr


@feature("escape hatch: client.get/post(path, cast_to=...)")
def _(c: Context) -> None:
    client = c.client()
    response = client.post("/x", cast_to=httpx.Response, body={"a": 1})
    assert response.json() == {"method": "POST", "echo": {"a": 1}}
    assert client.get("/files/file-1", cast_to=c.sdk.types.OpenAIFile).id == "file-1"


# -- webhooks -----------------------------------------------------------------------------------

EVENT = json.dumps({"id": "evt_1", "type": "batch.completed", "created_at": 1, "data": {"id": "b"}})


@feature("webhooks.unwrap: the typed event (tagged union), signature checked")
def _(c: Context) -> None:
    event = c.client().webhooks.unwrap(EVENT, sign(EVENT, int(time.time())), secret=SECRET)
    assert type(event).__name__ == "BatchCompletedWebhookEvent"


@feature("webhooks.verify_signature (Standard Webhooks), InvalidWebhookSignatureError, OPENAI_WEBHOOK_SECRET")
def _(c: Context) -> None:
    client = c.client(webhook_secret=SECRET)
    client.webhooks.verify_signature(EVENT, sign(EVENT, int(time.time())))
    with pytest.raises(c.sdk.InvalidWebhookSignatureError):
        client.webhooks.verify_signature(EVENT, sign(EVENT, int(time.time()) - 600))


def run(row: Feature, context: Context) -> str | None:
    """None when the check passes, else why it failed (one line)."""
    try:
        row.check(context)
    except Exception as exc:  # a failing check is data for the table
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:160]
    return None


def table(rows: list[tuple[Feature, str | None]]) -> str:
    lines = ["| feature | status | note |", "| --- | --- | --- |"]
    for row, _ in rows:
        lines.append(f"| {row.name} | {row.status} | {row.note} |")
    counts = {s: sum(1 for row, _ in rows if row.status == s) for s in ("yes", "partly", "no")}
    lines.append(f"\n{len(rows)} features: {counts['yes']} yes, {counts['partly']} partly, {counts['no']} no")
    return "\n".join(lines)


def test_the_parity_table_is_honest(
    sdk: ModuleType, sdk_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = []
    for row in FEATURES:
        server = FakeOpenAI().start()
        try:
            results.append((row, run(row, Context(sdk, server, sdk_root, tmp_path))))
        finally:
            server.stop()
    with capsys.disabled():
        print("\n" + table(results))
    failing = {row.name: why for row, why in results if why is not None}
    missing = {row.name for row, _ in results if row.status == "no"}
    assert set(failing) == missing, {
        "fails but marked yes/partly": {name: failing[name] for name in set(failing) - missing},
        "passes but marked missing": sorted(missing - set(failing)),
    }


def test_every_row_is_a_distinct_feature_with_a_reason_when_not_yes() -> None:
    assert len({row.name for row in FEATURES}) == len(FEATURES) >= 44
    assert all(row.status in ("yes", "partly", "no") for row in FEATURES)
    assert all(row.note for row in FEATURES if row.status != "yes")
