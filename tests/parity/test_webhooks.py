"""Webhooks of a spec (3.1 `webhooks`, 3.0 `x-webhooks`): `client.webhooks.unwrap` returns the
typed event, and `verify_signature` checks a Standard Webhooks signature, as a sender signs
it here with `hmac` (the scheme's reference code does the same)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import textwrap
import time
from types import ModuleType

import pytest

from ..conftest import GOLDEN
from .conftest import SECRET, SECRET_KEY, sign

COMPLETED = json.dumps({"id": "evt_1", "type": "batch.completed", "created_at": 1, "data": {"id": "batch_1"}})
FAILED = json.dumps({"id": "evt_2", "type": "batch.failed", "created_at": 2, "data": {"id": "batch_2"}})


def client(sdk: ModuleType, **kwargs: object) -> object:
    return sdk.Client(api_key="sk-test", base_url="http://127.0.0.1:9", **kwargs)


def test_a_signed_webhook_unwraps_to_its_typed_event(sdk: ModuleType) -> None:
    from openai_like.types import BatchCompletedWebhookEvent, BatchFailedWebhookEvent

    webhooks = client(sdk).webhooks
    event = webhooks.unwrap(COMPLETED, sign(COMPLETED, int(time.time())), secret=SECRET)
    assert isinstance(event, BatchCompletedWebhookEvent)
    assert (event.type, event.data.id) == ("batch.completed", "batch_1")
    failed = webhooks.unwrap(FAILED.encode(), sign(FAILED, int(time.time())), secret=SECRET)
    assert isinstance(failed, BatchFailedWebhookEvent)


def test_the_secret_comes_from_the_client_or_the_environment(sdk: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    headers = sign(COMPLETED, int(time.time()))
    assert client(sdk, webhook_secret=SECRET).webhooks.unwrap(COMPLETED, headers).type == "batch.completed"
    monkeypatch.setenv("OPENAI_WEBHOOK_SECRET", SECRET)
    from_env = client(sdk)
    from_env.webhooks.verify_signature(COMPLETED, headers)
    with pytest.raises(sdk.InvalidWebhookSignatureError):
        from_env.webhooks.unwrap(COMPLETED.replace("batch_1", "batch_9"), headers)  # a body changed on the way
    assert from_env.with_options(max_retries=1).webhook_secret == SECRET


def test_a_wrong_signature_is_refused(sdk: ModuleType) -> None:
    headers = sign(COMPLETED, int(time.time()), key=b"another key")
    with pytest.raises(sdk.InvalidWebhookSignatureError, match="No webhook signature matches"):
        client(sdk).webhooks.unwrap(COMPLETED, headers, secret=SECRET)
    assert issubclass(sdk.InvalidWebhookSignatureError, sdk.SDKError)


def test_one_matching_signature_of_several_is_enough(sdk: ModuleType) -> None:
    """While a secret is rotated, the sender signs with the old and the new one."""
    now = int(time.time())
    old = sign(COMPLETED, now, key=b"the old key")["webhook-signature"]
    headers = sign(COMPLETED, now)
    headers["webhook-signature"] = f"v2,ignored {old} {headers['webhook-signature']}"
    client(sdk).webhooks.verify_signature(COMPLETED, headers, secret=SECRET)


@pytest.mark.parametrize("offset", [-310, 310])
def test_a_timestamp_outside_the_tolerance_is_refused(sdk: ModuleType, offset: int) -> None:
    # Ten seconds past the default 300: the header holds whole seconds, read a moment later.
    headers = sign(COMPLETED, int(time.time()) + offset)
    with pytest.raises(sdk.InvalidWebhookSignatureError, match="timestamp"):
        client(sdk).webhooks.verify_signature(COMPLETED, headers, secret=SECRET)
    client(sdk).webhooks.verify_signature(COMPLETED, headers, secret=SECRET, tolerance=400)


@pytest.mark.parametrize("header", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_a_missing_header_is_refused(sdk: ModuleType, header: str) -> None:
    headers = sign(COMPLETED, int(time.time()))
    del headers[header]
    with pytest.raises(sdk.InvalidWebhookSignatureError, match=header):
        client(sdk).webhooks.unwrap(COMPLETED, headers, secret=SECRET)


def test_headers_are_matched_whatever_their_case_and_the_prefix_is_optional(sdk: ModuleType) -> None:
    headers = {k.upper(): v for k, v in sign(COMPLETED, int(time.time())).items()}
    bare = SECRET.removeprefix("whsec_")
    client(sdk).webhooks.verify_signature(COMPLETED, headers, secret=bare)


def test_verifying_without_any_secret_says_where_to_give_one(sdk: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_WEBHOOK_SECRET", raising=False)
    with pytest.raises(sdk.SDKError, match="OPENAI_WEBHOOK_SECRET"):
        client(sdk).webhooks.verify_signature(COMPLETED, sign(COMPLETED, int(time.time())))
    with pytest.raises(sdk.SDKError, match="OPENAI_WEBHOOK_SECRET"):
        client(sdk).webhooks.unwrap(COMPLETED, sign(COMPLETED, int(time.time())))  # never read unchecked
    with pytest.raises(sdk.SDKError, match="base64"):
        client(sdk).webhooks.verify_signature(COMPLETED, sign(COMPLETED, 0), secret="whsec_not base64!")


def test_the_async_client_has_the_same_helper(sdk: ModuleType) -> None:
    async_client = sdk.AsyncClient(api_key="sk-test", webhook_secret=SECRET, base_url="http://127.0.0.1:9")
    event = async_client.webhooks.unwrap(COMPLETED, sign(COMPLETED, int(time.time())))
    assert event.type == "batch.completed"


def test_the_event_type_is_a_union_tagged_by_the_property_each_payload_sets(sdk_root: object) -> None:
    from openai_like.types import WebhookEvent

    text = (sdk_root / "openai_like" / "types" / "webhook_event.py").read_text()  # type: ignore[operator]
    assert 'Field(discriminator="type")' in text
    assert "`batch.completed`, `batch.failed`" in text
    assert WebhookEvent is not None


def test_x_webhooks_inline_payloads_and_a_resource_called_webhooks() -> None:
    """The golden case: 3.0 `x-webhooks` with inline bodies (models `<Webhook>Event`), a
    webhook without a body warned about, and `/webhooks` endpoints keeping `client.webhooks`."""
    sdk = GOLDEN / "webhooks" / "expected" / "python" / "webhooks_sdk"
    client = (sdk / "_client.py").read_text()
    assert "def webhooks(self) -> Webhooks:" in client
    assert "def webhook_events(self) -> _webhooks.Webhooks:" in client
    assert 'Field(discriminator="event")' in (sdk / "types" / "webhook_event.py").read_text()
    assert "class PetCreatedEvent(BaseModel):" in (sdk / "types" / "pet_created_event.py").read_text()
    warnings = (GOLDEN / "webhooks" / "warnings.txt").read_text()
    assert "webhook 'ping' has no JSON request body" in warnings and "/x-webhooks/ping/post" in warnings


def test_the_signature_is_the_standard_webhooks_one(sdk: ModuleType) -> None:
    """A vector computed independently of `sign`: the base64 HMAC-SHA256 of `id.ts.body`."""
    import hashlib
    import hmac

    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    expected = base64.b64encode(hmac.new(key, b"msg_1.1700000000.{}", hashlib.sha256).digest()).decode()
    headers = {"webhook-id": "msg_1", "webhook-timestamp": "1700000000", "webhook-signature": "v1," + expected}
    from openai_like._webhooks import verify_signature

    verify_signature("{}", headers, SECRET, now=1700000000)
    with pytest.raises(sdk.InvalidWebhookSignatureError):
        verify_signature("{} ", headers, SECRET, now=1700000000)


def test_the_sdk_readme_webhooks_example_runs() -> None:
    """The SDK README's snippet, run as written: a signed event answers 200, a forged one 400."""
    root = GOLDEN / "webhooks" / "expected" / "python"
    readme = (root / "README.md").read_text()
    section = readme.split("## Webhooks", 1)[1]
    snippet = section.split("```python\n", 1)[1].split("```", 1)[0]
    body = json.dumps({"event": "pet.deleted", "pet_id": 7})
    headers = sign(body, int(time.time()))
    secret_key = base64.b64encode(SECRET_KEY).decode()
    script = snippet.replace('"whsec_..."', repr("whsec_" + secret_key)) + textwrap.dedent(
        f"""
        print(handle({body!r}.encode(), {headers!r}))
        print(handle({body!r}.encode(), {{**{headers!r}, "webhook-id": "forged"}}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    lines = result.stdout.split("\n")
    assert "PetDeletedEvent" in lines[0] or "pet_id=7" in lines[0]
    assert lines[1:3] == ["200", "400"]
