"""IR: what a path key says about where its operations sit: its segments without the parts
that name no resource, and an index of every path of the spec.

Not resources: a format suffix (`Messages.json`), a version anywhere (`v2`, `v1beta`, `0`,
`2010-04-01`), a leading `api` or `rest`, and a variant written after the route (`#stream`,
`?beta=true`: the same route, another operation on it). An RPC-style segment
(`chat.postMessage`) is a resource and a method (`chat.post_message`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .naming import module_name, singular, snake_case

VERSION_SEGMENT = re.compile(r"^(v\d+(\.\d+)*([a-z]+\d*)?|\d+(\.\d+)*|\d{4}-\d{2}(-\d{2})?)$", re.IGNORECASE)
"""Segments that are a version and no resource: `v2`, `V1`, `v1beta`, `v2alpha1`, `0`, `3`,
`2010-04-01`, `2025-01`."""
LEADING_NOISE = frozenset({"api", "rest"})
"""Leading segments that say the path is an API and name nothing: `/api/...`, `/rest/api/3/...`;
`api` says nothing further in either (`/admin/api/2025-01/products.json`)."""
FORMAT_SUFFIX = re.compile(r"\.(json|xml)$")
"""A format extension on the last segment (`Messages.json`) is not part of the resource's name."""
DOTTED = re.compile(r"[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z][A-Za-z0-9_-]*)+")
"""An RPC-style segment: `admin.apps.approve`, `chat.postMessage`."""
NUMBER_WORDS = "zero one two three four five six seven eight nine ten".split()


def base_route(path: str) -> str:
    """`/v1/conversations#stream` and `/responses?beta=true` are variants of `/v1/conversations`
    and `/responses`: keys that give one route a second operation."""
    return re.split(r"[#?]", path, maxsplit=1)[0] or "/"


def variant_words(path: str) -> list[str]:
    """The words a variant key adds to its route: `#stream` -> `["stream"]`, `?beta=true` ->
    `["beta"]` (a flag's value is not a word of its name)."""
    if path == base_route(path):
        return []
    variant = path[len(base_route(path)) + 1 :]
    pairs = [pair.split("=", 1) for pair in re.split(r"[&;]", variant) if pair]
    words: list[str] = []
    for pair in pairs:
        key, value = pair[0], pair[1] if len(pair) > 1 else ""
        words += snake_case(key).split("_")
        if value.lower() not in ("", "true", "1", "yes", "on"):
            words += snake_case(value).split("_")
    return [w for w in words if w != "_"]


def clean_segments(path: str) -> list[str]:
    """The route's segments, versions, noise and format suffixes dropped; RPC-style
    segments split at their dots; parameters as `{}` so an item can be told from a collection."""
    return list(_clean_segments(path))


@cache  # asked again for every operation of a path, and by every rule that names one
def _clean_segments(path: str) -> tuple[str, ...]:
    raw = [FORMAT_SUFFIX.sub("", s) for s in base_route(path).split("/") if s]
    raw = ["{}" if s.startswith("{") else s for s in raw]
    kept = [s for s in raw if not VERSION_SEGMENT.match(s)]
    if all(s == "{}" for s in kept):
        kept = [s for s in raw if s == "{}" or not s.isdigit()]  # `/v1/{ein}`: the version is all it says
    while len(kept) > 1 and kept[0].lower() in LEADING_NOISE:
        kept = kept[1:]
    kept = [s for i, s in enumerate(kept) if s.lower() != "api" or i == len(kept) - 1]
    segments: list[str] = []
    for segment in kept:
        segments += segment.split(".") if DOTTED.fullmatch(segment) else [segment]
    return tuple(segments)


def rpc_method(path: str) -> str | None:
    """`/chat.postMessage` -> `postMessage`: the last piece of an RPC-style last segment."""
    last = [FORMAT_SUFFIX.sub("", s) for s in base_route(path).split("/") if s][-1:]
    if last and DOTTED.fullmatch(last[0]) and not VERSION_SEGMENT.match(last[0]):
        return last[0].rsplit(".", 1)[1]
    return None


