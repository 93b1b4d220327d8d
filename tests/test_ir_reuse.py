"""The IR builder reads a schema once per place and reuses what it read (`SchemaContext`):
a type read before is given again with the warnings it gave, and what was read through a
`$ref` whose target was inlined is read again once something names that target."""

from __future__ import annotations

from pathlib import Path

from sdkgen.errors import Diagnostics, Location
from sdkgen.ir.build_api import ApiBuilder
from sdkgen.ir.context import SchemaContext
from sdkgen.ir.model import ClassIR, ClassType, PrimitiveType
from sdkgen.load.loader import DocumentStore, Ref
from sdkgen.pipeline import build

SHARED_PARAMETER = """
openapi: 3.1.0
info: {title: Reuse, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      parameters: [{$ref: '#/components/parameters/Size'}]
      responses: {'204': {description: none}}
  /b:
    get:
      operationId: getB
      parameters: [{$ref: '#/components/parameters/Size'}]
      responses: {'204': {description: none}}
components:
  parameters:
    Size: {name: size, in: query, schema: {type: string, minimum: 1}}
"""


def test_a_shared_parameter_warns_at_every_operation_that_uses_it(tmp_path: Path) -> None:
    # Given again from what was read at the first operation (the run's output lists it once).
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SHARED_PARAMETER)
    store, diagnostics = DocumentStore(), Diagnostics()
    api = ApiBuilder(store, spec, diagnostics).build(store.load(spec), "reuse")
    found = [d for d in diagnostics.items if "minimum does not apply" in d.message]
    assert len(found) == 2
    assert found[0] == found[1]
    assert found[0].location.pointer == "/components/parameters/Size/schema/minimum"
    assert found[0].location.line is None  # located once, when the warnings are given out
    located = [d for d in diagnostics.located_warnings(store.locate) if "minimum does not apply" in d.message]
    assert [(d.location.line, d.location.column) for d in located] == [(17, 58)]
    _, warnings = build(spec, "reuse")  # the pipeline gives its warnings located
    assert [(d.location.line, d.location.column) for d in warnings if "minimum" in d.message] == [(17, 58)]
    types = [op.parameters[0].type for op in api.operations]
    assert types == [PrimitiveType("str"), PrimitiveType("str")]


NAMED_LATER = """
openapi: 3.1.0
info: {title: Reuse, version: "1"}
paths:
  /a:
    post:
      operationId: postA
      requestBody: {$ref: '#/components/requestBodies/Thing'}
      responses: {'204': {description: none}}
  /b:
    get:
      operationId: getB
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {x-kind: thing}
  /c:
    post:
      operationId: postC
      requestBody: {$ref: '#/components/requestBodies/Thing'}
      responses: {'204': {description: none}}
components:
  requestBodies:
    Thing:
      content:
        application/json:
          schema:
            type: object
            properties:
              kind: {$ref: '#/paths/~1b/get/responses/200/content/application~1json/schema'}
"""


def test_a_type_read_through_an_inlined_target_is_read_again_once_the_target_is_named(tmp_path: Path) -> None:
    # `/a` reads the body before `/b` names its inline response: `kind` is any object there;
    # `/c` reads the same body after, when the target is the model `GetBResponse`.
    spec = tmp_path / "openapi.yaml"
    spec.write_text(NAMED_LATER)
    api, _ = build(spec, "reuse")
    bodies = {op.operation_id: op.body for op in api.operations if op.body is not None}
    kinds = []
    for operation_id in ("postA", "postC"):
        body = bodies[operation_id]
        assert body is not None and body.model is not None and isinstance(body.model.main, ClassIR)
        kinds.append(body.model.main.fields[0].type)
    assert kinds[0] == PrimitiveType("object")
    assert isinstance(kinds[1], ClassType)
    assert kinds[1].name in {m.name for m in api.models}


def test_a_reread_is_given_again_until_a_target_read_as_inlined_is_named(tmp_path: Path) -> None:
    # `SchemaContext.reread` (a shared parameter, read once for all its operations) reuses
    # what it read, with its diagnostics, as `known_type` does, and forgets it as that does.
    spec = tmp_path / "openapi.yaml"
    spec.write_text(NAMED_LATER)
    store = DocumentStore()
    store.load(spec)
    context = SchemaContext(store, spec, Diagnostics())
    calls: list[str] = []

    def read(node: object, location: Location) -> int:
        calls.append(location.pointer)
        context.diagnostics.warning("read", location)
        return len(calls)

    node, where = {"in": "query"}, Location(context.root_file, "/components/parameters/P")
    assert [context.reread("parameter", read, node, where) for _ in range(2)] == [1, 1]
    assert len(context.diagnostics.items) == 2  # the warning given again
    assert context.reread("other", read, node, where) == 2  # another kind of read is its own
    ref = Ref(context.root_file, "/paths/~1b/get/responses/200/content/application~1json/schema")
    assert not context.deserves_class(ref, store.resolve_pointer(ref))  # read as inlined
    assert context.reread("parameter", read, node, where) == 1
    context.resolver.named(ref)
    assert context.reread("parameter", read, node, where) == 3
