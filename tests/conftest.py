"""Shared fixtures: paths of the repo, the shared corpus and the golden cases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SHARED = Path(os.environ.get("SDKGEN_SHARED_DIR", ROOT.parent / "shared"))
DO_SPEC_DIR = SHARED / "corpus" / "digitalocean"


def golden_cases() -> list[str]:
    return sorted(p.name for p in GOLDEN.iterdir() if (p / "spec.yaml").is_file())


@pytest.fixture(scope="session")
def do_spec_dir() -> Path:
    if not (DO_SPEC_DIR / "specification").is_dir():
        pytest.skip(f"the shared DigitalOcean corpus is not at {DO_SPEC_DIR}")
    return DO_SPEC_DIR
