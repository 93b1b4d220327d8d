"""Shared fixtures: paths of the repo, the shared corpus and the golden cases."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
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


CORPUS_SDKS = {
    "digitalocean_sdk": SHARED / "corpus" / "digitalocean" / "specification" / "DigitalOcean-public.v2.yaml",
    "slack_sdk": SHARED / "corpus" / "apis" / "slack_web_1.7.0.yaml",
    "twilio_messaging_sdk": SHARED / "corpus" / "twilio" / "twilio_messaging_v1.yaml",
    "twilio_api_sdk": SHARED / "corpus" / "twilio" / "twilio_api_v2010.yaml",
    "shared_copy_sdk": ROOT / "schemas" / "shared.yaml",
}
"""Real specs the docs and README tests generate an SDK of (each once per session, by package name)."""


@pytest.fixture(scope="session")
def corpus_sdk(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The output folder of `sdkgen generate` of `CORPUS_SDKS[package]`, made once per session."""
    made: dict[str, Path] = {}

    def generate(package: str) -> Path:
        if package not in made:
            spec = CORPUS_SDKS[package]
            if not spec.is_file():
                pytest.skip(f"{spec} is not in the shared corpus")
            out = tmp_path_factory.mktemp(package)
            # Python alone, whatever this repo's [tool.sdkgen] targets (the run's working directory).
            command = [sys.executable, "-m", "sdkgen", "generate", str(spec), "-o", str(out), "--package", package]
            command += ["--target", "python"]
            subprocess.run(command, check=True, capture_output=True)
            made[package] = out
        return made[package]

    return generate
