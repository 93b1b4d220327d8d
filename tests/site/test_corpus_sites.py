"""The docs sites of two real APIs the docs were not tuned on (Slack's Web API and the whole
public DigitalOcean spec), in headless Chromium from disk: each method shows an example call
beside a curl tab, a request and a response sample and its error statuses; fields read
`name: Type`; search finds a path and a word that is only in a description; the sidebar
lists resources before models, names whole. Each site is generated once per session."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .test_site_browser import ARGS, CHROMIUM, playwright_api


@pytest.fixture(scope="module")
def sites(corpus_sdk: Callable[[str], Path]) -> dict[str, Path]:
    return {
        "slack": corpus_sdk("slack_sdk") / "docs" / "site",
        "digitalocean": corpus_sdk("digitalocean_sdk") / "docs" / "site",
    }


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
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


def open_page(page: Any, site: Path, relative: str) -> None:
    page.goto((site / relative).resolve().as_uri())


def test_slack_method_shows_example_curl_samples_and_errors(page: Any, sites: dict[str, Path]) -> None:
    open_page(page, sites["slack"], "resources/chat.html")
    method = page.locator("#chat-post-message")
    example = method.locator("pre.example")
    assert example.is_visible()
    assert 'channel="' in example.inner_text() and "string" not in example.inner_text()
    curl = method.locator("pre.curl")
    assert not curl.is_visible()
    method.get_by_role("tab", name="curl").click()
    assert curl.is_visible() and not example.is_visible()
    assert curl.inner_text().startswith("curl -X POST https://slack.com/api/chat.postMessage")
    # The spec's own example, where it fits the model.
    assert '"ts": "1503435956.000247"' in method.locator("pre.response-sample").inner_text()
    assert '"channel"' in method.locator("pre.request-sample").inner_text()
    assert "default" in method.locator("table.errors").inner_text()


def test_digitalocean_method_shows_the_spec_example_and_error_statuses(page: Any, sites: dict[str, Path]) -> None:
    open_page(page, sites["digitalocean"], "resources/droplets.html")
    method = page.locator("#droplets-create")
    assert "client.droplets.create(" in method.locator("pre.example").inner_text()
    errors = method.locator("table.errors").inner_text()
    assert "401" in errors and "429" in errors
    assert method.locator("pre.response-sample").inner_text().lstrip().startswith("{")
    # The path parameter's example from the spec (`droplet_id: example: 3164444`).
    assert "client.droplets.retrieve(3164444)" in page.locator("#droplets-retrieve pre.example").inner_text()


def test_fields_read_name_colon_type(page: Any, sites: dict[str, Path]) -> None:
    open_page(page, sites["digitalocean"], "models/droplet.html")
    head = " ".join(page.locator("#droplet--id .field-head").text_content().split())
    assert head.startswith("id: int"), head


@pytest.mark.parametrize(
    ("site", "query", "expected"),
    [
        ("digitalocean", "/v2/droplets", "client.droplets.list"),
        ("slack", "/chat.postMessage", "client.chat.post_message"),
        # Words only in a description: the Droplet's `locked` field.
        ("digitalocean", "prevent actions by users", "locked"),
        ("slack", "Sends a message to a channel", "client.chat.post_message"),
    ],
)
def test_search_finds_paths_and_description_words(
    page: Any, sites: dict[str, Path], site: str, query: str, expected: str
) -> None:
    open_page(page, sites[site], "index.html")
    page.locator("#search-input").fill(query)
    found = page.locator("#search-results a").all_inner_texts()
    assert any(expected in text for text in found), found


def test_sidebar_lists_resources_first_and_names_whole(page: Any, sites: dict[str, Path]) -> None:
    open_page(page, sites["digitalocean"], "index.html")
    headings = page.locator(".sidebar .nav-heading").all_inner_texts()
    assert [h.lower() for h in headings] == ["resources", "models"]
    link = page.locator(".sidebar a[title]").first
    name = link.get_attribute("title")
    # Wrapped between words only: the text reads as the name, the title holds it whole.
    assert link.inner_text().replace("\n", "") == name


def test_inline_html_of_a_description_renders_as_markup(page: Any, sites: dict[str, Path]) -> None:
    open_page(page, sites["digitalocean"], "models/postgres-advanced-config.html")
    bold = page.locator(".description b", has_text="Enabling this extension will cause the cluster")
    assert bold.count() == 1
    assert "<b>" not in page.locator("main").inner_text()


def test_relative_links_resolve_against_external_docs_and_none_points_off_disk(sites: dict[str, Path]) -> None:
    """Slack's `externalDocs.url` is https://api.slack.com/web: `/docs/pagination` goes there."""
    pages = [p.read_text() for p in sites["slack"].rglob("*.html")]
    assert any('href="https://api.slack.com/docs/pagination"' in text for text in pages)
    for site in sites.values():
        for path in site.rglob("*.html"):
            assert 'href="/' not in path.read_text(), path
