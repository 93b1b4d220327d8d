"""The reference says what a list method returns in the words of its paging: a paged method
`returns a SyncPage[Item]: iterate it for every item across pages (cursor paging by after)`;
a list wrapper that is not paged returns its model, which iterates its items, and says so. Markdown and HTML alike."""

from __future__ import annotations

import re

import pytest
from sdkgen.pipeline import build
from sdkgen.targets.docs.target import render_docs

from .conftest import GOLDEN

EXPECTED = {
    "client.after.list": "(cursor paging by `after`, the next cursor from `last_id`)",
    "client.after_id.list": "(cursor paging by `after`, the next cursor an item's `id`)",
    "client.marker.list": "(cursor paging by `marker` with `usemarker=true`, the next cursor from `next_marker`)",
    "client.numbered.list": "(page numbers in `page`)",
    "client.offset_total.list": "(offset paging by `offset`)",
    "client.linked.list": "(the next page's URL in `meta.next_page_url`)",
    "client.headed.list": "(the next page's URL in the `Link` header)",
}


@pytest.fixture(scope="module")
def docs() -> dict[str, str]:
    api, _ = build(GOLDEN / "pagination" / "spec.yaml", "pagination_sdk")
    return render_docs(api, "spec.yaml")


def returns_lines(text: str) -> dict[str, str]:
    """Each method's call and the `Returns` line below it."""
    found: dict[str, str] = {}
    call = ""
    for line in text.splitlines():
        named = re.match(r"### `(client\.[a-z_.]+)\(", line)
        if named:
            call = named.group(1)
        if line.startswith("Returns ") and call:
            found[call], call = line, ""
    return found


def test_markdown_names_each_paged_methods_scheme_and_how_to_iterate(docs: dict[str, str]) -> None:
    lines = returns_lines(docs["docs/resources.md"])
    for call, words in EXPECTED.items():
        assert lines[call].startswith("Returns `SyncPage[Item]`: iterate it for every item across pages " + words)
    assert lines["client.summary.list"].startswith(
        "Returns `SummaryListResponse`: The parsed response, a list that does not page: "
        "iterate it for the items of its `items`."
    )
    assert "iterate it for the items of its `data`." in lines["client.models.list"]
    assert "the model itself, not a page; its `members` list is not paged." in lines["client.account.retrieve"]


def test_html_says_the_same(docs: dict[str, str]) -> None:
    page = docs["docs/site/resources/marker.html"]
    assert "iterate it for every item across pages (cursor paging by <code>marker</code> with" in page
    assert "`" not in page.split("Returns", 1)[1].split("</p>", 1)[0]
    summary = docs["docs/site/resources/summary.html"]
    assert "a list that does not page: iterate it for the items of its <code>items</code>." in summary
