"""`sdkgen names` over real specs from the shared corpus, pinned: the tree of methods a user
calls (Twilio `api_v2010`, Twilio `messaging_v1`, DigitalOcean). `SDKGEN_UPDATE_GOLDENS=1`
rewrites them; review the diff. Also: every Twilio list operation that takes paging
parameters auto-paginates."""

from __future__ import annotations

import os

import pytest
from sdkgen.pipeline import build
from sdkgen.surface import surface_lines

from .conftest import ROOT, SHARED

SNAPSHOTS = ROOT / "tests" / "names"
SPECS = {
    "twilio_api_v2010": SHARED / "corpus" / "twilio" / "twilio_api_v2010.yaml",
    "twilio_messaging_v1": SHARED / "corpus" / "twilio" / "twilio_messaging_v1.yaml",
    "digitalocean": SHARED / "corpus" / "digitalocean" / "DigitalOcean-public.v2.bundled.yaml",
}
PAGING_PARAMETERS = {"Page", "PageSize", "PageToken", "Token"}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_names_snapshot(name: str) -> None:
    spec = SPECS[name]
    if not spec.is_file():
        pytest.skip(f"the shared corpus is not at {spec}")
    api, _ = build(spec, "corpus_sdk")
    text = "\n".join(surface_lines(api)) + "\n"
    snapshot = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("SDKGEN_UPDATE_GOLDENS"):
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8")


def test_every_twilio_list_operation_auto_paginates() -> None:
    specs = sorted((SHARED / "corpus" / "twilio").glob("twilio_*.yaml"))
    if not specs:
        pytest.skip("the shared Twilio corpus is not there")
    lists, not_paged = 0, []
    for spec in specs:
        api, _ = build(spec, "twilio_sdk")
        for operation in api.operations:
            wire = {p.wire_name for p in operation.parameters}
            if (
                operation.http_method == "get"
                and operation.operation_id.startswith("List")
                and wire & PAGING_PARAMETERS
            ):
                lists += 1
                if operation.pagination is None:
                    not_paged.append(f"{spec.name}: {operation.operation_id}")
    assert not_paged == []
    assert lists == 349  # of the 351 `List...` operations; the other two take no paging parameters
