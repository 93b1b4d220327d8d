"""IR: where an operation sits in the client and what its method is called.

The commercial convention: on a resource, `GET` of the collection is `list`, `POST` to it
`create`, `GET` of an item `retrieve`, `PUT`/`PATCH` of an item `update`, `DELETE` `delete`.
A sub-path that is an action (`POST /jobs/{id}/cancel`) is a method on the parent resource
(`jobs.cancel(...)`). Where the path alone is ambiguous (a `POST` to an item, a `GET` of a
collection answering one object) the operationId decides, its noise words stripped
(`getWidget`, `listWidgets`, `Widget_Get`). `x-sdk-resource` and `x-sdk-method` (or the
config's overrides) win over both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from .naming import field_name, module_name, singular, snake_case

VERSION_SEGMENT = re.compile(r"^(v\d+(\.\d+)*|api|\d{4}-\d{2}-\d{2})$")
"""Leading path segments that name no resource: `v2`, `api`, a dated version (`2010-04-01`)."""
FORMAT_SUFFIX = re.compile(r"\.(json|xml)$")
"""A format extension on the last segment (`Messages.json`) is not part of the resource's name."""
VERBS = {
    "list": "list",
    "search": "list",
    "create": "create",
    "add": "create",
    "new": "create",
    "get": "retrieve",
    "fetch": "retrieve",
    "read": "retrieve",
    "retrieve": "retrieve",
    "show": "retrieve",
    "update": "update",
    "modify": "update",
    "edit": "update",
    "patch": "update",
    "put": "update",
    "replace": "update",
    "delete": "delete",
    "remove": "delete",
    "destroy": "delete",
}
"""An operationId's leading (or trailing) verb, and the method name it stands for."""
ITEM_VERBS = {"get": "retrieve", "put": "update", "patch": "update", "delete": "delete"}
COLLECTION_VERBS = {"post": "create", "put": "update", "patch": "update", "delete": "delete"}
SOURCES = ("path", "operationId", "override")
"""Where a method's name came from, as `sdkgen names` prints it."""


@dataclass(frozen=True)
class Naming:
    resource: tuple[str, ...]
    method: str
    source: str
    """One of `SOURCES`."""


def clean_segments(path: str) -> list[str]:
    """The path's segments, format suffixes and leading version segments dropped; parameters
    stay as `{}` so an item path can be told from a collection path."""
    return list(_clean_segments(path))


@cache  # asked again for every operation of a path, and by every rule that names one
def _clean_segments(path: str) -> tuple[str, ...]:
    segments = [FORMAT_SUFFIX.sub("", s) for s in path.split("/") if s]
    segments = ["{}" if s.startswith("{") else s for s in segments]
    while len(segments) > 1 and VERSION_SEGMENT.match(segments[0]):
        segments = segments[1:]
    return tuple(segments)


def resource_path_of(path: str) -> tuple[str, ...]:
    """`/v2/registry/{name}/garbage-collections` -> `("registry", "garbage_collections")`,
    `/2010-04-01/Accounts/{AccountSid}/Messages.json` -> `("accounts", "messages")`."""
    names = tuple(module_name(snake_case(s)) for s in clean_segments(path) if s != "{}")
    return names or ("root",)


def operation_id_verb(operation_id: str | None) -> tuple[str | None, list[str]]:
    """`listWidgets` -> `("list", ["widgets"])`, `Widget_Get` -> `("retrieve", ["widget"])`,
    `droplets_list_backup_policies` -> `("list", ["droplets", "backup", "policies"])`:
    the standard method an operationId names, and the words left once it is stripped."""
    if not operation_id:
        return None, []
    words = [w for w in snake_case(operation_id).split("_") if w]
    if words and words[0] in VERBS:
        return VERBS[words[0]], words[1:]
    if words and words[-1] in VERBS:
        return VERBS[words[-1]], words[:-1]
    if len(words) > 2 and words[1] in VERBS:  # `droplets_list_backup_policies`
        return VERBS[words[1]], words[:1] + words[2:]
    return None, words


