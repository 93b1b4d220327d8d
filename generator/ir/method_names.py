"""IR: where an operation sits in the client and what its method is called.

The commercial convention: on a resource, `GET` of the collection is `list`, `POST` to it
`create`, `GET` of an item `retrieve`, `PUT`/`PATCH` of an item `update`, `DELETE` `delete`;
`PUT`/`PATCH`/`DELETE` of a whole collection are `bulk_update`/`bulk_delete`, so its items
keep `update` and `delete`. A last segment that is an action (`POST /jobs/{id}/cancel`,
`PUT /me/player/pause`, `GET /charges/search`) is a method on the parent resource
(`jobs.cancel(...)`), whatever the HTTP method; a `DELETE` of an action another method
does is its opposite (`archive`/`unarchive`). Where the path alone is ambiguous (a `POST` to
an item, a `GET` of a collection answering one object) the operationId decides, its noise
words stripped (`getWidget`, `listWidgets`, `Widget_Get`). `x-sdk-resource` and
`x-sdk-method` (or the config's overrides) win over all. Names that two operations of one
resource would share are settled afterwards (`name_collisions.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from keyword import iskeyword
from typing import Any

from .naming import method_name, module_name, singular, snake_case
from .route_paths import PathIndex, clean_segments, resource_path_of, rpc_method
from .verbs import is_action_verb, opposite_action, starts_with_verb

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
COLLECTION_VERBS = {"post": "create", "put": "bulk_update", "patch": "bulk_update", "delete": "bulk_delete"}
SOURCES = ("path", "operationId", "override")
"""Where a method's name came from, as `sdkgen names` prints it."""


@dataclass(frozen=True)
class Naming:
    resource: tuple[str, ...]
    method: str
    source: str
    """One of `SOURCES`."""


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


def action_name(
    path: str, method: str, operation_id: str | None, index: PathIndex, returns_file: bool = False
) -> str | None:
    """The method an action path is (`/jobs/{id}/cancel` -> `cancel`), or None for a
    resource. An action is a last segment with nothing below it that starts with a verb
    (`verify_microdeposits`, `pause`; for a `GET` only such: `search`, `contains`), or, for
    another method, that the operationId starts with (`regenerateUserPrivateUrlKey`), or a
    singular noun `POST`ed to an item with no `GET` (`/accounts/{id}/reject`). An operationId
    naming a standard verb (`CreateMessageFeedback`) makes the last two a sub-resource.
    A `GET` of several words is an action only when the operationId acts so (not
    `restart_count`); a `DELETE` of an action another method does is its opposite
    (`unarchive`), and a lone `DELETE` of one word deletes it (`/grant`).
    A `GET` of a singular noun after an item answering a file is its download
    (`/quotes/{id}/pdf` -> `quotes.pdf`, `/files/{id}/content` -> `files.content`)."""
    segments = clean_segments(path)
    if not segments or segments[-1] == "{}" or index.has_below(path):
        return None
    words = snake_case(segments[-1]).split("_")
    acted = index.methods_of(path) & {"post", "put", "patch"}
    if method == "delete" and not acted and len(words) == 1:
        return None  # `DELETE /applications/{id}/grant`: the grant is deleted, no action undone
    verb = words[0]
    id_words = [w for w in snake_case(operation_id).split("_") if w] if operation_id else []
    if method == "get" and returns_file and segments[-2:-1] == ["{}"] and singular(words[-1]) == words[-1]:
        return method_name("_".join(words))
    if method == "get" and len(words) > 1 and not (id_words and _first_verb(id_words) == verb):
        return None  # `restart_count`, `download_url`: a noun phrase, unless the operationId acts so
    if not starts_with_verb(words):
        if method == "get" or operation_id_verb(operation_id)[0] is not None:
            return None
        named = bool(id_words) and id_words[0] == verb and verb not in VERBS
        on_item = (
            method == "post"
            and segments[-2:-1] == ["{}"]
            and singular(words[-1]) == words[-1]
            and verb not in VERBS
            and not index.has_get(path)
        )
        if not (named or on_item):
            return None
    if method == "delete" and acted:
        return method_name("_".join([opposite_action(verb, id_words), *words[1:]]))
    return method_name("_".join(words))


def _first_verb(words: list[str]) -> str | None:
    return next((w for w in words if w in VERBS or is_action_verb(w)), None)


def name_operation(
    path: str,
    method: str,
    op: dict[str, Any],
    index: PathIndex,
    returns_list: bool,
    by_tags: bool = False,
    root: str = "root",
    returns_file: bool = False,
    pages: bool = False,
) -> Naming:
    """The resource and method name of one operation (`returns_list`: its success response
    is an array or a page of one, or it takes `page` and `per_page`; `pages`: a paging scheme
    was recognised in it). A collection with items is listed. `root`: the resource
    of a path that names none (`/{id}`), from the server URL when its path names one.
    `returns_file`: its success response is a download, not JSON.
    `by_tags` (the config's `group_by: tags`): the resource is the operation's first tag,
    unless `x-sdk-resource` names one; an operation without tags keeps its path's."""
    naming = _name_operation(path, method, op, index, (returns_list, pages), root, returns_file)
    tags = op.get("tags")
    first = tags[0] if isinstance(tags, list) and tags and isinstance(tags[0], str) else ""
    if by_tags and snake_case(first) != "_" and not isinstance(op.get("x-sdk-resource"), str):
        return Naming((module_name(snake_case(first)),), naming.method, naming.source)
    return naming


