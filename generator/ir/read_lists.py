"""IR: what a `GET` answers when it answers a list: the paging scheme it follows
(`pagination.recognise`), the items of a list wrapper (`list_wrappers.py`), and a page that
sits in one property of the response (Spotify's `{"albums": {page}}`, `{"code", "message",
"data": {page}}`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import Location
from .build_payloads import PayloadReader
from .list_wrappers import is_list_wrapper, side_array
from .naming import snake_case
from .pagination import WRAPPERS, PagingPlan, declares_link_header, recognise, response_fields

SCALARS = ("string", "integer", "number", "boolean", "null")


@dataclass(frozen=True)
class ListReading:
    paging: PagingPlan | None
    list_items: str | None
    """The wire name of the items of a list wrapper (`list_wrappers.py`), paged or not."""


def page_holder(fields: dict[tuple[str, ...], str]) -> str | None:
    """The one property a page sits in, when the response is an envelope around it: no array
    of its own, one object (not `meta`, `links` ...) beside scalars only."""
    top = {path[0]: kind for path, kind in fields.items() if len(path) == 1}
    objects = [name for name, kind in top.items() if kind == "object" and snake_case(name) not in WRAPPERS]
    if len(objects) != 1 or any(kind not in SCALARS for name, kind in top.items() if name != objects[0]):
        return None
    return objects[0]


class ListReader(PayloadReader):
    """Reads the list an operation answers, if any, from its raw response schema."""

    def read_list(
        self, query_params: list[str], json_schema: tuple[Any, Location], response: Any, recognising: bool
    ) -> ListReading:
        """A `GET`'s list: its paging when `recognising` (no scheme declared), and its items."""
        schema, location = json_schema
        fields = response_fields(self.api, schema, location)
        items = self.items_property(schema, location)
        list_items = items if is_list_wrapper(fields, items) else None
        if not recognising:
            return ListReading(None, list_items)
        body_is_array = self.returns_array(json_schema)
        link = declares_link_header(response and response[0])
        has_id = body_is_array and self.items_have_id(schema, location)
        paging = recognise(query_params, fields, items, body_is_array, link, has_id)
        holder = page_holder(fields) if paging is None and items is None and not body_is_array else None
        if holder is not None:
            inner, inner_location = self.held_schema(schema, location, holder)
            inner_fields = response_fields(self.api, inner, inner_location)
            inner_items = self.items_property(inner, inner_location)
            found = recognise(query_params, inner_fields, inner_items, False, link)
            paging = found.under(holder) if found is not None else None
        return ListReading(paging, list_items)

    def items_property(self, schema: Any, location: Location) -> str | None:
        """The one array property of a response (beside `links` and `meta`), side arrays that
        say something about the request or the items left aside (`side_array`)."""
        shape = self.api.object_shape(schema, location)
        if shape is None:
            return None
        arrays = []
        for name, prop, prop_location in shape.properties:
            value, _ = self.api.value_schema(prop, prop_location)
            if value.get("type") == "array" or "items" in value:
                arrays.append(name)
        listed = [name for name in arrays if not side_array(name)] if len(arrays) > 1 else arrays
        return listed[0] if len(listed) == 1 else None

    def held_schema(self, schema: Any, location: Location, holder: str) -> tuple[Any, Location]:
        """The schema of the response's property `holder` (which `response_fields` found)."""
        shape = self.api.object_shape(schema, location)
        properties = shape.properties if shape is not None else ()
        prop, prop_location = next((p, where) for name, p, where in properties if name == holder)
        return self.api.value_schema(prop, prop_location)

    def items_have_id(self, schema: Any, location: Location) -> bool:
        """Whether an array's items are objects with an `id` (a cursor to page by)."""
        array, where = self.api.resolver.follow(schema, location)
        if not isinstance(array, dict) or "items" not in array:
            return False
        shape = self.api.object_shape(*self.api.resolver.follow(array["items"], where.child("items")))
        return shape is not None and any(name == "id" for name, _, _ in shape.properties)

    def returns_array(self, json_schema: tuple[Any, Location] | None) -> bool:
        if json_schema is None:
            return False
        schema, _ = self.api.resolver.follow(*json_schema)
        return isinstance(schema, dict) and schema.get("type") == "array"
