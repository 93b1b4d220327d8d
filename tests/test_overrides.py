"""Overrides for platform teams: `sdkgen.yaml` beside the spec renames resources and methods
and declares pagination, by operationId or `METHOD /path`; `x-sdk-pagination` does the same
in the spec. Unknown keys and targets are located errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sdkgen.cli import main
from sdkgen.config import read_settings
from sdkgen.errors import SpecError
from sdkgen.pipeline import build
from sdkgen.surface import surface_lines

PAGE = {
    "type": "object",
    "properties": {
        "records": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}},
        "continuation": {"type": "string"},
    },
}
QUERY = [{"name": "from", "in": "query", "schema": {"type": "string"}}]


def spec(tmp_path: Path, operation: dict[str, Any] | None = None) -> Path:
    listing = {
        "operationId": "queryRecords",
        "parameters": QUERY,
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": PAGE}}}},
        **(operation or {}),
    }
    cancel = {"operationId": "stopJob", "responses": {"204": {"description": "done"}}}
    paths = {
        "/records": {"get": listing},
        "/jobs/{id}/halt": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "post": cancel,
        },
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}))
    return path


def lines(path: Path) -> list[str]:
    api, _ = build(path, "t_sdk")
    return [" ".join(line.split()) for line in surface_lines(api)]


def test_without_overrides_the_list_is_not_recognised(tmp_path: Path) -> None:
    api, _ = build(spec(tmp_path), "t_sdk")
    assert [op.pagination for op in api.operations] == [None, None]
    assert lines(spec(tmp_path)) == [
        "client.jobs.halt -> POST /jobs/{id}/halt (path)",
        "client.records.retrieve -> GET /records (path)",
    ]


def test_sdkgen_yaml_renames_and_declares_pagination(tmp_path: Path) -> None:
    path = spec(tmp_path)
    (tmp_path / "sdkgen.yaml").write_text(
        "operations:\n"
        "  queryRecords:\n"
        "    method: list\n"
        "    pagination: {scheme: cursor, items: records, param: from, next_field: continuation}\n"
        "  POST /jobs/{id}/halt:\n"
        "    resource: batch.jobs\n"
        "    method: stop\n"
    )
    assert lines(path) == [
        "client.batch.jobs.stop -> POST /jobs/{id}/halt (override)",
        "client.records.list -> GET /records (override)",
    ]
    api, _ = build(path, "t_sdk")
    [paged] = [op.pagination for op in api.operations if op.pagination is not None]
    assert (paged.scheme, paged.items_field, paged.param, paged.next_field) == (
        "cursor",
        "records",
        "from",
        ("continuation",),
    )


def test_x_sdk_pagination_in_the_spec(tmp_path: Path) -> None:
    declared = {"scheme": "cursor", "items": "records", "param": "from", "next_field": "continuation"}
    api, _ = build(spec(tmp_path, {"x-sdk-pagination": declared}), "t_sdk")
    assert [op.pagination.scheme for op in api.operations if op.pagination] == ["cursor"]


@pytest.mark.parametrize(
    ("overrides", "message", "line"),
    [
        (
            "operations:\n  queryRecords:\n    name: list\n",
            "unknown override 'name' (known: resource, method, pagination, parameters)",
            3,
        ),
        (
            "operations:\n  listNothing:\n    method: list\n",
            "override target 'listNothing' is no operationId or `METHOD /path` of the spec",
            2,
        ),
        (
            "operations:\n  GET /records:\n    pagination: {scheme: pages, items: records}\n",
            "unknown pagination scheme 'pages' (known: page, offset, cursor, next_url, link_header)",
            3,
        ),
        ("settings: {}\n", "unknown keys ['settings'] in sdkgen.yaml", 1),
    ],
)
def test_unknown_keys_and_targets_are_located_errors(tmp_path: Path, overrides: str, message: str, line: int) -> None:
    path = spec(tmp_path)
    (tmp_path / "sdkgen.yaml").write_text(overrides)
    with pytest.raises(SpecError) as raised:
        build(path, "t_sdk")
    [error] = raised.value.diagnostics
    assert error.message == message
    assert error.location.file.name == "sdkgen.yaml"
    assert error.location.line == line


# -- overrides in pyproject.toml: `[tool.sdkgen] overrides = "file"` or `[tool.sdkgen.overrides]` --


def project(tmp_path: Path, tool: str) -> Path:
    """A project whose spec sits in `api/` and whose pyproject.toml has `[tool.sdkgen]`."""
    (tmp_path / "api").mkdir()
    spec(tmp_path / "api")
    (tmp_path / "pyproject.toml").write_text(f'[tool.sdkgen]\nspec = "api/spec.json"\n{tool}')
    return tmp_path


def names_in(root: Path) -> list[str]:
    settings = read_settings(root, None, None, None)
    api, _ = build(settings.spec, settings.package, overrides=settings.overrides)
    return [" ".join(line.split()) for line in surface_lines(api)]


def test_pyproject_names_an_overrides_file_relative_to_itself(tmp_path: Path) -> None:
    root = project(tmp_path, 'overrides = "config/names.yaml"\n')
    (root / "config").mkdir()
    (root / "config" / "names.yaml").write_text("operations:\n  queryRecords:\n    method: list\n")
    assert names_in(root)[1] == "client.records.list -> GET /records (override)"


def test_pyproject_overrides_table(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        '[tool.sdkgen.overrides.operations.stopJob]\nresource = "batch.jobs"\nmethod = "stop"\n'
        '[tool.sdkgen.overrides.operations."GET /records"]\nmethod = "list"\n',
    )
    assert names_in(root) == [
        "client.batch.jobs.stop -> POST /jobs/{id}/halt (override)",
        "client.records.list -> GET /records (override)",
    ]


def test_pyproject_overrides_win_over_sdkgen_yaml_beside_the_spec_with_a_warning(tmp_path: Path) -> None:
    root = project(tmp_path, '[tool.sdkgen.overrides.operations.queryRecords]\nmethod = "list"\n')
    (root / "api" / "sdkgen.yaml").write_text("operations:\n  queryRecords:\n    method: search\n")
    settings = read_settings(root, None, None, None)
    api, warnings = build(settings.spec, settings.package, overrides=settings.overrides)
    assert "client.records.list ->" in surface_lines(api)[1]
    [warning] = warnings
    assert "sdkgen.yaml beside the spec is not read" in warning.message


@pytest.mark.parametrize(
    ("tool", "message", "pointer"),
    [
        (
            '[tool.sdkgen.overrides.operations.stopJob]\nname = "stop"\n',
            "unknown override 'name' (known: resource, method, pagination, parameters)",
            "/tool/sdkgen/overrides/operations/stopJob/name",
        ),
        (
            '[tool.sdkgen.overrides.operations.nothing]\nmethod = "stop"\n',
            "override target 'nothing' is no operationId or `METHOD /path` of the spec",
            "/tool/sdkgen/overrides/operations/nothing",
        ),
        (
            "[tool.sdkgen.overrides]\nsettings = 1\n",
            "unknown keys ['settings'] in pyproject.toml",
            "/tool/sdkgen/overrides",
        ),
    ],
)
def test_pyproject_overrides_errors_name_the_file_and_key_path(
    tmp_path: Path, tool: str, message: str, pointer: str
) -> None:
    root = project(tmp_path, tool)
    with pytest.raises(SpecError) as raised:
        names_in(root)
    [error] = raised.value.diagnostics
    assert (error.message, error.location.file.name, error.location.pointer) == (message, "pyproject.toml", pointer)


def test_pyproject_overrides_file_that_is_missing_is_an_error(tmp_path: Path) -> None:
    root = project(tmp_path, 'overrides = "nowhere.yaml"\n')
    with pytest.raises(SpecError) as raised:
        read_settings(root, None, None, None)
    [error] = raised.value.diagnostics
    assert "overrides file not found" in error.message and error.location.file.name == "pyproject.toml"


def test_sdkgen_names_reads_the_pyproject_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, '[tool.sdkgen.overrides.operations.queryRecords]\nmethod = "list"\n')
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["names"])
    assert result.exit_code == 0, result.output
    assert "client.records.list -> GET /records" in result.output


# -- group_by: tags -------------------------------------------------------------------------

TAGGED = {
    "/v1/pets": {
        "get": {"operationId": "listPets", "tags": ["Pet Store"], "responses": {"204": {"description": "ok"}}},
        "post": {"operationId": "addPet", "tags": ["Pet Store"], "responses": {"204": {"description": "ok"}}},
    },
    "/v1/pets/{id}/toys": {
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "get": {"operationId": "listToys", "tags": ["Pet Store", "toys"], "responses": {"204": {"description": "ok"}}},
    },
    "/v1/health": {"get": {"operationId": "health", "responses": {"204": {"description": "ok"}}}},
    "/v1/owners": {
        "get": {
            "operationId": "listOwners",
            "tags": ["people"],
            "x-sdk-resource": "owners",
            "responses": {"204": {"description": "ok"}},
        }
    },
}


def tagged_spec(tmp_path: Path, overrides: str) -> Path:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": TAGGED}))
    (tmp_path / "sdkgen.yaml").write_text(overrides)
    return path


def test_group_by_tags_names_resources_after_the_first_tag(tmp_path: Path) -> None:
    path = tagged_spec(tmp_path, "group_by: tags\n")
    api, warnings = build(path, "t_sdk")
    assert [" ".join(line.split()) for line in surface_lines(api)] == [
        "client.health.retrieve -> GET /v1/health (path)",
        "client.owners.list -> GET /v1/owners (override)",
        "client.pet_store.list -> GET /v1/pets (path)",
        "client.pet_store.create -> POST /v1/pets (path)",
        "client.pet_store.list_toys -> GET /v1/pets/{id}/toys (operationId)",
    ]
    # The second `list` of the tag is resolved as a method collision, and reported.
    [warning] = warnings
    assert warning.message == "method name pet_store.list is taken; GET /v1/pets/{id}/toys is pet_store.list_toys"


def test_group_by_path_is_the_default_and_an_unknown_grouping_is_a_located_error(tmp_path: Path) -> None:
    assert "client.pets.toys.list -> GET /v1/pets/{id}/toys (operationId)" in [
        " ".join(line.split()) for line in surface_lines(build(tagged_spec(tmp_path, "group_by: path\n"), "t")[0])
    ]
    with pytest.raises(SpecError) as raised:
        build(tagged_spec(tmp_path, "group_by: tag\n"), "t_sdk")
    [error] = raised.value.diagnostics
    assert (error.message, error.location.line) == ("unknown group_by 'tag' (known: path, tags)", 1)


def test_group_by_tags_in_pyproject(tmp_path: Path) -> None:
    (tmp_path / "api").mkdir()
    tagged_spec(tmp_path / "api", "group_by: path\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\nspec = "api/spec.json"\n[tool.sdkgen.overrides]\ngroup_by = "tags"\n'
    )
    assert "client.pet_store.list -> GET /v1/pets (path)" in names_in(tmp_path)
