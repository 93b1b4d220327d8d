"""`sdkgen diff`: one golden report per change kind, in both directions.

Each case edits `tests/diff/base.yaml` one way; `tests/diff/expected/<case>.txt` holds the text
report from base to edited and from edited to base. `SDKGEN_UPDATE_GOLDENS=1` rewrites them.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from sdkgen.cli import main
from sdkgen.diff.compare import compare
from sdkgen.diff.report import report
from sdkgen.diff.surface import surface
from sdkgen.pipeline import build

HERE = Path(__file__).parent / "diff"
BASE = HERE / "base.yaml"
SDKGEN = [sys.executable, "-m", "sdkgen"]
UPDATE = os.environ.get("SDKGEN_UPDATE_GOLDENS") == "1"

Spec = dict[str, Any]


def _pet(spec: Spec) -> Spec:
    return spec["components"]["schemas"]["Pet"]  # type: ignore[no-any-return]


def _list(spec: Spec) -> Spec:
    return spec["paths"]["/v1/pets"]["get"]  # type: ignore[no-any-return]


def _create_body(spec: Spec) -> Spec:
    return spec["paths"]["/v1/pets"]["post"]["requestBody"]["content"]["application/json"]["schema"]  # type: ignore[no-any-return]


def remove_resource(spec: Spec) -> None:
    del spec["paths"]["/v1/owners"]


def remove_method(spec: Spec) -> None:
    del spec["paths"]["/v1/pets/{pet_id}"]["delete"]


def rename_method(spec: Spec) -> None:
    spec["paths"]["/v1/pets/{pet_id}"]["delete"]["x-sdk-method"] = "remove"


def add_model(spec: Spec) -> None:
    spec["components"]["schemas"]["Toy"] = {"type": "object", "properties": {"squeaks": {"type": "boolean"}}}


def rename_model(spec: Spec) -> None:
    text = yaml.safe_dump(spec, sort_keys=False).replace("Owner", "Keeper")
    spec.clear()
    spec.update(yaml.safe_load(text))


def remove_field(spec: Spec) -> None:
    del _pet(spec)["properties"]["tag"]


def change_field_type(spec: Spec) -> None:
    _pet(spec)["properties"]["tag"] = {"type": "integer"}


def change_return_type(spec: Spec) -> None:
    response = spec["paths"]["/v1/pets/{pet_id}"]["get"]["responses"]["200"]["content"]["application/json"]
    response["schema"] = {"$ref": "#/components/schemas/Owner"}


def add_required_argument(spec: Spec) -> None:
    _list(spec)["parameters"].append(
        {"name": "owner_id", "in": "query", "required": True, "schema": {"type": "integer"}}
    )


def add_optional_argument(spec: Spec) -> None:
    _list(spec)["parameters"].append({"name": "sort", "in": "query", "schema": {"type": "string"}})


def make_argument_required(spec: Spec) -> None:
    _create_body(spec)["required"] = ["name", "tag"]


def widen_argument_type(spec: Spec) -> None:
    _create_body(spec)["properties"]["tag"] = {"type": ["string", "null"]}


def change_argument_type(spec: Spec) -> None:
    _list(spec)["parameters"][1]["schema"] = {"type": "string"}


def remove_enum_value(spec: Spec) -> None:
    _list(spec)["parameters"][0]["schema"]["enum"] = ["cat"]


def rename_path_parameter(spec: Spec) -> None:
    item = spec["paths"].pop("/v1/pets/{pet_id}")
    item["parameters"][0]["name"] = "id"
    spec["paths"]["/v1/pets/{id}"] = item


def remove_auth(spec: Spec) -> None:
    del spec["security"]
    del spec["components"]["securitySchemes"]


def optional_security(spec: Spec) -> None:
    spec["security"] = [{"token": []}, {}]  # `{}`: an alternative with no credentials


def change_auth(spec: Spec) -> None:
    spec["components"]["securitySchemes"]["token"]["x-sdk-env-var"] = "PETS_API_KEY"


def add_server(spec: Spec) -> None:
    spec["paths"]["/v1/owners"]["get"]["servers"] = [{"url": "https://people.pets.example"}]


def change_server_url(spec: Spec) -> None:
    spec["servers"] = [{"url": "https://api.pets.example/v2"}]


def change_description(spec: Spec) -> None:
    _pet(spec)["properties"]["name"]["description"] = "The name the pet answers to."


CASES: dict[str, Callable[[Spec], None]] = {
    f.__name__: f
    for f in (
        remove_resource,
        remove_method,
        rename_method,
        add_model,
        rename_model,
        remove_field,
        change_field_type,
        change_return_type,
        add_required_argument,
        add_optional_argument,
        make_argument_required,
        widen_argument_type,
        change_argument_type,
        remove_enum_value,
        rename_path_parameter,
        remove_auth,
        optional_security,
        change_auth,
        add_server,
        change_server_url,
        change_description,
    )
}


def edited(case: str, folder: Path) -> Path:
    spec = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    changed = copy.deepcopy(spec)
    CASES[case](changed)
    assert changed != spec, case
    path = folder / "edited.yaml"
    path.write_text(yaml.safe_dump(changed, sort_keys=False), encoding="utf-8")
    return path


def text_report(old: Path, new: Path) -> str:
    old_api, _ = build(old, "pets_sdk")
    new_api, _ = build(new, "pets_sdk")
    return report(compare(surface(old_api), surface(new_api)), "text")


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_change_kind_both_ways(case: str, tmp_path: Path) -> None:
    new = edited(case, tmp_path)
    text = f"# base -> {case}\n{text_report(BASE, new)}# {case} -> base\n{text_report(new, BASE)}"
    golden = HERE / "expected" / f"{case}.txt"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_same_spec_has_no_changes() -> None:
    assert text_report(BASE, BASE) == "sdkgen: 0 changes, 0 breaking: none release\n"


def test_every_kind_is_pinned_by_a_golden() -> None:
    from sdkgen.diff.compare import ADDITIONS, BREAKING

    seen = set()
    for golden in (HERE / "expected").glob("*.txt"):
        for line in golden.read_text(encoding="utf-8").splitlines():
            if line.startswith("  "):
                seen.add(line.split()[0])
    assert BREAKING | ADDITIONS | {"description_changed", "server_url_changed"} == seen


def test_cli_exit_codes_formats_and_fail_on(tmp_path: Path) -> None:
    new = edited("add_required_argument", tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["diff", str(BASE), str(new), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == [
        {
            "kind": "argument_added_required",
            "path": "client.pets.list(owner_id)",
            "message": "new required argument owner_id: int",
            "breaking": True,
        }
    ]
    assert runner.invoke(main, ["diff", str(BASE), str(new), "--fail-on", "none"]).exit_code == 0
    added = runner.invoke(main, ["diff", str(new), str(BASE), "--format", "markdown"])
    assert added.exit_code == 1  # removing an argument breaks callers that pass it
    assert "### Breaking\n\n- `client.pets.list(owner_id)`: argument removed (argument_removed)" in added.output
    optional = edited("add_optional_argument", tmp_path)
    minor = runner.invoke(main, ["diff", str(BASE), str(optional)])
    assert minor.exit_code == 0
    assert minor.output.endswith("sdkgen: 1 change, 0 breaking: minor release\n")
    assert runner.invoke(main, ["diff", str(BASE)]).exit_code == 2  # a usage error


def test_a_bad_spec_is_reported_with_its_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: strng}\n"
    )
    result = CliRunner().invoke(main, ["diff", str(BASE), str(bad)])
    assert result.exit_code == 2
    assert "bad.yaml:6:9: error" in result.stderr and "unknown schema type 'strng'" in result.stderr


def test_changelog_gets_a_section_per_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new = edited("add_optional_argument", tmp_path)
    changelog = tmp_path / "CHANGELOG.md"
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        assert CliRunner().invoke(main, ["diff", str(BASE), str(new), "--changelog", "CHANGELOG.md"]).exit_code == 0
    text = changelog.read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n\n## 1.0.0\n\n**SDK changes:** 1 change, 0 breaking: minor release\n")
    assert text.count("- `client.pets.list(sort)`: new optional argument sort: str (argument_added_optional)") == 2


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_base_compares_with_a_multi_file_spec_at_another_commit(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "api" / "schemas").mkdir(parents=True)
    spec = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    pet = spec["components"]["schemas"].pop("Pet")
    spec["components"]["schemas"]["Pet"] = {"$ref": "schemas/pet.yaml"}
    (repo / "api" / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    (repo / "api" / "schemas" / "pet.yaml").write_text(yaml.safe_dump(pet, sort_keys=False), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one")
    del pet["properties"]["tag"]
    (repo / "api" / "schemas" / "pet.yaml").write_text(yaml.safe_dump(pet, sort_keys=False), encoding="utf-8")
    result = subprocess.run(
        [*SDKGEN, "diff", "--base", "HEAD", "api/openapi.yaml"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "field_removed            types.Pet.tag: field removed" in result.stdout
    unknown = subprocess.run(
        [
            *SDKGEN,
            "diff",
            "--base",
            "nosuch",
            "api/openapi.yaml",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert unknown.returncode == 2
    assert "git archive --format=tar nosuch" in unknown.stderr


def test_base_reads_the_overrides_the_project_had_at_that_commit(tmp_path: Path) -> None:
    """`--base` builds the old SDK with the `[tool.sdkgen]` overrides of that commit: an
    unchanged rename is no change, and changing it is the caller-visible change it is."""
    repo = tmp_path / "repo"
    (repo / "api").mkdir(parents=True)
    (repo / "api" / "openapi.yaml").write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")
    pyproject = '[tool.sdkgen]\nspec = "api/openapi.yaml"\npackage = "pets"\n'
    pyproject += '\n[tool.sdkgen.overrides.models]\nPet = "{}"\n'
    (repo / "pyproject.toml").write_text(pyproject.format("Animal"), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one")
    same = subprocess.run([*SDKGEN, "diff", "--base", "HEAD"], cwd=repo, capture_output=True, text=True, check=False)
    assert same.returncode == 0, same.stdout + same.stderr
    assert "Animal" not in same.stdout and "Pet" not in same.stdout
    (repo / "pyproject.toml").write_text(pyproject.format("Creature"), encoding="utf-8")
    renamed = subprocess.run([*SDKGEN, "diff", "--base", "HEAD"], cwd=repo, capture_output=True, text=True, check=False)
    assert renamed.returncode == 1, renamed.stdout + renamed.stderr
    assert "types.Animal" in renamed.stdout and "Creature" in renamed.stdout