def _name_operation(
    path: str,
    method: str,
    op: dict[str, Any],
    index: PathIndex,
    lists: tuple[bool, bool],
    root: str,
    returns_file: bool,
) -> Naming:
    returns_list, pages = lists
    operation_id = op.get("operationId") if isinstance(op.get("operationId"), str) else None
    explicit_method = op.get("x-sdk-method")
    explicit_resource = op.get("x-sdk-resource")
    has_items = index.is_collection(path)
    if isinstance(explicit_resource, str) and explicit_resource.strip("."):
        resource = tuple(module_name(snake_case(p)) for p in explicit_resource.split(".") if p)
        if isinstance(explicit_method, str) and explicit_method:
            return Naming(resource, explicit_name(explicit_method), "override")
        return Naming(resource, standard_name(path, method, operation_id, returns_list, has_items)[0], "override")
    resource = resource_path_of(path, root)
    if isinstance(explicit_method, str) and explicit_method:
        # `/v1/logs/tail` with `x-sdk-method: tail` is `client.logs.tail()`.
        if len(resource) > 1 and explicit_name(explicit_method) == resource[-1]:
            resource = resource[:-1]
        return Naming(resource, explicit_name(explicit_method), "override")
    parent = resource[:-1] or ((root,) if root != "root" else ())
    rpc = rpc_method(path)
    if rpc is not None and parent:
        return Naming(parent, method_name(rpc), "path")
    action = action_name(path, method, operation_id, index, returns_file) if parent else None
    if action is not None and iskeyword(action.rstrip("_")):
        action = f"{action.rstrip('_')}_{singular(parent[-1])}"  # `return_inbound_transfer`, not `return_`
    if action is not None:
        return Naming(parent, action, "path")
    if clean_segments(path)[-1:] == ["{}"]:
        listed = _item_lists(path, index, operation_id, returns_list, pages)
    else:  # a collection's GET is a list by its shape too
        listed = returns_list or has_items or index.has_item_get(path)
    name, source = standard_name(path, method, operation_id, listed, has_items)
    return Naming(resource, name, source)


def _item_lists(path: str, index: PathIndex, operation_id: str | None, returns_list: bool, pages: bool) -> bool:
    """Whether a GET that ends in a path parameter lists: it answers a page, or a list its
    operationId does not call one thing (`ShowSession` answering `{"session": [...]}` is
    one session), and the collection it is under lists nothing itself (`.../associations/{to_type}`,
    `/insights/{start}/{end}`). Under a collection with a list of its own (`/invoices` and
    `/invoices/{id}`, `/src` and `/src/{commit}/{path}`) it is that item's `retrieve`,
    whatever it answers."""
    segments = path.rstrip("/").split("/")
    while segments and segments[-1].startswith("{"):
        segments.pop()
    if index.has_get("/".join(segments) or "/"):
        return False
    return pages or (returns_list and operation_id_verb(operation_id)[0] != "retrieve")


def explicit_name(text: str) -> str:
    """`x-sdk-method` as written when it is a Python name, else made one."""
    return text if text.isidentifier() and text.isascii() and not iskeyword(text) else method_name(text)


def standard_name(
    path: str, method: str, operation_id: str | None, returns_list: bool, has_items: bool = False
) -> tuple[str, str]:
    """`list`/`create`/`retrieve`/`update`/`delete` from the verb and the path's shape
    (`has_items`: the path is a collection, whose own `PUT` and `DELETE` are bulk); the
    operationId's verb settles what the path leaves open."""
    is_item = clean_segments(path)[-1:] == ["{}"]
    named, _ = operation_id_verb(operation_id)
    if method == "get":
        if is_item:
            # A list under a last path parameter (`/objects/{type}`, `.../associations/{to_type}`)
            # is that collection's list, not one item.
            return ("list", "path") if returns_list else ("retrieve", "path")
        if returns_list:
            return "list", "path"
        # A collection GET answering one object: a singleton (`/account`), or an unrecognised list.
        return ("list", "operationId") if named == "list" else ("retrieve", "path")
    if method == "post" and is_item:
        # Twilio and others update an item with POST.
        if named in ("update", "create", "delete"):
            return named, "operationId"
        return "update", "path"
    if is_item:
        verbs = ITEM_VERBS
    elif has_items:
        verbs = COLLECTION_VERBS
    else:  # a singleton (`/account`, `/me/player`): its own update and delete
        verbs = {**ITEM_VERBS, "post": "create"}
    if method in verbs:
        return verbs[method], "path"
    return method_name(method), "path"
