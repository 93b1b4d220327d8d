"""Tagged unions (golden case `discriminators`): pydantic picks the member by its tag."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pydantic
import pytest

from .conftest import GOLDEN

PACKAGE = "discriminators_sdk"


@pytest.fixture(scope="module")
def types() -> Iterator[ModuleType]:
    root = GOLDEN / "discriminators" / "expected" / "python"
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(f"{PACKAGE}.types")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def errors(model: Any, value: object) -> list[Any]:
    adapter = model if isinstance(model, pydantic.TypeAdapter) else pydantic.TypeAdapter(model)
    with pytest.raises(pydantic.ValidationError) as raised:
        adapter.validate_python(value)
    return list(raised.value.errors())


def test_the_tag_picks_the_member(types: ModuleType) -> None:
    owner = types.Owner.model_validate({"pet": {"pet_type": "dog"}, "pets": [{"pet_type": "cat", "lives": 9}]})
    assert type(owner.pet).__name__ == "Dog"
    assert type(owner.pets[0]).__name__ == "Cat" and owner.pets[0].lives == 9
    assert types.Owner.model_validate({"pet": None}).pet is None
    pet = pydantic.TypeAdapter(types.Pet).validate_python({"pet_type": "cat", "lives": 1})
    assert type(pet).__name__ == "Cat"


def test_a_tagged_member_is_checked_alone_and_an_unknown_tag_is_named(types: ModuleType) -> None:
    # A cat without `lives` is reported against Cat only, not against every member.
    found = errors(types.Owner, {"pet": {"pet_type": "cat"}})
    assert [e["loc"] for e in found] == [("pet", "cat", "lives")]
    found = errors(types.Owner, {"pet": {"pet_type": "fish"}})
    assert found[0]["type"] == "union_tag_invalid"


def test_a_tag_that_is_a_plain_string_leaves_a_plain_union(types: ModuleType) -> None:
    record = pydantic.TypeAdapter(types.Record).validate_python({"type": "MX", "priority": 10})
    assert record.type == "MX"
    found = errors(pydantic.TypeAdapter(types.Record), {"priority": 10})
    assert {e["type"] for e in found} == {"missing"}
