"""The layout ARCHITECTURE.md describes: stage subpackages, small modules, no import circle."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"
STAGES = ("load", "ir", "targets", "targets/python", "targets/docs", "write")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["sdkgen", *parts])


def imports_of(path: Path) -> set[str]:
    """Modules of sdkgen that a file imports (at load time, lazily or for type checkers alike)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")
            base = base[: len(base) - node.level + 1]
            target = ".".join([*base, node.module] if node.module else base)
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if modules().get(candidate) else target)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sdkgen"):
            found.add(node.module)
    return {m for m in found if m in modules() and m != name}


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def test_each_stage_is_a_subpackage_that_says_what_it_takes_and_gives() -> None:
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), stage
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring and " in, " in docstring and " out" in docstring, f"{init}: say what the stage takes and gives"


def test_no_module_passes_500_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > 500}
    assert not long, f"split these: {long}"


def test_no_import_circle() -> None:
    graph = {name: imports_of(path) for name, path in modules().items()}
    # Package __init__ files import nothing, so any cycle is between modules.
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> None:
        if node in done:
            return
        assert node not in visiting, "import circle: " + " -> ".join([*visiting[visiting.index(node) :], node])
        visiting.append(node)
        for child in sorted(graph[node]):
            visit(child)
        visiting.pop()
        done.add(node)

    for name in sorted(graph):
        visit(name)


def test_the_ir_imports_no_target_and_the_writer_no_stage_above_it() -> None:
    for name, path in modules().items():
        imported = imports_of(path)
        if name.startswith(("sdkgen.ir", "sdkgen.load")):
            assert not {m for m in imported if m.startswith(("sdkgen.targets", "sdkgen.write"))}, name
        if name.startswith("sdkgen.write"):
            assert not {m for m in imported if m.startswith(("sdkgen.targets", "sdkgen.ir"))}, name


def test_every_subpackage_is_in_the_build_configuration() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {module_name(p) for p in PACKAGE.rglob("__init__.py")}
    listed = set(config["packages"])
    assert {name for name in listed if not name.startswith("sdkgen.templates")} == folders
    assert "sdkgen.templates" in listed  # its folders: tests/test_packaging.py
    assert config["package-dir"] == {"sdkgen": "generator", "sdkgen.templates": "templates"}
