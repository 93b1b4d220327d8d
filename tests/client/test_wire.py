"""What goes on the wire: the SDK of the golden case `wire` against a loopback server
that records every request as it arrives. One test per thing the spec asks for (security
schemes, body media types, parameter styles, server variables, tolerant responses, binary
downloads), each run with the sync and the async client."""

from __future__ import annotations

import asyncio
import base64
import datetime
import importlib
import json
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from sdkgen.pipeline import generate_files

from ..conftest import GOLDEN

PACKAGE = "wire_sdk"
AUDIO = b"ID3\x04" + bytes(range(256)) * 64
FILE = {"id": "file-1", "purpose": "assistants_v3", "sid": "", "size": "12", "extra": {"kept": True}}
"""A file as a newer server sends it: an enum value the spec does not list, a SID shorter
than its `minLength`, the required `bytes` missing, and a field the spec does not know."""


def generate(spec: Path, package: str, root: Path) -> ModuleType:
    generated = generate_files(spec, package)
    for relative, content in generated.files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    sys.path.insert(0, str(root / "python"))
    return importlib.import_module(package)


def forget(package: str, root: Path) -> None:
    sys.path.remove(str(root / "python"))
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]


@pytest.fixture(scope="module")
def sdk() -> Iterator[ModuleType]:
    """The golden case `wire`: its committed SDK (which the golden, mypy, ruff and black
    tests hold to the generator and the standards)."""
    root = GOLDEN / "wire" / "expected"
    sys.path.insert(0, str(root / "python"))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        forget(PACKAGE, root)


@dataclass
class Arrived:
    method: str
    path: str
    """The raw path, percent-encoding kept."""
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes

    @property
    def form(self) -> list[tuple[str, str]]:
        return parse_qsl(self.body.decode(), keep_blank_values=True)


class Recorder:
    def __init__(self) -> None:
        self.requests: list[Arrived] = []

    @property
    def last(self) -> Arrived:
        return self.requests[-1]


