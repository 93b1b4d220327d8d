"""Every example in the public DigitalOcean spec for the shared models validates and round-trips.

Examples come from three places: `example` on a model's schema, the `example` of each of its
properties assembled into one object, and response examples of every operation, matched to a
model by walking the response schema beside the example value.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sdkgen.errors import Location
from sdkgen.load.loader import DocumentStore, Ref, parse_ref

from .conftest import ROOT

# Where each shared model lives in the public spec (relative to specification/).
DO_MODELS = {
    ("resources/actions/models/action.yml", ""): "Action",
    ("shared/models/action_link.yml", ""): "ActionLink",
    ("resources/gen-ai/definitions.yml", "/apiLinks"): "APILinks",
    ("resources/gen-ai/definitions.yml", "/apiMeta"): "APIMeta",
    ("shared/pages.yml", "/backward_links"): "BackwardLinks",
    ("resources/inference/models/chat_completion_chunk.yml", ""): "ChatCompletionChunk",
    ("resources/inference/models/chat_completion_token_logprob.yml", ""): "ChatCompletionTokenLogprob",
    ("resources/inference/models/completion_usage.yml", ""): "CompletionUsage",
    ("resources/sizes/models/disk_info.yml", ""): "DiskInfo",
    ("resources/droplets/models/droplet.yml", ""): "Droplet",
    ("resources/droplets/models/droplet_next_backup_window.yml", ""): "DropletNextBackupWindow",
    ("resources/firewalls/models/firewall_rule.yml", "/firewall_rule_target"): "FirewallRuleTarget",
    ("shared/pages.yml", "/forward_links"): "ForwardLinks",
    ("resources/registry/models/garbage_collection.yml", ""): "GarbageCollection",
    ("resources/sizes/models/gpu_info.yml", ""): "GPUInfo",
    ("resources/images/models/image.yml", ""): "Image",
    ("resources/droplets/models/kernel.yml", ""): "Kernel",
    ("shared/models/meta_properties.yml", ""): "MetaProperties",
    ("resources/droplets/models/network_v4.yml", ""): "NetworkV4",
    ("resources/droplets/models/network_v6.yml", ""): "NetworkV6",
    ("shared/pages.yml", "/page_links"): "PageLinks",
    ("resources/regions/models/region.yml", ""): "Region",
    ("resources/sizes/models/size.yml", ""): "Size",
    ("resources/snapshots/models/snapshots.yml", ""): "Snapshots",
    ("resources/registry/models/subscription.yml", ""): "Subscription",
    ("resources/registry/models/subscription_tier.yml", "/subscription_tier_base"): "SubscriptionTierBase",
    ("resources/vpc_peerings/models/vpc_peering.yml", "/vpc_peering"): "VpcPeering",
}


@pytest.fixture(scope="module")
def types(monkeypatch_module: pytest.MonkeyPatch) -> Any:
    monkeypatch_module.syspath_prepend(str(ROOT / "output" / "python"))
    module = importlib.import_module("shared_sdk.types")
    yield module
    for name in [m for m in sys.modules if m.startswith("shared_sdk")]:
        del sys.modules[name]


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


class ExampleWalker:
    """Walks schemas and example values side by side, yielding (model, value) pairs."""

    def __init__(self, spec_dir: Path) -> None:
        self.spec_dir = spec_dir / "specification"
        self.store = DocumentStore()
        self.models = {Ref((self.spec_dir / f).resolve(), p): name for (f, p), name in DO_MODELS.items()}

    def deref(self, node: Any, location: Location) -> tuple[Any, Location, list[Ref]]:
        hops: list[Ref] = []
        while isinstance(node, dict) and "$ref" in node:
            ref = parse_ref(node["$ref"], location)
            assert isinstance(ref, Ref), ref
            hops.append(ref)
            node, location = self.store.resolve_pointer(ref), Location(ref.file, ref.pointer)
        return node, location, hops

    def match(self, schema: Any, location: Location, value: Any) -> Iterator[tuple[str, Any]]:
        schema, location, hops = self.deref(schema, location)
        for ref in [*hops, Ref(location.file.resolve(), location.pointer)]:
            if ref in self.models and value is not None:
                yield self.models[ref], value
                return
        if not isinstance(schema, dict):
            return
        for index, member in enumerate(schema.get("allOf", [])):
            yield from self.match(member, location.child("allOf", index), value)
        if isinstance(value, dict):
            for name, prop in (schema.get("properties") or {}).items():
                if name in value:
                    yield from self.match(prop, location.child("properties", name), value[name])
        if isinstance(value, list) and "items" in schema:
            for item in value:
                yield from self.match(schema["items"], location.child("items"), item)

    def response_examples(self) -> Iterator[tuple[str, Any]]:
        root = self.spec_dir / "DigitalOcean-public.v2.yaml"
        document = self.store.load(root)
        for path, item in document["paths"].items():
            item_location = Location(root, f"/paths/{path}")
            item, item_location, _ = self.deref(item, item_location)
            for method, operation in item.items():
                operation, op_location, _ = self.deref(operation, item_location.child(method))
                if not isinstance(operation, dict):
                    continue
                for status, response in (operation.get("responses") or {}).items():
                    response, r_location, _ = self.deref(response, op_location.child("responses", status))
                    media = (response.get("content") or {}).get("application/json")
                    if not isinstance(media, dict) or "schema" not in media:
                        continue
                    m_location = r_location.child("content", "application/json")
                    values = [media["example"]] if "example" in media else []
                    schema, _, _ = self.deref(media["schema"], m_location.child("schema"))
                    if isinstance(schema, dict) and "example" in schema:
                        values.append(schema["example"])
                    for name, example in (media.get("examples") or {}).items():
                        example, _, _ = self.deref(example, m_location.child("examples", name))
                        if isinstance(example, dict) and "value" in example:
                            values.append(example["value"])
                    for value in values:
                        yield from self.match(media["schema"], m_location.child("schema"), value)

    def schema_examples(self) -> Iterator[tuple[str, Any]]:
        for ref, name in self.models.items():
            schema, location, _ = self.deref(self.store.resolve_pointer(ref), ref.location())
            if "example" in schema:
                yield name, schema["example"]
            assembled = {}
            for prop_name, prop in self.properties(schema, location).items():
                prop, _, _ = self.deref(prop, location)
                if isinstance(prop, dict) and "example" in prop:
                    assembled[prop_name] = prop["example"]
            # Only a whole object is an example: every required property needs its own.
            if assembled and self.required(schema, location) <= set(assembled):
                yield name, assembled

    def required(self, schema: Any, location: Location) -> set[str]:
        schema, location, _ = self.deref(schema, location)
        found = set(schema.get("required") or [])
        for index, member in enumerate(schema.get("allOf", [])):
            found |= self.required(member, location.child("allOf", index))
        return found

    def properties(self, schema: Any, location: Location) -> dict[str, Any]:
        schema, location, _ = self.deref(schema, location)
        found: dict[str, Any] = {}
        for index, member in enumerate(schema.get("allOf", [])):
            found.update(self.properties(member, location.child("allOf", index)))
        found.update(schema.get("properties") or {})
        return found


def check(types: Any, pairs: list[tuple[str, Any]]) -> list[str]:
    failures = []
    for name, value in pairs:
        model = getattr(types, name)
        try:
            parsed = model.model_validate(value)
        except Exception as exc:  # noqa: BLE001 - reported below
            failures.append(f"{name}: {exc}")
            continue
        dumped = parsed.model_dump(mode="json", exclude_unset=True)
        revalidated = model.model_validate(dumped)
        if revalidated != parsed:
            failures.append(f"{name}: does not round-trip: {value!r}")
    return failures


def test_response_examples_validate(do_spec_dir: Path, types: Any) -> None:
    pairs = list(ExampleWalker(do_spec_dir).response_examples())
    assert len(pairs) > 100, len(pairs)
    covered = {name for name, _ in pairs}
    assert {"Droplet", "Region", "Size", "Image", "Action", "Snapshots", "VpcPeering"} <= covered
    assert check(types, pairs) == []


def test_schema_and_property_examples_validate(do_spec_dir: Path, types: Any) -> None:
    pairs = list(ExampleWalker(do_spec_dir).schema_examples())
    assert len({name for name, _ in pairs}) >= 20
    assert check(types, pairs) == []


def test_own_spec_examples_round_trip_exactly(types: Any) -> None:
    """The property examples of schemas/shared.yaml, as one object a model, dump back unchanged."""
    store = DocumentStore()
    document = store.load(ROOT / "schemas" / "shared.yaml")
    checked = 0
    for name, schema in document["components"]["schemas"].items():
        example = schema.get("example") or {
            key: prop["example"]
            for key, prop in (schema.get("properties") or {}).items()
            if isinstance(prop, dict) and "example" in prop
        }
        if not example or not set(schema.get("required") or []) <= set(example):
            continue
        parsed = getattr(types, name).model_validate(example)
        assert parsed.model_dump(mode="json", exclude_unset=True) == _json_form(example), name
        checked += 1
    assert checked >= 20


def _json_form(value: Any) -> Any:
    """Timestamps as pydantic writes them: fractions beyond microseconds cannot survive."""
    if isinstance(value, dict):
        return {k: _json_form(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_form(v) for v in value]
    if isinstance(value, str) and value.endswith("Z") and "." in value and value[:4].isdigit():
        head, fraction = value[:-1].split(".")
        return f"{head}.{fraction[:6]}Z"
    return value


def test_unknown_fields_from_newer_servers_are_kept(types: Any) -> None:
    payload = {"slug": "nyc3", "name": "New York 3", "features": [], "available": True, "sizes": [], "new": 1}
    region = types.Region.model_validate(payload)
    assert region.model_dump(mode="json", exclude_unset=True) == payload
