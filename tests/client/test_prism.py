"""Every generated method against a Prism mock server started from `schemas/shared.yaml`.

Prism (`make prism` installs it under `.tools/prism`) validates each request against the
spec (`--errors`: a request that breaks it gets a 422, which the client raises) and
answers with the spec's examples, which the client must parse into its models. So the
SDK and the spec it came from are checked against each other by a third party.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

import pytest
import shared_sdk
from sdkgen.pipeline import build
from shared_sdk import APIResponse, Client, SyncPage

from ..conftest import ROOT
from .prism import running_prism

SPEC = ROOT / "schemas" / "shared.yaml"


@pytest.fixture(scope="module")
def prism_url() -> Iterator[str]:
    with running_prism(SPEC) as url:
        yield url


@pytest.fixture(scope="module")
def client(prism_url: str) -> Iterator[Client]:
    with Client(api_key="prism-token", base_url=prism_url, inference_base_url=prism_url, max_retries=0) as c:
        yield c


# One call per generated method, with arguments the spec accepts.
CALLS: dict[str, Callable[[Client], APIResponse[Any]]] = {
    "droplets.list": lambda c: c.droplets.with_raw_response.list(per_page=2, page=1, tag_name="env:prod"),
    "droplets.create": lambda c: c.droplets.with_raw_response.create(
        name="example.com", size="s-1vcpu-1gb", image="ubuntu-20-04-x64", region="nyc3", tags=["web"], backups=False
    ),
    "droplets.retrieve": lambda c: c.droplets.with_raw_response.retrieve(droplet_id=3164444),
    "droplets.delete": lambda c: c.droplets.with_raw_response.delete(droplet_id=3164444),
    "regions.list": lambda c: c.regions.with_raw_response.list(per_page=5),
    "sizes.list": lambda c: c.sizes.with_raw_response.list(),
    "images.list": lambda c: c.images.with_raw_response.list(type="distribution", private=True),
    "snapshots.list": lambda c: c.snapshots.with_raw_response.list(resource_type="droplet"),
    "actions.list": lambda c: c.actions.with_raw_response.list(page=1),
    "actions.retrieve": lambda c: c.actions.with_raw_response.retrieve(action_id=36804636),
    "vpc_peerings.list": lambda c: c.vpc_peerings.with_raw_response.list(region="nyc1"),
    "registry.subscription.retrieve": lambda c: c.registry.subscription.with_raw_response.retrieve(),
    "registry.garbage_collections.start": lambda c: c.registry.garbage_collections.with_raw_response.start(
        registry_name="example", type="unreferenced blobs only"
    ),
    "registry.garbage_collections.list": lambda c: c.registry.garbage_collections.with_raw_response.list(
        registry_name="example", per_page=10
    ),
    "firewalls.create": lambda c: c.firewalls.with_raw_response.create(
        name="firewall",
        inbound_rules=[{"protocol": "tcp", "ports": "80", "sources": {"load_balancer_uids": ["4de7ac8b"]}}],
        outbound_rules=[{"protocol": "tcp", "ports": "80", "destinations": {"addresses": ["0.0.0.0/0"]}}],
        droplet_ids=[8043964],
    ),
    "chat.completions.create": lambda c: c.chat.completions.with_raw_response.create(
        model="llama3.3-70b-instruct", messages=[{"role": "user", "content": "hi"}], max_tokens=None
    ),
}


def test_the_table_covers_every_operation_in_the_spec() -> None:
    api, _ = build(SPEC, "shared_sdk")
    generated = {
        ".".join((*resource.path, op.name))
        for top in api.resources
        for resource in top.walk()
        for op in resource.operations
    }
    assert generated == set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_method_agrees_with_the_spec(client: Client, name: str) -> None:
    raw = CALLS[name](client)
    assert 200 <= raw.status_code < 300
    assert "sl-violations" not in raw.headers, raw.headers.get("sl-violations")
    parsed = raw.parse()
    if isinstance(parsed, SyncPage):
        # Prism answers every page with the same example; read two pages at most.
        items = list(islice(parsed, 4))
        assert items and all(isinstance(item, shared_sdk.BaseModel) for item in items)
        assert parsed.response.model_dump() != {}
    elif name == "droplets.delete":
        assert parsed is None and raw.status_code == 204
    else:
        assert isinstance(parsed, shared_sdk.BaseModel)
        assert parsed.model_dump(exclude_unset=True), f"{name} parsed to an empty model"


def test_prism_rejects_what_the_spec_forbids(client: Client) -> None:
    with pytest.raises(shared_sdk.UnprocessableEntityError) as caught:
        client.droplets.list(per_page=0)
    assert re.search(r"per_page", caught.value.response.text)
    without_token = Client(api_key="x", base_url=str(client.base_url), max_retries=0)
    with pytest.raises(shared_sdk.AuthenticationError):
        without_token.regions.list(extra_headers={"Authorization": shared_sdk.NOT_GIVEN})


def docs_examples() -> list[tuple[str, str]]:
    text = (ROOT / "output" / "docs" / "resources.md").read_text()
    blocks = re.findall(r"### `(client\.[\w.]+)\(\)`.*?```python\n(from shared_sdk import Client\n.*?)```", text, re.S)
    assert len(blocks) == len(CALLS)
    return blocks


@pytest.mark.parametrize(("call", "example"), docs_examples(), ids=[call for call, _ in docs_examples()])
def test_every_docs_example_runs(
    call: str, example: str, prism_url: str, api: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """The examples in docs/resources.md run: against Prism, and streams against the fake server."""
    plain, _, streamed = example.partition("\n\nwith ")
    for code, url in ((plain, prism_url), ("with " + streamed if streamed else "", api.url)):
        if not code:
            continue
        setup = f"client = Client(api_key='k', base_url={url!r}, inference_base_url={url!r}, max_retries=0)"
        code = code.replace("client = Client()", setup)
        if not code.startswith("from "):
            code = f"from shared_sdk import Client\n{setup}\n{code}"
        exec(compile(code, f"<docs example {call}>", "exec"), {})
    printed = capsys.readouterr().out
    assert printed or call == "client.droplets.delete", "the example printed nothing"
