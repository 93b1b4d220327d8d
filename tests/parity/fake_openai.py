"""A real HTTP server on 127.0.0.1 answering the operations of `openai_like.yaml`.

It records every request (method, path, query, headers, body) and answers as the API this
spec imitates would: lists as `{"object": "list", "data": [...]}`, errors as
`{"error": {...}}` (or RFC 7807 `application/problem+json` for the file `problem`), file
content as bytes, batch output as JSON Lines, chat completions as JSON or, with
`"stream": true`, as server-sent events ending in `[DONE]`. Every answer carries an
`x-request-id`. `failures[path]` answers that many requests to `path` with 503 first.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

FILE_BYTES = b"\x00\x01binary content\xff"
BATCH_LINES = [{"custom_id": "a", "status": 200}, {"custom_id": "b", "status": 500}]
CHUNKS = ["Hel", "lo"]


def openai_file(file_id: str) -> dict[str, Any]:
    return {"id": file_id, "object": "file", "bytes": 12, "filename": "data.jsonl", "purpose": "batch"}


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


class FakeOpenAI:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.failures: dict[str, int] = {}
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def attempts(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def answer(self, method: str, path: str, query: dict[str, list[str]], body: bytes) -> tuple[int, str, bytes]:
        """Status, content type and body for one request."""
        with self.lock:
            left = self.failures.get(path, 0)
            if left:
                self.failures[path] = left - 1
                return 503, "application/json", b'{"error": {"message": "overloaded", "type": "server_error"}}'
        route = path.removeprefix("/v1")
        if method == "GET" and route == "/models":
            models = [{"id": name, "object": "model", "created": 1, "owned_by": "lab"} for name in ("m-1", "m-2")]
            return self.json({"object": "list", "data": models})
        if method == "GET" and route == "/files":
            after = query.get("after", [""])[0]
            ids = ["file-1", "file-2", "file-3"]
            rest = ids[ids.index(after) + 1 :] if after in ids else ids
            page, more = rest[:2], len(rest) > 2
            data = [openai_file(i) for i in page]
            return self.json({"object": "list", "data": data, "has_more": more, "last_id": page[-1] if page else None})
        if method == "POST" and route == "/files":
            return self.json(openai_file("file-new") | {"bytes": len(body)})
        if method == "GET" and route.startswith("/files/"):
            parts = route.split("/")
            file_id = parts[2]
            if file_id == "problem":
                problem = {
                    "type": "about:blank",
                    "title": "Unprocessable",
                    "detail": "the file is broken",
                    "status": 422,
                }
                return 422, "application/problem+json", json.dumps(problem).encode()
            if file_id != "file-1":
                error = {"message": f"No such File object: {file_id}", "type": "invalid_request_error"}
                return 404, "application/json", json.dumps({"error": {**error, "param": "id", "code": None}}).encode()
            if len(parts) == 4 and parts[3] == "content":
                return 200, "application/octet-stream", FILE_BYTES
            return self.json(openai_file(file_id))
        if method == "GET" and route.startswith("/batches/") and route.endswith("/output"):
            lines = "".join(json.dumps(line) + "\n" for line in BATCH_LINES)
            return 200, "application/jsonl", lines.encode()
        if method == "POST" and route == "/chat/completions":
            request = json.loads(body or b"{}")
            if request.get("stream"):
                events = [{"id": "c-1", "object": "chat.completion.chunk", "delta": text} for text in CHUNKS]
                stream = "".join(f"data: {json.dumps(event)}\n\n" for event in events) + "data: [DONE]\n\n"
                return 200, "text/event-stream", stream.encode()
            message = {"role": "assistant", "content": "".join(CHUNKS)}
            return self.json({"id": "c-1", "object": "chat.completion", "choices": [{"index": 0, "message": message}]})
        if route == "/slow":
            time.sleep(1.0)
            return self.json({})
        if route == "/x":
            return self.json({"method": method, "echo": json.loads(body) if body else None})
        return 404, "application/json", b'{"error": {"message": "no route", "type": "invalid_request_error"}}'

    @staticmethod
    def json(value: object) -> tuple[int, str, bytes]:
        return 200, "application/json", json.dumps(value).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def handle_any(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                query = parse_qs(parts.query)
                with fake.lock:
                    fake.requests.append(
                        Recorded(self.command, parts.path, query, {k: v for k, v in self.headers.items()}, body)
                    )
                status, content_type, payload = fake.answer(self.command, parts.path, query, body)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("x-request-id", f"req_{len(fake.requests)}")
                if status == 503:
                    self.send_header("Retry-After", "0")
                self.end_headers()
                try:
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the timeout checks)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any

        return Handler
