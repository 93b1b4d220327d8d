"""The Markdown reference (`docs/index.md`, `docs/models.md`, `docs/resources.md`)."""

from __future__ import annotations

from ...ir.model import ApiIR
from ...text import markdown_text
from ..render import render
from .resource_views import ResourceDoc
from .views import ModelDoc


def render_markdown(
    api: ApiIR, models: list[ModelDoc], resources: list[ResourceDoc], source_name: str, npm_package: str | None = None
) -> dict[str, str]:
    """`npm_package`: the TypeScript package's name, when the run generates one."""
    context = {
        "npm_package": npm_package,
        "api": api,
        "description": markdown_text(api.description) if api.description else None,
        "models": models,
        "resources": resources,
        "source_name": source_name,
    }
    files = {
        "docs/index.md": render("docs/index.md.jinja", **context),
        "docs/models.md": render("docs/models.md.jinja", **context),
    }
    if resources:
        files["docs/resources.md"] = render("docs/resources.md.jinja", **context)
    return files
