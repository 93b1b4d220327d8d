"""A `$ref`'s fragment: a JSON pointer, or one missing its leading slash (read as one, with a
warning at every place it is written: tests/bad_specs/ref_fragment_without_slash.yaml and the
golden case tolerated_refs_and_patterns); a plain name is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sdkgen.errors import Location
from sdkgen.load.loader import DocumentStore, Ref
from sdkgen.load.refs import fragment_pointer


@pytest.mark.parametrize(
    ("fragment", "pointer"),
    [
        ("", ""),
        ("/", "/"),
        ("/components/schemas/Pet", "/components/schemas/Pet"),
        ("components/schemas/Pet", "/components/schemas/Pet"),
        ("definitions/Pet", "/definitions/Pet"),
        ("components%2Fschemas%2FPet", "/components/schemas/Pet"),
        ("%2Fcomponents%2Fschemas%2FPet", "/components/schemas/Pet"),
        ("Pet", None),  # a plain name (JSON Schema's `$anchor`) is no pointer
    ],
)
def test_a_fragment_names_a_pointer_or_none(fragment: str, pointer: str | None) -> None:
    assert fragment_pointer(fragment) == pointer


def test_a_fragment_without_its_slash_is_warned_about_at_each_place_written(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "components:\n  schemas:\n    A: {type: string}\n"
        "    B:\n      properties:\n        x: {$ref: '#components/schemas/A'}\n"
        "        y: {$ref: '#/components/schemas/A'}\n"
        "        z: {items: {$ref: '#components/schemas/A'}}\n"
    )
    store = DocumentStore()
    store.load(spec)
    # Parsed from the schema that holds them (as the IR's walk over a model does): the
    # warnings still point at each `$ref` itself.
    ref = store.parse_ref("#components/schemas/A", Location(spec, "/components/schemas/B"))
    assert ref == Ref(spec.resolve(), "/components/schemas/A")
    assert store.parse_ref("#/components/schemas/A", Location(spec, "/components/schemas/B")) == ref
    located = [store.locate(w.location) for w in store.warnings]
    assert [(w.pointer, w.line) for w in located] == [
        ("/components/schemas/B/properties/x/$ref", 6),
        ("/components/schemas/B/properties/z/items/$ref", 8),
    ]
    assert {w.message for w in store.warnings} == {
        "$ref fragment '#components/schemas/A' is not a JSON pointer (no leading '/'); read as '#/components/schemas/A'"
    }


def test_a_plain_name_fragment_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("a: 1\n")
    assert DocumentStore().parse_ref("#Pet", Location(spec)) == "$ref fragment must be a JSON pointer: '#Pet'"
