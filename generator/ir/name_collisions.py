"""IR: settle the method names of one resource once each operation has proposed its own.

Two operations that would share a name: the one whose operationId asks for it keeps it
(a `PATCH` whose operationId says `update` beside a `PUT` that says `replace`), else the
one that acts rather than asks (`PUT .../vote` over its `GET`), else the first; the other
is named from its operationId's verb and the words of it that the resource and the path's
parameters do not already say (`createAndRunThread` on `threads` -> `create_and_run`,
`listFineTuningEvents` on `fine_tuning.jobs` -> `list_events`), at most `MAX_LENGTH`
characters; a variant route (`/conversations#stream`) adds its variant (`create_stream`),
and the `GET` of an action retrieves it (`retrieve_vote`).
A `POST` creating on a path whose `GET` retrieves one object and that has no items is the
object's `update` (`/customers/{id}/cash_balance`), unless its operationId says it
creates or does something else (`kubernetes_run_clusterLint` -> `run`). An action segment longer than
`MAX_LENGTH` is cut the same way (`estimate-shipping-methods-by-address-id`), and settled
like any other name if that makes it another's."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .method_names import VERBS
from .model import OperationIR
from .naming import method_name, singular, snake_case
from .route_paths import VERSION_SEGMENT, PathIndex, base_route, clean_segments, rpc_method, variant_words
from .verbs import ACTION_VERBS

MAX_LENGTH = 30
"""A method name made from an operationId is cut to this many characters, at a word."""
CONNECTORS = frozenset({"by", "for", "of", "in", "on", "from", "to", "with", "at", "and", "or", "via"})
"""Words that join two others: one left with nothing after it is dropped (`get_by` -> `get`)."""
HTTP_WORDS = frozenset({"get", "put", "post", "patch", "delete", "head", "options"})
RESERVED = frozenset({"with_raw_response", "with_streaming_response"})
"""Attributes every resource class has."""


@dataclass(frozen=True)
class SettledName:
    name: str
    source: str
    wanted: str = ""
    """The name the operation could not have, when another had it."""


def settle_names(
    resource: tuple[str, ...],
    operations: Sequence[OperationIR],
    children: set[str],
    index: PathIndex,
    context_words: set[str],
) -> list[SettledName]:
    """Each operation's final name, in order, on `resource` (`("fine_tuning", "jobs")`).
    `children`: the sub-resources' attributes; `context_words`: words every path of the API
    shares without saying them (the server URL's path), not worth repeating in a name."""
    said = _with_singulars({w for name in resource for w in name.split("_")}) | context_words | HTTP_WORDS
    wanted = [SettledName(op.name, op.name_source) for op in operations]
    retrieved = {base_route(op.path) for op in operations if op.http_method == "get" and op.name == "retrieve"}
    for i, op in enumerate(operations):
        if (
            op.http_method == "post"
            and op.name == "create"
            and op.name_source == "path"
            and clean_segments(op.path)[-1:] != ["{}"]
            and base_route(op.path) in retrieved
            and not index.has_items(op.path)
        ):
            wanted[i] = _singleton_post(op, said)
    for i, op in enumerate(operations):
        # A long action segment is cut like a made name; an RPC method is the API's own name.
        if len(wanted[i].name) > MAX_LENGTH and op.name_source == "path" and rpc_method(op.path) is None:
            wanted[i] = SettledName(_cut(wanted[i].name.split("_")), "path")
    taken = set(children) | RESERVED
    winners: dict[str, int] = {}
    for i, settled in enumerate(wanted):
        if settled.name in taken:
            continue
        holder = winners.get(settled.name)
        if holder is None or _claims(operations[i], settled.name, said) > _claims(
            operations[holder], settled.name, said
        ):
            winners[settled.name] = i
    result: list[SettledName] = []
    used = taken | set(winners)
    for i, op in enumerate(operations):
        if winners.get(wanted[i].name) == i:
            result.append(wanted[i])
            continue
        name = next(n for n in candidates(op, wanted[i].name, said) if n not in used)
        used.add(name)
        result.append(SettledName(name, "operationId", wanted[i].name))
    return result


def _singleton_post(operation: OperationIR, said: set[str]) -> SettledName:
    """A `POST` to a singleton its `GET` retrieves: `update`, unless the operationId says it
    creates one (`create_service_key`) or names another action (`run_clusterLint`: `run`)."""
    words = operation_words(operation)
    verb = _verb_index(words, operation.http_method, frozenset(said - HTTP_WORDS))
    if verb is None or VERBS.get(words[verb]) == "update":
        return SettledName("update", "path")
    if VERBS.get(words[verb]) == "create":
        return SettledName("create", "path")
    if words[verb] in ACTION_VERBS and words[verb] not in VERBS:
        return SettledName(method_name(words[verb]), "operationId")
    return SettledName("update", "path")


def _claims(operation: OperationIR, name: str, said: set[str]) -> tuple[int, int]:
    """How strongly an operation asks for a name: its operationId's verb is the name (8) or
    stands for it (`replace` for `update`: 4); it is no variant route (2); it acts, not
    asks (1: `PUT .../vote` is `vote`, the `GET` of it is not); and then, the fewer words
    its operationId adds to what the resource says, the more (`issues/list-comments` over
    `issues/list-comments-for-repo`)."""
    words = operation_words(operation)
    verb = _verb_index(words, operation.http_method)
    verb_word = words[verb] if verb is not None else None
    asks = 8 if verb_word == name else 4 if verb_word is not None and VERBS.get(verb_word) == name else 0
    acts = 2 * (base_route(operation.path) == operation.path) + (operation.http_method != "get")
    known = said | _parameter_words(operation.path)
    return asks + acts, -len([w for w in words if singular(w) not in known and w != verb_word])


def operation_words(operation: OperationIR) -> list[str]:
    """The operationId's words, versions left out (`...ManagementV1EstimateByAddressId`)."""
    return [w for w in snake_case(operation.operation_id).split("_") if w and not VERSION_SEGMENT.match(w)]


def _verb_index(words: list[str], http_method: str, said: frozenset[str] = frozenset()) -> int | None:
    """Where the operationId's verb is: its first verb word that is not a word of the path
    (`listId` is no verb), past a leading HTTP method when another verb follows
    (`patch-/crm/v3/pipelines/{id}_update` -> `update`)."""
    verbs = [i for i, w in enumerate(words) if (w in VERBS or w in ACTION_VERBS) and (i == 0 or w not in said)]
    if len(verbs) > 1 and verbs[0] == 0 and words[0] in HTTP_WORDS:
        return verbs[1]
    return verbs[0] if verbs else None


def candidates(operation: OperationIR, wanted: str, said: set[str]) -> Iterator[str]:
    """Names for an operation that cannot have `wanted`, best first, leaving out the words
    `said` by the resource and the path's parameters; the last ones are always free."""
    for name in _made_names(operation, wanted, said):
        if not name.endswith("_"):  # `import_`: a keyword made a name, no name of its own
            yield name
    yield method_name(snake_case(operation.operation_id))
    counter = 2
    while True:
        yield f"{wanted}_{counter}"
        counter += 1


def _made_names(operation: OperationIR, wanted: str, said: set[str]) -> Iterator[str]:
    variant = variant_words(operation.path)
    if variant:
        yield _cut([wanted, *variant])
    words = operation_words(operation)
    parameters = _parameter_words(operation.path)
    verb = _verb_index(words, operation.http_method, frozenset((said - HTTP_WORDS) | parameters))
    head = [words[verb]] if verb is not None else [wanted]
    rest = words[verb + 1 :] if verb is not None else words
    before = words[:verb] if verb is not None else []
    # The words before the verb mostly name the resource again (`droplets_list_...`):
    # tried without them first.
    for dropped in (said | parameters, said, set()):
        kept = _joined([w for w in rest if singular(w) not in dropped])
        yield _cut(head + kept)
        yield _cut(head + _tail(kept, MAX_LENGTH - len("_".join(head)) - 1))  # what the cut left out
        yield _cut(head + _joined([w for w in before + rest if singular(w) not in dropped]))
        if dropped == said | parameters and operation.http_method == "get" and wanted not in VERBS.values():
            yield _cut(["retrieve", *wanted.split("_")])  # the GET of an action: `retrieve_vote`
    for size in range(1, len(words) + 1):
        yield _cut(words[:size])


def _with_singulars(words: set[str]) -> set[str]:
    return words | {singular(w) for w in words}


def _parameter_words(path: str) -> set[str]:
    """The words of the path's parameters (`{fine_tuning_job_id}`): said by the arguments."""
    return _with_singulars({w for name in re.findall(r"{([^}]*)}", path) for w in snake_case(name).split("_")})


def _joined(kept: list[str]) -> list[str]:
    """`kept` without connectors left dangling: at the end, or before another connector."""
    result = list(kept)
    while result and result[-1] in CONNECTORS:
        result.pop()
    return [w for i, w in enumerate(result) if not (w in CONNECTORS and result[i + 1 : i + 2][0] in CONNECTORS)]


def _tail(words: list[str], room: int) -> list[str]:
    """The last of `words` that fit in `room` characters, joined."""
    tail: list[str] = []
    while words[: len(words) - len(tail)] and len("_".join([words[-len(tail) - 1], *tail])) <= room:
        tail.insert(0, words[-len(tail) - 1])
    return tail


def _cut(words: list[str]) -> str:
    """Words joined into a method name of at most `MAX_LENGTH` characters, cut at a word."""
    words = [w for w in words if w]
    while len(words) > 1 and len("_".join(words)) > MAX_LENGTH:
        words.pop()
        while len(words) > 1 and words[-1] in CONNECTORS:
            words.pop()
    return method_name("_".join(words))
