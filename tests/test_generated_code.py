"""The generated code is the product: it imports, type-checks strictly, lints and is black-clean."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import GOLDEN, ROOT, golden_cases

OUTPUT_PY = ROOT / "output" / "python"


def python_roots() -> list[Path]:
    """The committed SDK and every golden SDK: each folder holds one top-level package."""
    return [OUTPUT_PY, *(GOLDEN / case / "expected" / "python" for case in golden_cases())]


def packages(root: Path) -> list[Path]:
    return [p for p in root.iterdir() if (p / "__init__.py").is_file()]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_mypy_strict_passes_on_every_generated_package() -> None:
    targets = [pkg for root in python_roots() for pkg in packages(root)]
    result = run("mypy", "--strict", "--no-incremental", "--explicit-package-bases", *targets)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_passes_on_every_generated_package() -> None:
    roots = python_roots()
    result = run(
        "ruff",
        "check",
        "--no-cache",
        "--isolated",
        "--select",
        "E,F,W,I,UP,B",
        "--ignore",
        "UP006,UP007,UP035,UP045",
        "--line-length",
        "88",
        *roots,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_black_check_passes_on_every_generated_package() -> None:
    """Ruff formats the generated code; black stays the oracle: any file it would change is
    printed as its diff (a deviation of ruff's, to fix or to list in the README)."""
    result = run("black", "--check", "--diff", "--quiet", *python_roots())
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("root", python_roots(), ids=lambda p: p.parent.parent.name if p != OUTPUT_PY else "output")
def test_every_generated_module_imports(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(root))
    for package in packages(root):
        for module_file in sorted(package.rglob("*.py")):
            parts = module_file.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            module = importlib.import_module(name)
            for exported in getattr(module, "__all__", []):
                getattr(module, exported)
        for loaded in [m for m in sys.modules if m == package.name or m.startswith(package.name + ".")]:
            del sys.modules[loaded]


def test_output_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    trees = []
    for seed in ("0", "12345"):
        out = tmp_path / f"seed{seed}"
        result = subprocess.run(
            [sys.executable, "-m", "sdkgen", "generate", "-o", str(out), "--no-cache"],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        trees.append({str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]
    committed = ROOT / "output"
    assert trees[0] == {
        str(p.relative_to(committed)): p.read_bytes() for p in sorted(committed.rglob("*")) if p.is_file()
    }
