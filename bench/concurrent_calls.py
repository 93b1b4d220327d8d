"""Many concurrent async calls on loopback: the generated client vs raw httpx + pydantic.

    .venv/bin/python bench/loopback_server.py &      # prints its port
    .venv/bin/python bench/concurrent_calls.py sdk   10000 http://127.0.0.1:PORT
    .venv/bin/python bench/concurrent_calls.py httpx 10000 http://127.0.0.1:PORT

Each run starts COUNT calls of `GET /v2/regions` at once with `asyncio.gather` and prints
how many succeeded and failed; time it from outside (`/usr/bin/time -v`) for the process's
CPU and peak memory. Raw httpx uses its defaults (a pool of 100 connections, a 5 s pool
timeout); the generated client its defaults (at most 20 requests in flight, the rest queued;
`IN_FLIGHT=n` in the environment sets another limit).
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "output" / "python"))

import shared_sdk  # noqa: E402
from shared_sdk.types import RegionListResponse  # noqa: E402


async def with_sdk(count: int, url: str) -> list[BaseException | object]:
    in_flight = int(os.environ.get("IN_FLIGHT", "0")) or None  # the client's default otherwise
    async with shared_sdk.AsyncClient(api_key="bench", base_url=url, max_retries=0, max_in_flight=in_flight) as client:
        return await asyncio.gather(*(client.regions.list() for _ in range(count)), return_exceptions=True)


async def with_httpx(count: int, url: str) -> list[BaseException | object]:
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": "Bearer bench"}) as client:

        async def call() -> RegionListResponse:
            response = await client.get("/v2/regions")
            response.raise_for_status()
            return RegionListResponse.model_validate(response.json())

        return await asyncio.gather(*(call() for _ in range(count)), return_exceptions=True)


def main() -> None:
    which, count, url = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    results = asyncio.run((with_sdk if which == "sdk" else with_httpx)(count, url))
    failures = [r for r in results if isinstance(r, BaseException)]
    kinds = sorted({type(f).__name__ for f in failures})
    print(f"{which}: {count - len(failures)} succeeded, {len(failures)} failed {kinds}")


if __name__ == "__main__":
    main()
