"""Parts of OpenAPI the generator cannot express yet are warnings that name the place,
and what it generates instead still type-checks."""

from __future__ import annotations

from pathlib import Path

from sdkgen.ir.model import ClassIR, PrimitiveType
from sdkgen.pipeline import build

SPEC = """
openapi: 3.1.0
info: {title: Coverage, version: "1"}
paths:
  /uploads:
    post:
      operationId: upload
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, format: binary}
      responses:
        '204': {description: stored}
components:
  schemas:
    Reading:
      type: object
      properties:
        ratio:
          type: number
          enum: [0.5, 1.5]
"""


def test_float_enums_are_warned_about_and_multipart_bodies_are_uploads(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    api, warnings = build(spec, "coverage_sdk")
    messages = {(w.message, w.location.pointer) for w in warnings}
    assert (
        "enum values that are floats are not expressible as Literal; typed as float",
        "/components/schemas/Reading/properties/ratio/enum",
    ) in messages
    assert not any("multipart/form-data" in m for m, _ in messages)
    reading = next(m for m in api.models if m.name == "Reading").main
    assert isinstance(reading, ClassIR) and reading.fields[0].type == PrimitiveType("float")
    body = api.operations[0].body
    assert body is not None and body.is_multipart and isinstance(body.main, ClassIR)
    assert [(f.name, f.format) for f in body.main.fields] == [("file", "binary")]


def test_other_body_types_are_warned_about_and_left_out(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.replace("multipart/form-data", "application/xml"))
    api, warnings = build(spec, "coverage_sdk")
    assert any("application/xml" in w.message and w.location.pointer.endswith("/requestBody/content") for w in warnings)
    assert api.operations[0].body is None
