"""The tolerance policy: sloppy lines a reader can make sense of generate with a warning
(the golden case tolerated_sloppy_spec pins the output); these pin the finer rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sdkgen.ir.coercion import coerced_enum, read_default
from sdkgen.ir.model import ListType, LiteralType, PrimitiveType, TypeIR
from sdkgen.ir.operation_identity import path_template, unique_operation_id
from sdkgen.ir.schema_facts import schema_as_meant, type_as_meant
from sdkgen.pipeline import build


@pytest.mark.parametrize(
    ("schema", "values", "notes"),
    [
        ({"type": "string", "enum": ["a", 3, 1.5, True]}, ["a", "3", "1.5", "true"], [1, 2, 3]),
        ({"type": "integer", "enum": [1, "2", "2.0", "x"]}, [1, 2, 2, "x"], [1, 2, 3]),
        ({"type": "integer", "enum": [1.0, 2.5]}, [1, 2.5], [1]),  # 1.0 is an integer in JSON Schema
        ({"type": "number", "enum": ["1.5", 2]}, [1.5, 2], [0]),
        ({"type": "boolean", "enum": ["true", False, None]}, [True, False, None], [0]),
        ({"type": "boolean", "enum": ["TRUE", "no", "maybe"]}, [True, False, "maybe"], [0, 1, 2]),
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


STR, INT, FLOAT, BOOL = (PrimitiveType(name) for name in ("str", "int", "float", "bool"))


@pytest.mark.parametrize(
    ("type_", "written", "value", "kept", "problem"),
    [
        (BOOL, "false", False, True, "default 'false' does not match type bool; read as False"),
        (BOOL, "True", True, True, "default 'True' does not match type bool; read as True"),
        (BOOL, 1, None, False, "default 1 does not match type bool; left out"),
        (BOOL, "yes", True, True, "default 'yes' does not match type bool; read as True"),  # YAML 1.1's boolean
        (BOOL, "Off", False, True, "default 'Off' does not match type bool; read as False"),
        (BOOL, "maybe", None, False, "default 'maybe' does not match type bool; left out"),
        (INT, "10", 10, True, "default '10' does not match type int; read as 10"),
        (INT, 2.0, 2, True, None),  # a whole number is an integer in JSON Schema
        (INT, 2.5, None, False, "default 2.5 does not match type int; left out"),
        (INT, True, None, False, "default True does not match type int; left out"),
        (FLOAT, 3, 3, True, None),
        (FLOAT, "1.5", 1.5, True, "default '1.5' does not match type float; read as 1.5"),
        (STR, 10, "10", True, "default 10 does not match type str; read as '10'"),
        (STR, {"a": 1}, None, False, "default {'a': 1} does not match type str; left out"),
        (PrimitiveType("datetime"), 5, "5", True, "default 5 does not match type datetime; read as '5'"),
        (
            LiteralType(("true", "false", "legacy")),
            True,
            "true",
            True,
            "default True is not one of the enum values ['true', 'false', 'legacy']; read as 'true'",
        ),
        (LiteralType((10, 20)), "20", 20, True, "default '20' is not one of the enum values [10, 20]; read as 20"),
        (LiteralType((10, 20)), 20.0, 20, True, None),
        (LiteralType((1, 2)), True, None, False, "default True is not one of the enum values [1, 2]; left out"),
        (
            LiteralType(("cat", "dog")),
            "fish",
            None,
            False,
            "default 'fish' is not one of the enum values ['cat', 'dog']; left out",
        ),
        (ListType(STR), "a", None, False, "default 'a' does not match type array; left out"),
        (ListType(STR), ["a"], None, True, None),
        (PrimitiveType("object"), "anything", "anything", True, None),
    ],
)
def test_a_default_of_the_wrong_type_is_coerced_where_it_reads_as_one_else_left_out(
    type_: TypeIR, written: Any, value: Any, kept: bool, problem: str | None
) -> None:
    reading = read_default(type_, False, written)
    assert (reading.value, reading.kept, reading.problem) == (value, kept, problem)


def test_a_null_default_is_kept_and_named_a_problem_only_where_the_type_admits_no_null() -> None:
    assert read_default(INT, True, None).problem is None
    reading = read_default(INT, False, None)
    assert (reading.value, reading.kept, reading.problem) == (
        None,
        True,
        "default null does not match the non-nullable type int",
    )


@pytest.mark.parametrize(
    ("schema", "meant", "notes"),
    [
        ({"type": "string", "enum": []}, {"type": "string"}, [("enum", "enum is empty; left out")]),
        ({"type": "integer", "enum": None}, {"type": "integer"}, [("enum", "enum is empty; left out")]),
        (
            {"oneOf": [], "anyOf": [], "description": "d"},
            {"description": "d"},
            [("oneOf", "oneOf is empty; left out"), ("anyOf", "anyOf is empty; left out")],
        ),
        (
            {"type": "", "enum": []},
            {},
            [("type", "type '' is empty; read as untyped (any value)"), ("enum", "enum is empty; left out")],
        ),
        ({"type": "string", "enum": ["a"]}, {"type": "string", "enum": ["a"]}, []),
    ],
)
def test_empty_choices_are_left_out(
    schema: dict[str, Any], meant: dict[str, Any], notes: list[tuple[str, str]]
) -> None:
    assert schema_as_meant(schema) == (meant, notes)


@pytest.mark.parametrize(
    ("schema", "meant"),
    [
        ({"type": "", "minimum": 1}, {"minimum": 1}),
        ({"type": ["", "null"]}, {}),
        ({"type": "file", "description": "d"}, {"type": "string", "format": "binary", "description": "d"}),
        ({"type": ["file", "null"]}, {"type": ["string", "null"], "format": "binary"}),
        ({"type": "string"}, {"type": "string"}),
        ({"type": " "}, {}),
        ({"type": "File"}, {"type": "string", "format": "binary"}),
        ({"type": "String"}, {"type": "string"}),
        ({"type": ["Integer", "null"]}, {"type": ["integer", "null"]}),
        ({"type": "strng"}, {"type": "strng"}),  # a typo stays an unknown type (an error)
        ({"type": "Strng"}, {"type": "Strng"}),
    ],
)
def test_a_sloppy_type_is_read_as_meant(schema: dict[str, Any], meant: dict[str, Any]) -> None:
    assert type_as_meant(schema) == meant


@pytest.mark.parametrize(
    ("path", "template"),
    [
        ("/v1/organizations/:organizationId", "/v1/organizations/{organizationId}"),
        ("/a/:a_id/b/:b_id/c", "/a/{a_id}/b/{b_id}/c"),
        ("/v1/{name}:cancel", "/v1/{name}:cancel"),  # Google's custom methods: a literal colon
        ("/v1/projects/p:batchGet", "/v1/projects/p:batchGet"),
        ("/v1/:1st", "/v1/:1st"),  # no name
    ],
)
def test_express_style_segments_are_read_as_template_variables(path: str, template: str) -> None:
    assert path_template(path) == template


def test_a_duplicated_operation_id_takes_its_method_and_path() -> None:
    assert unique_operation_id("listPets", "get", "/v1/animals/{id}", {"listPets"}) == "listPets_get_v1_animals_id"
    taken = {"listPets", "listPets_get_animals"}
    assert unique_operation_id("listPets", "get", "/animals", taken) == "listPets_get_animals_2"


SLOPPY_PATHS = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /orgs/:orgId/pets/{pet_id}/{PET-ID}:
    get:
      operationId: getPet
      parameters:
        - {name: orgId, in: path, required: true, schema: {type: integer}}
        - {name: petId, in: path, required: true, schema: {type: integer}}
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - {name: PetID, in: path, required: true, schema: {type: integer}}
        - {name: pet_id, in: path, required: true, schema: {type: integer}}
"""


