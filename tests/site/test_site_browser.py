"""The docs site in a real headless Chromium (Debian's, driven by Playwright), from disk.

Screenshots of the Droplet page in light and dark go to build/site-screenshots/.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT

SITE = ROOT / "output" / "docs" / "site"
SHOTS = ROOT / "build" / "site-screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("SDKGEN_REQUIRE_BROWSER"):
            pytest.fail("chromium is not installed: run `make browser`")
        pytest.skip("chromium is not installed (`make browser` installs Debian's)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()
    assert errors == [], errors


def url(relative: str) -> str:
    return (SITE / relative).resolve().as_uri()


def background(page: Any) -> str:
    return str(page.evaluate("getComputedStyle(document.body).backgroundColor"))


def test_search_for_droplet_reaches_the_droplet_page(page: Any) -> None:
    page.goto(url("index.html"))
    page.get_by_label("Search names, paths and descriptions").fill("droplet")
    results = page.locator("#search-results a")
    assert results.first.inner_text().startswith("Droplet")
    results.first.click()
    page.wait_for_url("**/models/droplet.html")
    assert page.locator("h1").inner_text() == "Droplet"


def test_dark_theme_changes_the_background_and_survives_a_reload(page: Any) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(url("models/droplet.html"))
    light = background(page)
    page.screenshot(path=str(SHOTS / "droplet-light.png"))
    page.get_by_label("Dark").check()
    dark = background(page)
    assert light == "rgb(255, 255, 255)" and dark == "rgb(13, 17, 23)"
    page.reload()
    assert background(page) == dark and page.get_by_label("Dark").is_checked()
    page.screenshot(path=str(SHOTS / "droplet-dark.png"))
    page.get_by_label("Light").check()
    page.reload()
    assert background(page) == light


def test_auto_follows_the_system_colour_scheme(browser: Any) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(url("index.html"))
    assert page.get_by_label("Auto").is_checked()
    assert background(page) == "rgb(13, 17, 23)"
    context.close()


def test_a_nested_model_expands_in_place(page: Any) -> None:
    page.goto(url("models/droplet.html"))
    nested = page.locator("details#droplet-networks")
    assert nested.get_attribute("open") is None
    assert not page.locator("#droplet-networks--v4").is_visible()
    nested.locator("summary").click()
    assert nested.get_attribute("open") is not None
    assert page.locator("#droplet-networks--v4").is_visible()


def test_an_anchor_into_a_nested_model_opens_it(page: Any) -> None:
    page.goto(url("models/droplet.html") + "#droplet-networks--v4")
    assert page.locator("#droplet-networks--v4").is_visible()


def test_a_cross_link_leads_to_the_model_it_names(page: Any) -> None:
    page.goto(url("models/droplet.html"))
    page.locator("#droplet--region a.type-link", has_text="Region").click()
    page.wait_for_url("**/models/region.html")
    assert page.locator("h1").inner_text() == "Region"


def test_a_method_page_links_its_return_type(page: Any) -> None:
    page.goto(url("resources/droplets.html"))
    page.locator("#droplets-list a.type-link", has_text="Droplet").first.click()
    page.wait_for_url("**/models/droplet*.html")


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page: Any) -> None:
    page.goto(url("models/droplet.html"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_readable_on_a_phone(browser: Any) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(url("models/droplet.html"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(SHOTS / "droplet-phone.png"))
    context.close()


def in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_a_field_anchor_scrolls_to_the_field(page: Any) -> None:
    page.goto(url("models/droplet.html"))
    assert not in_viewport(page, "#droplet--vpc_uuid")
    page.goto(url("models/droplet.html") + "#droplet--vpc_uuid")
    assert in_viewport(page, "#droplet--vpc_uuid")


def test_search_reaches_a_field_on_its_models_page(page: Any) -> None:
    page.goto(url("index.html"))
    page.get_by_label("Search names, paths and descriptions").fill("Droplet.vpc_uuid")
    result = page.locator("#search-results a").first
    assert result.inner_text().startswith("Droplet.vpc_uuid")
    result.click()
    page.wait_for_url("**/models/droplet.html#droplet--vpc_uuid")
    assert in_viewport(page, "#droplet--vpc_uuid")


GARDEN = ROOT / "tests" / "golden" / "typescript_target" / "expected" / "docs" / "site"
"""A site generated with the TypeScript target: each example has a Python, TypeScript and curl tab."""


def garden_url(relative: str) -> str:
    return (GARDEN / relative).resolve().as_uri()


def test_the_language_switch_shows_the_typescript_call_on_every_example_and_page(page: Any) -> None:
    page.goto(garden_url("resources/beds-plants.html"))
    python, typescript = page.locator("#beds-plants-create-python"), page.locator("#beds-plants-create-typescript")
    assert python.is_visible() and not typescript.is_visible()
    tab = page.locator("#beds-plants-create-tab-typescript")
    assert tab.get_attribute("role") == "tab" and tab.get_attribute("aria-selected") == "false"
    tab.click()
    assert tab.get_attribute("aria-selected") == "true"
    assert typescript.is_visible() and not python.is_visible()
    call = typescript.inner_text()
    assert "const result = await client.beds.plants.create(" in call and 'name: "example",' in call
    # The other examples of the page switch with it ...
    assert page.locator("#beds-plants-retrieve-typescript").is_visible()
    assert not page.locator("#beds-plants-retrieve-python").is_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#beds-plants-create").screenshot(path=str(SHOTS / "typescript-tab.png"))
    # ... and so do those of the next page, and of this one again.
    page.goto(garden_url("resources/beds.html"))
    assert page.locator("#beds-list-typescript").is_visible()
    assert page.locator("#beds-list-tab-typescript").get_attribute("aria-selected") == "true"
    assert not page.locator("#beds-list-python").is_visible()
    page.locator("#beds-list-tab-python").click()
    page.goto(garden_url("resources/beds-plants.html"))
    assert python.is_visible() and not typescript.is_visible()


def test_arrow_keys_move_between_the_language_tabs(page: Any) -> None:
    page.goto(garden_url("resources/beds-plants.html"))
    page.locator("#beds-plants-create-tab-python").focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "beds-plants-create-tab-typescript"
    assert page.locator("#beds-plants-create-typescript").is_visible()
    page.keyboard.press("End")
    assert page.locator("#beds-plants-create-curl").is_visible()
    page.keyboard.press("ArrowRight")  # round to the first
    assert page.evaluate("document.activeElement.id") == "beds-plants-create-tab-python"
    assert page.locator("#beds-plants-create-python").is_visible()


def test_without_script_every_language_shows(browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(garden_url("resources/beds-plants.html"))
    for language in ("python", "typescript", "curl"):
        assert page.locator(f"#beds-plants-create-{language}").is_visible(), language
    context.close()
