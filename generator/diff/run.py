"""`sdkgen diff` as one call: build both SDKs' surfaces, compare them, report (and keep a changelog)."""

from __future__ import annotations

from pathlib import Path

from ..config import read_settings
from ..pipeline import build
from .base import project_at, spec_at
from .compare import compare
from .report import changelog_entry, report
from .surface import surface


def run_diff(
    cwd: Path,
    specs: tuple[str, ...],
    base_ref: str | None,
    package: str | None,
    fmt: str,
    changelog: str | None,
    scratch: Path,
) -> tuple[str, bool]:
    """The report and whether anything breaks. With `base_ref`, OLD is NEW at that commit."""
    new_arg = Path(specs[-1]) if specs else None
    settings = read_settings(cwd, new_arg, Path("."), package)
    new_spec = settings.spec
    old_spec = spec_at(base_ref, new_spec, scratch) if base_ref else Path(specs[0])
    old_overrides = None
    if base_ref:  # the SDK as it was at the commit: with the `[tool.sdkgen]` overrides it had then
        old_project = project_at(cwd, scratch)
        if old_project is not None and (old_project / "pyproject.toml").is_file():
            old_overrides = read_settings(old_project, old_spec, Path("."), settings.package).overrides
    # Two spec files: the configured overrides name the new SDK; OLD is read with only the
    # `sdkgen.yaml` beside it, as a `generate` of it alone would.
    old_api, _ = build(old_spec, settings.package, overrides=old_overrides, env_prefix=settings.env_prefix)
    new_api, _ = build(new_spec, settings.package, overrides=settings.overrides, env_prefix=settings.env_prefix)
    changes = compare(surface(old_api), surface(new_api))
    if changelog is not None:
        path = cwd / changelog
        before = path.read_text(encoding="utf-8") if path.is_file() else "# Changelog\n\n"
        path.write_text(before + changelog_entry(settings.version or new_api.version, changes), encoding="utf-8")
    return report(changes, fmt), any(c.breaking for c in changes)
