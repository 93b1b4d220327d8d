"""Which pagination scheme a list operation follows (`ir/pagination.py`), table-driven:
recognised only where one scheme fits, else none (the method returns its model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sdkgen.ir.list_wrappers import is_list_wrapper
from sdkgen.ir.model import ClassIR
from sdkgen.ir.pagination import PagingPlan, recognise
from sdkgen.ir.read_lists import page_holder
from sdkgen.pipeline import build

BOX_FIELDS = {("entries",): "array", ("total_count",): "integer", ("next_marker",): "string"}
SPOTIFY_FIELDS = {
    **{(name,): "integer" for name in ("limit", "offset", "total")},
    **{(name,): "string" for name in ("href", "next", "previous")},
    ("items",): "array",
}

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
    # Spotify's paging object: an offset and `total` beside a `next` URL; the offset is followed.
    (
        ["market", "limit", "offset"],
        SPOTIFY_FIELDS,
        "items",
        False,
        False,
        PagingPlan("offset", "offset", "limit", more_field=("total",), items="items"),
    ),
    # Without a total, the next URL is what says there is more.
    (
        ["limit", "offset"],
        {("items",): "array", ("next",): "string", ("limit",): "integer"},
        "items",
        False,
        False,
        PagingPlan("next_url", next_field=("next",), items="items"),
    ),
    # Jira's `startAt` and `maxResults`, with `total` (and `isLast`, `nextPage`).
    (
        ["startAt", "maxResults", "expand"],
        {("values",): "array", ("total",): "integer", ("isLast",): "boolean", ("nextPage",): "string"},
        "values",
        False,
        False,
        PagingPlan("offset", "startAt", "maxResults", more_field=("total",), items="values"),
    ),
    # Field names compared in snake case (Google's `pageToken` and `nextPageToken`).
    (
        ["maxResults", "pageToken"],
        {("kind",): "string", ("nextPageToken",): "string", ("items",): "array"},
        "items",
        False,
        False,
        PagingPlan("cursor", "pageToken", "maxResults", next_field=("nextPageToken",), items="items"),
    ),
    # The next cursor under the parameter's own name in a `next` or `cursors` object (HubSpot, Spotify).
    (
        ["after", "limit"],
        {
            ("results",): "array",
            ("paging",): "object",
            ("paging", "next"): "object",
            ("paging", "next", "after"): "string",
        },
        "results",
        False,
        False,
        PagingPlan("cursor", "after", "limit", next_field=("paging", "next", "after"), items="results"),
    ),
    (
        ["after", "limit"],
        {("items",): "array", ("cursors",): "object", ("cursors", "after"): "string", ("total",): "integer"},
        "items",
        False,
        False,
        PagingPlan("cursor", "after", "limit", next_field=("cursors", "after"), items="items"),
    ),
    # A cursor beside a next URL (Spotify's cursor paging object): the cursor is followed.
    (
        ["after", "limit"],
        {("items",): "array", ("next",): "string", ("cursors",): "object", ("cursors", "after"): "string"},
        "items",
        False,
        False,
        PagingPlan("cursor", "after", "limit", next_field=("cursors", "after"), items="items"),
    ),
    # Slack's `response_metadata.next_cursor` beside `ok`; Notion's `start_cursor` and `next_cursor`.
    (
        ["cursor", "limit"],
        {
            ("ok",): "boolean",
            ("channels",): "array",
            ("response_metadata",): "object",
            ("response_metadata", "next_cursor"): "string",
        },
        "channels",
        False,
        False,
        PagingPlan("cursor", "cursor", "limit", next_field=("response_metadata", "next_cursor"), items="channels"),
    ),
    (
        ["start_cursor", "page_size"],
        {("object",): "string", ("results",): "array", ("next_cursor",): "string", ("has_more",): "boolean"},
        "results",
        False,
        False,
        PagingPlan("cursor", "start_cursor", "page_size", next_field=("next_cursor",), items="results"),
    ),
    # A `Data` object beside the one array: the array (messages about the request) is not the list.
    (
        ["pageSize"],
        {("Data",): "object", ("ProcessResults",): "array", ("Paging",): "object", ("Paging", "Next"): "string"},
        "ProcessResults",
        False,
        False,
        None,
    ),
    # One thing with an array and a count of its own is no page, whatever it takes.
    (
        ["offset", "limit"],
        {("name",): "string", ("total",): "integer", ("members",): "array"},
        "members",
        False,
        False,
        None,
    ),
    (["offset"], {("id",): "integer", ("total",): "integer", ("tags",): "array"}, "tags", False, False, None),
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


WRAPPERS = [
    # OpenAI's `models.list()`, Stripe's list object, Twilio's and Spotify's pages.
    ({("object",): "string", ("data",): "array"}, "data", True),
    ({("object",): "string", ("data",): "array", ("has_more",): "boolean", ("url",): "string"}, "data", True),
    (
        {("calls",): "array", ("first_page_uri",): "string", ("next_page_uri",): "string", ("end",): "integer"},
        "calls",
        True,
    ),
    (SPOTIFY_FIELDS, "items", True),
    # Names compared in snake case, a leading `_` or `@` dropped (Google, HAL, OData).
    ({("kind",): "string", ("nextPageToken",): "string", ("items",): "array"}, "items", True),
    ({("_links",): "object", ("totalCount",): "integer", ("results",): "array"}, "results", True),
    ({("@odata.nextLink",): "string", ("value",): "array"}, "value", True),
    ({("members",): "array"}, "members", True),
    # A thing that has a list is not one; nor is an object without its one array.
    ({("id",): "string", ("name",): "string", ("members",): "array"}, "members", False),
    ({("total",): "integer", ("region",): "string", ("droplets",): "array"}, "droplets", False),
    ({("total",): "integer"}, None, False),
]


@pytest.mark.parametrize(("fields", "items", "expected"), WRAPPERS)
def test_a_list_wrapper_is_one_array_among_what_lists_say_about_themselves(
    fields: dict[tuple[str, ...], str], items: str | None, expected: bool
) -> None:
    assert is_list_wrapper(fields, items) is expected


def test_a_page_composed_with_allof_of_a_shared_paging_object_pages(tmp_path: Path) -> None:
    """The response is a `$ref` to a response whose schema is `allOf` of the shared paging
    object and the items' own array: read as the model is, merged. A collection that does
    not page is `list` too, and its model iterates its items."""
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/albums/{id}/tracks": {"get": LIST_TRACKS},
            "/markets": {"get": {"responses": {"200": {"$ref": "#/components/responses/Markets"}}}},
        },
        "components": {"responses": {"Markets": MARKETS, "Tracks": TRACKS}, "schemas": PAGING_SCHEMAS},
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    api = build(path, "t_sdk")[0]
    tracks, markets = sorted(api.operations, key=lambda o: o.path)
    assert (tracks.name, markets.name) == ("list", "list")
    assert tracks.pagination is not None and markets.pagination is None
    assert (tracks.pagination.scheme, tracks.pagination.param, tracks.pagination.more_field) == (
        "offset",
        "offset",
        ("total",),
    )
    assert tracks.pagination.items_field == "items"
    iterated = {m.name: m.main.items_field for m in api.models if isinstance(m.main, ClassIR)}
    assert iterated == {"MarketListResponse": "markets", "PagingObject": "", "PagingTrackObject": "", "Track": ""}


LIST_TRACKS = {
    "parameters": [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
        {"name": "offset", "in": "query", "schema": {"type": "integer"}},
    ],
    "responses": {"200": {"$ref": "#/components/responses/Tracks"}},
}
TRACKS = {
    "description": "A page.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PagingTrackObject"}}},
}
MARKETS = {
    "description": "Every market.",
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": {"markets": {"type": "array", "items": {"type": "string"}}}}
        }
    },
}
PAGING_SCHEMAS = {
    "PagingObject": {
        "type": "object",
        "properties": {
            **{name: {"type": "integer"} for name in ("limit", "offset", "total")},
            **{name: {"type": "string", "nullable": True} for name in ("href", "next", "previous")},
            "items": {"type": "array", "items": {"type": "object"}},
        },
    },
    "PagingTrackObject": {
        "allOf": [
            {"$ref": "#/components/schemas/PagingObject"},
            {"properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Track"}}}},
        ]
    },
    "Track": {"type": "object", "properties": {"id": {"type": "string"}}},
}


HOLDERS = [
    # Spotify's `{"albums": {page}}`, with a message beside it; Fivetran's `{"code", "message", "data": {page}}`.
    ({("message",): "string", ("albums",): "object"}, "albums"),
    ({("code",): "string", ("message",): "string", ("data",): "object"}, "data"),
    # Not an envelope: `meta` and `links` are bookkeeping, two objects are two things, an array is the list.
    ({("meta",): "object", ("id",): "string"}, None),
    ({("albums",): "object", ("tracks",): "object"}, None),
    ({("albums",): "object", ("tags",): "array"}, None),
]


@pytest.mark.parametrize(("fields", "expected"), HOLDERS)
def test_a_page_may_sit_in_the_one_object_of_an_envelope(
    fields: dict[tuple[str, ...], str], expected: str | None
) -> None:
    assert page_holder(fields) == expected


def test_side_arrays_beside_the_items_do_not_hide_them(tmp_path: Path) -> None:
    """JSON:API's side-loaded `included` and Twitter's partial `errors` sit beside `data`:
    the page lists `data`. Two arrays that are both data (`Data` and `ProcessResults`) are
    still ambiguous, and do not page."""
    item = {"type": "object", "properties": {"id": {"type": "string"}}}
    page = {
        "type": "object",
        "properties": {
            "data": {"type": "array", "items": item},
            "included": {"type": "array", "items": item},
            "errors": {"type": "array", "items": item},
            "links": {"type": "object", "properties": {"next": {"type": "string"}}},
        },
    }
    ambiguous = {
        "type": "object",
        "properties": {
            "Data": {"type": "array", "items": item},
            "ProcessResults": {"type": "array", "items": item},
            "Paging": {"type": "object", "properties": {"Next": {"type": "string"}}},
        },
    }
    cursor = [{"name": "page[cursor]", "in": "query", "schema": {"type": "string"}}]

    def listing(schema: dict[str, object]) -> dict[str, object]:
        content = {"application/json": {"schema": schema}}
        return {"get": {"parameters": cursor, "responses": {"200": {"description": "ok", "content": content}}}}

    paths = {"/tags": listing(page), "/employees": listing(ambiguous)}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    by_path = {o.path: o.pagination for o in build(path, "t_sdk")[0].operations}
    tags = by_path["/tags"]
    assert tags is not None
    assert (tags.scheme, tags.next_field, tags.items_field) == ("next_url", ("links", "next"), "data")
    assert by_path["/employees"] is None
