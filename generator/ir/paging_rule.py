"""IR: how a list asks for its next page, shared by the scheme recognised in the spec
(`pagination.PagingPlan`) and the paginated operation of the IR (`model.PaginationIR`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PagingRule:
    """How a list asks for its next page (`ir/pagination.py` lists the schemes)."""

    scheme: str
    """`page`, `offset`, `cursor`, `next_url` or `link_header`."""
    param: str = ""
    """The wire name of the query parameter that moves (`page`, `offset`, `after`); `""` when a URL does."""
    size_param: str = ""
    """The wire name of the page-size parameter (`per_page`, `limit`, `PageSize`), if any."""
    next_field: tuple[str, ...] = ()
    """Wire names down to the next URL or cursor in the response (`("meta", "next_page_url")`)."""
    more_field: tuple[str, ...] = ()
    """Wire names down to what says there is more (`has_more`, `more`, or a `total` count)."""
    flag: str = ""
    """A boolean query parameter sent `true` on every page (Box's `usemarker`)."""
