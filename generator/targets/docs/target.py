"""The docs target: the Markdown reference and the HTML site, from one set of doc views."""

from __future__ import annotations

from ...ir.model import ApiIR
from ..typescript.target import npm_name
from .markdown import render_markdown
from .resource_views import resource_docs
from .site import render_site
from .views import model_doc


def render_docs(api: ApiIR, source_name: str, targets: tuple[str, ...] = ("python",)) -> dict[str, str]:
    """Every docs file by its path under the output directory; `targets`, the SDKs the run
    generates, are the languages each method's example call is shown in."""
    main_names = {m.module: m.name for m in api.models}
    models = [model_doc(m, main_names) for m in api.models]
    resources = resource_docs(api, targets)
    npm_package = npm_name(api.package) if "typescript" in targets else None
    files = render_markdown(api, models, resources, source_name, npm_package)
    # The site leaves out request params: they are documented with the methods that take them.
    site_models = [doc for doc, model in zip(models, api.models, strict=True) if model.namespace != "params"]
    files.update(render_site(api, site_models, resources, source_name, npm_package))
    return files