def resource_name(segment: str) -> str:
    """A segment as an attribute: `garbage-collections` -> `garbage_collections`; a leading
    number spelled out (`1-clicks` -> `one_clicks`), as no attribute starts with a digit."""
    name = snake_case(segment)
    number = re.match(r"(\d+)_?", name)
    if number and int(number.group(1)) < len(NUMBER_WORDS):
        name = NUMBER_WORDS[int(number.group(1))] + "_" + name[number.end() :]
    return module_name(name.strip("_") or name)


def resource_path_of(path: str, root: str = "root") -> tuple[str, ...]:
    """`/v2/registry/{name}/garbage-collections` -> `("registry", "garbage_collections")`,
    `/2010-04-01/Accounts/{AccountSid}/Messages.json` -> `("accounts", "messages")`; a path
    naming nothing (`/`, `/{id}`) is on `root` (what the server URL names, or `root`), and
    so is one that starts with a parameter when the server URL names a resource."""
    segments = clean_segments(path)
    names: tuple[str, ...] = ()
    for i, segment in enumerate(segments):
        if segment == "{}":
            continue
        name = resource_name(segment)
        owner = singular(names[-1]) + "_" if names and segments[i - 1] == "{}" else ""
        # `/sources/{id}/source_transactions`: a source's transactions, `sources.transactions`.
        names += (name[len(owner) :] if owner and name.startswith(owner) else name,)
    if segments[:1] == ["{}"] and root != "root":
        return (root, *names)  # `/{objectType}/{pipelineId}/stages`: within what the server names
    return names or (root,)


def server_resource(url: str) -> str | None:
    """`https://api.hubapi.com/crm/v3/objects/contacts` -> `contacts`: the resource a server
    URL's path names, for the operations whose path names none; `None` for `/api/v2`."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url)
    names = [s for s in clean_segments(path) if s != "{}" and "{" not in s]
    if not names or (len(names) == 1 and names[0].lower() in LEADING_NOISE):
        return None
    return resource_name(names[-1])


class PathIndex:
    """Every route of the spec by its cleaned segments: which have sub-paths, which items,
    and the HTTP methods each has."""

    def __init__(self, operations: Iterable[tuple[str, str]]) -> None:
        self.prefixes: set[tuple[str, ...]] = set()
        self.methods: dict[tuple[str, ...], set[str]] = {}
        for path, method in operations:
            segments = _clean_segments(path)
            for depth in range(1, len(segments)):
                self.prefixes.add(segments[:depth])
            self.methods.setdefault(segments, set()).add(method)

    def methods_of(self, path: str) -> set[str]:
        return self.methods.get(_clean_segments(path), set())

    def has_below(self, path: str) -> bool:
        """Whether any route goes on below this one (`/jobs` has `/jobs/{id}`)."""
        return _clean_segments(path) in self.prefixes

    def has_items(self, path: str) -> bool:
        """Whether something is done to `path/{id}`."""
        item = (*_clean_segments(path), "{}")
        return item in self.methods or item in self.prefixes

    def has_item_get(self, path: str) -> bool:
        """Whether `path/{id}` can be fetched: `path` lists what it holds."""
        return "get" in self.methods.get((*_clean_segments(path), "{}"), set())

    def is_collection(self, path: str) -> bool:
        """A collection: a plural with items (`/droplets` and `/droplets/{id}`), not a
        singular whose sub-paths are keyed (`/registry/{name}`, `/config/{subject}`)."""
        segments = _clean_segments(path)
        if not segments or segments[-1] == "{}":
            return False
        last = snake_case(segments[-1]).split("_")[-1]
        return self.has_items(path) and singular(last) != last

    def has_get(self, path: str) -> bool:
        return "get" in self.methods_of(path)


def server_words(url: str) -> set[str]:
    """The words of a server URL's path (`/crm/v3/pipelines`): said by every route of it."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url)
    return {w for s in path.split("/") if s and "{" not in s for w in snake_case(s).split("_")}
