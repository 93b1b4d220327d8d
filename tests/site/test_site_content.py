"""The HTML site shows, for every model and field of the spec, what the seed page shows:
the Python type as written (long literals folded), format, constraints, enum values and
deprecation; and its pages are well-formed for assistive technology."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sdkgen.ir.model import ApiIR, ClassIR, ClassType
from sdkgen.ir.spelling import field_annotation, literal_value
from sdkgen.pipeline import build
from sdkgen.targets.docs.views import anchor_of, constraint_texts
from sdkgen.targets.python.types import literal_values

from ..conftest import ROOT
from ..test_seed_models import parse_seed
from .html_tree import Element, parse

SITE = ROOT / "output" / "docs" / "site"


@pytest.fixture(scope="module")
def api() -> ApiIR:
    return build(ROOT / "schemas" / "shared.yaml", "shared_sdk")[0]


@pytest.fixture(scope="module")
def pages() -> dict[str, Element]:
    return {str(p.relative_to(SITE)): parse(p.read_text()) for p in sorted(SITE.rglob("*.html"))}


def field_items(pages: dict[str, Element]) -> dict[str, Element]:
    return {li.attrs["id"]: li for page in pages.values() for li in page.find_all("li", "field")}


def test_every_field_of_every_model_shows_its_type_format_constraints_and_values(
    api: ApiIR, pages: dict[str, Element]
) -> None:
    items = field_items(pages)
    main_names = {m.module: m.name for m in api.models}
    checked = 0
    for model in api.models:
        if model.namespace == "params":
            continue
        for definition in model.definitions:
            if not isinstance(definition, ClassIR):
                continue
            anchor = anchor_of(ClassType(definition.name, model.module), main_names)
            for field in definition.fields:
                item = items.get(f"{anchor}--{field.name}")
                assert item is not None, f"{definition.name}.{field.name} has no section"
                head = item.find_all("div", "field-head")[0]
                assert head.find_all("code", "type")[0].text() == field_annotation(field, fold=4)
                facts = item.text()
                if field.format:
                    assert item.find_all("dd", "format")[0].text() == field.format
                for constraint in constraint_texts(field):
                    assert constraint in facts
                for value in literal_values(field.type):
                    assert literal_value(value) in [
                        li.text() for li in item.find_all("ul", "enum-values")[0].find_all("li")
                    ]
                if field.deprecated:
                    assert "Deprecated" in head.text()
                checked += 1
    assert checked > 250


def test_every_seed_field_appears_with_the_seed_type_string(pages: dict[str, Element]) -> None:
    classes, _ = parse_seed()
    shown = {
        (item.find_all("a", "field-name")[0].text(), item.find_all("code", "type")[0].text())
        for item in field_items(pages).values()
    }
    facts_by_field = {}
    for item in field_items(pages).values():
        name = item.find_all("a", "field-name")[0].text()
        facts_by_field.setdefault(name, set()).add(re.sub(r"\s+", "", item.text()))
    missing = []
    for cls in classes:
        for field in cls.fields:
            if (field.name, field.type) not in shown:
                missing.append(f"{cls.name}.{field.name}: {field.type}")
            for fact in field.facts:
                # The seed runs label and value together (`formatdate-time`, `multipleOf8`).
                assert any(
                    fact.replace("format", "Format") in text or fact in text for text in facts_by_field[field.name]
                ), fact
    assert not missing, missing


def test_nested_models_expand_in_place_and_types_link_to_models(pages: dict[str, Element]) -> None:
    droplet = pages["models/droplet.html"]
    networks = droplet.by_id("droplet-networks")
    assert networks is not None and networks.tag == "details"
    assert "Expand / Collapse" in networks.find_all("summary")[0].text()
    links = [a.attrs["href"] for a in droplet.find_all("a", "type-link")]
    assert "image.html" in links and "region.html" in links


# -- structure for assistive technology ----------------------------------------------------------


def test_pages_have_landmarks_labels_unique_ids_and_ordered_headings(pages: dict[str, Element]) -> None:
    for name, page in pages.items():
        html = page.find_all("html")[0]
        assert html.attrs.get("lang") == "en", name
        for landmark in ("header", "nav", "main"):
            assert len(page.find_all(landmark)) == 1, (name, landmark)
        assert page.find_all("nav")[0].attrs.get("aria-label"), name
        skip = page.find_all("a", "skip-link")[0]
        assert skip.attrs["href"] == "#content" and page.by_id("content") is not None
        ids = [e.attrs["id"] for e in page.iter() if "id" in e.attrs]
        assert len(ids) == len(set(ids)), (name, [i for i in ids if ids.count(i) > 1][:5])
        for field in page.find_all("input"):
            if field.attrs.get("type") == "radio":
                assert field.parent is not None and field.parent.tag == "label", name
            else:
                assert any(label.attrs.get("for") == field.attrs.get("id") for label in page.find_all("label")), name
        levels = [
            int(e.tag[1]) for e in page.iter() if re.fullmatch(r"h[1-6]", e.tag) and e.parent and e.parent.tag != "nav"
        ]
        assert levels and levels[0] == 1 and levels.count(1) == 1, name
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (name, levels)
        for table in page.find_all("table"):
            assert table.find_all("caption") and all(th.attrs.get("scope") for th in table.find_all("th")), name


def test_every_link_inside_the_site_resolves(pages: dict[str, Element]) -> None:
    for name, page in pages.items():
        for link in page.find_all("a"):
            href = link.attrs.get("href", "")
            if href.startswith(("http://", "https://")):
                continue
            path, _, fragment = href.partition("#")
            target_name = (Path(name).parent / path).as_posix() if path else name
            normalized = "/".join(_normalize(target_name))
            assert normalized in pages, (name, href)
            if fragment:
                assert pages[normalized].by_id(fragment) is not None, (name, href)


def _normalize(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_both_themes_meet_wcag_aa_contrast() -> None:
    css = (SITE / "assets" / "style.css").read_text()
    blocks = re.findall(r'(:root(?:\[data-theme="dark"\])?) \{([^}]*)\}', css)
    themes = {selector: dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6})", body)) for selector, body in blocks}
    assert set(themes) == {":root", ':root[data-theme="dark"]'}
    for colours in themes.values():
        for text in ("fg", "muted", "link", "accent", "warn"):
            for background in ("bg", "panel"):
                assert contrast(colours[text], colours[background]) >= 4.5, (text, background)
        assert contrast(colours["link"], colours["badge"]) >= 4.5
        assert contrast(colours["fg"], colours["badge"]) >= 4.5


def test_each_description_is_rendered_once(api: ApiIR, monkeypatch: pytest.MonkeyPatch) -> None:
    from markdown_it import MarkdownIt
    from sdkgen import text
    from sdkgen.targets.docs.target import render_docs
    from sdkgen.targets.render import description_markup

    rendered: list[str] = []
    render = MarkdownIt.render

    def counting(self: MarkdownIt, source: str, env: object = None) -> str:
        rendered.append(source)
        return render(self, source, env)

    monkeypatch.setattr(MarkdownIt, "render", counting)
    text.description_html.cache_clear()
    description_markup.cache_clear()
    render_docs(api, "shared.yaml")
    assert rendered and len(rendered) == len(set(rendered))
    # The site shows some descriptions more than once (shared schemas expand on several pages).
    assert description_markup.cache_info().hits > 0
    assert text.description_html.cache_info().misses == description_markup.cache_info().misses
