"""Golden files: each tests/golden/<case>/spec.yaml generates exactly tests/golden/<case>/expected.

`make update-goldens` rewrites the expected trees; review their diff like code.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

import pytest
from sdkgen.pipeline import generate_files, write
from sdkgen.targets.render import use_templates
from sdkgen.write.writer import plan, unified_diff

from .conftest import GOLDEN, golden_cases

UPDATE = os.environ.get("SDKGEN_UPDATE_GOLDENS") == "1"


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", golden_cases())
def test_golden(case: str, tmp_path: Path) -> None:
    case_dir = GOLDEN / case
    expected = case_dir / "expected"
    # A case with a `templates/` folder layers it over the built-in templates (`--templates`).
    use_templates(case_dir / "templates" if (case_dir / "templates").is_dir() else None)
    # A case with a `targets.txt` (one target a line) generates those SDKs, not Python alone.
    targets_file = case_dir / "targets.txt"
    targets = tuple(targets_file.read_text().split()) if targets_file.exists() else ("python",)
    try:
        generated = generate_files(case_dir / "spec.yaml", f"{case}_sdk", targets=targets)
    finally:
        use_templates(None)
    # A case that generates with warnings pins them in warnings.txt (no file: no warnings).
    warnings = "".join(w.format(case_dir) + "\n" for w in generated.warnings)
    warnings_file = case_dir / "warnings.txt"
    if UPDATE:
        shutil.rmtree(expected, ignore_errors=True)
        write(expected, generated, force=True)
        warnings_file.unlink(missing_ok=True)
        if warnings:
            warnings_file.write_text(warnings)
    assert warnings == (warnings_file.read_text() if warnings_file.exists() else ""), "warnings differ"
    out = tmp_path / "out"
    write(out, generated, force=False)
    assert tree(out) == tree(expected), f"file lists differ for {case}; run `make update-goldens`"
    mismatched = [p for p in sorted(tree(out)) if not filecmp.cmp(out / p, expected / p, shallow=False)]
    if mismatched:
        text = unified_diff(expected, generated.files, plan(expected, generated.files))
        pytest.fail(f"{case}: generated output differs from the golden files:\n{text}")
