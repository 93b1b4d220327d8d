"""Every Python block of a generated package README runs, or at least type-checks: all
blocks pass `mypy --strict` against the generated package, and the ones that send no
request (constructing a client, validating a model) are executed. Over DigitalOcean,
Slack, two Twilio specs and `schemas/shared.yaml` (generated once a session), and every golden."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sdkgen.pipeline import build

from .conftest import CORPUS_SDKS, GOLDEN, golden_cases

BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
SENDS = re.compile(r"\bclient(\.\w+)+\(")
"""A block that calls a method of a client sends a request: it is type-checked, not run."""


@pytest.mark.parametrize("package", sorted(CORPUS_SDKS))
def test_readme_blocks_type_check_and_the_offline_ones_run(
    package: str, corpus_sdk: Callable[[str], Path], tmp_path: Path
) -> None:
    spec = CORPUS_SDKS[package]
    out = corpus_sdk(package)
    readme = (out / "python" / "README.md").read_text()
    title = build(spec, package)[0].title
    assert "API API" not in readme and title in readme
    assert "client.with_raw_response" not in readme
    blocks = BLOCK.findall(readme)
    assert blocks
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    for number, block in enumerate(blocks):
        (snippets / f"block_{number}.py").write_text(block)
    env = {**os.environ, "MYPYPATH": str(out / "python")}
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent", str(snippets)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert checked.returncode == 0, checked.stdout
    api = build(spec, package)[0]
    credentials = {v: "test-credential" for s in (api.auth.schemes if api.auth else ()) for v in s.env_vars}
    offline = [block for block in blocks if not SENDS.search(block)]
    assert offline, "no README block runs offline"
    for block in offline:
        ran = subprocess.run(
            [sys.executable, "-c", block],
            capture_output=True,
            text=True,
            env={**os.environ, **credentials, "PYTHONPATH": str(out / "python")},
        )
        assert ran.returncode == 0, f"{block}\n{ran.stderr}"


@pytest.mark.parametrize("case", golden_cases())
def test_every_golden_readme_block_that_sends_nothing_runs(case: str) -> None:
    """The golden packages' READMEs: the blocks that send no request run as written
    (a model-only package's `model_validate` example included)."""
    package = GOLDEN / case / "expected" / "python"
    readme = (package / "README.md").read_text()
    assert "API API" not in readme and "client.with_raw_response" not in readme
    env = {**os.environ, "PYTHONPATH": str(package)}
    env.update({name: "test-credential" for name in re.findall(r"\| `\w+` \| `([A-Z][A-Z0-9_]+)` \|", readme)})
    for block in BLOCK.findall(readme):
        if not SENDS.search(block):
            ran = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True, env=env)
            assert ran.returncode == 0, f"{block}\n{ran.stderr}"
