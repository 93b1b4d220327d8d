"""IR: which words are verbs, for telling an action (`/jobs/{id}/cancel`) from a resource.

A path's last segment names an action when its first word is a verb an API acts with; a
noun that is also a verb in its plural (`orders`, `tests`) is not listed, and neither is
a word APIs mostly use as a noun (`schedule`, `report`, `status`). Only the base form and
the third person of the verbs a `GET` asks with (`contains`, `exists`) are listed.
"""

from __future__ import annotations

from .naming import singular

ACTION_VERBS = frozenset(
    """
    accept acknowledge activate add allow analyze append apply approve archive assign associate attach
    authenticate authorize ban block calculate cancel capture charge check checkout
    claim clear clone close commit compact compare complete compute confirm connect contains convert copy
    count create deactivate decline decrypt delete deliver deny deploy destroy detach detect disable disassociate
    disconnect dismiss dispatch download duplicate empty enable encrypt end enqueue enroll estimate
    evaluate execute exists expire export extend fail finalize find flag flush follow fork generate
    get grant hide identify import increment initiate install invalidate invite invoke join kick
    leave link lock login logout lookup mark merge migrate move mute next notify open pause pay ping pin
    play preview previous process promote publish purge purchase query reactivate read reboot rebuild recalculate
    receive reconcile redact redeem redeliver refresh refund regenerate register reject release reload
    remove rename render renew reopen reorder repeat replace replay request rerun resend reserve reset
    resize resolve restart restore resume retrieve retry return reverse revert review revoke rollback
    rotate run save scan search seek send set share ship show shuffle sign simulate skip snooze sort split
    star start stop submit subscribe suspend swap sync terminate test toggle track transfer transition
    translate trigger truncate unarchive unassign unban unblock undelete unfollow uninstall unlink unlock
    unmark unmute unpin unpublish unregister unset unshare unstar unsubscribe unsuspend unwatch update upgrade
    upload upsert validate verify void vote watch withdraw
    """.split()
)
"""Verbs an API acts with, as the first word of a path segment (`verify_microdeposits`)."""
NOUN_LIKE_VERBS = frozenset(
    """
    charge check copy count download end export flag import link lock login mark pin ping play query
    release request return review run search set sign star test track transfer upload vote watch
    """.split()
)
"""Verbs that are as often a noun naming things (`login_links`, `test_clocks`, `run_logs`):
followed by a plural, they name a resource."""

CRUD_SYNONYMS = {
    "get": "retrieve",
    "fetch": "retrieve",
    "read": "retrieve",
    "show": "retrieve",
    "put": "update",
    "patch": "update",
}
"""An operationId's verb spelled as the standard method it stands for, when a name is
made from it (`getBoardField` -> `retrieve_field`)."""


def is_action_verb(word: str) -> bool:
    return word in ACTION_VERBS


def starts_with_verb(words: list[str]) -> bool:
    """`cancel`, `verify_microdeposits`, `contains`: words that say an action, not
    `login_links` (a verb that is also a noun, before a plural: a noun phrase)."""
    if not words or words[0] not in ACTION_VERBS:
        return False
    return not (len(words) > 1 and words[0] in NOUN_LIKE_VERBS and singular(words[-1]) != words[-1])


def opposite_action(verb: str, operation_words: list[str]) -> str:
    """The name of a `DELETE` of an action path another method acts on: the operationId's
    word built on the action's verb (`unarchive` of `archive`, `unstar` of `star`), else
    its leading verb when that is an action of its own (`disable`), else `un` + the verb."""
    for word in operation_words:
        if word != verb and word.endswith(verb) and word in ACTION_VERBS | {f"un{verb}", f"dis{verb}"}:
            return word
    leading = operation_words[0] if operation_words else ""
    if leading in ACTION_VERBS and leading not in {"delete", "remove", verb}:
        return leading
    return f"un{verb}"
