"""The whole public DigitalOcean spec (../shared/corpus/digitalocean) generates an SDK that
imports, and every example of a response or a schema in it validates against the model
generated for it. Counts are printed (`pytest -s`) for the record."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import pytest
import yaml
from sdkgen.ir.model import ApiIR, ModelIR
from sdkgen.pipeline import Generated, build, generate_files, write

PACKAGE = "do_api"


def escape(key: object) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


@pytest.fixture(scope="module")
def bundle(do_spec_dir: Path) -> Path:
    return do_spec_dir / "DigitalOcean-public.v2.bundled.yaml"


@pytest.fixture(scope="module")
def generated(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Generated, Path]]:
    output = tmp_path_factory.mktemp("do") / "out"
    result = generate_files(bundle, PACKAGE)
    write(output, result, force=False)
    sys.path.insert(0, str(output / "python"))
    yield result, output
    sys.path.remove(str(output / "python"))
    for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def test_the_whole_spec_generates_and_every_module_imports(generated: tuple[Generated, Path]) -> None:
    result, _ = generated
    api = result.api
    assert len([m for m in api.models if m.namespace == "shared"]) >= 897
    assert len(api.operations) == 659
    package = importlib.import_module(PACKAGE)
    modules = [info.name for info in pkgutil.walk_packages(package.__path__, PACKAGE + ".")]
    for name in modules:
        importlib.import_module(name)
    # Two bearer schemes (`bearer_auth`, `inference_bearer_auth`): an argument each.
    client = package.Client(bearer_auth="token")
    assert client.droplets.list and client.gen_ai is not None
    assert package.Client(inference_bearer_auth="token").inference_bearer_auth == "token"
    print(f"\nDigitalOcean bundle: {len(api.models)} models, {len(api.operations)} operations, {len(modules)} modules")
    print(f"{len(result.warnings)} warnings:")
    for warning in result.warnings:
        assert warning.location.pointer, warning.message
        print(f"  {warning.message} at {warning.location.pointer}")


def test_the_client_and_one_resource_load_a_few_modules_of_the_sdk(generated: tuple[Generated, Path]) -> None:
    """1,323 models: `import do_api; do_api.Client(...)` loads none of them and no resource,
    and `client.droplets` loads the droplets module and the models it names (see
    tests/client/test_lazy_imports.py for the exact sets on the committed SDK)."""
    import json
    import subprocess

    def loaded(code: str) -> list[str]:
        script = f"import json, sys\n{code}\nprint(json.dumps([m for m in sys.modules if m.startswith('do_api')]))"
        root = generated[1] / "python"
        run = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr[-3000:]
        return list(json.loads(run.stdout))

    client = loaded("import do_api\ndo_api.Client(bearer_auth='t')")
    assert not [m for m in client if m.startswith(("do_api.resources.", "do_api.types."))], client
    droplets = loaded("import do_api\ndo_api.Client(bearer_auth='t').droplets")
    assert [m for m in droplets if m.startswith("do_api.resources.")] == ["do_api.resources.droplets"]
    models = [m for m in droplets if m.startswith("do_api.types.")]
    assert "do_api.types.shared.droplet" in models and len(models) < 60, len(models)


def examples(document: dict[str, Any]) -> Iterator[tuple[str, Any, str]]:
    """(pointer of the schema, example value, where) for schema and success-response examples."""
    for key, schema in document["components"]["schemas"].items():
        if isinstance(schema, dict) and "example" in schema:
            yield f"/components/schemas/{escape(key)}", schema["example"], f"schema {key}"
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for status, response in operation["responses"].items():
                if not str(status).startswith("2"):
                    continue
                base = f"/paths/{escape(path)}/{method}/responses/{status}"
                if "$ref" in response:
                    name = response["$ref"].rsplit("/", 1)[-1]
                    response = document["components"]["responses"][name]
                    base = f"/components/responses/{escape(name)}"
                media = (response.get("content") or {}).get("application/json")
                if not media or "schema" not in media:
                    continue
                schema = media["schema"]
                pointer = schema["$ref"][1:] if set(schema) == {"$ref"} else f"{base}/content/application~1json/schema"
                values = [media["example"]] if "example" in media else []
                for example in (media.get("examples") or {}).values():
                    if "$ref" in example:
                        example = document["components"]["examples"][example["$ref"].rsplit("/", 1)[-1]]
                    if "value" in example:
                        values.append(example["value"])
                for value in values:
                    yield pointer, value, f"{method.upper()} {path} {status}"


def model_class(model: ModelIR) -> Any:
    where = (
        f"{PACKAGE}.types.shared.{model.module}" if model.namespace == "shared" else f"{PACKAGE}.types.{model.module}"
    )
    return getattr(importlib.import_module(where), model.name)


def test_every_example_validates_against_its_generated_model(generated: tuple[Generated, Path], bundle: Path) -> None:
    api: ApiIR = generated[0].api
    by_pointer = {model.pointer: model for model in api.models}
    document = yaml.load(bundle.read_text(), Loader=yaml.CSafeLoader)
    checked, invalid = 0, []
    for pointer, value, where in examples(document):
        model = by_pointer.get(pointer)
        assert model is not None, f"no model for the schema of {where} ({pointer})"
        try:
            pydantic.TypeAdapter(model_class(model)).validate_python(value)
        except pydantic.ValidationError as exc:
            invalid.append(f"{where}: {str(exc).splitlines()[0]}")
        checked += 1
    print(f"\n{checked} examples checked against the generated models; {len(invalid)} invalid")
    assert checked >= 300
    assert invalid == []


def test_the_multi_file_root_has_the_same_operations_as_the_bundle(
    do_spec_dir: Path, generated: tuple[Generated, Path]
) -> None:
    root, _ = build(do_spec_dir / "specification" / "DigitalOcean-public.v2.yaml", PACKAGE)

    def operations(api: ApiIR) -> set[tuple[str, str, str]]:
        return {
            (".".join((*resource.path, op.name)), op.http_method, op.path)
            for top in api.resources
            for resource in top.walk()
            for op in resource.operations
        }

    assert operations(root) == operations(generated[0].api)
    print(f"\nmulti-file root: {len(root.models)} models (the bundle: {len(generated[0].api.models)})")


def test_the_multi_file_root_and_the_bundle_have_the_same_models(
    do_spec_dir: Path, generated: tuple[Generated, Path]
) -> None:
    """Every schema a `$ref` names is a model, from a file of its own or a `components` entry,
    so splitting the API over files changes nothing. The bundler renamed 14 colliding
    components `X-2` (three of them schemas, the rest parameters and responses); those
    schemas get the names the multi-file root gives the second of two files with one stem
    (`NfsAction2`). One name differs: in the bundle the components claim their
    names before the inline response objects do; over files, `sshKeys_new.yml`'s inline
    response claims `KeyCreateResponse` before the spaces `key_create_response.yml` is
    reached, which becomes `KeyCreateResponse2`."""
    root, _ = build(do_spec_dir / "specification" / "DigitalOcean-public.v2.yaml", PACKAGE)
    bundle = generated[0].api

    def names(api: ApiIR, namespace: str) -> set[str]:
        return {m.name for m in api.models if m.namespace == namespace}

    for namespace in ("shared", "", "params"):
        assert len(names(root, namespace)) == len(names(bundle, namespace)), namespace
    assert names(root, "params") == names(bundle, "params")
    assert names(root, "shared") - names(bundle, "shared") == {"KeyCreateResponse2"}
    assert names(bundle, "shared") - names(root, "shared") == {"KeyCreateResponse"}
    assert names(bundle, "") - names(root, "") == {"AccountKeyCreateResponse"}
    assert names(root, "") - names(bundle, "") == {"KeyCreateResponse"}
    renamed = [m.name for m in bundle.models if m.namespace == "shared" and m.pointer.endswith("-2")]
    print(f"\nbundle schemas the bundler renamed X-2: {sorted(renamed)}; all in the multi-file root too")
    assert set(renamed) <= names(root, "shared")


def test_the_generated_sdk_passes_mypy_strict_and_ruff(generated: tuple[Generated, Path]) -> None:
    import subprocess

    root = generated[1] / "python"
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--explicit-package-bases", PACKAGE],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout[-3000:]
    # E501 is left out: a real spec's descriptions hold URLs and words longer than a line.
    lint = ["ruff", "check", "--no-cache", "--isolated", "--select", "F,W,I,B", PACKAGE]
    linted = subprocess.run([sys.executable, "-m", *lint], cwd=root, capture_output=True, text=True)
    assert linted.returncode == 0, linted.stdout[-3000:]


def test_the_generated_sdk_is_black_clean(generated: tuple[Generated, Path]) -> None:
    """Ruff formats the SDK; black, the oracle, must find nothing to change in any of its
    1,900 modules (a difference is printed as black's diff: list it in the README's deviations)."""
    import subprocess

    root = generated[1] / "python"
    checked = subprocess.run(
        [sys.executable, "-m", "black", "--check", "--diff", "--quiet", PACKAGE],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, (checked.stdout + checked.stderr)[-5000:]


CHECK_EXAMPLES = """
import importlib, json, pkgutil, sys
import pydantic
package = importlib.import_module(sys.argv[2])
modules = [i.name for i in pkgutil.walk_packages(package.__path__, sys.argv[2] + ".")]
for name in modules:
    importlib.import_module(name)
