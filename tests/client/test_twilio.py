"""The Twilio `api_v2010` SDK, generated from the shared corpus: HTTP basic auth, form bodies
with PascalCase fields, dated and `.json` paths.

`messages.create(...)` is checked on the wire against a recording loopback server, and
every GET operation against a Prism mock of the spec: Prism rejects a request that breaks
the spec, and the client must parse every answer (tolerant mode). The sweep's counts are
printed (`pytest -s`)."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
import yaml
from sdkgen.ir.model import ApiIR, OperationIR

from ..conftest import SHARED
from .prism import running_prism
from .test_wire import Recorder, forget, generate, server  # noqa: F401  (the recording server fixture)

SPEC = SHARED / "corpus" / "twilio" / "twilio_api_v2010.yaml"
PACKAGE = "twilio_api_sdk"
ACCOUNT = "AC" + "0" * 32
SID_PATTERN = re.compile(r"\^\(?([A-Z]{2})(?:\|[A-Z]{2})*\)?\[0-9a-fA-F\]\{(\d+)\}\$")


@pytest.fixture(scope="module")
def twilio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, ApiIR]]:
    if not SPEC.is_file():
        pytest.skip(f"the shared Twilio corpus is not at {SPEC}")
    from sdkgen.pipeline import build

    root = tmp_path_factory.mktemp("twilio")
    try:
        sdk = generate(SPEC, PACKAGE, root)
        api, _ = build(SPEC, PACKAGE)
        yield sdk, api
    finally:
        forget(PACKAGE, root)


def test_messages_create_sends_a_form_body_with_basic_auth(
    twilio: tuple[ModuleType, ApiIR],
    server: tuple[str, Recorder],  # noqa: F811
) -> None:
    sdk, _ = twilio
    url, recorded = server
    client = sdk.Client(username=ACCOUNT, password="token", base_url=url, max_retries=0)
    client.accounts.messages.create(
        account_sid=ACCOUNT,
        to="+15558675310",
        from_="+15017122661",
        body="Hi there",
        persistent_action=["mailto:a@example.com", "sms:+15550001111"],
        send_as_mms=True,
    )
    arrived = recorded.last
    assert arrived.method == "POST" and arrived.path == f"/2010-04-01/Accounts/{ACCOUNT}/Messages.json"
    credentials = base64.b64encode(f"{ACCOUNT}:token".encode()).decode()
    assert arrived.headers["authorization"] == f"Basic {credentials}"
    assert arrived.headers["content-type"] == "application/x-www-form-urlencoded"
    assert sorted(arrived.form) == sorted(
        [
            ("To", "+15558675310"),
            ("From", "+15017122661"),
            ("Body", "Hi there"),
            ("PersistentAction", "mailto:a@example.com"),
            ("PersistentAction", "sms:+15550001111"),
            ("SendAsMms", "true"),
        ]
    )


def test_the_credentials_come_from_the_environment(
    twilio: tuple[ModuleType, ApiIR], monkeypatch: pytest.MonkeyPatch
) -> None:
    sdk, _ = twilio
    monkeypatch.setenv("TWILIO_API_SDK_USERNAME", ACCOUNT)
    monkeypatch.setenv("TWILIO_API_SDK_PASSWORD", "token")
    client = sdk.Client()
    assert (client.username, client.password) == (ACCOUNT, "token")
    monkeypatch.delenv("TWILIO_API_SDK_PASSWORD")
    with pytest.raises(sdk.SDKError, match="username=... and password=..."):
        sdk.Client()


def example_value(schema: dict[str, Any]) -> Any:
    """A value the parameter's schema accepts: a SID of the right prefix, an enum's first
    value, or a plain value of its type."""
    if "example" in schema:
        return schema["example"]
    if schema.get("enum"):
        return schema["enum"][0]
    found = SID_PATTERN.fullmatch(str(schema.get("pattern", "")))
    if found:
        return found.group(1) + "0" * int(found.group(2))
    kind = schema.get("type")
    if kind == "integer":
        return max(1, int(schema.get("minimum", 1)))
    if kind == "boolean":
        return True
    if kind == "array":
        return [example_value(schema.get("items", {}))]
    return "x" * max(1, int(schema.get("minLength", 1)))


def arguments(document: dict[str, Any], operation: OperationIR) -> dict[str, Any]:
    """Keyword arguments for the operation's required parameters, read from the spec."""
    parts = [p.replace("~1", "/").replace("~0", "~") for p in operation.pointer.split("/")[1:]]
    item = document["paths"][parts[1]]
    declared = [*item.get("parameters", []), *item[parts[2]].get("parameters", [])]
    by_wire = {(p["in"], p["name"]): p for p in declared}
    return {
        p.name: example_value(by_wire[(p.location, p.wire_name)].get("schema", {}))
        for p in operation.parameters
        if p.required
    }


