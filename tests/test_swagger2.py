"""Swagger 2.0 read in the load stage as the OpenAPI 3.0 it describes (`load/swagger2.py`).

The oracle is the npm `swagger2openapi` converter (`make swagger2openapi`): the SDK built from
a 2.0 file directly and the one built from swagger2openapi's 3.0 output must have the same
surface: `sdkgen names`, every model's class, fields and types, and every operation's
arguments, body and result. Where the two differ on purpose, `KNOWN_DIFFERENCES` says why.
"""

from __future__ import annotations

import copy
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from sdkgen.errors import Location, SpecError
from sdkgen.ir.model import ApiIR, ClassIR, OperationIR
from sdkgen.ir.spelling import annotation, field_annotation
from sdkgen.load import swagger2
from sdkgen.load.loader import DocumentStore, split_pointer
from sdkgen.pipeline import build
from sdkgen.surface import surface_lines

from .conftest import GOLDEN, ROOT, SHARED

SWAGGER2OPENAPI = ROOT / ".tools" / "swagger2openapi" / "node_modules" / ".bin" / "swagger2openapi"
PETSTORE = ROOT / "tests" / "swagger2" / "petstore.yaml"
DOCUSIGN = [SHARED / "corpus" / "apis" / f"docusign_{name}.yaml" for name in ("click_v1", "admin_v2.1", "esign_v2.1")]
SPECS = [PETSTORE, GOLDEN / "swagger2" / "spec.yaml", *DOCUSIGN]

KNOWN_DIFFERENCES = {
    (
        "docusign_admin_v2.1",
        "model account_clone_create_params.AccountCloneCreateParams",
    ): "`cloneProcessingFailureDetails` is a `$ref` with `readOnly: true` beside it: sdkgen keeps the "
    "sibling, so the read-only field is no request argument; swagger2openapi drops it",
    (
        "petstore",
        "operation POST /pets/{petId}/photos body",
    ): "a required form field makes the form body required; swagger2openapi marks the body required "
    "only when the first form parameter is, and `caption` (optional) comes before `file`",
    (
        "golden",
        "operation PUT /albums/{album_id}/cover body",
    ): "a `type: file` form field and `consumes` says only JSON: sdkgen sends multipart/form-data (a "
    "URL-encoded form cannot carry a file); swagger2openapi goes by `consumes` alone and writes a URL-encoded form",
}
"""(spec, what) -> why sdkgen reads it differently from swagger2openapi, on purpose."""

PRODUCES_NOTHING = (
    "the operation's `produces` is empty and the document's says nothing more: sdkgen reads the response "
    "schema as JSON (what a schema describes), swagger2openapi writes `*/*`, which only bytes can stand for"
)
"""Why a whole class of operations differ (checked against the 2.0 document, one by one)."""


def converted_by_swagger2openapi(spec: Path, tmp_path: Path) -> Path:
    if not SWAGGER2OPENAPI.exists():
        if os.environ.get("SDKGEN_REQUIRE_SWAGGER2OPENAPI"):
            pytest.fail(f"swagger2openapi is not installed at {SWAGGER2OPENAPI}: run `make swagger2openapi`")
        pytest.skip("swagger2openapi is not installed: `make swagger2openapi` installs it")
    # JSON: its YAML writer leaves C1 control characters unescaped, which no YAML reader takes.
    target = tmp_path / f"{spec.stem}.json"
    # --warnOnly: a collectionFormat 3.0 cannot say (pipes in a form) is a warning, as in sdkgen.
    command = [str(SWAGGER2OPENAPI), "--patch", "--warnOnly", "-o", str(target), str(spec)]
    subprocess.run(command, check=True, timeout=120)
    return target


def models_surface(api: ApiIR) -> dict[str, tuple[tuple[str, str], ...]]:
    return {
        f"model {model.module}.{definition.name}": tuple((f.name, field_annotation(f)) for f in definition.fields)
        for model in api.models
        for definition in model.definitions
        if isinstance(definition, ClassIR)
    }


