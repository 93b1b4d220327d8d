"""Configuration: `[tool.sdkgen]` in pyproject.toml, overridden by command-line options."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import Diagnostic, Location, SpecError
from .ir.overrides import ENV_PREFIX, OverridesConfig

FORMATTERS = ("ruff", "black")
"""What formats the generated Python (`formatter = ...`, `--formatter`); ruff by default."""
TARGETS = ("python", "typescript")
"""The SDKs a run can generate (`targets = [...]`, `--target`); Python alone by default.
The docs are generated with every run."""


class NoSpec(Exception):
    """No spec argument and none configured: a usage error, located in no file when there is
    no pyproject.toml to point at."""


@dataclass(frozen=True)
class Settings:
    spec: Path
    output: Path
    package: str
    templates: Path | None = None
    """A folder of templates layered over the built-in ones (`--templates`, `templates = ...`)."""
    version: str | None = None
    """The generated package's version (`version = ...`); None: the spec's `info.version`."""
    env_prefix: str | None = None
    """What the client's environment variables start with (`env_prefix = "OPENAI"`); None:
    the overrides' or the spec's `x-sdk-env-prefix`, else the package name in capitals."""
    overrides: OverridesConfig | None = None
    """Overrides from `[tool.sdkgen]`: `overrides = "file.yaml"` or an `[tool.sdkgen.overrides]`
    table; None: `sdkgen.yaml` beside the spec, if there is one."""
    formatter: str = "ruff"
    """`ruff` or `black` (`formatter = ...` in [tool.sdkgen], `--formatter`)."""
    targets: tuple[str, ...] = ("python",)
    """The SDKs generated, in `TARGETS` order (`targets = [...]` in [tool.sdkgen], `--target`)."""


def read_settings(
    project_dir: Path,
    spec: Path | None,
    output: Path | None,
    package: str | None,
    templates: Path | None = None,
    formatter: str | None = None,
    targets: tuple[str, ...] = (),
) -> Settings:
    table: dict[str, object] = {}
    pyproject = project_dir / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SpecError([Diagnostic("error", f"invalid pyproject.toml: {exc}", Location(pyproject))]) from None
        found = data.get("tool", {}).get("sdkgen", {})
        table = found if isinstance(found, dict) else {}
    spec = spec or (project_dir / str(table["spec"]) if "spec" in table else None)
    if spec is None:
        message = f"no spec argument and no [tool.sdkgen] spec in {_shown(pyproject)}"
        if not pyproject.is_file():
            raise NoSpec(f"{message} (there is no such file): give the spec, `sdkgen generate SPEC`")
        raise SpecError([Diagnostic("error", message, Location(pyproject, "/tool/sdkgen", _table_line(pyproject)))])
    output = output or project_dir / str(table.get("output", "output"))
    package = package or str(table.get("package", "")) or _package_from_spec(spec)
    if not package.isidentifier() or not package.isascii():
        message = f"package name {package!r} is not a Python identifier"
        raise SpecError([Diagnostic("error", message, Location(pyproject))])
    templates = templates or (project_dir / str(table["templates"]) if "templates" in table else None)
    if templates is not None and not templates.is_dir():
        message = f"templates folder not found: {templates}"
        raise SpecError([Diagnostic("error", message, Location(pyproject))])
    version = str(table["version"]) if "version" in table else None
    env_prefix = table.get("env_prefix")
    if env_prefix is not None and not (isinstance(env_prefix, str) and ENV_PREFIX.fullmatch(env_prefix)):
        message = f"[tool.sdkgen] env_prefix must be the start of a variable name (OPENAI), not {env_prefix!r}"
        raise SpecError([Diagnostic("error", message, Location(pyproject, "/tool/sdkgen/env_prefix"))])
    overrides = _overrides(pyproject, table.get("overrides"))
    formatter = formatter or str(table.get("formatter", "ruff"))
    if formatter not in FORMATTERS:
        message = f"[tool.sdkgen] formatter must be one of {', '.join(FORMATTERS)}, not {formatter!r}"
        raise SpecError([Diagnostic("error", message, Location(pyproject, "/tool/sdkgen/formatter"))])
    targets = _targets(pyproject, targets or table.get("targets", ["python"]))
    return Settings(
        spec=spec,
        output=output,
        package=package,
        templates=templates,
        version=version,
        env_prefix=env_prefix,
        overrides=overrides,
        formatter=formatter,
        targets=targets,
    )


def _targets(pyproject: Path, found: object) -> tuple[str, ...]:
    """The targets asked for, each once, in `TARGETS` order."""
    if isinstance(found, (list, tuple)) and found and all(t in TARGETS for t in found):
        return tuple(t for t in TARGETS if t in found)
    message = f"[tool.sdkgen] targets must be a non-empty list of {', '.join(TARGETS)}, not {found!r}"
    raise SpecError([Diagnostic("error", message, Location(pyproject, "/tool/sdkgen/targets"))])


def _shown(path: Path) -> str:
    """`./pyproject.toml` for the working directory's, the path as given otherwise."""
    try:
        return f"./{path.relative_to(Path.cwd())}"
    except ValueError:
        return str(path)


def _table_line(pyproject: Path) -> int | None:
    """The line of `[tool.sdkgen]` in the pyproject (tomllib gives no positions), if it has one."""
    for number, line in enumerate(pyproject.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip().replace(" ", "") == "[tool.sdkgen]":
            return number
    return None


def _overrides(pyproject: Path, found: object) -> OverridesConfig | None:
    """`overrides = "path/to/sdkgen.yaml"` (relative to the pyproject) or `[tool.sdkgen.overrides]`."""
    if found is None:
        return None
    if isinstance(found, str):
        path = pyproject.parent / found
        if not path.is_file():
            message = f"overrides file not found: {path}"
            raise SpecError([Diagnostic("error", message, Location(pyproject, "/tool/sdkgen/overrides"))])
        return OverridesConfig(path)
    if isinstance(found, dict):
        return OverridesConfig(pyproject, found, "/tool/sdkgen/overrides")
    message = "[tool.sdkgen] overrides must be a file name or a table"
    raise SpecError([Diagnostic("error", message, Location(pyproject, "/tool/sdkgen/overrides"))])


def _package_from_spec(spec: Path) -> str:
    from .ir.naming import snake_case

    return snake_case(spec.name.split(".")[0]) + "_sdk"


def templates_dir() -> Path:
    """Templates ship inside the wheel (`sdkgen/templates`); a checkout keeps them at the top."""
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"