def request_violations(header: str | None) -> list[str]:
    """What Prism found wrong with the request (not with the response it made up itself)."""
    if not header:
        return []
    return [f"{'.'.join(v['location'])}: {v['message']}" for v in json.loads(header) if v["location"][0] == "request"]


def success_statuses(document: dict[str, Any], operation: OperationIR) -> set[str]:
    parts = [p.replace("~1", "/").replace("~0", "~") for p in operation.pointer.split("/")[1:]]
    return {str(code) for code in document["paths"][parts[1]][parts[2]]["responses"]}


def test_every_get_parses_against_a_prism_mock_and_none_is_rejected(twilio: tuple[ModuleType, ApiIR]) -> None:
    sdk, api = twilio
    document = yaml.load(SPEC.read_text(), Loader=yaml.CSafeLoader)
    gets = [
        (resource, operation)
        for top in api.resources
        for resource in top.walk()
        for operation in resource.operations
        if operation.http_method == "get"
    ]
    rejected: list[str] = []
    redirects: list[str] = []
    needed_tolerance: list[str] = []
    parsed = 0
    # Without --errors: Prism's made-up answers break the spec here and there (a `first_page_uri`
    # that is no URI), which would turn into 500s; the request's violations are in a header.
    with running_prism(SPEC, errors=False) as url:
        clients = [
            sdk.Client(
                username=ACCOUNT, password="token", base_url=url, max_retries=0, strict_response_validation=strict
            )
            for strict in (False, True)
        ]
        for resource, operation in gets:
            kwargs = arguments(document, operation)
            tolerant, strict = clients
            for attribute in resource.path:
                tolerant, strict = getattr(tolerant, attribute), getattr(strict, attribute)
            name = ".".join((*resource.path, operation.name))
            try:
                raw = getattr(tolerant.with_raw_response, operation.name)(**kwargs)
            except sdk.APIStatusError as error:
                problems = request_violations(error.response.headers.get("sl-violations"))
                if (
                    300 <= error.status_code < 400
                    and not problems
                    and not success_statuses(document, operation)
                    & {
                        "200",
                        "201",
                    }
                ):
                    redirects.append(name)  # the spec's only answer is a redirect
                else:
                    rejected.append(f"{name}: {error.status_code} {problems or error.response.text[:300]}")
                continue
            problems = request_violations(raw.headers.get("sl-violations"))
            if problems:
                rejected.append(f"{name}: {problems}")
            assert raw.parse() is not None, name
            parsed += 1
            try:
                getattr(strict, operation.name)(**kwargs)
            except sdk.APIResponseValidationError:
                needed_tolerance.append(name)
        # The check is live: Prism refuses a SID that breaks its pattern.
        resource, operation = next((r, o) for r, o in gets if any(p.location == "path" for p in o.parameters))
        target: Any = clients[0]
        for attribute in resource.path:
            target = getattr(target, attribute)
        kwargs = {**arguments(document, operation), operation.parameters[0].name: "nope"}
        with pytest.raises(sdk.UnprocessableEntityError, match="422"):
            getattr(target, operation.name)(**kwargs)
    print(
        f"\nTwilio api_v2010 against Prism: {len(gets)} GET operations, {parsed} parsed (tolerant), "
        f"{len(redirects)} answered only by a redirect, {len(rejected)} requests rejected, "
        f"{len(needed_tolerance)} responses that strict validation would refuse"
    )
    assert not rejected, "\n".join(rejected)
    assert parsed + len(redirects) == len(gets) and parsed > 50
