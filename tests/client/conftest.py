"""Fixtures for the generated client: the committed SDK on sys.path and a fake API server."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from ..conftest import ROOT
from .fake_api import FakeAPI

sys.path.insert(0, str(ROOT / "output" / "python"))


@pytest.fixture
def api() -> Iterator[FakeAPI]:
    server = FakeAPI().start()
    try:
        yield server
    finally:
        server.stop()