def operation_surface(op: OperationIR) -> dict[str, Any]:
    return {
        "arguments": [(p.name, p.location, annotation(p.type), p.required, p.serialization) for p in op.parameters],
        "body": op.body and (op.body.content_type, op.body.required, op.body.model and op.body.model.name),
        "result": (op.response and annotation(op.response), op.response_is_json, op.response_media),
        "security": op.security,
    }


def operations_surface(api: ApiIR) -> dict[str, dict[str, Any]]:
    return {
        f"operation {op.http_method.upper()} {op.path}": operation_surface(op)
        for top in api.resources
        for resource in top.walk()
        for op in resource.operations
    }


def produces_nothing(document: dict[str, Any], path: str, method: str) -> bool:
    """Whether the 2.0 operation names no response media type (`produces: []`, none above)."""
    own = document["paths"][path][method.lower()].get("produces")
    return own == [] or (own is None and not document.get("produces"))


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem if p.stem != "spec" else "golden")
def test_the_sdk_agrees_with_the_swagger2openapi_route(spec: Path, tmp_path: Path) -> None:
    if not spec.exists():
        pytest.skip(f"{spec} is not in the shared corpus")
    ours, _ = build(spec, "sdk")
    theirs, _ = build(converted_by_swagger2openapi(spec, tmp_path), "sdk")
    source = yaml.load(spec.read_text(), Loader=yaml.CSafeLoader)
    # An operation that names no response media type is JSON to us and `*/*` (bytes) to
    # swagger2openapi: a list there is named `list` by us and `retrieve` by them.
    bytes_to_them = {
        f"-> {op.http_method.upper()} {op.path} "
        for top in theirs.resources
        for resource in top.walk()
        for op in resource.operations
        if op.response_media == "*/*" and produces_nothing(source, op.path, op.http_method)
    }

    def named(api: ApiIR) -> list[str]:
        return [line for line in surface_lines(api) if not any(route in line for route in bytes_to_them)]

    assert named(ours) == named(theirs)
    name = "golden" if spec.name == "spec.yaml" else spec.stem
    differences = {}
    our_models, their_models = models_surface(ours), models_surface(theirs)
    assert our_models.keys() == their_models.keys()
    for key, fields in our_models.items():
        if fields != their_models[key]:
            differences[key] = (fields, their_models[key])
    our_operations, their_operations = operations_surface(ours), operations_surface(theirs)
    assert our_operations.keys() == their_operations.keys()
    for key, surface in our_operations.items():
        other = their_operations[key]
        _, method, path = key.split(" ", 2)
        if surface["result"] != other["result"] and other["result"] == (None, False, "*/*"):
            assert produces_nothing(source, path, method), (key, PRODUCES_NOTHING)
            assert surface["result"][1], key  # read as JSON
            surface, other = {**surface, "result": None}, {**other, "result": None}
        for part in surface:
            if surface[part] != other[part]:
                differences[f"{key} {part}"] = (surface[part], other[part])
    unexplained = {key: pair for key, pair in differences.items() if (name, key) not in KNOWN_DIFFERENCES}
    assert unexplained == {}
    assert {key for spec_name, key in KNOWN_DIFFERENCES if spec_name == name} == differences.keys()


# -- the converter's rules, one by one ------------------------------------------------------


def convert(text: str) -> dict[str, Any]:
    document = yaml.safe_load(text)
    assert swagger2.is_swagger2(document)
    return swagger2.convert(document).document


def operation(parameters: str, consumes: str = "") -> dict[str, Any]:
    return convert(
        f"swagger: '2.0'\ninfo: {{title: t, version: '1'}}\n{consumes}\n"
        f"paths:\n  /x:\n    post:\n      parameters: {parameters}\n      responses: {{'200': {{description: ok}}}}\n"
    )["paths"]["/x"]["post"]


