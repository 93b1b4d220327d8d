"""Warnings are true: a parameter typed by a `$ref` to a string, enum or number schema takes
that type, with no "object-valued parameter" warning; an object-valued one is still warned about."""

from __future__ import annotations

from pathlib import Path

from sdkgen.ir.model import DictType, LiteralType, PrimitiveType
from sdkgen.pipeline import build

SPEC = """
openapi: 3.0.3
info: {title: Params, version: "1"}
paths:
  /things/{thing_id}:
    get:
      operationId: getThing
      parameters:
        - {name: thing_id, in: path, required: true, schema: {$ref: '#/components/schemas/ThingId'}}
        - {name: region, in: query, schema: {$ref: '#/components/schemas/Region'}}
        - {name: ratio, in: query, schema: {$ref: '#/components/schemas/Ratio'}}
        - {name: alias, in: query, schema: {$ref: '#/components/schemas/RegionAlias'}}
        - {name: wrapped, in: query, schema: {allOf: [{$ref: '#/components/schemas/ThingId'}]}}
        - {name: filter, in: query, schema: {$ref: '#/components/schemas/Filter'}}
      responses:
        '204': {description: done}
components:
  schemas:
    ThingId: {type: string, minLength: 3}
    Region: {type: string, enum: [nyc1, ams3]}
    RegionAlias: {$ref: '#/components/schemas/Region'}
    Ratio: {type: number}
    Filter:
      type: object
      properties:
        name: {type: string}
"""


def test_parameters_typed_by_a_ref_to_a_scalar_take_its_type(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    api, warnings = build(spec, "params")
    (operation,) = api.operations
    types = {p.name: p.type for p in operation.parameters}
    assert types["thing_id"] == PrimitiveType("str")
    assert types["region"] == LiteralType(("nyc1", "ams3"))
    assert types["alias"] == LiteralType(("nyc1", "ams3"))
    assert types["ratio"] == PrimitiveType("float")
    assert types["wrapped"] == PrimitiveType("str")
    assert types["filter"] == DictType(PrimitiveType("object"))
    # An object parameter is a dict sent in its style (form: `k=v` pairs): nothing to warn about.
    assert warnings == []
