"""What a run imports before it needs it is start-up time every run pays.

Each check runs a fresh interpreter: the modules named must not be loaded by importing
the CLI or the whole pipeline; they are imported where they are first used.
"""

from __future__ import annotations

import subprocess
import sys

import pytest


def loaded_after(statement: str, modules: list[str]) -> list[str]:
    """Which of `modules` a fresh interpreter has loaded once `statement` has run."""
    probe = f"import sys\n{statement}\nprint(' '.join(m for m in {modules!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return result.stdout.split()


@pytest.mark.parametrize(
    ("statement", "modules"),
    [
        # `sdkgen --version`, `--help` and a run with nothing to do stop before the pipeline.
        ("import sdkgen.cli", ["yaml", "ryml", "jinja2", "black", "markdown_it", "sdkgen.pipeline", "tempfile"]),
        # A generate run: markdown-it once a description is rendered, urllib.request for a
        # remote document; black never (it runs in its own process when chosen), nor
        # importlib.metadata (the run record finds the formatter's version without it).
        ("import sdkgen.pipeline", ["black", "markdown_it", "urllib.request", "http.client", "importlib.metadata"]),
    ],
)
def test_start_up_does_not_import_what_is_needed_later(statement: str, modules: list[str]) -> None:
    assert loaded_after(statement, modules) == []


def test_the_probe_sees_an_import() -> None:
    assert loaded_after("import sdkgen.text; sdkgen.text._markdown()", ["markdown_it"]) == ["markdown_it"]