@pytest.mark.parametrize(
    ("where", "collection_format", "style", "explode"),
    [
        ("query", "csv", "form", False),
        ("query", None, "form", False),
        ("query", "multi", "form", True),
        ("query", "ssv", "spaceDelimited", False),
        ("query", "pipes", "pipeDelimited", False),
        ("path", "csv", "simple", False),
        ("header", "csv", "simple", False),
    ],
)
def test_collection_format_becomes_style_and_explode(
    where: str, collection_format: str | None, style: str, explode: bool
) -> None:
    given = f", collectionFormat: {collection_format}" if collection_format else ""
    param = f"[{{name: v, in: {where}, required: true, type: array, items: {{type: string}}{given}}}]"
    converted = operation(param)["parameters"][0]
    assert (converted["style"], converted["explode"]) == (style, explode)
    assert converted["schema"] == {"type": "array", "items": {"type": "string"}}
    assert "collectionFormat" not in converted and "type" not in converted


def test_a_collection_format_3_0_cannot_say_is_a_warning_at_the_2_0_key() -> None:
    document = yaml.safe_load(
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      parameters:\n"
        "        - {name: v, in: header, type: array, items: {type: string}, collectionFormat: pipes}\n"
        "      responses: {'200': {description: ok}}\n"
    )
    converted = swagger2.convert(document)
    [(message, pointer)] = converted.warnings
    assert message == "collectionFormat 'pipes' has no OpenAPI 3 style for a header value: sent comma-separated"
    assert converted.source_pointer(pointer) == "/paths/~1x/get/parameters/0/collectionFormat"


def test_a_body_parameter_is_a_request_body_for_each_consumed_media_type() -> None:
    op = operation(
        "[{name: pet, in: body, required: true, description: The pet., schema: {$ref: '#/definitions/Pet'}}]",
        "consumes: [application/json, application/xml]",
    )
    assert op["parameters"] == []
    schema = {"$ref": "#/components/schemas/Pet"}
    assert op["requestBody"] == {
        "description": "The pet.",
        "required": True,
        "content": {"application/json": {"schema": schema}, "application/xml": {"schema": schema}},
    }


def test_form_parameters_are_one_form_body_and_a_file_makes_it_multipart() -> None:
    form = operation("[{name: a, in: formData, type: string, required: true}, {name: b, in: formData, type: integer}]")
    assert form["requestBody"] == {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {"a": {"type": "string"}, "b": {"type": "integer"}},
                    "required": ["a"],
                }
            }
        },
    }
    upload = operation("[{name: f, in: formData, type: file, description: The file.}]")
    assert upload["requestBody"]["content"] == {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"f": {"type": "string", "format": "binary", "description": "The file."}},
            }
        }
    }
    said = operation("[{name: a, in: formData, type: string}]", "consumes: [multipart/form-data]")
    assert list(said["requestBody"]["content"]) == ["multipart/form-data"]


def test_servers_come_from_host_base_path_and_schemes() -> None:
    def servers(lines: str) -> Any:
        return convert(f"swagger: '2.0'\ninfo: {{title: t, version: '1'}}\npaths: {{}}\n{lines}").get("servers")

    assert servers("host: api.example.com\nbasePath: /v1/\nschemes: [https, http]") == [
        {"url": "https://api.example.com/v1"},
        {"url": "http://api.example.com/v1"},
    ]
    assert servers("host: api.example.com") == [{"url": "https://api.example.com"}]
    assert servers("basePath: /v1") == [{"url": "/v1"}]
    assert servers("") is None


