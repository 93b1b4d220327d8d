"""The HTML docs site: a static reference in `docs/site/`, from the same views as the Markdown.

One page per model (nested classes expand in place where a field uses them) and per
resource, a sidebar, an anchor on every field, links wherever a type names a model, and a
prebuilt search index loaded as a script so the site works from `file://` with no server.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from ...ir.model import ApiIR
from ..render import render_html
from .resource_views import MethodDoc, ResourceDoc
from .views import ClassDoc, FieldDoc, Link, ModelDoc


@dataclass(frozen=True)
class FieldNode:
    doc: FieldDoc
    anchor: str
    links: tuple[tuple[str, str], ...]
    """(name, href) of the models its type names, other than the one expanded below it."""
    expanded: ClassNode | None


@dataclass(frozen=True)
class ClassNode:
    doc: ClassDoc
    fields: tuple[FieldNode, ...]
    alias_links: tuple[tuple[str, str], ...]
    base_link: tuple[str, str | None] | None = None
    """The extended model's name and page, when the class has a base."""


@dataclass(frozen=True)
class ModelPage:
    doc: ModelDoc
    href: str
    main: ClassNode
    others: tuple[ClassNode, ...]
    """Nested classes no field expands (a union alias, a class only a union names)."""


@dataclass(frozen=True)
class NavItem:
    name: str
    href: str


STATIC_NAV_LIMIT = 400


class SiteBuilder:
    def __init__(self, models: list[ModelDoc], resources: list[ResourceDoc]) -> None:
        self.models = models
        self.resources = resources
        self.page_of_anchor: dict[str, str] = {}
        for model in self.models:
            for cls in model.classes:
                href = f"models/{model.anchor}.html"
                self.page_of_anchor[cls.anchor] = href if cls.is_main else f"{href}#{cls.anchor}"

    def href(self, link: Link, prefix: str) -> str | None:
        target = self.page_of_anchor.get(link.anchor)
        return prefix + target if target else None

    def model_page(self, model: ModelDoc) -> ModelPage:
        by_anchor = {cls.anchor: cls for cls in model.classes}
        placed: set[str] = {model.classes[0].anchor}

        def node(cls: ClassDoc) -> ClassNode:
            fields = []
            for field in cls.fields:
                expanded = None
                links = []
                for link in field.links:
                    if link.anchor in by_anchor and link.anchor not in placed and expanded is None:
                        placed.add(link.anchor)
                        expanded = node(by_anchor[link.anchor])
                        continue
                    href = self.local_href(link, by_anchor)
                    if href is not None:
                        links.append((link.name, href))
                fields.append(FieldNode(field, f"{cls.anchor}--{field.name}", tuple(links), expanded))
            alias_links = tuple(
                (link.name, href) for link in cls.links if (href := self.local_href(link, by_anchor)) is not None
            )
            base_link = (cls.base.name, self.local_href(cls.base, by_anchor)) if cls.base is not None else None
            return ClassNode(cls, tuple(fields), alias_links, base_link)

        main = node(model.classes[0])
        others = []
        for cls in model.classes[1:]:
            if cls.anchor not in placed:
                placed.add(cls.anchor)
                others.append(node(cls))
        return ModelPage(model, f"models/{model.anchor}.html", main, tuple(others))

    def local_href(self, link: Link, on_page: dict[str, ClassDoc]) -> str | None:
        """A link from a model page (`on_page`: its classes by anchor): same-page anchors stay in the page."""
        if link.anchor in on_page:
            return f"#{link.anchor}"
        target = self.page_of_anchor.get(link.anchor)
        return None if target is None else target.removeprefix("models/")

    def method_links(self, method: MethodDoc) -> tuple[tuple[str, str], ...]:
        """(name, href) of the models a method returns that have a page, from a resource page."""
        return tuple((link.name, href) for link in method.links if (href := self.href(link, "../")) is not None)

    def search_index(self, pages: list[ModelPage]) -> tuple[list[dict[str, object]], list[str]]:
        """The entries (name, kind, page, HTTP path for methods, description by number) and
        the descriptions, each once: shared schemas repeat theirs on many fields."""
        entries: list[dict[str, object]] = []
        texts: dict[str, int] = {}

        def entry(name: str, kind: str, href: str, description: str | None, path: str | None = None) -> None:
            found: dict[str, object] = {"name": name, "kind": kind, "href": href}
            if path is not None:
                found["path"] = path
            text = plain_text(description) if description else ""
            if text:
                found["d"] = texts.setdefault(text, len(texts))
            entries.append(found)

        def walk(node: ClassNode, page: ModelPage) -> None:
            href = page.href if node.doc.is_main else f"{page.href}#{node.doc.anchor}"
            entry(node.doc.name, "model" if node.doc.is_main else "class", href, node.doc.description)
            for field in node.fields:
                entry(
                    f"{node.doc.name}.{field.doc.name}",
                    "field",
                    f"{page.href}#{field.anchor}",
                    field.doc.description,
                )
                if field.expanded is not None:
                    walk(field.expanded, page)

        for page in pages:
            walk(page.main, page)
            for other in page.others:
                walk(other, page)
        for resource in self.resources:
            for method in resource.methods:
                words = " ".join(t for t in (method.summary, method.description) if t)
                href = f"resources/{resource.anchor}.html#{method.anchor}"
                entry(method.call, "method", href, words, method.http)
        return entries, list(texts)


