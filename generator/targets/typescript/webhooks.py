"""The TypeScript SDK's `client.webhooks` (`src/webhooks.ts`): what `unwrap` returns and where
the helper lives: the IR's `helper_attribute` in this target's spelling (`webhookEvents` where
the Python client has `webhook_events`)."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import ApiIR, class_types
from ...ir.webhooks import helper_attribute, secret_env_var
from .imports import Imports
from .spelling import WIDTH, camel_case, spell, ts_string

RUNTIME_NAMES = frozenset(
    {"Webhooks", "InvalidWebhookSignatureError", "WebhookHeaders", "verifySignature", "DEFAULT_TOLERANCE"}
)
"""What `webhooks.ts` exports: the entry point exports these before any model or resource of
the name."""
LOCAL_NAMES = RUNTIME_NAMES | {"SDKError", "Headers", "Crypto", "SubtleCrypto", "TextEncoder", "TextDecoder", "Record"}
"""The names `webhooks.ts` uses besides the event's types: an imported model of one of these
names goes by another there."""


@dataclass(frozen=True)
class WebhooksView:
    attribute: str
    """The client's attribute: `webhooks`, or `webhookEvents` when a resource is `webhooks`."""
    event: str
    """What `unwrap` resolves to (`WebhookEvent`)."""
    imports: tuple[str, ...]
    """The `import type` lines of the event's classes."""
    env_var: str
    """Where the signing secret is read from when none is given: `<PREFIX>_WEBHOOK_SECRET`."""
    unwrap_head: tuple[str, ...]
    """`unwrap(...)`'s signature, as prettier breaks it."""
    construct: tuple[str, ...]
    """The client constructor's lines that make the helper."""


def webhooks_view(api: ApiIR) -> WebhooksView | None:
    if api.webhook_event is None:
        return None
    imports = Imports("webhooks", set(LOCAL_NAMES), "./types/")
    imports.add_all(class_types(api.webhook_event))
    event = spell(api.webhook_event, imports.name)
    attribute = camel_case(helper_attribute(api), member=True)
    return WebhooksView(
        attribute=attribute,
        event=event,
        imports=imports.lines(),
        env_var=secret_env_var(api),
        unwrap_head=tuple(_unwrap_head(event)),
        construct=tuple(_construct(attribute, secret_env_var(api))),
    )


def _unwrap_head(event: str) -> list[str]:
    """`async unwrap(body, headers, options = {}): Promise<Event> {` as prettier prints it at
    an indent of two: on one line when it fits, else a parameter a line."""
    parameters = ["body: string | Uint8Array", "headers: WebhookHeaders", "options: { secret?: string } = {}"]
    line = f"  async unwrap({', '.join(parameters)}): Promise<{event}> {{"
    if len(line) <= WIDTH:
        return [line]
    return ["  async unwrap(", *(f"    {p}," for p in parameters), f"  ): Promise<{event}> {{"]


def _construct(attribute: str, env_var: str) -> list[str]:
    """`this.webhooks = new Webhooks(<the option> ?? <the environment>);` in prettier's
    layout at the constructor's indent."""
    head, value = f"    this.{attribute} = new Webhooks(", f"options.webhookSecret ?? readEnv({ts_string(env_var)})"
    if len(head) + len(value) + 2 <= WIDTH:
        return [f"{head}{value});"]
    if len(value) + 7 <= WIDTH:
        return [head, f"      {value},", "    );"]
    return [head, "      options.webhookSecret ??", f"        readEnv({ts_string(env_var)}),", "    );"]
