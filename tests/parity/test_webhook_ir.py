"""How the IR reads webhooks (`sdkgen.ir.webhooks`): what `unwrap` returns, on specs shaped
unlike the OpenAI one."""

from __future__ import annotations

import textwrap
from pathlib import Path

from sdkgen.ir.model import AliasIR, ClassType, UnionType
from sdkgen.pipeline import build


def webhook(name: str, schema: str) -> str:
    return textwrap.indent(
        textwrap.dedent(
            f"""\
            {name}:
              post:
                requestBody:
                  content:
                    application/json:
                      schema: {schema}
                responses:
                  "200":
                    description: ok
            """
        ),
        "  ",
    )


def spec(tmp_path: Path, webhooks: str, schemas: str = "", section: str = "webhooks") -> Path:
    text = f"openapi: 3.1.0\ninfo: {{title: T, version: '1'}}\npaths: {{}}\n{section}:\n{webhooks}"
    text += "components:\n  schemas:\n" + textwrap.indent(textwrap.dedent(schemas), "    ") if schemas else ""
    (tmp_path / "api.yaml").write_text(text)
    return tmp_path / "api.yaml"


TAGGED = """\
A: {type: object, required: [kind], properties: {kind: {const: a}, x: {type: integer}}}
B: {type: object, required: [kind], properties: {kind: {const: b}}}
WebhookEvent: {type: string}
"""


def test_several_payloads_make_a_tagged_union_under_a_free_name(tmp_path: Path) -> None:
    hooks = webhook("a.happened", '{$ref: "#/components/schemas/A"}')
    hooks += webhook("b.happened", '{$ref: "#/components/schemas/B"}')
    api, warnings = build(spec(tmp_path, hooks, TAGGED), "pkg")
    assert api.webhook_event == ClassType("UnwrapWebhookEvent", "unwrap_webhook_event")  # WebhookEvent is taken
    union = next(m for m in api.models if m.name == "UnwrapWebhookEvent").main
    assert isinstance(union, AliasIR) and isinstance(union.type, UnionType)
    assert union.type.discriminator == "kind" and not warnings


def test_a_tag_that_is_a_plain_string_leaves_the_union_untagged(tmp_path: Path) -> None:
    plain = (
        "P: {type: object, properties: {kind: {type: string}}}\nQ: {type: object, properties: {n: {type: integer}}}\n"
    )
    hooks = webhook("p", '{$ref: "#/components/schemas/P"}') + webhook("q", '{$ref: "#/components/schemas/Q"}')
    api, _ = build(spec(tmp_path, hooks, plain), "pkg")
    union = next(m for m in api.models if m.name == "WebhookEvent").main
    assert isinstance(union, AliasIR) and isinstance(union.type, UnionType) and union.type.discriminator is None


def test_one_payload_type_is_returned_as_itself(tmp_path: Path) -> None:
    hooks = webhook("a.created", '{$ref: "#/components/schemas/A"}')
    hooks += webhook("a.updated", '{$ref: "#/components/schemas/A"}')
    api, _ = build(spec(tmp_path, hooks, TAGGED), "pkg")
    assert api.webhook_event == ClassType("A", "a")
    assert not any(m.name.endswith("WebhookEvent") and m.name != "WebhookEvent" for m in api.models)


def test_an_inline_x_webhooks_payload_is_a_model_named_after_the_webhook(tmp_path: Path) -> None:
    hooks = webhook("order.paid", "{type: object, properties: {total: {type: number}}}")
    api, _ = build(spec(tmp_path, hooks, section="x-webhooks"), "pkg")
    assert api.webhook_event == ClassType("OrderPaidEvent", "order_paid_event")
    assert any(m.name == "OrderPaidEvent" and m.namespace == "" for m in api.models)


def test_no_webhooks_no_event_type(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nwebhooks: {}\n")
    api, warnings = build(tmp_path / "api.yaml", "pkg")
    assert api.webhook_event is None and not warnings
