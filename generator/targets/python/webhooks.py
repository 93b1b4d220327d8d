"""The Python SDK's `client.webhooks` (`_webhooks.py`): what `unwrap` returns and where it lives.

The helper is the client's `webhooks` attribute unless a resource of the API already has that
name (GitHub's and Stripe's `/webhooks` endpoints): then it is `webhook_events`, and so on with
a `_` until the name is free, so that no endpoint is hidden by it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import ApiIR, class_types
from ...ir.spelling import annotation
from .types import import_order, typing_names_in

HELPER_NAMES = ("webhooks", "webhook_events")


@dataclass(frozen=True)
class WebhooksView:
    attribute: str
    """The client's attribute: `webhooks`, or `webhook_events` when a resource is `webhooks`."""
    annotation: str
    """What `unwrap` returns (`WebhookEvent`)."""
    imports: tuple[str, ...]
    """`from .types... import ...` lines for the classes in it (read where `unwrap` runs)."""
    typing: tuple[str, ...]
    """The `typing` names the module imports."""
    env_var: str
    """Where the signing secret is read from when none is given: `<PREFIX>_WEBHOOK_SECRET`."""


def webhooks_view(api: ApiIR) -> WebhooksView | None:
    if api.webhook_event is None:
        return None
    taken = {resource.attribute for resource in api.resources}
    attribute = next((name for name in HELPER_NAMES if name not in taken), HELPER_NAMES[-1])
    while attribute in taken:
        attribute += "_"
    namespace = {model.module: model.namespace for model in api.models}
    lines = []
    for class_type in sorted(class_types(api.webhook_event), key=lambda t: (t.module, t.name)):
        where = "shared." if namespace.get(class_type.module, "shared") == "shared" else ""
        lines.append(f"from .types.{where}{class_type.module} import {class_type.name}")
    text = annotation(api.webhook_event)
    typing = {"Mapping", "Optional", "Protocol", "Union"} | typing_names_in([text])
    if lines:
        typing.add("TYPE_CHECKING")
    return WebhooksView(attribute, text, tuple(lines), tuple(import_order(typing)), f"{api.env_prefix}_WEBHOOK_SECRET")
