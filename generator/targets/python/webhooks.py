"""The Python SDK's `client.webhooks` (`_webhooks.py`): what `unwrap` returns and where it lives
(the attribute is the IR's `helper_attribute`)."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import ApiIR, class_types
from ...ir.spelling import annotation
from ...ir.webhooks import helper_attribute, secret_env_var
from .types import import_order, typing_names_in


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
    namespace = {model.module: model.namespace for model in api.models}
    lines = []
    for class_type in sorted(class_types(api.webhook_event), key=lambda t: (t.module, t.name)):
        where = "shared." if namespace.get(class_type.module, "shared") == "shared" else ""
        lines.append(f"from .types.{where}{class_type.module} import {class_type.name}")
    text = annotation(api.webhook_event)
    typing = {"Mapping", "Optional", "Protocol", "Union"} | typing_names_in([text])
    if lines:
        typing.add("TYPE_CHECKING")
    return WebhooksView(helper_attribute(api), text, tuple(lines), tuple(import_order(typing)), secret_env_var(api))