_TAG = re.compile(r"<[^>]*>")


def plain_text(description: str) -> str:
    """A description's words for the search index: tags and Markdown marks dropped, one line."""
    text = html.unescape(_TAG.sub(" ", description.replace("&lt;", "<")))
    return " ".join(text.replace("`", "").replace("**", "").split())


def render_site(
    api: ApiIR,
    models: list[ModelDoc],
    resources: list[ResourceDoc],
    source_name: str,
    npm_package: str | None = None,
) -> dict[str, str]:
    """The site, from the views the Markdown docs were rendered from (request params left out);
    `npm_package`: the TypeScript package's name, when the run generates one (each example
    then has a language switch, remembered across pages by `assets/languages.js`)."""
    builder = SiteBuilder(models, resources)
    pages = [builder.model_page(model) for model in builder.models]
    nav_models = [NavItem(page.doc.name, page.href) for page in pages]
    nav_resources = [NavItem(r.path, f"resources/{r.anchor}.html") for r in builder.resources]
    # A sidebar of every model on every page makes the site quadratic in size: past
    # STATIC_NAV_LIMIT entries it is built in the browser from one shared script instead.
    static_nav = len(nav_models) + len(nav_resources) <= STATIC_NAV_LIMIT
    base = {
        "api": api,
        "source_name": source_name,
        "nav_models": nav_models,
        "nav_resources": nav_resources,
        "static_nav": static_nav,
        "link_base": api.docs_url or "",
        "npm_package": npm_package,
    }
    files = {
        "docs/site/index.html": render_html(
            "docs/site/index.html.jinja", prefix="", current="index.html", title="Overview", **base
        ),
        "docs/site/assets/style.css": render_html("docs/site/assets/style.css.jinja"),
        "docs/site/assets/site.js": render_html("docs/site/assets/site.js.jinja"),
    }
    if npm_package is not None:
        files["docs/site/assets/languages.js"] = render_html("docs/site/assets/languages.js.jinja")
    entries, texts = builder.search_index(pages)
    index = json.dumps(entries, ensure_ascii=True, separators=(",", ":")).replace("</", "<\\/")
    text_data = json.dumps(texts, ensure_ascii=True, separators=(",", ":")).replace("</", "<\\/")
    files["docs/site/assets/search-index.js"] = (
        f"window.SDKGEN_SEARCH_INDEX = {index};\nwindow.SDKGEN_SEARCH_TEXTS = {text_data};\n"
    )
    if not static_nav:
        nav = {
            "Resources": [[item.name, item.href] for item in nav_resources],
            "Models": [[item.name, item.href] for item in nav_models],
        }
        data = json.dumps(nav, ensure_ascii=True, separators=(",", ":")).replace("</", "<\\/")
        files["docs/site/assets/nav.js"] = f"window.SDKGEN_NAV = {data};\n"
    for page in pages:
        files[f"docs/site/{page.href}"] = render_html(
            "docs/site/model.html.jinja", prefix="../", current=page.href, title=page.doc.name, page=page, **base
        )
    for resource in builder.resources:
        href = f"resources/{resource.anchor}.html"
        files[f"docs/site/{href}"] = render_html(
            "docs/site/resource.html.jinja",
            prefix="../",
            current=href,
            title=resource.path,
            resource=resource,
            method_links={method.anchor: builder.method_links(method) for method in resource.methods},
            **base,
        )
    return files
