"""Which pagination scheme a list operation follows (`ir/pagination.py`), table-driven:
recognised only where one scheme fits, else none (the method returns its model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sdkgen.ir.pagination import PagingPlan, recognise
from sdkgen.pipeline import build

BOX_FIELDS = {("entries",): "array", ("total_count",): "integer", ("next_marker",): "string"}

CASES = [
    # Box: `usemarker` asks for markers, which win over the offset the operation also takes.
    (
        ["offset", "marker", "usemarker", "limit"],
        BOX_FIELDS,
        "entries",
        False,
        False,
        PagingPlan("cursor", "marker", "limit", next_field=("next_marker",), flag="usemarker", items="entries"),
    ),
    # Without `usemarker`, markers and an offset with a total are two schemes: none is chosen.
    (["offset", "marker", "limit"], BOX_FIELDS, "entries", False, False, None),
    # A marker alone with `next_marker` is a cursor.
    (
        ["marker", "limit"],
        {("entries",): "array", ("next_marker",): "string"},
        "entries",
        False,
        False,
        PagingPlan("cursor", "marker", "limit", next_field=("next_marker",), items="entries"),
    ),
    # Discord: a bare array of items with an `id`, `after` (preferred to `before`) and a size.
    (["before", "after", "limit"], {}, None, True, True, PagingPlan("cursor", "after", "limit", items="")),
    (["before", "limit"], {}, None, True, True, PagingPlan("cursor", "before", "limit", items="")),
    # ... not without a size (nothing says a page is the last), nor items without an id.
    (["after"], {}, None, True, True, None),
    (["after", "limit"], {}, None, True, False, None),
    # A `Link` header wins over a cursor from the items.
    (["after", "limit"], {}, None, True, True, "link"),
]


@pytest.mark.parametrize(("query", "fields", "items", "is_array", "has_id", "expected"), CASES)
def test_recognised_schemes(
    query: list[str],
    fields: dict[tuple[str, ...], str],
    items: str | None,
    is_array: bool,
    has_id: bool,
    expected: PagingPlan | str | None,
) -> None:
    link = expected == "link"
    found = recognise(query, fields, items, is_array, link, has_id)
    assert found == (PagingPlan("link_header", items="") if link else expected)


def test_a_cursor_from_the_items_can_be_declared_where_it_is_not_recognised(tmp_path: Path) -> None:
    """`around`/`before` without a size is not recognised; `x-sdk-pagination` declares it."""
    operation = {
        "operationId": "listMessages",
        "parameters": [{"name": "before", "in": "query", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": MESSAGES}}}},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/messages": {"get": operation}}}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    [found] = build(path, "t_sdk")[0].operations
    assert found.pagination is None
    operation["x-sdk-pagination"] = {"scheme": "cursor", "items": "", "param": "before"}
    path.write_text(json.dumps(spec))
    [found] = build(path, "t_sdk")[0].operations
    assert found.pagination is not None
    assert (found.pagination.scheme, found.pagination.items_field, found.pagination.param) == ("cursor", "", "before")


MESSAGES = {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}
