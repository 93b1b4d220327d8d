"""Releasing the SDK: its version is `version = ...` in `[tool.sdkgen]`, else the spec's `info.version`."""

from __future__ import annotations

from pathlib import Path

from .conftest import ROOT
from .test_cli import sdkgen

SPEC = ROOT / "tests" / "golden" / "enums" / "spec.yaml"


def versions(out: Path) -> tuple[str, str]:
    return (
        (out / "python" / "acme_sdk" / "_version.py").read_text().splitlines()[-1],
        next(
            line for line in (out / "python" / "pyproject.toml").read_text().splitlines() if line.startswith("version")
        ),
    )


def configure(project: Path, version: str | None) -> None:
    line = f'version = "{version}"\n' if version else ""
    text = f'[tool.sdkgen]\nspec = "{SPEC}"\noutput = "out"\npackage = "acme_sdk"\n{line}'
    (project / "pyproject.toml").write_text(text, encoding="utf-8")


def test_the_version_comes_from_the_config_or_the_spec(tmp_path: Path) -> None:
    info_version = "1.0.0"
    assert f"version: {info_version}" in SPEC.read_text()
    configure(tmp_path, None)
    assert sdkgen("generate", cwd=tmp_path).returncode == 0
    assert versions(tmp_path / "out") == (f'__version__ = "{info_version}"', f'version = "{info_version}"')
    configure(tmp_path, "4.2.0")
    assert sdkgen("generate", cwd=tmp_path).returncode == 0  # not the no-op run: the version changed
    assert versions(tmp_path / "out") == ('__version__ = "4.2.0"', 'version = "4.2.0"')
    assert sdkgen("check", cwd=tmp_path).returncode == 0
    configure(tmp_path, None)
    assert sdkgen("check", cwd=tmp_path).returncode == 1
