"""IR: responses that are a list under some bookkeeping (`{"object": "list", "data": [...]}`,
`{"items": [...], "total": 7, "next": ...}`): whether one is (a `GET` of it is `list`), whether
one may be a page (`pagination.py` recognises only those), and which field iterating a list
that does not page walks.

A list wrapper is an object with exactly one array property, every other property being
what lists carry about themselves (a count, an offset, a cursor, a next URL, `object`, `meta`,
`links`). Its shape is the merged one (`allOf` members and `$ref`s followed), as models are
built. An object with one array among fields of its own (`{"id", "name", "members": [...]}`)
is a thing that has a list, not a list.
"""

from __future__ import annotations

from dataclasses import replace

from .model import ClassIR, ListType, ModelIR
from .naming import snake_case

BOOKKEEPING = frozenset(
    {
        # what the list is (OpenAI and Stripe `object: list`, Google `kind`, a link to itself)
        *("object", "kind", "type", "etag", "href", "self", "url", "uri"),
        # how many, and where this page is
        *("total", "total_count", "count", "size", "total_size", "total_results", "result_size_estimate"),
        *("total_items", "total_elements", "total_pages", "incomplete_results"),
        *("limit", "offset", "page", "per_page", "page_size", "pagelen", "start_at", "max_results"),
        *("page_number", "current_page", "start", "end"),
        # whether and where there is more
        *("has_more", "more", "is_last", "has_next", "has_prev", "next", "previous", "prev", "first", "last"),
        *("next_page", "previous_page", "next_url", "next_page_url", "next_page_uri", "previous_page_url"),
        *("previous_page_uri", "first_page_url", "first_page_uri", "last_page_url"),
        *("next_cursor", "next_page_token", "next_sync_token", "next_token", "next_marker", "cursor", "cursors"),
        *("first_id", "last_id", "before", "after"),
        # bookkeeping objects (`ir/pagination.py`'s `WRAPPERS`)
        *("meta", "links", "pagination", "paging", "page_info", "response_metadata"),
    }
)
"""What a list says about itself, compared in snake case without a leading `_` (`nextPageToken`,
`_links`); a name starting with `@` (`@odata.nextLink`) is an annotation, bookkeeping too."""
IDENTITY = frozenset({"id", "uuid", "guid", "sid", "name", "key", "slug"})
"""Fields that name one thing: an object with one is not a page, whatever else it holds."""
SIDE_ARRAYS = frozenset({"errors", "included", "warnings"})
PAYLOADS = frozenset({"data", "items", "results", "records", "entries", "values", "elements"})
"""Names of what a response carries: when one of them is not the array, the array (messages
about the request, say) is not what the response lists."""


def is_list_wrapper(fields: dict[tuple[str, ...], str], items: str | None) -> bool:
    """Whether a response whose top-level properties have the kinds `fields` (as
    `pagination.response_fields` reads them) is a list of `items` (its one array property)."""
    if items is None or fields.get((items,)) != "array":
        return False
    others = [path[0] for path in fields if len(path) == 1 and path[0] != items]
    return all(bookkeeping(name) for name in others)


def may_page(fields: dict[tuple[str, ...], str], items: str | None) -> bool:
    """Whether a response with one array property `items` may be a page of a collection: a
    list wrapper, or one with some context beside the page (`incomplete_results`, an
    `invoice_preview`), but not one thing with an identity of its own (`{"id", "name",
    "total", "members": [...]}`), whose array and count are its own, nor one whose `data`
    is something else (`{"Data": {...}, "ProcessResults": [...]}`)."""
    if items is None or fields.get((items,)) != "array":
        return False
    others = [snake_case(path[0]) for path in fields if len(path) == 1 and path[0] != items]
    return not any(name in IDENTITY or name in PAYLOADS for name in others)


def side_array(name: str) -> bool:
    """`errors`, `included`, `warnings`: an array beside the items that is not what the response
    lists (JSON:API's side-loaded `included`, partial `errors` of Twitter's and JSON:API's pages)."""
    return snake_case(name) in SIDE_ARRAYS


def bookkeeping(name: str) -> bool:
    """`totalCount`, `_links`, `next_page_token`: a name lists give what they say about themselves."""
    # `@odata.nextLink`, `@context`: annotations about the document, not data of its own.
    return name.startswith("@") or snake_case(name.lstrip("_")) in BOOKKEEPING


def with_items_fields(models: list[ModelIR], wrappers: dict[str, str]) -> list[ModelIR]:
    """`models`, each model named in `wrappers` (a list that does not page, by the wire name
    of its items) iterating the field of that name."""
    found: list[ModelIR] = []
    for model in models:
        main = model.main
        wire = wrappers.get(model.name)
        field = next((f for f in main.fields if f.wire_name == wire), None) if isinstance(main, ClassIR) else None
        if isinstance(main, ClassIR) and field is not None and isinstance(field.type, ListType):
            model = replace(model, definitions=(*model.definitions[:-1], replace(main, items_field=field.name)))
        found.append(model)
    return found
