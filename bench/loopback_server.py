"""A minimal keep-alive HTTP/1.1 server on 127.0.0.1 for benchmarks, run in its own process.

It answers `GET /v2/regions` with a fixed page of regions and `POST /v1/chat/completions`
with a fixed stream of N server-sent events, as fast as asyncio can, so that the clients
being compared are what differs. Prints its port, then serves until killed.
"""

from __future__ import annotations

import asyncio
import json
import sys

REGIONS = {
    "regions": [
        {
            "name": f"Region {i}",
            "slug": f"r{i}",
            "features": ["backups", "ipv6", "metadata"],
            "available": True,
            "sizes": ["s-1vcpu-1gb", "s-2vcpu-2gb", "s-4vcpu-8gb"],
        }
        for i in range(10)
    ],
    "links": {"pages": {}},
    "meta": {"total": 10},
}


def chunk(i: int) -> bytes:
    event = {
        "id": "chatcmpl-bench",
        "object": "chat.completion.chunk",
        "created": 1677652288,
        "model": "llama3.3-70b-instruct",
        "choices": [{"index": 0, "delta": {"content": f"tok{i} "}, "finish_reason": None}],
    }
    return b"data: " + json.dumps(event).encode() + b"\n\n"


def main() -> None:
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    regions = json.dumps(REGIONS).encode()
    json_head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(regions)
    stream_body = b"".join(chunk(i) for i in range(events)) + b"data: [DONE]\n\n"
    stream_head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: %d\r\n\r\n" % len(stream_body)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                if length:
                    await reader.readexactly(length)
                if head.startswith(b"POST ") and b"/chat/completions" in head.split(b"\r\n", 1)[0]:
                    writer.write(stream_head + stream_body)
                else:
                    writer.write(json_head + regions)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def serve() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        print(server.sockets[0].getsockname()[1], flush=True)
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