@pytest.fixture()
def server() -> Iterator[tuple[str, Recorder]]:
    recorder = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def answer(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            split = urlsplit(self.path)
            recorder.requests.append(
                Arrived(
                    self.command,
                    split.path,
                    parse_qsl(split.query, keep_blank_values=True),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
            )
            if split.path.startswith("/files/"):
                payload, content_type = json.dumps(FILE).encode(), "application/json"
            elif split.path == "/speech":
                payload, content_type = AUDIO, "audio/mpeg"
            else:
                payload, content_type = b'{"ok": true}', "application/json"
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PATCH = answer

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", recorder
    finally:
        httpd.shutdown()
        httpd.server_close()


MODES = ["sync", "async"]


def call(sdk: ModuleType, mode: str, url: str, use: Callable[[Any], Any], **client_args: Any) -> Any:
    """`use(client)` with a sync or an async client (whose methods return awaitables)."""
    if mode == "sync":
        with sdk.Client(base_url=url, max_retries=0, **client_args) as client:
            return use(client)

    async def main() -> Any:
        async with sdk.AsyncClient(base_url=url, max_retries=0, **client_args) as client:
            return await use(client)

    return asyncio.run(main())


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


# -- 1. security schemes ------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_each_security_scheme_is_sent_where_the_spec_says(
    sdk: ModuleType, server: tuple[str, Recorder], mode: str
) -> None:
    url, recorded = server
    credentials = {
        "bearer_auth": "tok",
        "basic_auth_username": "AC123",
        "basic_auth_password": "secret",
        "header_key": "hk",
        "query_key": "qk",
        "cookie_key": "ck",
        "token_auth": "Token token=abc",
        "oauth": "oa",
    }
    for method in ("default", "basic", "query", "cookie", "token", "oauth", "none"):
        call(sdk, mode, url, lambda c, m=method: getattr(c.auth, m)(), **credentials)
    default, basic_, query, cookie, token, oauth, none = recorded.requests
    assert default.headers["authorization"] == "Bearer tok"  # the first alternative of `security`
    assert basic_.headers["authorization"] == basic("AC123", "secret")
    assert query.query == [("api_key", "qk")] and "authorization" not in query.headers
    assert cookie.headers["cookie"] == "session=ck" and "authorization" not in cookie.headers
    assert token.headers["authorization"] == "Token token=abc"  # an apiKey header, sent as given
    assert oauth.headers["authorization"] == "Bearer oa"
    assert "authorization" not in none.headers and "cookie" not in none.headers and not none.query  # security: []
    assert all("x-api-key" not in r.headers for r in recorded.requests)


@pytest.mark.parametrize("mode", MODES)
def test_the_next_alternative_is_used_when_the_first_has_no_credentials(
    sdk: ModuleType, server: tuple[str, Recorder], mode: str
) -> None:
    url, recorded = server
    call(sdk, mode, url, lambda c: c.auth.default(), header_key="hk")
    assert recorded.last.headers["x-api-key"] == "hk"
    assert "authorization" not in recorded.last.headers


@pytest.mark.parametrize("mode", MODES)
def test_credentials_default_to_environment_variables(
    sdk: ModuleType, server: tuple[str, Recorder], mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, recorded = server
    monkeypatch.setenv("WIRE_SDK_BEARER_AUTH", "from-env")
    monkeypatch.setenv("WIRE_SDK_BASIC_AUTH_USERNAME", "user")
    monkeypatch.setenv("WIRE_SDK_BASIC_AUTH_PASSWORD", "pass")
    call(sdk, mode, url, lambda c: c.auth.default())
    call(sdk, mode, url, lambda c: c.auth.basic())
    assert recorded.requests[0].headers["authorization"] == "Bearer from-env"
    assert recorded.requests[1].headers["authorization"] == basic("user", "pass")


def test_a_client_without_any_credential_the_api_requires_is_refused(
    sdk: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("BEARER_AUTH", "HEADER_KEY"):
        monkeypatch.delenv(f"WIRE_SDK_{name}", raising=False)
    with pytest.raises(sdk.SDKError, match="bearer_auth=... or basic_auth_username=... and basic_auth_password=..."):
        sdk.Client()
    with pytest.raises(sdk.SDKError):
        sdk.AsyncClient()


NO_SECURITY = """
openapi: 3.0.3
info: {title: Open, version: "1"}
servers: [{url: "https://open.example.com"}]
paths:
  /ping:
    get:
      operationId: ping
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
"""


@pytest.mark.parametrize("mode", MODES)
def test_an_api_without_security_schemes_needs_no_credentials(
    tmp_path: Path, server: tuple[str, Recorder], mode: str
) -> None:
    url, recorded = server
    spec = tmp_path / "open.yaml"
    spec.write_text(NO_SECURITY)
    open_sdk = generate(spec, "open_sdk", tmp_path / "out")
    try:
        assert "api_key" not in open_sdk.Client.__init__.__code__.co_varnames
        call(open_sdk, mode, url, lambda c: c.ping.retrieve())
    finally:
        forget("open_sdk", tmp_path / "out")
    assert "authorization" not in recorded.last.headers


# -- 2. request bodies --------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_json_types_are_sent_as_json_under_their_media_type(
    sdk: ModuleType, server: tuple[str, Recorder], mode: str
) -> None:
    url, recorded = server
    call(sdk, mode, url, lambda c: c.bodies.send_json(name="n", tags=["a"]), bearer_auth="t")
    call(sdk, mode, url, lambda c: c.bodies.merge_patch(name=None), bearer_auth="t")
    patch = [{"op": "replace", "path": "/name", "value": "x"}]
    call(sdk, mode, url, lambda c: c.bodies.json_patch(body=patch), bearer_auth="t")
    plain, merge, json_patch = recorded.requests
    assert plain.headers["content-type"] == "application/json"
    assert json.loads(plain.body) == {"Name": "n", "Tags": ["a"]}  # arguments snake_case, wire names kept
    assert merge.method == "PATCH" and merge.headers["content-type"] == "application/merge-patch+json"
    assert json.loads(merge.body) == {"name": None}
    assert json_patch.headers["content-type"] == "application/json-patch+json"
    assert json.loads(json_patch.body) == patch


@pytest.mark.parametrize("mode", MODES)
def test_a_form_body_follows_its_encoding_object(sdk: ModuleType, server: tuple[str, Recorder], mode: str) -> None:
    url, recorded = server
    when = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    call(
        sdk,
        mode,
        url,
        lambda c: c.bodies.form(
            to="+15550001111",
            from_="+15550002222",
            status_callback_event=["initiated", "completed"],
            tags=["a", "b"],
            metadata={"plan": "pro"},
            items=[{"price": "p1", "quantity": 2}, {"price": "p2"}],
            send_at=when,
            smart=True,
        ),
        bearer_auth="t",
    )
    arrived = recorded.last
    assert arrived.headers["content-type"] == "application/x-www-form-urlencoded"
    assert arrived.form == [
        ("To", "+15550001111"),
        ("From", "+15550002222"),
        ("StatusCallbackEvent", "initiated"),  # form, exploded: the field repeated
        ("StatusCallbackEvent", "completed"),
        ("Tags", "a,b"),  # form, explode: false
        ("metadata[plan]", "pro"),  # deepObject
        ("items[0][price]", "p1"),
        ("items[0][quantity]", "2"),
        ("items[1][price]", "p2"),
        ("SendAt", "2026-01-02T03:04:05+00:00"),
        ("Smart", "true"),
    ]


@pytest.mark.parametrize("mode", MODES)
def test_a_text_body_is_sent_as_plain_text(sdk: ModuleType, server: tuple[str, Recorder], mode: str) -> None:
    url, recorded = server
    call(sdk, mode, url, lambda c: c.bodies.text(body="héllo"), bearer_auth="t")
    assert recorded.last.headers["content-type"] == "text/plain; charset=utf-8"
    assert recorded.last.body == "héllo".encode()


@pytest.mark.parametrize("mode", MODES)
def test_several_media_types_multipart_with_files_else_json(
    sdk: ModuleType, server: tuple[str, Recorder], mode: str
) -> None:
    url, recorded = server
    call(sdk, mode, url, lambda c: c.bodies.either(content="hi"), bearer_auth="t")
    call(sdk, mode, url, lambda c: c.bodies.either(content="hi", file=("a.txt", b"data")), bearer_auth="t")
    without, with_file = recorded.requests
    assert without.headers["content-type"] == "application/json" and json.loads(without.body) == {"content": "hi"}
    assert with_file.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="a.txt"' in with_file.body and b'name="content"' in with_file.body


# -- 3. parameters ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_query_parameters_in_every_style(sdk: ModuleType, server: tuple[str, Recorder], mode: str) -> None:
    url, recorded = server
    call(
        sdk,
        mode,
        url,
        lambda c: c.params.query(
            fields=["id", "name"],
            ids=[1, 2],
            spaced=["a", "b"],
            piped=["a", "b"],
            filter={"plan": "pro"},
            point={"x": 1},
            date_sent_before=datetime.date(2026, 1, 31),
            date_sent_after=datetime.date(2026, 1, 1),
        ),
        bearer_auth="t",
    )
    assert recorded.last.query == [
        ("fields", "id,name"),  # form, explode: false
        ("ids", "1"),  # form, exploded (the default)
        ("ids", "2"),
        ("spaced", "a b"),
        ("piped", "a|b"),
        ("filter[plan]", "pro"),  # deepObject
        ("x", "1"),  # an object, form exploded
        ("DateSent<", "2026-01-31"),
        ("DateSent>", "2026-01-01"),
        ("order", "asc"),  # a required parameter's default
    ]
    assert recorded.last.headers["authorization"] == "Bearer t"  # not the ignored Authorization parameter


def test_accept_content_type_and_authorization_parameters_are_not_arguments(sdk: ModuleType) -> None:
    arguments = sdk.Client(bearer_auth="t").params.query.__code__.co_varnames
    assert {"accept", "content_type", "authorization"}.isdisjoint(arguments)
    assert "date_sent_before" in arguments and "date_sent_after" in arguments


@pytest.mark.parametrize("mode", MODES)
def test_path_parameters_in_simple_label_and_matrix_styles(
    sdk: ModuleType, server: tuple[str, Recorder], mode: str
) -> None:
    url, recorded = server
    call(
        sdk,
        mode,
        url,
        lambda c: c.params.path(pet_id=[1, 2], label=["a", "b/c"], matrix=["x", "y"], exploded={"r": 1, "g": 2}),
        bearer_auth="t",
    )
    assert recorded.last.path == "/params/path/1,2/.a,b%2Fc/;matrix=x;matrix=y/r=1,g=2"
    assert unquote(recorded.last.path.split("/")[4]) == ".a,b/c"


@pytest.mark.parametrize("mode", MODES)
def test_header_and_cookie_parameters(sdk: ModuleType, server: tuple[str, Recorder], mode: str) -> None:
    url, recorded = server
    call(
        sdk,
        mode,
        url,
        lambda c: c.params.header_cookie(x_trace=["a", "b"], x_flag=False, theme="dark", prefs=["x", "y"]),
        bearer_auth="t",
    )
    headers = recorded.last.headers
    assert headers["x-trace"] == "a,b" and headers["x-flag"] == "false"
    assert headers["cookie"] == "theme=dark; prefs=x,y"
    call(
        sdk,
        mode,
        url,
        lambda c: c.params.header_cookie(layout={"cols": 3, "dense": True}, window={"w": 640, "h": 480}),
        bearer_auth="t",
    )
    assert recorded.last.headers["cookie"] == "cols=3; dense=true; window=w,640,h,480"


# -- 4. servers -----------------------------------------------------------------------------


def test_server_variables_are_arguments_with_defaults_an_enum_and_the_environment(
    sdk: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WIRE_SDK_REGION", raising=False)
    assert str(sdk.Client(bearer_auth="t").base_url) == "https://us.api.example.com/v1"
    assert str(sdk.AsyncClient(bearer_auth="t", region="eu", version="v2").base_url) == "https://eu.api.example.com/v2"
    monkeypatch.setenv("WIRE_SDK_REGION", "eu")
    assert str(sdk.Client(bearer_auth="t").base_url) == "https://eu.api.example.com/v1"
    with pytest.raises(ValueError, match="'region' must be one of"):
        sdk.Client(bearer_auth="t", region="mars")


def test_an_operation_server_takes_its_variables_too(
    sdk: ModuleType, server: tuple[str, Recorder], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, recorded = server
    monkeypatch.delenv("WIRE_SDK_ZONE", raising=False)
    assert str(sdk.Client(bearer_auth="t").base_urls["upload"]) == "https://a.upload.example.com"
    assert str(sdk.Client(bearer_auth="t", zone="b").base_urls["upload"]) == "https://b.upload.example.com"
    with pytest.raises(ValueError, match="'zone' must be one of"):
        sdk.AsyncClient(bearer_auth="t", zone="c")
    with sdk.Client(bearer_auth="t", base_url="http://127.0.0.1:9", upload_base_url=url) as client:
        client.uploads.create()
    assert recorded.last.path == "/uploads"


# -- 5. tolerant responses ----------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_response_the_spec_does_not_describe_is_kept_as_received(
    sdk: ModuleType, server: tuple[str, Recorder], mode: str
) -> None:
    url, _ = server
    file = call(sdk, mode, url, lambda c: c.files.retrieve(id="file-1"), bearer_auth="t")
    assert isinstance(file, sdk.types.File)
    assert file.purpose == "assistants_v3"  # an enum value newer than the spec
    assert file.sid == ""  # shorter than its minLength
    assert file.bytes is None  # required, but left out
    assert file.size == "12"  # `minimum` on a string was left out at generation
    assert file.note is None  # a nullable field the server did not send
    assert file.to_dict() == FILE


@pytest.mark.parametrize("mode", MODES)
def test_strict_response_validation_raises(sdk: ModuleType, server: tuple[str, Recorder], mode: str) -> None:
    url, _ = server
    with pytest.raises(sdk.APIResponseValidationError, match="purpose"):
        call(sdk, mode, url, lambda c: c.files.retrieve(id="f"), bearer_auth="t", strict_response_validation=True)


# -- 6. binary downloads ------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_an_audio_response_is_a_binary_response(
    sdk: ModuleType, server: tuple[str, Recorder], mode: str, tmp_path: Path
) -> None:
    url, recorded = server
    # The operation may also answer with events: the audio is what comes back, not a Stream.
    audio = call(sdk, mode, url, lambda c: c.speech.create(input="hello"), bearer_auth="t")
    assert isinstance(audio, sdk.BinaryResponse)
    assert recorded.last.headers["accept"] == "audio/mpeg"
    assert audio.content == AUDIO and audio.read() == AUDIO and audio.content_type == "audio/mpeg"
    assert b"".join(audio.iter_bytes(4096)) == AUDIO
    audio.write_to_file(tmp_path / "speech.mp3")
    assert (tmp_path / "speech.mp3").read_bytes() == AUDIO


def test_a_streamed_audio_response_is_written_without_reading_it_first(
    sdk: ModuleType, server: tuple[str, Recorder], tmp_path: Path
) -> None:
    url, recorded = server
    with sdk.Client(bearer_auth="t", base_url=url) as client:
        with client.speech.with_streaming_response.create(input="hello") as streamed:
            assert not streamed.http_response.is_stream_consumed
            streamed.stream_to_file(tmp_path / "speech.mp3")
    assert (tmp_path / "speech.mp3").read_bytes() == AUDIO
    assert recorded.last.headers["accept"] == "audio/mpeg"

    async def main() -> bytes:
        async with sdk.AsyncClient(bearer_auth="t", base_url=url) as client:
            async with await client.speech.with_streaming_response.create(input="hello") as body:
                assert not body.http_response.is_stream_consumed
                return b"".join([chunk async for chunk in body.iter_bytes()])

    assert asyncio.run(main()) == AUDIO


LOSSY = """
openapi: 3.0.3
info: {title: Lossy, version: "1"}
servers: [{url: "https://{tenant}.example.com"}]
components:
  securitySchemes:
    digest: {type: http, scheme: digest}
  schemas:
    Thing:
      type: object
      properties:
        size: {type: string, minimum: 1}
paths:
  /things:
    get:
      operationId: things
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}
"""


def test_what_the_client_cannot_send_is_warned_about_where_it_is(tmp_path: Path) -> None:
    from sdkgen.pipeline import build

    spec = tmp_path / "lossy.yaml"
    spec.write_text(LOSSY)
    api, warnings = build(spec, "lossy_sdk")
    found = {(w.message, w.location.pointer) for w in warnings}
    assert found == {
        ("server variable {tenant} has no default; the URL keeps it as written", "/servers/0/variables"),
        ("a security scheme the client cannot send; left out", "/components/securitySchemes/digest"),
        ("minimum does not apply to type 'string'; left out", "/components/schemas/Thing/properties/size/minimum"),
    }
    assert api.auth is None and api.servers[0].variables == ()
