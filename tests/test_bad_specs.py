"""Bad input, one small file per case in tests/bad_specs/: the exact message, exit code 2, no
traceback, and an existing output directory left exactly as it was.

`<case>.expected` holds the whole of stderr, run from tests/bad_specs/ so paths are short.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BAD = ROOT / "tests" / "bad_specs"
CASES = sorted(p for p in BAD.iterdir() if p.suffix in (".yaml", ".json"))
TOLERATED = {
    "default_invalid",
    "duplicate_operation_id",
    "enum_type_mismatch",
    "express_path",
    "path_parameter_not_in_path",
    "pattern_without_python_equivalent",
    "ref_fragment_without_slash",
    "request_body_without_content",
    "server_variable_default",
    "sloppy_type",
    "swagger2_collection_format_tsv",
    "undeclared_path_parameter",
}
"""Sloppy specs a reader can make sense of: they generate with warnings, and `--strict`
turns the warnings into these errors."""


@pytest.mark.parametrize("spec", CASES, ids=lambda p: p.stem)
def test_bad_spec_gets_its_exact_message_and_changes_nothing(spec: Path, tmp_path: Path) -> None:
    output = tmp_path / "output"
    (output / "python").mkdir(parents=True)
    (output / "python" / "keep.py").write_text("X = 1\n")
    strict = ["--strict"] if spec.stem in TOLERATED else []
    result = subprocess.run(
        [sys.executable, "-m", "sdkgen", "generate", spec.name, "-o", str(output), "--package", "bad", *strict],
        cwd=BAD,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr == (BAD / f"{spec.stem}.expected").read_text()
    assert [p.name for p in output.rglob("*")] == ["python", "keep.py"]
    assert (output / "python" / "keep.py").read_text() == "X = 1\n"


def test_every_case_has_an_expected_message() -> None:
    expected = {p.stem for p in BAD.glob("*.expected")}
    assert expected == {p.stem for p in CASES}


def test_verbose_alone_shows_the_traceback(tmp_path: Path) -> None:
    args = [sys.executable, "-m", "sdkgen", "generate", "ref_cycle.yaml", "-o", str(tmp_path), "--package", "b"]
    quiet = subprocess.run(args, cwd=BAD, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)})
    loud = subprocess.run([*args, "--verbose"], cwd=BAD, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)})
    assert "Traceback" not in quiet.stderr
    assert "Traceback" in loud.stderr and "ref_cycle.yaml:13:5: error" in loud.stderr


@pytest.mark.parametrize("stem", sorted(TOLERATED))
def test_a_tolerated_spec_generates_with_the_same_messages_as_warnings(stem: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sdkgen", "generate", f"{stem}.yaml", "-o", str(tmp_path), "--package", "sloppy"],
        cwd=BAD,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    errors = (BAD / f"{stem}.expected").read_text().splitlines()[:-1]  # without the "nothing was written" line
    warnings = [line.replace(": error: ", ": warning: ") for line in errors]
    assert result.stderr.splitlines() == warnings
    assert (tmp_path / "python" / "sloppy" / "__init__.py").is_file()