def test_path_parameters_fill_the_variables_they_name_but_only_one_each(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SLOPPY_PATHS)
    api, warnings = build(spec, "p")
    operations = {op.path: op for op in api.operations}
    first_path = "/orgs/{orgId}/pets/{pet_id}/{PET-ID}"
    assert set(operations) == {first_path, "/pets/{petId}"}
    first, second = operations[first_path], operations["/pets/{petId}"]
    # `petId` matches two variables but for case and separators, so neither: each is a string.
    assert [(p.wire_name, p.type) for p in first.parameters] == [("orgId", INT), ("pet_id", STR), ("PET-ID", STR)]
    # Two parameters match `{petId}`, so neither fills it.
    assert [(p.wire_name, p.type) for p in second.parameters] == [("petId", STR)]
    assert (first.operation_id, second.operation_id) == ("getPet", "getPet_get_pets_petId")
    assert [(w.location.line, w.message) for w in warnings] == [
        (
            4,
            "path /orgs/:orgId/pets/{pet_id}/{PET-ID} marks its parameters Express-style (':name'); "
            f"read as {first_path}",
        ),
        (9, f"path parameter 'petId' is not in the path {first_path}; left out"),
        (
            5,
            f"path parameter {{PET-ID}} of {first_path} is not declared; taken as a required string",
        ),
        (
            5,
            f"path parameter {{pet_id}} of {first_path} is not declared; taken as a required string",
        ),
        (
            12,
            "duplicate operationId 'getPet' (first used at /paths/~1orgs~1:orgId~1pets~1{pet_id}~1{PET-ID}/get); "
            "read as 'getPet_get_pets_petId'",
        ),
        (14, "path parameter 'PetID' is not in the path /pets/{petId}; left out"),
        (15, "path parameter 'pet_id' is not in the path /pets/{petId}; left out"),
        (11, "path parameter {petId} of /pets/{petId} is not declared; taken as a required string"),
    ]


@pytest.mark.parametrize("target", ["GET /orgs/:orgId", "GET /orgs/{orgId}"])
def test_an_express_style_path_is_named_in_overrides_as_written_or_as_read(tmp_path: Path, target: str) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /orgs/:orgId:\n    get:\n"
        "      parameters: [{name: orgId, in: path, required: true, schema: {type: string}}]\n"
    )
    (tmp_path / "sdkgen.yaml").write_text(f"operations:\n  {target}: {{method: fetch}}\n")
    api, _ = build(spec, "p")
    assert [(op.path, op.name) for op in api.operations] == [("/orgs/{orgId}", "fetch")]
