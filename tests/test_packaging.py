"""The wheel installs one import package, `sdkgen`, with its templates inside it."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_holds_sdkgen_and_every_template(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("sdkgen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    top_level = {name.split("/")[0] for name in names}
    assert {t for t in top_level if not t.endswith(".dist-info")} == {"sdkgen"}
    sources = {f"sdkgen/{p.relative_to(ROOT / 'generator').as_posix()}" for p in (ROOT / "generator").rglob("*.py")}
    templates = {
        f"sdkgen/templates/{p.relative_to(ROOT / 'templates').as_posix()}"
        for p in (ROOT / "templates").rglob("*.jinja")
    }
    assert sources <= names
    assert templates <= names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "sdkgen = sdkgen.cli:main" in entry_points


def test_every_folder_of_sources_and_templates_is_a_listed_package() -> None:
    """setuptools packs the folders `packages` lists; one it finds unlisted it still packs, with
    a warning that a later version will not: a new folder of templates must be listed."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {
        prefix + ".".join(folder.relative_to(root).parts)
        for root, prefix in ((ROOT / "generator", "sdkgen."), (ROOT / "templates", "sdkgen.templates."))
        for folder in root.rglob("*")
        if folder.is_dir()
        and folder.name != "__pycache__"
        and any(f.is_file() and f.suffix in {".py", ".jinja"} for f in folder.iterdir())
    }
    assert folders <= listed, sorted(folders - listed)


def test_python_dash_m_sdkgen_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "sdkgen", "--help"], capture_output=True, text=True, check=True)
    assert "Usage: python -m sdkgen" in result.stdout
    assert "generate" in result.stdout
