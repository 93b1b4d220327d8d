"""Plain scalars are typed by YAML 1.2's core schema, the same by rapidyaml and by PyYAML
(the golden case yaml12_scalars pins a whole spec read this way)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from sdkgen.load import native_yaml
from sdkgen.load.loader import MAX_DEPTH, DocumentStore, SpecYamlLoader

from tests.test_native_yaml import same


def both_readings(text: str) -> list[Any]:
    """The document as PyYAML's loader reads it and, where it takes it, as the native walk does."""
    readings = [yaml.load(text, Loader=SpecYamlLoader)]
    native = native_yaml.load(text.encode("utf-8"), text, SpecYamlLoader, MAX_DEPTH)
    if native is not native_yaml.NOT_NATIVE:
        readings.append(native)
    return readings


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        # YAML 1.1 reads these as booleans, sexagesimal numbers, octal, binary or dates.
        *((word, word) for word in ("yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF")),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("1:20", "1:20"),
        ("9:00", "9:00"),
        ("1:30.5", "1:30.5"),
        ("1_000", "1_000"),
        ("0b101", "0b101"),
        ("-0x1F", "-0x1F"),
        ("2001-12-14", "2001-12-14"),
        ("=", "="),
        ("<<", "<<"),
        # YAML 1.2 reads these differently from YAML 1.1 (which gives 10, 'a string', ...).
        ("012", 12),
        ("0o17", 15),
        ("0x1F", 31),
        ("1e3", 1000.0),
        ("1.5e3", 1500.0),
        ("-2E-2", -0.02),
        # Alike in both.
        ("12", 12),
        ("+12", 12),
        ("-0", 0),
        (".5", 0.5),
        ("1.", 1.0),
        ("-.inf", -math.inf),
        ("+.Inf", math.inf),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("none", "none"),
        ("3.0.0", "3.0.0"),
    ],
)
def test_a_plain_scalar_reads_as_yaml_1_2_reads_it(scalar: str, value: Any) -> None:
    for text, expected in (
        (f"value: {scalar}\n", {"value": value}),
        (f"- {scalar}\n", [value]),
        (f"{scalar}: value\n", {value: "value"}),
        (f"flow: [{scalar}, {{k: {scalar}}}]\n", {"flow": [value, {"k": value}]}),
        (f"quoted: '{scalar}'\n", {"quoted": scalar}),
    ):
        for reading in both_readings(text):
            assert same(reading, expected), (text, reading)


def test_nan_is_a_float() -> None:
    for reading in both_readings("a: .nan\nb: .NaN\n"):
        assert all(isinstance(v, float) and math.isnan(v) for v in reading.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A merge key merges a mapping, or a list of mappings, as before.
        ("base: &b {a: 1, b: 2}\nchild:\n  <<: *b\n  b: 3\n", {"base": {"a": 1, "b": 2}, "child": {"a": 1, "b": 3}}),
        (
            "x: &x {a: 1}\ny: &y {b: 2}\nz: {<<: [*x, *y], c: 3}\n",
            {"x": {"a": 1}, "y": {"b": 2}, "z": {"a": 1, "b": 2, "c": 3}},
        ),
        # Anywhere else `<<` is a string, as in YAML 1.2 (PyYAML 1.1 refuses these documents).
        ("ops:\n  <<: shift left\n  '>>': shift right\n", {"ops": {"<<": "shift left", ">>": "shift right"}}),
        ("enum: [<<, =, '>>']\n", {"enum": ["<<", "=", ">>"]}),
        ("<<: [1, 2]\n", {"<<": [1, 2]}),
        ("=: equals\n", {"=": "equals"}),
    ],
)
def test_a_merge_key_merges_and_any_other_lt_lt_is_a_string(text: str, expected: Any) -> None:
    for reading in both_readings(text):
        assert same(reading, expected), reading


def test_a_spec_with_a_plain_equals_sign_loads(tmp_path: Path) -> None:
    # Chargebee's and Zendesk's specs list `=` among operators; PyYAML's YAML 1.1 refused them
    # ("could not determine a constructor for the tag 'tag:yaml.org,2002:value'").
    spec = tmp_path / "spec.yaml"
    spec.write_text("components:\n  schemas:\n    Op:\n      type: string\n      enum:\n        - =\n        - '!='\n")
    store = DocumentStore()
    assert store.load(spec)["components"]["schemas"]["Op"]["enum"] == ["=", "!="]
    assert store.warnings == []