class PathIndex:
    """Every path of the spec by its cleaned segments: which have sub-paths, which a `GET`."""

    def __init__(self, operations: Iterable[tuple[str, str]]) -> None:
        self.prefixes: set[tuple[str, ...]] = set()
        self.gets: set[tuple[str, ...]] = set()
        for path, method in operations:
            segments = tuple(clean_segments(path))
            for depth in range(1, len(segments)):
                self.prefixes.add(segments[:depth])
            if method == "get":
                self.gets.add(segments)

    def is_action(self, path: str, method: str, operation_id: str | None) -> bool:
        """`POST /jobs/{id}/cancel`: a `POST` to a last segment that acts on what comes before it,
        not a collection: nothing below it, no `GET` of it, and either it follows an item
        and is no plural noun, or the operationId starts with it (`cancelJob`). An operationId
        that names a standard verb (`CreateMessageFeedback`) says it is not."""
        segments = tuple(clean_segments(path))
        if method != "post" or len(segments) < 2 or segments[-1] == "{}":
            return False
        if segments in self.prefixes or segments in self.gets:
            return False
        words = snake_case(segments[-1]).split("_")
        id_words = snake_case(operation_id).split("_") if operation_id else []
        if operation_id_verb(operation_id)[0] is not None:
            return False  # `CreateMessageFeedback`: a sub-resource created, not an action
        if id_words and id_words[0] == words[0] and id_words[0] not in VERBS:
            return True
        return segments[-2] == "{}" and singular(words[-1]) == words[-1] and words[0] not in VERBS


def name_operation(
    path: str, method: str, op: dict[str, Any], index: PathIndex, returns_list: bool, by_tags: bool = False
) -> Naming:
    """The resource and method name of one operation (`returns_list`: its success response
    is an array or a page of one). A collection with a `GET` of its items is listed.
    `by_tags` (the config's `group_by: tags`): the resource is the operation's first tag,
    unless `x-sdk-resource` names one; an operation without tags keeps its path's."""
    naming = _name_operation(path, method, op, index, returns_list)
    tags = op.get("tags")
    first = tags[0] if isinstance(tags, list) and tags and isinstance(tags[0], str) else ""
    if by_tags and snake_case(first) != "_" and not isinstance(op.get("x-sdk-resource"), str):
        return Naming((module_name(snake_case(first)),), naming.method, naming.source)
    return naming


def _name_operation(path: str, method: str, op: dict[str, Any], index: PathIndex, returns_list: bool) -> Naming:
    operation_id = op.get("operationId") if isinstance(op.get("operationId"), str) else None
    explicit_method = op.get("x-sdk-method")
    explicit_resource = op.get("x-sdk-resource")
    if isinstance(explicit_resource, str) and explicit_resource.strip("."):
        resource = tuple(module_name(snake_case(p)) for p in explicit_resource.split(".") if p)
        if isinstance(explicit_method, str) and explicit_method:
            return Naming(resource, field_name(explicit_method), "override")
        return Naming(resource, standard_name(path, method, operation_id, returns_list)[0], "override")
    if isinstance(explicit_method, str) and explicit_method:
        resource = resource_path_of(path)
        # `/v1/logs/tail` with `x-sdk-method: tail` is `client.logs.tail()`.
        if len(resource) > 1 and field_name(explicit_method) == resource[-1]:
            resource = resource[:-1]
        return Naming(resource, field_name(explicit_method), "override")
    if index.is_action(path, method, operation_id):
        parent = path.rstrip("/").rsplit("/", 1)[0]
        action = field_name(snake_case(FORMAT_SUFFIX.sub("", path.rstrip("/").rsplit("/", 1)[1])))
        return Naming(resource_path_of(parent), action, "path")
    has_items = (*clean_segments(path), "{}") in index.gets
    name, source = standard_name(path, method, operation_id, returns_list or has_items)
    return Naming(resource_path_of(path), name, source)


def standard_name(path: str, method: str, operation_id: str | None, returns_list: bool) -> tuple[str, str]:
    """`list`/`create`/`retrieve`/`update`/`delete` from the verb and the path's shape; the
    operationId's verb settles what the path leaves open."""
    is_item = clean_segments(path)[-1:] == ["{}"]
    named, _ = operation_id_verb(operation_id)
    if method == "get":
        if is_item:
            return "retrieve", "path"
        if returns_list:
            return "list", "path"
        # A collection GET answering one object: a singleton (`/account`), or an unrecognised list.
        return ("list", "operationId") if named == "list" else ("retrieve", "path")
    if method == "post" and is_item:
        # Twilio and others update an item with POST.
        if named in ("update", "create", "delete"):
            return named, "operationId"
        return "update", "path"
    verbs = ITEM_VERBS if is_item else COLLECTION_VERBS
    if method in verbs:
        return verbs[method], "path"
    return field_name(method), "path"
