"""Auto-pagination, one loopback server per scheme (golden case `pagination`): the generated
client walks every page of seven items, three a page, with the exact number of requests,
no item lost or repeated; sync and async."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from ..conftest import GOLDEN

PACKAGE = "pagination_sdk"
ITEMS = [{"id": f"i{n}", "name": f"item {n}"} for n in range(1, 8)]
IDS = [item["id"] for item in ITEMS]
SIZE = 3


class Server:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.url = ""
        self.stuck = False
        """`/linked` answers a next URL that is the request's own."""
        self.foreign = ""
        """`/moved-header` links its next page on this origin (`http://localhost:<port>`), another host name."""
        self.empty = False
        """`/summary` answers `{}`: a list wrapper whose items the server left out."""


def answer(server: Server, path: str, query: dict[str, str]) -> tuple[Any, dict[str, str]]:
    """The body and headers of one page: seven items, three a page, in each scheme's words."""
    if path == "/albums/a1/tracks":
        return spotify_page(query), {}
    if path == "/issues":
        return jira_page(query), {}
    if path == "/browse/new-releases":
        return {"message": "New albums", "albums": spotify_page(query)}, {}
    if path == "/me/following":
        start = int(query.get("after", "0"))
        following = start + int(query["limit"])
        more = following < len(ITEMS)
        page = {"href": "https://api.music.invalid/v1/me/following", "limit": int(query["limit"]), "total": len(ITEMS)}
        cursors = {"after": str(following)} if more else {}
        nxt = f"https://api.music.invalid/v1/me/following?after={following}" if more else None
        return {"artists": {**page, "items": ITEMS[start:following], "next": nxt, "cursors": cursors}}, {}
    if path == "/contacts":
        start = int(query.get("after", "0"))
        following = start + int(query["limit"])
        more = {"paging": {"next": {"after": str(following), "link": "https://crm.invalid/contacts"}}}
        return {"total": len(ITEMS), "results": ITEMS[start:following], **(more if following < len(ITEMS) else {})}, {}
    if path == "/numbered":
        start = (int(query.get("page", "1")) - 1) * SIZE
        return {"items": ITEMS[start : start + SIZE], "meta": {"total": len(ITEMS)}}, {}
    if path in ("/offset-total", "/offset-more"):
        start = int(query.get("offset", "0"))
        page = ITEMS[start : start + SIZE]
        if path == "/offset-total":
            return {"data": page, "total": len(ITEMS)}, {}
        return {"users": page, "more": start + SIZE < len(ITEMS)}, {}
    if path == "/marker":
        if query.get("usemarker") != "true":  # Box pages by offset unless asked for markers
            return {"entries": ITEMS[:SIZE], "total_count": len(ITEMS)}, {}
        start = int(query.get("marker", "m0")[1:])
        more = start + SIZE < len(ITEMS)
        return {"entries": ITEMS[start : start + SIZE], "next_marker": f"m{start + SIZE}" if more else None}, {}
    if path == "/after-id":
        start = IDS.index(query["after"]) + 1 if "after" in query else 0
        return ITEMS[start : start + int(query["limit"])], {}
    if path == "/before-id":  # snowflakes, newest first
        newest = [{"id": str(100 + n), "name": f"item {n}"} for n in range(7, 0, -1)]
        below = [item for item in newest if "before" not in query or int(item["id"]) < int(query["before"])]
        return below[: int(query["limit"])], {}
    if path == "/after":
        start = IDS.index(query["after"]) + 1 if "after" in query else 0
        page = ITEMS[start : start + SIZE]
        last = page[-1]["id"] if page else None
        return {"object": "list", "data": page, "last_id": last, "has_more": start + SIZE < len(ITEMS)}, {}
    start = int(query.get("cursor") or query.get("PageToken") or query.get("since") or query.get("page_token") or "0")
    page = ITEMS[start : start + SIZE]
    following = str(start + SIZE) if start + SIZE < len(ITEMS) else None
    if path == "/cursor":
        return {"entries": page, "next_cursor": following}, {}
    if path == "/tokens":
        return {"results": page, "next_page_token": following or ""}, {}
    if path == "/linked":
        own = f"{server.url}/linked?PageSize={query.get('PageSize', '')}"
        if server.stuck:
            return {"things": page, "meta": {"next_page_url": own}}, {}
        url = f"{own}&Page={start // SIZE + 1}&PageToken={following}" if following else None
        return {"things": page, "meta": {"page": start // SIZE, "page_size": SIZE, "next_page_url": url}}, {}
    if path in ("/moved", "/moved/pages"):
        url = f"{server.url}/moved/pages?page_token={following}" if following else None
        return {"records": page, "next": url}, {}
    if path in ("/moved-header", "/moved-header/more", "/elsewhere"):
        base = server.foreign or server.url
        target = "/elsewhere" if server.foreign else "/moved-header/more"
        return page, ({"Link": f'<{base}{target}?since={following}>; rel="next"'} if following else {})
    if path == "/headed":
        headers = {"Link": f'<{server.url}/headed?since={following}>; rel="next"'} if following else {}
        return page, headers
    if path == "/models":
        return {"object": "list", "data": [{"id": item["id"], "owned_by": "system"} for item in ITEMS]}, {}
    if path == "/account":
        return {"name": "acme", "total": len(ITEMS), "members": ITEMS[:SIZE]}, {}
    if path == "/summary" and server.empty:
        return {}, {}
    return {"items": ITEMS}, {}


def spotify_page(query: dict[str, str]) -> dict[str, Any]:
    """Spotify's paging object: `offset`, `limit`, `total`, and next/previous URLs, here on a
    host that does not exist (the offset is followed, never the URL)."""
    offset, limit = int(query.get("offset", "0")), int(query.get("limit", "20"))
    url = "https://api.music.invalid/v1/albums/a1/tracks"
    following = offset + limit
    return {
        "href": f"{url}?offset={offset}&limit={limit}",
        "items": ITEMS[offset:following],
        "limit": limit,
        "next": f"{url}?offset={following}&limit={limit}" if following < len(ITEMS) else None,
        "offset": offset,
        "previous": None if offset == 0 else f"{url}?offset={max(offset - limit, 0)}&limit={limit}",
        "total": len(ITEMS),
    }


def jira_page(query: dict[str, str]) -> dict[str, Any]:
    """Jira's `PageBean`: `startAt`, `maxResults`, `total`, `isLast` and a `nextPage` URL."""
    start, size = int(query.get("startAt", "0")), int(query.get("maxResults", "50"))
    last = start + size >= len(ITEMS)
    return {
        "startAt": start,
        "maxResults": size,
        "total": len(ITEMS),
        "isLast": last,
        "values": ITEMS[start : start + size],
        **({} if last else {"nextPage": f"https://jira.invalid/issues?startAt={start + size}"}),
    }


@pytest.fixture()
def server() -> Iterator[Server]:
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
            state.requests.append((parts.path, query))
            body, headers = answer(state, parts.path, query)
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def sdk() -> Iterator[ModuleType]:
    root = GOLDEN / "pagination" / "expected" / "python"
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


SCHEMES = [
    ("numbered", {"per_page": SIZE}, "page", [{"per_page": "3"}, {"per_page": "3", "page": "2"}]),
    ("offset_total", {"limit": SIZE}, "offset", [{"limit": "3"}, {"limit": "3", "offset": "3"}]),
    ("offset_more", {"limit": SIZE}, "offset", [{"limit": "3"}, {"limit": "3", "offset": "3"}]),
    ("after", {"limit": SIZE}, "after", [{"limit": "3"}, {"limit": "3", "after": "i3"}]),
    ("cursor", {}, "cursor", [{}, {"cursor": "3"}]),
    ("tokens", {"page_size": SIZE}, "PageToken", [{"PageSize": "3"}, {"PageSize": "3", "PageToken": "3"}]),
    ("linked", {"page_size": SIZE}, "PageToken", [{"PageSize": "3"}, {"PageSize": "3", "Page": "1", "PageToken": "3"}]),
    ("headed", {}, "since", [{}, {"since": "3"}]),
    (
        "marker",
        {"limit": SIZE},
        "marker",
        [{"limit": "3", "usemarker": "true"}, {"limit": "3", "usemarker": "true", "marker": "m3"}],
    ),
    ("after_id", {"limit": SIZE}, "after", [{"limit": "3"}, {"limit": "3", "after": "i3"}]),
    ("moved", {}, "page_token", [{}, {"page_token": "3"}]),
    ("moved_header", {}, "since", [{}, {"since": "3"}]),
]
PATHS = {"moved": {"/moved", "/moved/pages"}, "moved_header": {"/moved-header", "/moved-header/more"}}
"""Schemes whose next URL names another path of the client's origin: the path is followed too."""


@pytest.mark.parametrize(("resource", "arguments", "moves", "first_two"), SCHEMES, ids=[s[0] for s in SCHEMES])
def test_iterating_walks_every_item_of_every_page_once(
    sdk: ModuleType,
    server: Server,
    resource: str,
    arguments: dict[str, Any],
    moves: str,
    first_two: list[dict[str, str]],
) -> None:
    client = sdk.Client(base_url=server.url)
    page = getattr(client, resource).list(**arguments)
    assert len(server.requests) == 1  # the first page only, until iterated
    assert [item.id for item in page.items] == IDS[:SIZE]
    assert page.has_next_page()
    assert moves in (page.next_page_info() or {})
    assert [item.id for item in page] == IDS
    assert len(server.requests) == 3
    assert [query for _, query in server.requests[:2]] == first_two
    assert {path for path, _ in server.requests} == PATHS.get(resource, {"/" + resource.replace("_", "-")})


@pytest.mark.parametrize("resource", [s[0] for s in SCHEMES])
def test_async_iteration_walks_every_item_once(sdk: ModuleType, server: Server, resource: str) -> None:
    arguments = next(s[1] for s in SCHEMES if s[0] == resource)

    async def walk() -> tuple[list[str], list[list[str]]]:
        async with sdk.AsyncClient(base_url=server.url) as client:
            items = [item.id async for item in getattr(client, resource).list(**arguments)]
            first = await getattr(client, resource).list(**arguments)
            pages = [[item.id for item in page.items] async for page in first.iter_pages()]
            return items, pages

    items, pages = asyncio.run(walk())
    assert items == IDS
    assert pages == [IDS[0:3], IDS[3:6], IDS[6:7]]
    assert len(server.requests) == 6


def test_iter_pages_ends_on_a_page_without_a_next(sdk: ModuleType, server: Server) -> None:
    client = sdk.Client(base_url=server.url)
    pages = list(client.after.list(limit=SIZE).iter_pages())
    assert [[item.id for item in page.items] for page in pages] == [IDS[0:3], IDS[3:6], IDS[6:7]]
    assert [page.has_more for page in pages] == [True, True, False]  # the page's own fields
    assert pages[-1].next_page_info() is None and not pages[-1].has_next_page()
    assert len(server.requests) == 3


def test_a_next_link_that_does_not_move_stops(sdk: ModuleType, server: Server) -> None:
    server.stuck = True
    client = sdk.Client(base_url=server.url)
    assert [item.id for item in client.linked.list(page_size=SIZE)] == IDS[:SIZE]
    assert len(server.requests) == 1


def test_a_list_wrapper_that_is_not_paged_returns_its_model(sdk: ModuleType, server: Server) -> None:
    client = sdk.Client(base_url=server.url)
    summary = client.summary.list()
    assert type(summary).__name__ == "SummaryListResponse"
    assert [item.id for item in summary.items or []] == IDS
    assert len(server.requests) == 1


def test_a_list_that_does_not_page_iterates_its_items(sdk: ModuleType, server: Server) -> None:
    """OpenAI's `models.list()`: `{"object": "list", "data": [...]}` with nothing to page by.
    Iterating it walks `data` (as the official SDK's single page does), never pydantic's
    `(name, value)` pairs; its own fields stay."""
    client = sdk.Client(base_url=server.url)
    models = client.models.list()
    assert [model.id for model in models] == IDS
    assert len(models) == len(ITEMS)
    assert models[0].id == "i1" and models[-1].id == "i7"
    assert models.object == "list" and [model.id for model in models.data] == IDS
    assert models.to_dict()["data"][0] == {"id": "i1", "owned_by": "system"}
    assert not any(isinstance(model, tuple) for model in models)
    assert server.requests == [("/models", {})]
    parsed = client.models.with_raw_response.list().parse()
    assert [model.id for model in parsed] == IDS


def test_an_empty_list_wrapper_iterates_nothing(sdk: ModuleType, server: Server) -> None:
    server.empty = True
    summary = sdk.Client(base_url=server.url).summary.list()
    assert list(summary) == [] and len(summary) == 0 and summary.items is None
    with pytest.raises(IndexError):
        summary[0]


def test_async_a_list_that_does_not_page_iterates_its_items(sdk: ModuleType, server: Server) -> None:
    async def fetch() -> list[str]:
        async with sdk.AsyncClient(base_url=server.url) as client:
            return [model.id for model in await client.models.list()]

    assert asyncio.run(fetch()) == IDS


def test_one_object_with_a_total_and_an_array_of_its_own_is_not_a_list(sdk: ModuleType, server: Server) -> None:
    """`{"name", "total", "members": [...]}` taking an `offset` is one account, not a page."""
    client = sdk.Client(base_url=server.url)
    account = client.account.retrieve(offset=0)
    assert type(account).__name__ == "AccountRetrieveResponse"
    assert account.total == len(ITEMS) and [m.id for m in account.members or []] == IDS[:SIZE]
    assert dict(iter(account))["name"] == "acme"  # pydantic's own iteration, unchanged
    assert server.requests == [("/account", {"offset": "0"})]


@pytest.mark.parametrize(
    ("call", "moves", "size"),
    [
        (lambda client: client.albums.tracks.list(album_id="a1", limit=SIZE), "offset", "limit"),
        (lambda client: client.issues.list(max_results=SIZE), "startAt", "maxResults"),
        (lambda client: client.contacts.list(limit=SIZE), "after", "limit"),
        (lambda client: client.browse.new_releases.list(limit=SIZE), "offset", "limit"),
        (lambda client: client.me.following.list(type="artist", limit=SIZE), "after", "limit"),
    ],
    ids=[
        "spotify_allof_paging_object",
        "jira_page_bean",
        "hubspot_paging_next_after",
        "spotify_page_in_a_property",
        "spotify_cursor_page_in_a_property",
    ],
)
def test_a_page_composed_of_shared_paging_objects_walks_every_page(
    sdk: ModuleType, server: Server, call: Any, moves: str, size: str
) -> None:
    """The page wrapper is `allOf` of a shared paging object and the items' own array, or
    `$ref`s down to the next cursor, or the page sits in one property of the response; the
    next URLs in the pages point to a host the client was not given and are never requested."""
    client = sdk.Client(base_url=server.url)
    page = call(client)
    assert [item.id for item in page.items] == IDS[:SIZE]
    assert [item.id for item in page] == IDS
    fixed = {"type": "artist"} if "following" in server.requests[0][0] else {}
    assert [query for _, query in server.requests] == [
        {**fixed, size: "3"},
        {**fixed, size: "3", moves: "3"},
        {**fixed, size: "3", moves: "6"},
    ]
    assert len({path for path, _ in server.requests}) == 1


def test_async_an_allof_offset_page_walks_every_page(sdk: ModuleType, server: Server) -> None:
    async def walk() -> list[list[str]]:
        async with sdk.AsyncClient(base_url=server.url) as client:
            first = await client.albums.tracks.list(album_id="a1", limit=SIZE)
            return [[item.id for item in page.items] async for page in first.iter_pages()]

    assert asyncio.run(walk()) == [IDS[0:3], IDS[3:6], IDS[6:7]]
    assert [query.get("offset") for _, query in server.requests] == [None, "3", "6"]


def test_box_markers_are_asked_for_unless_the_caller_says(sdk: ModuleType, server: Server) -> None:
    client = sdk.Client(base_url=server.url)
    assert [item.id for item in client.marker.list(limit=SIZE, usemarker=False)] == IDS[:SIZE]
    assert server.requests == [("/marker", {"limit": "3", "usemarker": "false"})]


def test_before_walks_back_from_the_lowest_id_of_each_page(sdk: ModuleType, server: Server) -> None:
    client = sdk.Client(base_url=server.url)
    page = client.before_id.list(limit=SIZE)
    assert page.next_page_info() == {"before": "105"}
    assert [item.id for item in page] == [str(100 + n) for n in range(7, 0, -1)]
    # The third page is shorter than the limit: the last, without asking for an empty one.
    assert [query for _, query in server.requests] == [
        {"limit": "3"},
        {"limit": "3", "before": "105"},
        {"limit": "3", "before": "102"},
    ]


def test_a_next_link_on_another_origin_sends_only_its_query_to_the_clients_host(
    sdk: ModuleType, server: Server
) -> None:
    server.foreign = server.url.replace("127.0.0.1", "localhost")
    client = sdk.Client(base_url=server.url)
    assert [item.id for item in client.moved_header.list()] == IDS
    assert server.requests == [
        ("/moved-header", {}),
        ("/moved-header", {"since": "3"}),
        ("/moved-header", {"since": "6"}),
    ]


def test_a_page_in_a_property_keeps_the_response_around_it(sdk: ModuleType, server: Server) -> None:
    client = sdk.Client(base_url=server.url)
    page = client.browse.new_releases.list(limit=SIZE)
    assert page.message == "New albums" and page.albums.total == len(ITEMS)
    assert [item.id for item in page.items] == IDS[:SIZE]
    assert page.next_page_info() == {"offset": 3}


def test_async_a_page_in_a_property_walks_every_page(sdk: ModuleType, server: Server) -> None:
    async def walk() -> list[str]:
        async with sdk.AsyncClient(base_url=server.url) as client:
            return [item.id async for item in client.me.following.list(type="artist", limit=SIZE)]

    assert asyncio.run(walk()) == IDS
    assert [query.get("after") for _, query in server.requests] == [None, "3", "6"]