def test_security_definitions_become_security_schemes() -> None:
    schemes = convert(
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\nsecurityDefinitions:\n"
        "  b: {type: basic, description: Basic.}\n"
        "  k: {type: apiKey, name: key, in: header}\n"
        "  i: {type: oauth2, flow: implicit, authorizationUrl: 'https://a/auth', scopes: {r: read}}\n"
        "  p: {type: oauth2, flow: password, tokenUrl: 'https://a/token', scopes: {}}\n"
        "  c: {type: oauth2, flow: application, tokenUrl: 'https://a/token', x-note: kept}\n"
        "  a: {type: oauth2, flow: accessCode, authorizationUrl: 'https://a/auth', tokenUrl: 'https://a/token',"
        " scopes: {}}\n"
    )["components"]["securitySchemes"]
    assert schemes["b"] == {"type": "http", "scheme": "basic", "description": "Basic."}
    assert schemes["k"] == {"type": "apiKey", "name": "key", "in": "header"}
    assert schemes["i"]["flows"] == {"implicit": {"authorizationUrl": "https://a/auth", "scopes": {"r": "read"}}}
    assert schemes["p"]["flows"] == {"password": {"tokenUrl": "https://a/token", "scopes": {}}}
    assert schemes["c"] == {
        "type": "oauth2",
        "x-note": "kept",
        "flows": {"clientCredentials": {"tokenUrl": "https://a/token", "scopes": {}}},
    }
    assert list(schemes["a"]["flows"]) == ["authorizationCode"]


def test_schemas_refs_nullable_files_discriminators_and_extensions() -> None:
    document = convert(
        "swagger: 2.0\ninfo: {title: t, version: '1'}\nx-top: 1\npaths:\n  /x:\n    get:\n"
        "      parameters: [{$ref: '#/parameters/q'}]\n"
        "      responses:\n        '200': {$ref: '#/responses/Ok'}\n        '404': {description: no}\n"
        "parameters:\n  q: {name: q, in: query, type: string, x-nullable: true}\n"
        "responses:\n  Ok:\n    description: ok\n    headers: {X-N: {type: integer}}\n"
        "    schema: {$ref: '#/definitions/Pet'}\n"
        "definitions:\n  Pet:\n    type: object\n    discriminator: kind\n    x-kind: pet\n    properties:\n"
        "      kind: {type: string}\n      photo: {type: file}\n"
        "      owner: {$ref: '#/definitions/Owner', x-nullable: true}\n"
        "  Owner: {type: object}\n"
    )
    assert document["openapi"] == "3.0.3" and document["x-top"] == 1
    pet = document["components"]["schemas"]["Pet"]
    assert pet["discriminator"] == {"propertyName": "kind"} and pet["x-kind"] == "pet"
    assert pet["properties"]["photo"] == {"type": "string", "format": "binary"}
    assert pet["properties"]["owner"] == {"$ref": "#/components/schemas/Owner", "nullable": True}
    assert document["components"]["parameters"]["q"]["schema"] == {"type": "string", "nullable": True}
    ok = document["components"]["responses"]["Ok"]
    assert ok["headers"] == {"X-N": {"schema": {"type": "integer"}}}
    assert ok["content"] == {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}
    op = document["paths"]["/x"]["get"]
    assert op["parameters"] == [{"$ref": "#/components/parameters/q"}]
    assert op["responses"]["200"] == {"$ref": "#/components/responses/Ok"}


def walk(node: Any, pointer: str = "") -> list[str]:
    found = [pointer]
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in items:
        found += walk(value, f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}")
    return found


def exists(document: Any, pointer: str) -> bool:
    node = document
    for part in split_pointer(pointer):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return True


@pytest.mark.parametrize(
    "spec", [PETSTORE, GOLDEN / "swagger2" / "spec.yaml", DOCUSIGN[0]], ids=lambda p: p.parent.name + "_" + p.stem
)
def test_every_converted_node_maps_back_to_a_node_of_the_2_0_file(spec: Path) -> None:
    """A converted node's 2.0 origin is a node of the file, or (for a keyword the conversion
    adds, a form body's `required`) its parent is: the line a message about it points at."""
    if not spec.exists():
        pytest.skip(f"{spec} is not in the shared corpus")
    source = yaml.safe_load(spec.read_text())
    converted = swagger2.convert(source)
    lost = []
    for pointer in walk(converted.document):
        origin = converted.source_pointer(pointer)
        parent = converted.source_pointer(pointer.rsplit("/", 1)[0])
        if not exists(source, origin) and not exists(source, parent):
            lost.append((pointer, origin))
    assert lost == []


