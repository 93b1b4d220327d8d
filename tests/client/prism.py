"""Starting and stopping a Prism mock server (`make prism` installs it under `.tools/prism`)."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ..conftest import ROOT

PRISM = ROOT / ".tools" / "prism" / "node_modules" / ".bin" / "prism"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_prism(spec: Path, errors: bool = True, startup_seconds: float = 90) -> Iterator[str]:
    """A Prism mock of `spec` on 127.0.0.1 that validates every request; its URL.

    With `errors` a request breaking the spec gets a 422 (and a response Prism made up that
    breaks it a 500); without, Prism answers anyway and lists what it found in the
    `sl-violations` header. Skips (or fails with SDKGEN_REQUIRE_PRISM) when Prism is not
    installed."""
    if not PRISM.exists():
        if os.environ.get("SDKGEN_REQUIRE_PRISM"):
            pytest.fail(f"Prism is not installed at {PRISM}: run `make prism`")
        pytest.skip("Prism is not installed: `make prism` installs it")
    port = free_port()
    process = subprocess.Popen(
        [str(PRISM), "mock", *(["--errors"] if errors else []), "-h", "127.0.0.1", "-p", str(port), str(spec)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + startup_seconds
        assert process.stdout is not None
        for line in process.stdout:
            if "Prism is listening" in line:
                break
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail(f"Prism did not start: {line}")
        else:
            pytest.fail("Prism exited before it listened")
        # Prism logs every request: read on, or a full pipe would stall it.
        threading.Thread(target=process.stdout.read, daemon=True).start()
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
