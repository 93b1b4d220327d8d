"""The tolerance policy: sloppy lines a reader can make sense of generate with a warning
(the golden case tolerated_sloppy_spec pins the output); these pin the finer rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sdkgen.ir.schema_facts import coerced_enum
from sdkgen.pipeline import build


@pytest.mark.parametrize(
    ("schema", "values", "notes"),
    [
        ({"type": "string", "enum": ["a", 3, 1.5, True]}, ["a", "3", "1.5", "true"], [1, 2, 3]),
        ({"type": "integer", "enum": [1, "2", "2.0", "x"]}, [1, 2, 2, "x"], [1, 2, 3]),
        ({"type": "number", "enum": ["1.5", 2]}, [1.5, 2], [0]),
        ({"type": "boolean", "enum": ["true", False, None]}, [True, False, None], [0]),
        ({"type": ["string", "null"], "enum": ["a", None]}, ["a", None], []),
        ({"enum": ["a", 1]}, ["a", 1], []),
    ],
)
def test_enum_values_are_coerced_to_their_type_where_they_read_as_one(
    schema: dict[str, Any], values: list[Any], notes: list[int]
) -> None:
    coerced, warnings = coerced_enum(schema)
    assert coerced == values
    assert [index for _, index in warnings] == notes


def spec_without_responses(tmp_path: Path, version: str) -> Path:
    spec = tmp_path / f"spec_{version}.yaml"
    spec.write_text(f"openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths:\n  /ping:\n    post: {{}}\n")
    return spec


def test_an_operation_without_responses_returns_nothing_warned_about_in_3_0_only(tmp_path: Path) -> None:
    api, warnings = build(spec_without_responses(tmp_path, "3.0.3"), "ping")
    (operation,) = api.operations
    assert operation.response is None
    assert [(w.message, w.location.pointer, w.location.line) for w in warnings] == [
        ("an operation without responses (OpenAPI 3.0 requires them); it returns nothing", "/paths/~1ping/post", 5)
    ]
    _, warnings = build(spec_without_responses(tmp_path, "3.1.0"), "ping")
    assert warnings == []
