"""Loopback servers that misbehave at the socket level: a slowloris, a redirect loop, a corrupt
gzip body. Each serves on 127.0.0.1 (port 0) from a daemon thread and stops with `close()`.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable


class RawServer:
    """Accepts connections and hands each, with its request bytes read, to `answer`."""

    def __init__(self, answer: Callable[[socket.socket, bytes], None]) -> None:
        self.answer = answer
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.listener.getsockname()[:2]
        return f"http://{host}:{port}"

    def _serve(self) -> None:
        self.listener.settimeout(0.05)
        while not self.stopped.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    piece = connection.recv(65536)
                    if not piece:
                        return
                    data += piece
                self.answer(connection, data)
            except OSError:
                pass  # the client gave up: what a slowloris test expects

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()
        self.thread.join(timeout=5)


def trickle(delay: float, body_bytes: int, in_headers: bool) -> Callable[[socket.socket, bytes], None]:
    """A slowloris: one byte every `delay` seconds, of the headers or of the body."""
    body = b"{" + b" " * (body_bytes - 2) + b"}"
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)

    def answer(connection: socket.socket, request: bytes) -> None:
        slow, fast = (head, b"") if in_headers else (b"", head)
        connection.sendall(fast)
        for byte in slow + (b"" if in_headers else body):
            connection.sendall(bytes([byte]))
            time.sleep(delay)
        if in_headers:
            connection.sendall(body)

    return answer


def redirect_loop(connection: socket.socket, request: bytes) -> None:
    path = request.split(b" ", 2)[1]
    # One request per connection, said so: a client reusing it could meet the close as a reset.
    connection.sendall(
        b"HTTP/1.1 302 Found\r\nLocation: " + path + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )


def corrupt_gzip(connection: socket.socket, request: bytes) -> None:
    body = b"\x1f\x8b\x08\x00this is not deflate data at all"
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
        b"Content-Length: %d\r\n\r\n" % len(body) + body
    )
