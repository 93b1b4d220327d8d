"""A real HTTP server on 127.0.0.1 that serves the shared.yaml operations and injects faults.

Each test gets its own server (port 0, a daemon thread) that records every request it
receives. Faults are queued per path and consumed one request at a time:

    api.fail("/v2/droplets", Status(503), Status(429, headers={"Retry-After": "0"}))

so a test can say exactly what the first, second ... attempt meets and then count the
attempts the client made.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Union
from urllib.parse import parse_qs, urlsplit

from . import payloads


@dataclass(frozen=True)
class Status:
    """Answer with this status, headers and JSON body (a DigitalOcean error by default)."""

    code: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None


@dataclass(frozen=True)
class Reset:
    """Drop the connection without an answer (TCP RST)."""


@dataclass(frozen=True)
class Slow:
    """Wait before answering normally."""

    seconds: float


@dataclass(frozen=True)
class Malformed:
    """Answer 200 with a body that is not JSON."""

    text: str = '{"droplets": [ {"id": 1,'


Fault = Union[Status, Reset, Slow, Malformed]


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


class FakeAPI:
    def __init__(self, droplet_count: int = 5) -> None:
        self.droplets = [payloads.droplet(i) for i in range(1, droplet_count + 1)]
        self.requests: list[Recorded] = []
        self.faults: dict[str, deque[Fault]] = {}
        self.stream_script: list[bytes] | None = None
        """Raw SSE bytes to send, piece by piece, for the next streamed completion."""
        self.stream_cut = False
        """After the script, drop the connection instead of ending the body."""
        self.endless_stream = False
        self.stream_closed = threading.Event()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeAPI:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def fail(self, path: str, *faults: Fault) -> None:
        self.faults.setdefault(path, deque()).extend(faults)

    def attempts(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def _next_fault(self, path: str) -> Fault | None:
        with self.lock:
            queue = self.faults.get(path)
            return queue.popleft() if queue else None

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
                pass

            def do_GET(self) -> None:
                self.dispatch("GET")

            def do_POST(self) -> None:
                self.dispatch("POST")

            def do_DELETE(self) -> None:
                self.dispatch("DELETE")

            def dispatch(self, method: str) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                query = parse_qs(parts.query)
                with api.lock:
                    api.requests.append(Recorded(method, parts.path, query, dict(self.headers.items()), body))
                fault = api._next_fault(parts.path)
                try:
                    if isinstance(fault, Reset):
                        self.reset()
                        return
                    if isinstance(fault, Slow):
                        time.sleep(fault.seconds)
                    if isinstance(fault, Status):
                        error = fault.body if fault.body is not None else payloads.error(fault.code)
                        self.send_json(fault.code, error, fault.headers)
                        return
                    if isinstance(fault, Malformed):
                        self.send_raw(200, fault.text.encode(), "application/json")
                        return
                    route = api.route(method, parts.path)
                    if route is None:
                        self.send_json(404, payloads.error(404))
                        return
                    route(self, query, body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def reset(self) -> None:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True

            def send_raw(
                self, status: int, data: bytes, content_type: str, headers: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("x-request-id", "req-fake-1")
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
                self.send_raw(status, json.dumps(payload).encode(), "application/json", headers)

            def send_no_content(self) -> None:
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def send_stream(self, pieces: list[bytes], cut: bool, endless: bool) -> None:
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                try:
                    sequence = 0
                    while True:
                        for piece in pieces:
                            self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                            self.wfile.flush()
                            time.sleep(0.002)
                        if not endless:
                            break
                        sequence += 1
                        if sequence > 5000:
                            return
                    if cut:
                        self.reset()
                        return
                    self.wfile.write(b"0\r\n\r\n")
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    api.stream_closed.set()

        return Handler

    # -- routes ---------------------------------------------------------------------------------

    def route(self, method: str, path: str) -> Callable[[Any, dict[str, list[str]], Any], None] | None:
        listings = {
            "/v2/droplets": ("droplets", lambda: self.droplets),
            "/v2/regions": ("regions", lambda: [payloads.region("nyc1"), payloads.region("ams3")]),
            "/v2/sizes": ("sizes", lambda: [payloads.size("s-1vcpu-1gb")]),
            "/v2/images": ("images", lambda: [payloads.image(7555620)]),
            "/v2/snapshots": ("snapshots", lambda: [payloads.snapshot("6372321")]),
            "/v2/actions": ("actions", lambda: [payloads.action(36804636)]),
            "/v2/vpc_peerings": ("vpc_peerings", lambda: [payloads.vpc_peering()]),
        }
        if method == "GET" and path in listings:
            key, items = listings[path]
            return lambda handler, query, body: self.page(handler, query, path, key, items())
        if method == "GET" and path.startswith("/v2/registry/") and path.endswith("/garbage-collections"):
            return lambda handler, query, body: self.page(
                handler, query, path, "garbage_collections", [payloads.garbage_collection()], links=False
            )
        if method == "POST" and path == "/v2/droplets":
            return lambda handler, query, body: handler.send_json(
                202,
                {
                    "droplet": {**payloads.droplet(99), "name": body["name"]},
                    "links": {"actions": [{"id": 7515, "rel": "create", "href": f"{self.url}/v2/actions/7515"}]},
                },
            )
        if path.startswith("/v2/droplets/"):
            droplet_id = path.rsplit("/", 1)[-1]
            found = [d for d in self.droplets if str(d["id"]) == droplet_id]
            if not found:
                return None
            if method == "DELETE":
                return lambda handler, query, body: handler.send_no_content()
            return lambda handler, query, body: handler.send_json(200, {"droplet": found[0]})
        if method == "GET" and path.startswith("/v2/actions/"):
            return lambda handler, query, body: handler.send_json(
                200, {"action": payloads.action(int(path.rsplit("/", 1)[-1]))}
            )
        if method == "GET" and path == "/v2/registry/subscription":
            return lambda handler, query, body: handler.send_json(200, {"subscription": payloads.subscription()})
        if method == "POST" and path.endswith("/garbage-collection"):
            return lambda handler, query, body: handler.send_json(
                201, {"garbage_collection": payloads.garbage_collection()}
            )
        if method == "POST" and path == "/v2/firewalls":
            return lambda handler, query, body: handler.send_json(
                202, {"firewall": {**body, "id": "bb4b2611-3d72-467b-8602-280330ecd65c", "status": "waiting"}}
            )
        if method == "POST" and path == "/v1/chat/completions":
            return self.chat
        return None

    def page(
        self, handler: Any, query: dict[str, list[str]], path: str, key: str, items: list[Any], links: bool = True
    ) -> None:
        page = int(query.get("page", ["1"])[0])
        per_page = int(query.get("per_page", ["20"])[0])
        start = (page - 1) * per_page
        chunk = items[start : start + per_page]
        last = max(1, -(-len(items) // per_page))
        pages: dict[str, str] = {}
        if page < last:
            pages["next"] = f"{self.url}{path}?page={page + 1}&per_page={per_page}"
            pages["last"] = f"{self.url}{path}?page={last}&per_page={per_page}"
        if page > 1:
            pages["first"] = f"{self.url}{path}?page=1&per_page={per_page}"
            pages["prev"] = f"{self.url}{path}?page={page - 1}&per_page={per_page}"
        payload: dict[str, Any] = {key: chunk, "meta": {"total": len(items)}}
        if links:
            payload["links"] = {"pages": pages}
        handler.send_json(200, payload)

    def chat(self, handler: Any, query: dict[str, list[str]], body: Any) -> None:
        if body.get("stream"):
            pieces = self.stream_script or [
                f"data: {json.dumps(payloads.chunk(text))}\n\n".encode() for text in ("Hel", "lo", "!")
            ] + [b"data: [DONE]\n\n"]
            handler.send_stream(pieces, self.stream_cut, self.endless_stream)
            return
        handler.send_json(200, payloads.completion("Hello!"))
