"""Renaming models, parameters and fields: the overrides' `models` (by schema name or JSON
pointer) and `operations.<op>.parameters`, and `x-sdk-name` on a schema, a parameter or a
property. The new name is used everywhere a caller reads it (models, imports, docs, `sdkgen
names`, the `sdkgen diff` surface); the wire name stays on the wire. Names that collide and
targets that do not exist are located errors."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sdkgen.diff.surface import surface
from sdkgen.errors import SpecError
from sdkgen.pipeline import build, generate_files, write

SPEC = """
openapi: 3.1.0
info: {title: Renames, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: pageSz, in: query, schema: {type: integer}}
        - {name: q, in: query, x-sdk-name: query, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/pet_record'}}
    post:
      operationId: createPet
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/pet_record'}
      responses:
        '201':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/pet_record'}
components:
  schemas:
    pet_record:
      type: object
      x-sdk-name: Pet
      properties:
        id: {type: string}
        nm: {type: string, x-sdk-name: name}
        owner: {$ref: '#/components/schemas/OwnerRec'}
    OwnerRec:
      type: object
      properties:
        id: {type: string}
"""
OVERRIDES = """
models:
  OwnerRec: Owner
operations:
  listPets:
    parameters: {pageSz: page_size}
"""


def project(tmp_path: Path, overrides: str | None = OVERRIDES, spec: str = SPEC) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(spec)
    if overrides is not None:
        (tmp_path / "sdkgen.yaml").write_text(overrides)
    return path


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    root = tmp_path_factory.mktemp("renames")
    generated = generate_files(project(root), "renames_sdk")
    assert generated.warnings == []
    write(root / "out", generated, force=False)
    sys.path.insert(0, str(root / "out" / "python"))
    yield importlib.import_module("renames_sdk"), root / "out"
    sys.path.remove(str(root / "out" / "python"))
    for name in [m for m in sys.modules if m.startswith("renames_sdk")]:
        del sys.modules[name]


def test_renamed_models_have_their_modules_imports_and_docs(package: tuple[Any, Path]) -> None:
    sdk, out = package
    shared = out / "python" / "renames_sdk" / "types" / "shared"
    assert sorted(p.name for p in shared.glob("*.py")) == ["__init__.py", "owner.py", "pet.py"]
    assert "from .owner import Owner" in (shared / "pet.py").read_text()
    assert (sdk.types.shared.Pet.__name__, sdk.types.shared.Owner.__name__) == ("Pet", "Owner")
    docs = "".join(p.read_text() for p in out.rglob("*.md"))
    assert "PetRecord" not in docs and "OwnerRec" not in docs
    assert "Pet" in docs and "Owner" in docs


def test_renamed_fields_and_parameters_keep_their_wire_names(package: tuple[Any, Path]) -> None:
    sdk, _ = package
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.method == "POST":
            return httpx.Response(201, json=json.loads(request.content))
        return httpx.Response(200, json=[{"id": "1", "nm": "Rex", "owner": {"id": "o"}}])

    client = sdk.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    [pet] = client.pets.list(page_size=5, query="rex")
    assert (pet.name, pet.owner.id) == ("Rex", "o")
    assert dict(seen[0].url.params) == {"pageSz": "5", "q": "rex"}
    created = client.pets.create(id="2", name="Fido")
    assert json.loads(seen[1].content) == {"id": "2", "nm": "Fido"}
    assert created.name == "Fido"


def test_the_diff_surface_shows_the_new_names(tmp_path: Path) -> None:
    api, _ = build(project(tmp_path), "renames_sdk")
    found = surface(api)
    assert {"types.Pet", "types.Owner"} <= set(found.models)
    assert "name" in found.models["types.Pet"].fields
    assert {"page_size", "query"} <= set(found.methods["client.pets.list"].arguments)


def test_a_json_pointer_names_an_inline_model(tmp_path: Path) -> None:
    inline = SPEC.replace(
        "schema: {type: array, items: {$ref: '#/components/schemas/pet_record'}}",
        "schema: {type: object, properties: {data: {type: array, items: {type: string}}}}",
    )
    pointer = "#/paths/~1pets/get/responses/200/content/application~1json/schema"
    api, _ = build(project(tmp_path, f"models:\n  '{pointer}': PetListing\n", inline), "renames_sdk")
    assert "PetListing" in {m.name for m in api.models}


@pytest.mark.parametrize(
    ("overrides", "message", "line"),
    [
        ("models:\n  OwnerRec: Pet\n", "model name 'Pet' is chosen twice (also for /components/schemas/pet_record)", 2),
        ("models:\n  pet_record: OwnerRec\n", "model name 'OwnerRec' is taken by the schema 'OwnerRec'", 2),
        (
            "models:\n  Nobody: Someone\n",
            "no model of the spec is at #/components/schemas/Nobody (to be named 'Someone')",
            2,
        ),
        ("models:\n  OwnerRec: not a name\n", "a model's new name must be a Python class name, not 'not a name'", 2),
        (
            "operations:\n  listPets:\n    parameters: {size: page_size}\n",
            "the operation has no parameter 'size' (it has: pageSz, q)",
            3,
        ),
        (
            "operations:\n  listPets:\n    parameters: {pageSz: query}\n",
            "parameter name 'query' is taken by the parameter 'q'",
            3,
        ),
        (
            "operations:\n  listPets:\n    parameters: {pageSz: timeout}\n",
            "a parameter's new name must be a Python argument name, not 'timeout'",
            3,
        ),
    ],
)
def test_collisions_and_missing_targets_are_located_errors(
    tmp_path: Path, overrides: str, message: str, line: int
) -> None:
    with pytest.raises(SpecError) as raised:
        build(project(tmp_path, overrides), "renames_sdk")
    [error] = raised.value.diagnostics
    assert (error.message, error.location.file.name, error.location.line) == (message, "sdkgen.yaml", line)


def test_x_sdk_name_collisions_in_the_spec_are_located_errors(tmp_path: Path) -> None:
    spec = SPEC.replace("nm: {type: string, x-sdk-name: name}", "nm: {type: string, x-sdk-name: id}")
    with pytest.raises(SpecError) as raised:
        build(project(tmp_path, None, spec), "renames_sdk")
    [error] = raised.value.diagnostics
    assert error.message == "x-sdk-name 'id' is the name of another property"
    assert (error.location.file.name, error.location.pointer) == (
        "spec.yaml",
        "/components/schemas/pet_record/properties/nm/x-sdk-name",
    )