def test_a_located_message_points_at_the_2_0_line() -> None:
    store = DocumentStore()
    document = store.load(PETSTORE)
    assert document["openapi"] == "3.0.3"
    text = PETSTORE.read_text().splitlines()
    body = Location(PETSTORE, "/paths/~1pets~1{petId}~1photos/post/requestBody/content/multipart~1form-data/schema")
    where = store.locate(Location(body.file, body.pointer + "/properties/file/format"))
    assert where.pointer == "/paths/~1pets~1{petId}~1photos/post/parameters/2/type"
    assert where.line is not None and text[where.line - 1].strip() == "type: file"
    where = store.locate(Location(PETSTORE, "/components/schemas/Pet/properties/nickname/nullable"))
    assert where.line is not None and text[where.line - 1].strip() == "x-nullable: true"
    where = store.locate(Location(PETSTORE, "/components/securitySchemes/petstore_auth/flows/implicit/scopes"))
    assert where.line is not None and text[where.line - 1].strip() == "scopes:"


def test_a_multi_file_2_0_spec_reads_each_2_0_document_and_each_fragment_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "main.yaml").write_text(
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    post:\n"
        "      parameters: [{$ref: 'params/query.yaml#/detail'}]\n      responses: {'204': {description: ok}}\n"
        "    get:\n"
        "      parameters:\n        - $ref: 'params/query.yaml#/tags'\n        - $ref: 'params/query.yaml#/order'\n"
        "      responses:\n"
        "        '200':\n          description: ok\n          schema: {$ref: 'common.yaml#/definitions/Pet'}\n"
        "        default:\n          description: error\n          schema: {$ref: 'models/error.yaml'}\n"
    )
    (tmp_path / "common.yaml").write_text(
        "swagger: '2.0'\ninfo: {title: common, version: '1'}\npaths: {}\ndefinitions:\n"
        "  Pet: {type: object, properties: {owner: {$ref: '#/definitions/Owner'}, name: {type: string}}}\n"
        "  Owner: {type: object, properties: {name: {type: string, x-nullable: true}}}\n"
    )
    (tmp_path / "params").mkdir()
    (tmp_path / "params" / "query.yaml").write_text(
        "tags: {name: tags, in: query, type: array, items: {type: string}, collectionFormat: tsv}\n"
        "order: {name: order, in: query, type: string, enum: [asc, desc]}\n"
        "detail: {name: detail, in: body, required: true, schema: {$ref: '../models/detail.yaml'}}\n"
    )
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "error.yaml").write_text(
        "type: object\nproperties:\n  message: {type: string}\n  detail: {$ref: 'detail.yaml'}\n"
    )
    (tmp_path / "models" / "detail.yaml").write_text("type: object\nproperties:\n  file: {type: file}\n")
    api, warnings = build(tmp_path / "main.yaml", "sdk")
    fields = models_surface(api)
    assert fields["model pet.Pet"] == (("owner", "Optional[Owner]"), ("name", "Optional[str]"))
    assert fields["model owner.Owner"] == (("name", "Optional[str]"),)
    assert fields["model error.Error"] == (("message", "Optional[str]"), ("detail", "Optional[Detail]"))
    assert fields["model detail.Detail"] == (("file", "Optional[str]"),)  # `type: file` read as binary: no error
    operations = operations_surface(api)
    # A body parameter in another file is the operation's body; its `$ref` stays relative to that file.
    assert operations["operation POST /pets"]["arguments"] == []
    assert operations["operation POST /pets"]["body"] == ("application/json", True, "PetCreateParams")
    assert fields["model pet_create_params.PetCreateParams"] == (("file", "Optional[str]"),)
    list_pets = operations["operation GET /pets"]
    assert list_pets["arguments"] == [
        ("tags", "query", "List[str]", False, ("form", False)),
        ("order", "query", 'Literal["asc", "desc"]', False, ("form", True)),
    ]
    # A warning about a fragment's node points at the fragment's own line.
    [warning] = warnings
    assert warning.message == "collectionFormat 'tsv' has no OpenAPI 3 style for a query value: sent comma-separated"
    assert (warning.location.file.name, warning.location.line, warning.location.pointer) == (
        "query.yaml",
        1,
        "/tags/collectionFormat",
    )


