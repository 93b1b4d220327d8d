"""Every example call the docs print is accepted by the SDK generated beside them: each
argument (by keyword or position) of each `client.<resource>.<method>(...)` in a method's example validates
against the method's own annotation (the request TypedDicts, literals and scalars), over
real specs the examples were not tuned on. The JSON request sample is the same body."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import sys
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import ConfigDict, TypeAdapter, ValidationError
from sdkgen.ir.model import ApiIR
from sdkgen.pipeline import build
from sdkgen.targets.docs.resource_views import MethodDoc, resource_docs

from .conftest import CORPUS_SDKS


@pytest.fixture(scope="module", params=sorted(CORPUS_SDKS))
def generated(request: pytest.FixtureRequest, corpus_sdk: Callable[[str], Path]) -> Iterator[tuple[Any, ApiIR]]:
    package = request.param
    out = corpus_sdk(package)
    api = build(CORPUS_SDKS[package], package)[0]
    sys.path.insert(0, str(out / "python"))
    saved = dict(os.environ)
    for scheme in api.auth.schemes if api.auth else ():
        os.environ.update({variable: "test-credential" for variable in scheme.env_vars})
    try:
        client = importlib.import_module(package).Client(max_retries=0)
        yield client, api
    finally:
        os.environ.clear()
        os.environ.update(saved)
        sys.path.remove(str(out / "python"))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


PYTHON_REGEX = ConfigDict(regex_engine="python-re")


def example_calls(method: MethodDoc) -> list[ast.Call]:
    tree = ast.parse(method.example)
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call) and ast.unparse(node.func) == method.call]


def without_not_given(annotation: Any) -> Any:
    """`Union[X, NotGiven]` -> `X`: the sentinel is the argument's absence, not a value."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and any(getattr(a, "__name__", "") == "NotGiven" for a in args):
        kept = tuple(a for a in args if getattr(a, "__name__", "") != "NotGiven")
        return kept[0] if len(kept) == 1 else typing.Union[kept]
    return annotation


def test_every_example_argument_validates_against_the_generated_method(generated: tuple[Any, ApiIR]) -> None:
    client, api = generated
    checked = 0
    failures: list[str] = []
    for resource in resource_docs(api):
        for method in resource.methods:
            calls = example_calls(method)
            assert calls, f"{method.call}: no call in its example"
            target = client
            for part in method.call.split(".")[1:]:
                target = getattr(target, part)
            hints = typing.get_type_hints(target, localns={"os": os})  # upload types name `os.PathLike`
            parameters = inspect.signature(target).parameters
            positional = [name for name, p in parameters.items() if p.kind is p.POSITIONAL_OR_KEYWORD]
            assert len(calls[0].args) <= len(positional), f"{method.call}: too many positional arguments"
            passed = [*zip(positional, calls[0].args, strict=False)]
            passed += [(str(keyword.arg), keyword.value) for keyword in calls[0].keywords]
            given = {name for name, _ in passed}
            required = {
                name
                for name, parameter in parameters.items()
                if parameter.default is inspect.Parameter.empty and parameter.kind is not parameter.VAR_KEYWORD
            }
            assert required <= given, f"{method.call}: the example leaves out {sorted(required - given)}"
            for name, node in passed:
                assert name in hints, f"{method.call}: no argument {name}"
                if isinstance(node, ast.Call):
                    assert ast.unparse(node.func) == "Path", ast.unparse(node)
                    continue  # a file to upload
                value = ast.literal_eval(node)
                try:
                    # In a list, so the config applies to a TypedDict too: Python's regex engine
                    # reads the patterns as the generated models do (`\-` in a class is an escape).
                    adapter = TypeAdapter(list[without_not_given(hints[name])], config=PYTHON_REGEX)
                    adapter.validate_python([value])
                except ValidationError as error:
                    failures.append(f"{method.call}({name}={value!r}): {error.errors()[0]['msg']}")
                checked += 1
            if method.request_sample is not None and method.request_media != "text/plain":
                json.loads(method.request_sample)
    assert failures == [], f"{len(failures)} of {checked}:\n" + "\n".join(failures[:20])
    assert checked > 0


SCHEMA_DESCRIBED = """
openapi: 3.0.3
info: {title: Items, version: "1", description: 'See <a href="/docs/items">the guide</a>.'}
externalDocs: {url: https://example.com/api/}
paths:
  /items/{item_id}:
    get:
      parameters:
        - {name: item_id, in: path, required: true, schema: {type: string, description: The item's id., example: it_42}}
        - {name: sort, in: query, schema: {$ref: '#/components/schemas/Sort'}}
        - {name: page, in: query, description: The page., schema: {type: integer, description: Unused.}}
      responses:
        '200':
          description: OK
          content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}
        '404': {description: No such item.}
components:
  schemas:
    Sort: {type: string, enum: [asc, desc], description: The order of the items.}
"""


def test_parameters_described_only_in_their_schema_have_a_description(tmp_path: Path) -> None:
    spec = tmp_path / "items.yaml"
    spec.write_text(SCHEMA_DESCRIBED)
    api = build(spec, "items_sdk")[0]
    (operation,) = api.operations
    described = {p.name: p.description for p in operation.parameters}
    assert described == {"item_id": "The item's id.", "sort": "The order of the items.", "page": "The page."}
    (method,) = resource_docs(api)[0].methods
    assert method.errors == (("404", "No such item."),)
    assert 'client.items.retrieve("it_42")' in method.example
    assert method.curl == "curl -X GET http://localhost/items/it_42"


def test_a_method_shows_its_documented_error_statuses_and_a_response_sample() -> None:
    api = build(CORPUS_SDKS["shared_copy_sdk"], "shared_copy_sdk")[0]
    docs = {m.call: m for r in resource_docs(api) for m in r.methods}
    method = docs["client.droplets.create"]
    assert {status for status, _ in method.errors} >= {"401", "422", "429"}
    assert method.response_sample is not None and "droplet" in json.loads(method.response_sample)
    assert method.curl.startswith("curl -X POST https://api.digitalocean.com/v2/droplets")
    assert json.loads(method.request_sample or "{}")["name"]


RECURSIVE = """
openapi: 3.1.0
info: {title: Trees, version: "1"}
paths:
  /trees:
    post:
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: '#/components/schemas/Tree'}}}
      responses:
        '200':
          description: OK
          content: {application/json: {schema: {$ref: '#/components/schemas/Value'}}}
components:
  schemas:
    Tree:
      type: object
      required: [name, children, value]
      properties:
        name: {type: string}
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
        value: {$ref: '#/components/schemas/Value'}
    Value:
      anyOf:
        - {$ref: '#/components/schemas/Values'}
        - {type: string}
    Values: {type: array, items: {$ref: '#/components/schemas/Value'}}
"""


def test_examples_of_recursive_types_end(tmp_path: Path) -> None:
    """A class that requires itself and aliases that only hold each other still get an example."""
    spec = tmp_path / "trees.yaml"
    spec.write_text(RECURSIVE)
    api = build(spec, "trees_sdk")[0]
    (method,) = resource_docs(api)[0].methods
    body = json.loads(method.request_sample or "null")
    assert body["name"] == "example" and isinstance(body["children"], list)
    assert method.response_sample is not None

    # Lists nested deep enough end empty, rather than in a `{}` that neither a tree nor a
    # value is (a TypeScript object literal of it would not compile).
    assert "{}" not in json.dumps(body, separators=(",", ":"))
