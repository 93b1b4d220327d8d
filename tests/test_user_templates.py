"""User templates: `--templates DIR` and `templates = ...` in `[tool.sdkgen]`, layered over the built-in ones.

The golden case `tests/golden/user_templates` pins a whole tree with one override; these pin
the command line and the configuration.
"""

from __future__ import annotations

from pathlib import Path

from .conftest import ROOT
from .test_cli import sdkgen

SPEC = ROOT / "tests" / "golden" / "enums" / "spec.yaml"
VERSION = "python/acme_sdk/_version.py"


def override(folder: Path, text: str) -> None:
    (folder / "python" / "package").mkdir(parents=True, exist_ok=True)
    (folder / "python" / "package" / "_version.py.jinja").write_text(text, encoding="utf-8")


def test_config_templates_and_the_flag_over_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.sdkgen]\nspec = "{SPEC}"\noutput = "out"\npackage = "acme_sdk"\ntemplates = "tpl"\n', encoding="utf-8"
    )
    override(tmp_path / "tpl", "__version__ = {{ api.version | pystr }}  # from tpl\n")
    override(tmp_path / "other", "__version__ = {{ api.version | pystr }}  # from other\n")
    result = sdkgen("generate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / VERSION).read_text().endswith("# from tpl\n")
    # the other templates are the built-in ones
    assert (tmp_path / "out" / "python" / "acme_sdk" / "types" / "shared" / "task.py").is_file()
    # a changed user template is seen by the next run, and by check
    override(tmp_path / "tpl", "__version__ = {{ api.version | pystr }}  # from tpl, again\n")
    assert sdkgen("check", cwd=tmp_path).returncode == 1
    assert sdkgen("generate", cwd=tmp_path).returncode == 0
    assert (tmp_path / "out" / VERSION).read_text().endswith("# from tpl, again\n")
    assert sdkgen("check", cwd=tmp_path).returncode == 0
    assert sdkgen("generate", "--templates", "other", cwd=tmp_path).returncode == 0
    assert (tmp_path / "out" / VERSION).read_text().endswith("# from other\n")


def test_a_missing_templates_folder_is_an_input_error(tmp_path: Path) -> None:
    result = sdkgen("generate", str(SPEC), "-o", "out", "--templates", "nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert "templates folder not found: nowhere" in result.stderr
    assert not (tmp_path / "out").exists()
