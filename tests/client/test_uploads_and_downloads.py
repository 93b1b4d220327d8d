"""Bodies that are not JSON (golden case `client_resources`): a multipart upload with a file
and form fields, a raw `application/octet-stream` upload, and CSV and PDF downloads, between
the generated client and a real HTTP server on 127.0.0.1 that parses what arrives."""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import importlib
import io
import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ..conftest import GOLDEN

PACKAGE = "client_resources_sdk"
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 16 + b"%%EOF"


class Received:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.fail_first = 0


def parse_multipart(content_type: str, body: bytes) -> dict[str, list[tuple[str | None, bytes, str]]]:
    """Each part by field name: (filename, bytes, content type)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    parts: dict[str, list[tuple[str | None, bytes, str]]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        parts.setdefault(str(name), []).append((part.get_filename(), payload, part.get_content_type()))
    return parts


@pytest.fixture()
def server() -> Iterator[tuple[str, Received]]:
    received = Received()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def handle_upload(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            received.requests.append(
                {"method": self.command, "path": self.path, "content_type": self.headers["Content-Type"], "body": body}
            )
            if received.fail_first > 0:
                received.fail_first -= 1
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.send_header("Retry-After", "0")
                self.end_headers()
                return
            if self.command == "PUT":
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            answer = json.dumps({"url": "https://img.example/1.png", "size": len(body)}).encode()
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        do_POST = do_PUT = handle_upload

        def do_GET(self) -> None:
            received.requests.append({"method": "GET", "path": self.path, "accept": self.headers["Accept"]})
            if self.path == "/v1/pets/export":
                body, content_type = "id,name\n1,Rex\n2,Zoë\n".encode(), "text/csv; charset=utf-8"
            else:
                body, content_type = PDF, "application/pdf"
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", received
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def sdk() -> Iterator[ModuleType]:
    root = GOLDEN / "client_resources" / "expected" / "python"
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def test_a_multipart_upload_sends_the_file_and_the_form_fields(
    sdk: ModuleType, server: tuple[str, Received], tmp_path: Path
) -> None:
    url, received = server
    photo = tmp_path / "rex.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    client = sdk.Client(api_key="token", base_url=url)
    result = client.photos.upload(pet_id=7, file=photo, caption="Rex, asleep", tags=["dog", "cute"])
    assert result.url == "https://img.example/1.png"
    [request] = received.requests
    assert request["path"] == "/v1/pets/7/photos"
    assert request["content_type"].startswith("multipart/form-data; boundary=")
    parts = parse_multipart(request["content_type"], request["body"])
    assert parts["file"] == [("rex.png", photo.read_bytes(), "image/png")]
    assert [p[1] for p in parts["caption"]] == [b"Rex, asleep"]
    assert [p[1] for p in parts["tags"]] == [b"dog", b"cute"]  # a form array repeats its field


def test_a_file_object_is_read_once_and_sent_again_on_a_retry(sdk: ModuleType, server: tuple[str, Received]) -> None:
    url, received = server
    received.fail_first = 1
    client = sdk.Client(api_key="token", base_url=url, max_retries=1)
    client.photos.upload(pet_id=1, file=("scan.pdf", io.BytesIO(b"%PDF-1.7 ..."), "application/pdf"))
    assert len(received.requests) == 2
    for request in received.requests:
        parts = parse_multipart(request["content_type"], request["body"])
        assert parts["file"] == [("scan.pdf", b"%PDF-1.7 ...", "application/pdf")]
        assert "caption" not in parts  # NOT_GIVEN fields are not sent


def test_a_raw_body_is_sent_as_octet_stream(sdk: ModuleType, server: tuple[str, Received]) -> None:
    url, received = server
    client = sdk.Client(api_key="token", base_url=url)
    data = bytes(range(256)) * 64
    assert client.records.replace(pet_id=3, body=io.BytesIO(data)) is None
    [request] = received.requests
    assert (request["method"], request["path"]) == ("PUT", "/v1/pets/3/records")
    assert request["content_type"] == "application/octet-stream"
    assert request["body"] == data


def test_the_async_client_uploads_too(sdk: ModuleType, server: tuple[str, Received]) -> None:
    url, received = server

    async def main() -> Any:
        async with sdk.AsyncClient(api_key="token", base_url=url) as client:
            return await client.photos.upload(pet_id=2, file=b"bytes", caption="c")

    result = asyncio.run(main())
    assert result.size == len(received.requests[0]["body"])
    parts = parse_multipart(received.requests[0]["content_type"], received.requests[0]["body"])
    assert parts["file"][0][:2] == ("upload", b"bytes")


def test_a_text_response_is_returned_as_text_and_a_binary_one_as_a_binary_response(
    sdk: ModuleType, server: tuple[str, Received], tmp_path: Path
) -> None:
    url, received = server
    client = sdk.Client(api_key="token", base_url=url)
    assert client.exports.csv() == "id,name\n1,Rex\n2,Zoë\n"
    download = client.certificates.retrieve(pet_id=4)
    assert download.content == PDF and download.read() == PDF
    assert download.content_type == "application/pdf"
    assert b"".join(download.iter_bytes(1000)) == PDF
    download.write_to_file(tmp_path / "cert.pdf")
    assert (tmp_path / "cert.pdf").read_bytes() == PDF
    assert [r["accept"] for r in received.requests] == ["text/csv", "application/pdf"]

    async def main() -> bytes:
        async with sdk.AsyncClient(api_key="token", base_url=url) as async_client:
            result = await async_client.certificates.retrieve(pet_id=4)
            content: bytes = result.content
            return content

    assert asyncio.run(main()) == PDF


def test_a_streamed_download_is_read_only_as_it_is_iterated_or_written(
    sdk: ModuleType, server: tuple[str, Received], tmp_path: Path
) -> None:
    url, received = server
    client = sdk.Client(api_key="token", base_url=url)
    with client.certificates.with_streaming_response.retrieve(pet_id=4) as streamed:
        assert not streamed.http_response.is_stream_consumed  # nothing read yet
        streamed.stream_to_file(tmp_path / "cert.pdf")
    assert (tmp_path / "cert.pdf").read_bytes() == PDF
    assert streamed.http_response.is_closed
    with client.certificates.with_streaming_response.retrieve(pet_id=4) as streamed:
        assert b"".join(streamed.iter_bytes()) == PDF
    assert received.requests[-1]["accept"] == "application/pdf"

    async def main() -> bytes:
        async with sdk.AsyncClient(api_key="token", base_url=url) as async_client:
            async with await async_client.certificates.with_streaming_response.retrieve(pet_id=4) as body:
                assert not body.http_response.is_stream_consumed
                await body.stream_to_file(tmp_path / "async.pdf")
            async with async_client.certificates.with_streaming_response.retrieve(pet_id=4) as body:
                return b"".join([chunk async for chunk in body.iter_bytes()])

    assert asyncio.run(main()) == PDF
    assert (tmp_path / "async.pdf").read_bytes() == PDF
