"""IR: which pagination scheme a list operation follows, recognised only where unambiguous.

- `page`: `page` + a size (`per_page`, `PageSize`); an array (`links.pages.next`, `meta.total`,
  `has_next` stop it).
- `offset`: `offset` or `startAt` (+ `limit`, `maxResults`); an array and `total`, `more` or
  `has_more`. A next URL beside them (Spotify's and Jira's paging objects: `offset`, `limit`,
  `total`, `next`) says the same: the offset is followed, which needs no reading of the URL.
- `cursor`: `after`, `cursor`, `PageToken` ...; an array and the next cursor (`next_cursor`,
  `next_page_token`, or the parameter's own name in a `next` or `cursors` object: HubSpot's
  `paging.next.after`), or `has_more` with the cursor from `last_id` or the last item's `id`.
  A next URL beside the cursor is not needed.
  Box's `marker` + `next_marker` with `usemarker` (sent `true` on every page) wins over the
  offset the same operation also takes. Discord's `after` (or `before`) on a bare array of
  items with an `id`: the next cursor is the highest id (the lowest for `before`).
- `next_url`: an array and the next page's URL (`next_page_url`, `next_page_uri`, `next`,
  also under `meta` or `links`).
- `link_header`: an array as the whole body and a `Link` response header.

Field names are compared in snake case (`nextPageToken` is `next_page_token`). Only what may
be a page pages (`list_wrappers.may_page`: one array, no identity of its own); a page in one
property of the response (`{"albums": {page}}`) is found by `read_lists.py`.
An operation matching no scheme, or more than one, is not paged: it returns its model. The
`x-sdk-pagination` extension (or the config) declares a scheme where it is not recognised.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any

from .list_wrappers import may_page
from .model import AliasIR, ClassIR, ClassType, ListType, ModelIR, PaginationIR
from .naming import snake_case
from .paging_rule import PagingRule

if TYPE_CHECKING:
    from ..errors import Location
    from .context import SchemaContext
    from .model import TypeIR

SCHEMES = ("page", "offset", "cursor", "next_url", "link_header")
CURSOR_PARAMS = (
    *("after", "starting_after", "cursor", "page_token", "pagetoken", "marker", "next_token", "token"),
    *("start_cursor", "startcursor", "pagination_token", "paginationtoken"),
)
NEXT_CURSOR_FIELDS = ("next_cursor", "next_page_token", "next_marker", "next_token")
NEXT_URL_FIELDS = ("next_page_url", "next_page_uri", "next")
WRAPPERS = ("", "meta", "links", "pagination", "paging", "response_metadata")
"""Objects a page's bookkeeping may sit in (`meta.next_page_url`, `links.next`)."""
CURSOR_HOLDERS = ("next", "cursors")
"""Objects that hold the next page's cursor under the cursor parameter's own name (HubSpot's
`paging.next.after`, Spotify's `cursors.after`)."""
SIZE_PARAMS = ("per_page", "limit", "page_size", "pagesize", "size", "maxresults", "max_results")
OFFSET_PARAMS = ("offset", "skip", "startat", "start_at", "start_index", "startindex")


@dataclass(frozen=True, kw_only=True)
class PagingPlan(PagingRule):
    """A scheme as read from the raw spec; the response field of the items is its wire name."""

    items: str
    """The wire name of the array property of the items (`""`: the body is the array)."""
    holder: str = ""
    """The wire name of the property the page sits in (`albums` of `{"albums": {page}}`), if any."""

    def pagination(self, items_field: str, item_type: TypeIR) -> PaginationIR:
        """The plan for the IR, once the items' field has its Python name and type."""
        rule = {f.name: getattr(self, f.name) for f in dataclass_fields(PagingRule)}
        wire = tuple(name for name in (self.holder, self.items) if name)
        return PaginationIR(**rule, items_field=items_field, item_type=item_type, items_wire=wire)

    def under(self, holder: str) -> PagingPlan:
        """This plan for a page that sits in the response's property `holder`."""
        next_field = (holder, *self.next_field) if self.next_field else ()
        more_field = (holder, *self.more_field) if self.more_field else ()
        return replace(self, holder=holder, next_field=next_field, more_field=more_field)


