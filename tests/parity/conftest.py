"""The OpenAI-shaped SDK, generated once from `openai_like.yaml` into a temporary folder and
imported as `openai_like`, and a loopback server answering its operations."""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from .fake_openai import FakeOpenAI

SPEC = Path(__file__).parent / "openai_like.yaml"


def generate(spec: Path, target: Path, package: str) -> Path:
    """The SDK of `spec` generated under `target`; returns the folder to put on `sys.path`."""
    subprocess.run(
        [sys.executable, "-m", "sdkgen", "generate", str(spec), "-o", str(target), "--package", package],
        check=True,
        capture_output=True,
        text=True,
    )
    return target / "python"


@pytest.fixture(scope="session")
def sdk_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(SPEC, tmp_path_factory.mktemp("openai_like"), "openai_like")


@pytest.fixture(scope="session")
def sdk(sdk_root: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(sdk_root))
    try:
        yield importlib.import_module("openai_like")
    finally:
        sys.path.remove(str(sdk_root))


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI().start()
    try:
        yield fake
    finally:
        fake.stop()


SECRET_KEY = b"a secret of the webhook endpoint"
SECRET = "whsec_" + base64.b64encode(SECRET_KEY).decode()


def sign(body: str, timestamp: int, webhook_id: str = "msg_1", key: bytes = SECRET_KEY) -> dict[str, str]:
    """The headers a Standard Webhooks sender adds: HMAC-SHA256 of `id.timestamp.body`, base64."""
    digest = hmac.new(key, f"{webhook_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": "v1," + base64.b64encode(digest).decode(),
    }
