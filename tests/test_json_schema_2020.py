"""JSON Schema 2020-12 in the generated models (golden cases `boolean_schemas`, `tuples`,
`recursive_aliases`, `null_only_enums`, `object_const`): what each validates at runtime."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pydantic
import pytest
from sdkgen.pipeline import build

from .conftest import GOLDEN


def load(case: str) -> Iterator[ModuleType]:
    root = GOLDEN / case / "expected" / "python"
    package = f"{case}_sdk"
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(f"{package}.types")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


@pytest.fixture()
def boolean_schemas() -> Iterator[ModuleType]:
    yield from load("boolean_schemas")


@pytest.fixture()
def tuples() -> Iterator[ModuleType]:
    yield from load("tuples")


@pytest.fixture()
def recursive_aliases() -> Iterator[ModuleType]:
    yield from load("recursive_aliases")


@pytest.fixture()
def null_only_enums() -> Iterator[ModuleType]:
    yield from load("null_only_enums")


@pytest.fixture()
def object_const() -> Iterator[ModuleType]:
    yield from load("object_const")


def test_a_false_schema_is_a_field_that_must_be_absent(boolean_schemas: ModuleType) -> None:
    settings = boolean_schemas.Settings.model_validate({"acceptsAnything": {"any": ["thing"]}})
    assert settings.acceptsAnything == {"any": ["thing"]} and settings.rejectsAnything is None
    with pytest.raises(pydantic.ValidationError):
        boolean_schemas.Settings.model_validate({"acceptsAnything": 1, "rejectsAnything": 1})
    with pytest.raises(pydantic.ValidationError):
        boolean_schemas.Settings.model_validate({"acceptsAnything": 1, "retired": "x"})
    assert boolean_schemas.Settings.model_validate({"acceptsAnything": 1, "none": []}).none == ()
    with pytest.raises(pydantic.ValidationError):
        boolean_schemas.Settings.model_validate({"acceptsAnything": 1, "none": [1]})


def test_pattern_properties_type_the_values(boolean_schemas: ModuleType) -> None:
    labels = boolean_schemas.Settings.model_validate({"acceptsAnything": 1, "labels": {"x-a": "b", "n-c": 2}})
    assert labels.labels == {"x-a": "b", "n-c": 2}
    with pytest.raises(pydantic.ValidationError):
        boolean_schemas.Settings.model_validate({"acceptsAnything": 1, "labels": {"x-a": [1]}})


def test_keywords_pydantic_cannot_hold_are_left_to_the_server(boolean_schemas: ModuleType) -> None:
    # dependentRequired, if/then/else, not, unevaluatedProperties: not enforced, documented.
    shipment = boolean_schemas.Shipment.model_validate({"postcode": "x", "weight": 0, "other": 1})
    assert shipment.postcode == "x" and shipment.weight == 0


def test_a_closed_tuple_checks_each_position(tuples: ModuleType) -> None:
    shape = tuples.Shape.model_validate(
        {"origin": [1, 2.5], "legacy": ["a", True], "tagged": ["a", {"text": "t"}, 3], "empty": []}
    )
    assert shape.origin == (1.0, 2.5) and shape.legacy == ("a", True) and shape.empty == ()
    assert type(shape.tagged[1]).__name__ == "Label"
    for wrong in ({"origin": [1, 2, 3]}, {"origin": [1]}, {"origin": [1, 2], "legacy": ["a", "b", "c"]}):
        with pytest.raises(pydantic.ValidationError):
            tuples.Shape.model_validate(wrong)


def test_a_recursive_alias_validates_nested_values(recursive_aliases: ModuleType) -> None:
    body = {"a": [1, {"b": None, "c": [True, "x"]}]}
    document = recursive_aliases.Document.model_validate({"body": body, "formula": [1, [2, [3]]], "node": "n"})
    assert document.body == body and document.formula == [1, [2, [3]]] and document.node == "n"
    with pytest.raises(pydantic.ValidationError):
        recursive_aliases.Document.model_validate({"body": 1, "formula": [1, ["x"]]})
    adapter = pydantic.TypeAdapter(recursive_aliases.Operation)
    assert adapter.validate_python([1, [2]]) == [1, [2]]


def test_a_request_body_takes_recursive_values(recursive_aliases: ModuleType) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"body": json.loads(request.content)["body"]})

    sdk = sys.modules["recursive_aliases_sdk"]
    client = sdk.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    document = client.documents.create(body={"a": ["b", {"c": None}]}, formula=[1, [2]])
    assert json.loads(seen[0].content) == {"body": {"a": ["b", {"c": None}]}, "formula": [1, [2]]}
    assert document.body == {"a": ["b", {"c": None}]}


def test_unions_of_each_other_are_one_union(recursive_aliases: ModuleType) -> None:
    assert pydantic.TypeAdapter(recursive_aliases.NodeA).validate_python(3) == 3
    assert pydantic.TypeAdapter(recursive_aliases.NodeB).validate_python("s") == "s"
    with pytest.raises(pydantic.ValidationError):
        pydantic.TypeAdapter(recursive_aliases.NodeA).validate_python([1])


def test_null_only_enums_hold_only_null(null_only_enums: ModuleType) -> None:
    record = null_only_enums.Record.model_validate({"cleared": None, "placeholder": None, "mode": "fast"})
    assert record.cleared is None and record.mode == "fast"
    level = null_only_enums.Record.model_fields["level"].annotation
    assert "Literal[1, True]" in str(level)
    for wrong in ({"cleared": "x"}, {"cleared": None, "placeholder": "x"}, {"cleared": None, "mode": "slow"}):
        with pytest.raises(pydantic.ValidationError):
            null_only_enums.Record.model_validate(wrong)


def test_a_const_of_any_json_value_is_checked(object_const: ModuleType) -> None:
    settings = {"enabled": True, "limit": 3, "tags": ["a", "b"], "owner": None}
    config = object_const.Config.model_validate(
        {"kind": "config", "settings": settings, "ratio": 1.5, "choices": [1, "two", False]}
    )
    assert config.settings == settings and config.to_dict()["settings"] == settings
    wrong_settings = {"kind": "config", "settings": {**settings, "limit": 4}}
    for wrong in (wrong_settings, {"kind": "config", "settings": settings, "ratio": 2.0}):
        with pytest.raises(pydantic.ValidationError, match="must be"):
            object_const.Config.model_validate(wrong)
    defaults = pydantic.TypeAdapter(object_const.Defaults)
    assert defaults.validate_python({"retries": 3, "backoff": [1, 2, 4]}) == {"retries": 3, "backoff": [1, 2, 4]}
    with pytest.raises(pydantic.ValidationError):
        defaults.validate_python({"retries": 2, "backoff": [1, 2, 4]})


def test_an_allof_cycle_gives_every_member_all_properties(tmp_path: Path) -> None:
    spec = tmp_path / "cycle.yaml"
    spec.write_text(
        """openapi: 3.0.3
info: {title: Cycle, version: "1"}
paths: {}
components:
  schemas:
    A:
      required: [a]
      allOf: [{$ref: "#/components/schemas/B"}]
      properties: {a: {type: string}}
    B:
      allOf: [{$ref: "#/components/schemas/A"}]
      properties: {b: {type: integer}}
""",
        encoding="utf-8",
    )
    api, _ = build(spec, "cycle_sdk")
    classes = {m.name: m.main for m in api.models}
    for name in ("A", "B"):
        main = classes[name]
        assert [f.wire_name for f in main.fields] == ["a", "b"] or [f.wire_name for f in main.fields] == ["b", "a"]
        assert getattr(main, "base", None) is None  # neither extends the other: that would be an import cycle
        assert [f.wire_name for f in main.fields if f.required] == ["a"]
