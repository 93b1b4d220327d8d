"""`kill -9` at any moment of `generate` leaves the output as it was before or as it is after.

Two ways in: a fault hook (`SDKGEN_FAULT_INJECT`) that SIGKILLs the generator at named
points of the write (after linking the old tree, half-way through the new files, once the
new tree is complete, right after the swap), and kills from outside at random moments of
a larger run. After each, the output tree must equal one of the two snapshots exactly,
and the next run must finish the job and leave nothing behind.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import GOLDEN, ROOT

FOREIGN = "NOTES.md"


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def generate(spec: Path, output: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sdkgen", "generate", str(spec), "-o", str(output), "--package", "crash_sdk"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )


@pytest.fixture
def trees(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    """Spec A's output (plus a file of the user's), spec B, and both expected snapshots."""
    spec_a = GOLDEN / "client_resources" / "spec.yaml"
    spec_b = tmp_path / "spec_b.yaml"
    text = spec_a.read_text()
    # B changes descriptions and drops a model, so the swap writes and deletes.
    text = text.replace("What the pet answers to.", "The pet's name.")
    text = text.replace("    LogLine:", "    LogLineGone:").replace(
        "#/components/schemas/LogLine'", "#/components/schemas/Owner'"
    )
    spec_b.write_text(text)
    expected_b = tmp_path / "expected_b"
    assert generate(spec_b, expected_b).returncode == 0
    (expected_b / FOREIGN).write_text("kept by sdkgen\n")
    pristine = tmp_path / "pristine"
    assert generate(spec_a, pristine).returncode == 0
    (pristine / FOREIGN).write_text("kept by sdkgen\n")
    tree_a, tree_b = snapshot(pristine), snapshot(expected_b)
    assert tree_a != tree_b
    return pristine, spec_b, tree_a, tree_b


def leftovers(output: Path) -> list[str]:
    return [p.name for p in output.parent.iterdir() if ".sdkgen-next-" in p.name]


@pytest.mark.parametrize(
    ("point", "expect_new"), [("linked", False), ("half-written", False), ("built", False), ("exchanged", True)]
)
def test_a_kill_at_each_write_point_leaves_the_old_or_the_new_tree(
    trees: tuple[Path, Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path, point: str, expect_new: bool
) -> None:
    pristine, spec_b, tree_a, tree_b = trees
    output = tmp_path / "work" / "output"
    shutil.copytree(pristine, output)
    killed = generate(spec_b, output, SDKGEN_FAULT_INJECT=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert snapshot(output) == (tree_b if expect_new else tree_a)
    finished = generate(spec_b, output)
    assert finished.returncode == 0, finished.stderr
    assert snapshot(output) == tree_b
    assert leftovers(output) == []


def test_kills_at_random_moments_never_leave_a_mixed_tree(
    trees: tuple[Path, Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    pristine, spec_b, tree_a, tree_b = trees
    output = tmp_path / "work" / "output"
    shutil.copytree(pristine, output)
    started = time.monotonic()
    assert generate(spec_b, output).returncode == 0
    duration = time.monotonic() - started
    rng = random.Random(20261125)
    for _ in range(12):
        shutil.rmtree(output)
        shutil.copytree(pristine, output)
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sdkgen",
                "generate",
                str(spec_b),
                "-o",
                str(output),
                "--package",
                "crash_sdk",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.0) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        tree = snapshot(output)
        assert tree in (tree_a, tree_b), "a kill left a mix of the old and the new tree"
    assert generate(spec_b, output).returncode == 0
    assert snapshot(output) == tree_b and leftovers(output) == []
