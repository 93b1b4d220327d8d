"""Per-call overhead of the generated client, side by side with raw httpx + pydantic and the
published `gradient` SDK, against one loopback server; and SSE parsing throughput.

    make bench-client

Each figure is the median of several rounds; ratios compare medians. Not a test: nothing
here asserts a time.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "output" / "python"))

import shared_sdk  # noqa: E402
from shared_sdk.types import RegionListResponse  # noqa: E402

CALLS = 400
ROUNDS = 7
EVENTS = 10_000


def per_call(run_round: Callable[[], None]) -> float:
    """Median microseconds per call over ROUNDS rounds of CALLS calls (after one warm-up)."""
    run_round()
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        run_round()
        samples.append((time.perf_counter() - started) / CALLS * 1e6)
    return statistics.median(samples)


def per_call_async(make_round: Callable[[], Awaitable[None]]) -> float:
    return per_call(lambda: asyncio.run(make_round()))


def main() -> None:
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).parent / "loopback_server.py"), str(EVENTS)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = f"http://127.0.0.1:{server.stdout.readline().strip()}"
        results = run(url)
    finally:
        server.terminate()
        server.wait()
    print(f"\nclient overhead, {CALLS} calls x {ROUNDS} rounds, median microseconds per call (lower is better)")
    print(f"{'':28}{'sync':>10}{'async':>10}")
    for name in ("raw httpx + pydantic", "sdkgen client", "gradient SDK"):
        sync, asyn = results.get((name, "sync")), results.get((name, "async"))
        print(f"{name:28}{fmt(sync):>10}{fmt(asyn):>10}")
    for mode in ("sync", "async"):
        ours = results[("sdkgen client", mode)]
        raw = results[("raw httpx + pydantic", mode)]
        line = f"{mode}: ours/raw = {ours / raw:.2f}x (target <= 1.2)"
        if ("gradient SDK", mode) in results:
            line += f", ours/gradient = {ours / results[('gradient SDK', mode)]:.2f}x (target <= 1.0)"
        print(line)
    print(f"\nSSE: {EVENTS} chunks, median of {ROUNDS} reads")
    for name in ("sdkgen Stream", "gradient Stream"):
        if (name, "sse") in results:
            seconds = results[(name, "sse")]
            print(f"{name:28}{seconds * 1000:8.1f} ms  {EVENTS / seconds:>10,.0f} chunks/s")


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def run(url: str) -> dict[tuple[str, str], float]:
    results: dict[tuple[str, str], float] = {}
    headers = {"Authorization": "Bearer bench", "Accept": "application/json"}

    with httpx.Client() as http:

        def raw_round() -> None:
            for _ in range(CALLS):
                response = http.get(f"{url}/v2/regions", headers=headers)
                response.raise_for_status()
                RegionListResponse.model_validate_json(response.content)

        results[("raw httpx + pydantic", "sync")] = per_call(raw_round)

    with shared_sdk.Client(api_key="bench", base_url=url, inference_base_url=url) as client:

        def ours_round() -> None:
            for _ in range(CALLS):
                client.regions.list()

        results[("sdkgen client", "sync")] = per_call(ours_round)

        def ours_stream() -> None:
            count = sum(1 for _ in client.chat.completions.create(model="m", messages=[], stream=True))
            assert count == EVENTS, count

        results[("sdkgen Stream", "sse")] = timed(ours_stream)

    async def raw_async() -> None:
        async with httpx.AsyncClient() as http:
            for _ in range(CALLS):
                response = await http.get(f"{url}/v2/regions", headers=headers)
                response.raise_for_status()
                RegionListResponse.model_validate_json(response.content)

    results[("raw httpx + pydantic", "async")] = per_call_async(raw_async)

    async def ours_async() -> None:
        async with shared_sdk.AsyncClient(api_key="bench", base_url=url) as client:
            for _ in range(CALLS):
                await client.regions.list()

    results[("sdkgen client", "async")] = per_call_async(ours_async)

    try:
        import gradient
    except ImportError:
        print("gradient is not installed (`make bench-client` installs it); its column is left out")
        return results
    gradient_client = gradient.Gradient(
        access_token="bench", model_access_key="bench", base_url=url, inference_endpoint=url
    )

    def gradient_round() -> None:
        for _ in range(CALLS):
            gradient_client.regions.list()

    results[("gradient SDK", "sync")] = per_call(gradient_round)

    async def gradient_async() -> None:
        async with gradient.AsyncGradient(access_token="bench", base_url=url) as client:
            for _ in range(CALLS):
                await client.regions.list()

    results[("gradient SDK", "async")] = per_call_async(gradient_async)

    def gradient_stream() -> None:
        stream = gradient_client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "x"}], stream=True
        )
        count = sum(1 for _ in stream)
        assert count == EVENTS, count

    try:
        results[("gradient Stream", "sse")] = timed(gradient_stream)
    except Exception as exc:  # a different route shape: report, do not fail the benchmark
        print(f"gradient streaming could not be measured here: {type(exc).__name__}: {exc}")
    return results


def timed(read: Callable[[], None]) -> float:
    read()
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        read()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


if __name__ == "__main__":
    main()