def _find(query: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The wire name of the first parameter named one of `names` (compared in lower case)."""
    for name in names:
        if name in query:
            return query[name]
    return None


def _field(fields: dict[tuple[str, ...], str], names: tuple[str, ...], kind: str) -> tuple[str, ...] | None:
    """The wire path of the first of `names` (in snake case: `nextPageToken` is `next_page_token`)
    of that kind, at the top or in a wrapper (`meta`, `links` ...)."""
    by_snake = {tuple(snake_case(part) for part in path): path for path, found in fields.items() if found == kind}
    for wrapper in WRAPPERS:
        for name in names:
            path = by_snake.get((wrapper, name) if wrapper else (name,))
            if path is not None:
                return path
    return None


def _echoed_cursor(fields: dict[tuple[str, ...], str], param: str) -> tuple[str, ...] | None:
    """Where the response gives the next value of the cursor parameter under its own name, in
    a `next` or `cursors` object (`paging.next.after` for `after`)."""
    for path, kind in fields.items():
        if kind == "string" and len(path) > 1 and path[-1] == param and snake_case(path[-2]) in CURSOR_HOLDERS:
            return path
    return None


def recognise(
    query_params: list[str],
    fields: dict[tuple[str, ...], str],
    items: str | None,
    body_is_array: bool,
    link_header: bool,
    item_has_id: bool = False,
) -> PagingPlan | None:
    """The one scheme a list operation follows, or None.

    `fields` maps the response's properties (and those of `meta`, `links` ...) to a kind:
    `string`, `integer`, `boolean`, `array`, `object`. `items` is the one array property.
    `item_has_id`: the items (of a bare array) are objects with an `id`.
    """
    query = {name.lower(): name for name in query_params}
    size = _find(query, SIZE_PARAMS) or ""
    found: list[PagingPlan] = []
    if body_is_array:
        if link_header:
            return PagingPlan("link_header", items="")
        # Discord: `after` (or only `before`) and a size, the cursor an item's `id`.
        cursor = query.get("after") or (query.get("before") if "after" not in query else None)
        return PagingPlan("cursor", cursor, size, items="") if cursor and size and item_has_id else None
    if items is None or not may_page(fields, items):
        return None  # a thing with a list and a count of its own (`{"name", "total", "members"}`)
    marker, next_marker = query.get("marker"), _field(fields, ("next_marker",), "string")
    if marker and next_marker and "usemarker" in query:
        return PagingPlan("cursor", marker, size, next_field=next_marker, flag=query["usemarker"], items=items)
    if "page" in query and size:
        has_next = _field(fields, ("has_next", "has_more"), "boolean") or ()
        found.append(PagingPlan("page", query["page"], size, more_field=has_next, items=items))
    offset = _find(query, OFFSET_PARAMS)
    more = _field(fields, ("has_more", "more"), "boolean") or _field(fields, ("total", "total_count"), "integer")
    if offset is not None and more is not None:
        found.append(PagingPlan("offset", offset, size, more_field=more, items=items))
    cursor = _find(query, CURSOR_PARAMS)
    next_cursor = _field(fields, NEXT_CURSOR_FIELDS, "string")
    if cursor is not None and next_cursor is None:
        next_cursor = _echoed_cursor(fields, cursor)
    has_more = _field(fields, ("has_more",), "boolean")
    if cursor is not None and next_cursor is not None:
        found.append(PagingPlan("cursor", cursor, size, next_field=next_cursor, items=items))
    elif cursor is not None and has_more is not None and offset is None:
        last = _field(fields, ("last_id",), "string") or ()
        found.append(PagingPlan("cursor", cursor, size, next_field=last, more_field=has_more, items=items))
    next_url = _field(fields, NEXT_URL_FIELDS, "string")
    if next_url is not None:
        found.append(PagingPlan("next_url", next_field=next_url, items=items))
    # Page numbers beside a next URL (Twilio's `Page` and `next_page_uri`): the URL carries
    # what the number does not (`PageToken`).
    if len(found) == 2 and found[0].scheme == "page" and found[1].scheme == "next_url":
        found = found[1:]
    # An offset and a count, or a cursor, beside a next URL (Spotify's paging objects): the
    # count says when to stop and the offset moves by the items received, or the response
    # gives the cursor; the URL (or what a `next` string holds) is not needed.
    if len(found) == 2 and found[0].scheme in ("offset", "cursor") and found[1].scheme == "next_url":
        found = found[:1]
    return found[0] if len(found) == 1 else None


def page_of(
    model: ModelIR | None, plan: PagingPlan, classes: dict[tuple[str, str], ClassIR] | None = None
) -> PaginationIR | None:
    """The pagination of a list answering `model`, once its fields have Python names and types;
    `classes` (`model.classes_by_type`) finds the class of a page that sits in a property."""
    if model is not None and isinstance(model.main, AliasIR) and isinstance(model.main.type, ListType):
        return plan.pagination("", model.main.type.item) if not plan.items else None
    if model is None or not isinstance(model.main, ClassIR):
        return None
    page, path = model.main, ""
    if plan.holder:
        holder = next((f for f in page.fields if f.wire_name == plan.holder), None)
        held = holder.type if holder is not None else None
        found = (classes or {}).get((held.name, held.module)) if isinstance(held, ClassType) else None
        if holder is None or found is None:
            return None
        page, path = found, holder.name + "."
    items = next((f for f in page.fields if f.wire_name == plan.items), None)
    if items is None or not isinstance(items.type, ListType):
        return None
    return plan.pagination(path + items.name, items.type.item)


def response_fields(api: SchemaContext, schema: Any, location: Location) -> dict[tuple[str, ...], str]:
    """A response object's properties, and those of its `meta`, `links` ... and of the `next`
    or `cursors` objects in them, by kind."""
    fields: dict[tuple[str, ...], str] = {}
    _read_fields(api, schema, location, (), fields)
    return fields


def _read_fields(
    api: SchemaContext, schema: Any, location: Location, prefix: tuple[str, ...], fields: dict[tuple[str, ...], str]
) -> None:
    shape = api.object_shape(schema, location)
    for name, prop, prop_location in shape.properties if shape else ():
        value, value_location = api.value_schema(prop, prop_location)
        path = (*prefix, name)
        fields[path] = kind = _kind(value)
        opens = snake_case(name) in CURSOR_HOLDERS or (not prefix and snake_case(name) in WRAPPERS)
        if kind == "object" and opens and len(path) < 3:
            _read_fields(api, value, value_location, path, fields)


def _kind(schema: dict[str, Any]) -> str:
    type_ = schema.get("type")
    if isinstance(type_, list):
        type_ = next((t for t in type_ if t != "null"), None)
    if type_ is None and "properties" in schema:
        return "object"
    if type_ is None and "items" in schema:
        return "array"
    return str(type_)


def declares_link_header(response: Any) -> bool:
    headers = response.get("headers") if isinstance(response, dict) else None
    return isinstance(headers, dict) and any(str(name).lower() == "link" for name in headers)