invalid = []
cases = json.load(open(sys.argv[1]))
for candidates, value, where in cases:
    errors = []
    for module, name in candidates:
        try:
            pydantic.TypeAdapter(getattr(importlib.import_module(module), name)).validate_python(value)
            break
        except pydantic.ValidationError as exc:
            errors.append(str(exc).splitlines()[0])
    else:
        invalid.append(where + ": " + "; ".join(errors))
print(json.dumps({"modules": len(modules), "checked": len(cases), "invalid": invalid}))
"""


def test_the_multi_file_root_generates_an_sdk_that_imports_type_checks_and_parses_the_examples(
    do_spec_dir: Path, generated: tuple[Generated, Path], bundle: Path, tmp_path: Path
) -> None:
    """The issue's own command, `sdkgen generate .../DigitalOcean-public.v2.yaml -o /tmp/do
    --package do_api`, on the multi-file root (2,900 files): it succeeds, the package imports,
    passes `mypy --strict`, and every example of the spec validates against its model there
    (found through the bundle's pointers and the models' shared names; for the schemas the
    bundler renamed `X-2`, either of `X` and `X2`). Run in a separate process: this one has
    already imported the bundle's `do_api`."""
    import json
    import subprocess

    root_spec = do_spec_dir / "specification" / "DigitalOcean-public.v2.yaml"
    out = tmp_path / "do"
    command = [sys.executable, "-m", "sdkgen", "generate", str(root_spec), "-o", str(out)]
    ran = subprocess.run([*command, "--package", PACKAGE, "--no-cache"], capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr[-3000:]
    root_api, _ = build(root_spec, PACKAGE)
    where_is = {m.name: m for m in root_api.models}
    # The one model named differently over files (see the test above).
    renamed = {"AccountKeyCreateResponse": "KeyCreateResponse", "KeyCreateResponse": "KeyCreateResponse2"}
    by_pointer = {model.pointer: model for model in generated[0].api.models}
    document = yaml.load(bundle.read_text(), Loader=yaml.CSafeLoader)

    def place(model: ModelIR) -> tuple[str, str]:
        folder = "types.shared" if model.namespace == "shared" else "types"
        return f"{PACKAGE}.{folder}.{model.module}", model.name

    cases = []
    for pointer, value, where in examples(document):
        name = renamed.get(by_pointer[pointer].name, by_pointer[pointer].name)
        # Two files with one stem are `X` and `X2`; the bundler may have named them the
        # other way round (`version`, `version-2`): either of the pair may be this schema.
        stem = name[:-1] if name.endswith("2") and name[:-1] in where_is else name
        pair = [n for n in (stem, stem + "2") if n in where_is] if stem + "2" in where_is else [name]
        cases.append(([place(where_is[n]) for n in pair], value, where))
    (tmp_path / "cases.json").write_text(json.dumps(cases))
    checked = subprocess.run(
        [sys.executable, "-c", CHECK_EXAMPLES, str(tmp_path / "cases.json"), PACKAGE],
        cwd=out / "python",
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr[-3000:]
    report = json.loads(checked.stdout)
    print(f"\nmulti-file root: {report['modules']} modules import; {report['checked']} examples checked")
    assert report["checked"] >= 300 and report["invalid"] == []
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--explicit-package-bases", PACKAGE],
        cwd=out / "python",
        capture_output=True,
        text=True,
    )
    assert typed.returncode == 0, typed.stdout[-3000:]