def test_a_bare_name_ref_reads_as_the_definition_of_that_name_with_a_warning(tmp_path: Path) -> None:
    spec = tmp_path / "old.yaml"
    spec.write_text(
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      responses:\n"
        "        '200':\n          description: ok\n          schema:\n            $ref: Pet\n"
        "definitions:\n  Pet: {type: object, properties: {name: {type: string}}}\n"
    )
    api, warnings = build(spec, "sdk")
    [list_pets] = operations_surface(api).values()
    assert list_pets["result"] == ("Pet", True, None)
    [warning] = warnings
    assert warning.message == "$ref 'Pet' is read as '#/definitions/Pet' (a bare name, as Swagger 1.2 wrote it)"
    assert (warning.location.line, warning.location.pointer) == (10, "/paths/~1pets/get/responses/200/schema/$ref")
    # A name that is no definition stays a file name, as JSON Reference reads it.
    spec.write_text(spec.read_text().replace("$ref: Pet", "$ref: Owner"))
    with pytest.raises(SpecError, match="file not found: .*Owner"):
        build(spec, "sdk")


def test_a_path_item_in_another_file_is_read_in_2_0_words(tmp_path: Path) -> None:
    (tmp_path / "main.yaml").write_text(
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\nproduces: [application/json]\n"
        "paths:\n  /pets:\n    $ref: 'paths/pets.yaml'\n"
    )
    (tmp_path / "paths").mkdir()
    (tmp_path / "paths" / "pets.yaml").write_text(
        "get:\n  parameters:\n"
        "    - {name: ids, in: query, type: array, items: {type: integer}, collectionFormat: pipes}\n"
        "  responses:\n    '200':\n      description: ok\n"
        "      schema: {type: array, items: {$ref: '../models.yaml#/Pet'}}\n"
    )
    (tmp_path / "models.yaml").write_text(
        "Pet:\n  type: object\n  properties:\n    name: {type: string, x-nullable: true}\n"
    )
    api, warnings = build(tmp_path / "main.yaml", "sdk")
    assert warnings == []
    assert models_surface(api)["model pet.Pet"] == (("name", "Optional[str]"),)
    [list_pets] = operations_surface(api).values()
    assert list_pets["arguments"] == [("ids", "query", "List[int]", False, ("pipeDelimited", False))]
    assert list_pets["result"] == ("PetListResponse", True, None)


def nodes(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in items:
        found += nodes(value, (*path, key))
    return found


@pytest.mark.parametrize("spec", [PETSTORE, GOLDEN / "swagger2" / "spec.yaml"], ids=["petstore", "golden"])
def test_no_malformed_node_of_a_2_0_document_breaks_the_conversion(spec: Path) -> None:
    """Every node replaced in turn by a value of each other kind: the conversion still gives a
    document (what it means is for the IR to judge, with a located message)."""
    source = yaml.safe_load(spec.read_text())
    for path in nodes(source)[1:]:
        for value in (None, 1, "x", [], {}, [1], {"$ref": 5}, True):
            broken = copy.deepcopy(source)
            parent = broken
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = value
            assert isinstance(swagger2.convert(broken).document, dict), (path, value)


def test_a_parameter_location_that_is_no_string_is_left_out_with_a_warning(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        PETSTORE.read_text().replace("    name: petId\n    in: path\n", "    name: petId\n    in: [path]\n")
    )
    api, warnings = build(spec, "sdk")
    assert "['path'] parameters are not supported; left out" in {w.message for w in warnings}
