"""A resource class never takes the name of a class its module imports: a page's item class
defined inside a model's module (Twilio `knowledge_v1`: a list of `knowledge` items is
`Knowledge`, beside the resource `Knowledge`) makes the resource `KnowledgeResource`."""

from __future__ import annotations

import ast
from pathlib import Path

from sdkgen.pipeline import generate_files

SPEC = """
openapi: 3.0.1
info: {title: Knowledge, version: "1"}
paths:
  /v1/Knowledge:
    get:
      operationId: ListKnowledge
      parameters:
        - {name: PageSize, in: query, schema: {type: integer}}
        - {name: Page, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  knowledge:
                    type: array
                    items: {type: object, properties: {id: {type: string}}}
                  meta:
                    type: object
                    properties: {next_page_url: {type: string}}
  /v1/Other:
    get:
      operationId: ListOther
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
"""


def test_a_resource_class_named_like_an_imported_item_class_takes_a_suffix(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    generated = generate_files(spec, "knowledge_sdk")
    [resource] = [r for r in generated.api.resources if r.path == ("knowledge",)]
    assert resource.class_name == "KnowledgeResource"
    # Only where it collides: `client.other` keeps `Other`.
    assert [r.class_name for r in generated.api.resources if r.path == ("other",)] == ["Other"]
    module = ast.parse(generated.files["python/knowledge_sdk/resources/knowledge.py"].decode())
    imported = {
        alias.asname or alias.name
        for node in ast.walk(module)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    defined = {node.name for node in module.body if isinstance(node, ast.ClassDef)}
    assert "Knowledge" in imported
    assert not imported & defined
