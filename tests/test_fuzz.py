"""Property-based tests: random valid specs always generate code that compiles, imports and
round-trips a random instance; random corruptions of valid specs always give a located
error, never a traceback.

CI runs a fixed, small number of examples; `make fuzz` runs 10,000 of each
(SDKGEN_FUZZ_EXAMPLES sets the count).
"""

from __future__ import annotations

import importlib
import json
import os
import string
import sys
import unicodedata
from pathlib import Path
from typing import Any

import black
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sdkgen.errors import SpecError
from sdkgen.pipeline import build, generate_files
from sdkgen.targets.python.formatting import format_files, formatter_command
from sdkgen.targets.python.package import render_python

from .conftest import GOLDEN, ROOT

EXAMPLES = int(os.environ.get("SDKGEN_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 25,
    deadline=None,
    derandomize=not EXAMPLES,
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
CORRUPTIONS = settings(FUZZ, max_examples=EXAMPLES or 150)

# Names the way real specs write them, and the way hostile ones do.
NAME_CHARS = string.ascii_letters + string.digits + "_-. $@/~:ÄéЖ"
names = st.text(NAME_CHARS, min_size=1, max_size=12)
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


# -- valid schemas and instances of them --------------------------------------------------------


def scalar_schemas() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        st.fixed_dictionaries(
            {"type": st.just("string")}, optional={"description": texts, "maxLength": st.integers(1, 50)}
        ),
        st.fixed_dictionaries(
            {"type": st.just("integer")}, optional={"minimum": st.integers(-5, 0), "description": texts}
        ),
        st.fixed_dictionaries({"type": st.just("number")}),
        st.fixed_dictionaries({"type": st.just("boolean")}),
        st.lists(texts, min_size=1, max_size=4, unique=True).map(lambda values: {"type": "string", "enum": values}),
        st.lists(st.integers(-3, 3), min_size=1, max_size=3, unique=True).map(lambda v: {"type": "integer", "enum": v}),
    )


def schemas(refs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    leaves = scalar_schemas()
    if refs:
        leaves = st.one_of(
            leaves, st.sampled_from(refs).map(lambda r: {"$ref": "#/components/schemas/" + pointer_part(r)})
        )

    def extend(inner: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
        return st.one_of(
            st.builds(lambda items: {"type": "array", "items": items}, inner),
            st.builds(lambda value: {"type": "object", "additionalProperties": value}, inner),
            st.builds(lambda schema: {**schema, "nullable": True} if "$ref" not in schema else schema, inner),
            st.builds(lambda a, b: {"oneOf": [a, b]}, inner, inner),
            objects(inner),
        )

    return st.recursive(leaves, extend, max_leaves=8)


def objects(inner: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    def build_object(properties: dict[str, Any], required: list[str], description: str) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "object", "properties": properties, "description": description}
        required = [name for name in required if name in properties]
        if required:
            schema["required"] = sorted(set(required))
        return schema

    return st.builds(
        build_object, st.dictionaries(names, inner, min_size=1, max_size=5), st.lists(names, max_size=3), texts
    )


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    keys = draw(st.lists(names, min_size=1, max_size=4, unique_by=lambda n: n))
    components: dict[str, Any] = {}
    for index, key in enumerate(keys):
        # A component refers only to earlier ones, so every instance is finite.
        components[key] = draw(objects(schemas(keys[:index])))
    return {
        "openapi": "3.1.0",
        "info": {"title": "Fuzz", "version": "1.0.0"},
        "paths": {},
        "components": {"schemas": components},
    }


def pointer_part(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def instance(draw: st.DrawFn, schema: dict[str, Any], components: dict[str, Any], depth: int = 0) -> Any:
    if "$ref" in schema:
        key = schema["$ref"].rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
        return instance(draw, components[key], components, depth + 1)
    if schema.get("nullable") and draw(st.booleans()):
        return None
    if "oneOf" in schema:
        return instance(draw, draw(st.sampled_from(schema["oneOf"])), components, depth + 1)
    if "enum" in schema:
        return draw(st.sampled_from(schema["enum"]))
    kind = schema.get("type")
    if kind == "string":
        return draw(st.text(string.printable, max_size=schema.get("maxLength", 20)))
    if kind == "integer":
        return draw(st.integers(schema.get("minimum", -1000), 1000))
    if kind == "number":
        return draw(st.floats(-1e6, 1e6, allow_nan=False).filter(lambda f: not f.is_integer()))
    if kind == "boolean":
        return draw(st.booleans())
    if kind == "array":
        size = 0 if depth > 6 else draw(st.integers(0, 2))
        return [instance(draw, schema["items"], components, depth + 1) for _ in range(size)]
    if "additionalProperties" in schema:
        keys = [] if depth > 6 else draw(st.lists(names, max_size=2, unique=True))
        return {key: instance(draw, schema["additionalProperties"], components, depth + 1) for key in keys}
    result = {}
    for name, prop in schema["properties"].items():
        if name in schema.get("required", []) or draw(st.booleans()):
            result[name] = instance(draw, prop, components, depth + 1)
    return result


def write_package(files: dict[str, bytes], root: Path) -> Path:
    for path, data in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root / "python"


@FUZZ
@given(spec=specs(), data=st.data())
def test_random_valid_specs_generate_code_that_compiles_imports_and_round_trips(
    spec: dict[str, Any], data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    spec_path = root / "spec.json"
    spec_path.write_text(json.dumps(spec))
    package = "fuzz_sdk"
    api, _ = build(spec_path, package)
    files = format_files(render_python(api, "spec.json"), formatter_command("ruff"))
    python_root = write_package(files, root)
    for path in sorted(python_root.rglob("*.py")):
        text = path.read_text()
        compile(text, str(path), "exec")
        # Ruff formats it; black, the oracle, finds nothing to change (README: deviations),
        # but where an invisible character makes the two measure a line differently.
        if not any(unicodedata.category(c) in ("Cc", "Cf") for c in text if c not in "\n\t"):
            assert black.format_str(text, mode=black.Mode()) == text, path
    sys.path.insert(0, str(python_root))
    try:
        types = importlib.import_module(f"{package}.types")
        components = spec["components"]["schemas"]
        for model in api.models:
            key = next(k for k in components if model.pointer == "/components/schemas/" + pointer_part(k))
            schema = components[key]
            value = data.draw(st.composite(lambda draw, schema=schema: instance(draw, schema, components))())
            parsed = getattr(types, model.name).model_validate(value)
            assert parsed.model_dump(mode="json", by_alias=True, exclude_unset=True) == value
    finally:
        sys.path.remove(str(python_root))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


# -- random operations: odd parameter names, bodies, the request they send ---------------------

PATH_NAME_CHARS = NAME_CHARS.replace("/", "")
header_names = st.from_regex(r"X-[A-Za-z0-9-]{1,8}", fullmatch=True)
parameter_schemas = st.one_of(
    st.just({"type": "string"}),
    st.just({"type": "integer"}),
    st.just({"type": "boolean"}),
    st.just({"$ref": "#/components/schemas/Slug"}),
    st.lists(st.text(string.ascii_letters, min_size=1, max_size=6), min_size=1, max_size=3, unique=True).map(
        lambda values: {"type": "string", "enum": values}
    ),
)


@st.composite
def operation_specs(draw: st.DrawFn) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for index in range(draw(st.integers(1, 3))):
        path_names = draw(st.lists(st.text(PATH_NAME_CHARS, min_size=1, max_size=10), max_size=3, unique=True))
        segments = [draw(st.sampled_from(["items", "Accounts", "v2", "naming", "2010-04-01", "a.json"]))]
        segments += ["{" + name + "}" for name in path_names]
        path = f"/r{index}/" + "/".join(segments)
        parameters = [
            {"name": name, "in": "path", "required": True, "schema": draw(parameter_schemas)} for name in path_names
        ]
        for name in draw(st.lists(names, max_size=4, unique=True)):
            parameters.append({"name": name, "in": "query", "schema": draw(parameter_schemas)})
        for name in draw(st.lists(header_names, max_size=2, unique_by=str.lower)):
            parameters.append({"name": name, "in": "header", "schema": {"type": "string"}})
        operation: dict[str, Any] = {
            "operationId": draw(names),
            "parameters": parameters,
            "responses": {"204": {"description": "done"}},
        }
        method = draw(st.sampled_from(["get", "post", "put", "delete"]))
        if method in ("post", "put") and draw(st.booleans()):
            properties = draw(st.dictionaries(names, scalar_schemas(), min_size=1, max_size=3))
            body = {"type": "object", "properties": properties}
            operation["requestBody"] = {"content": {"application/json": {"schema": body}}}
        paths[path] = {method: operation}
    ids = [op["operationId"] for item in paths.values() for op in item.values()]
    if len(set(ids)) != len(ids):
        for number, op in enumerate(op for item in paths.values() for op in item.values()):
            op["operationId"] += f"-{number}"
    return {
        "openapi": "3.1.0",
        "info": {"title": "Fuzz", "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": {"Slug": {"type": "string", "pattern": "^[a-z]+$"}}},
    }


def argument_value(schema: dict[str, Any]) -> Any:
    if "enum" in schema:
        return schema["enum"][0]
    return {"integer": 7, "boolean": True, "number": 1.5}.get(schema.get("type", "string"), "v w/x")


def wire_text(value: Any) -> str:
    return {True: "true", False: "false"}.get(value, str(value)) if isinstance(value, bool) else str(value)


@settings(FUZZ, max_examples=EXAMPLES or 10)
@given(spec=operation_specs())
def test_random_operations_generate_clients_that_send_every_parameter_under_its_wire_name(
    spec: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    import httpx

    root = tmp_path_factory.mktemp("fuzz_ops")
    spec_path = root / "spec.json"
    spec_path.write_text(json.dumps(spec))
    package = "fuzz_ops_sdk"
    api, _ = build(spec_path, package)
    files = format_files(render_python(api, "spec.json"), formatter_command("ruff"))
    python_root = write_package(files, root)
    # The runtime modules are fixed text (the schema fuzzer checks them); the resources vary.
    for path in sorted((python_root / package / "resources").rglob("*.py")):
        text = path.read_text()
        compile(text, str(path), "exec")
        assert black.format_str(text, mode=black.Mode()) == text, path
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    sys.path.insert(0, str(python_root))
    try:
        module = importlib.import_module(package)
        client = module.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
        for top in api.resources:
            for resource in top.walk():
                target = client
                for attribute in resource.path:
                    target = getattr(target, attribute)
                for operation in resource.operations:
                    raw = spec["paths"][operation.path][operation.http_method]
                    schemas = {(p["in"], p["name"]): p["schema"] for p in raw["parameters"]}
                    arguments = {
                        p.name: argument_value(schemas[(p.location, p.wire_name)]) for p in operation.parameters
                    }
                    body = raw.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
                    fields = operation.body.main.fields if operation.body is not None else ()
                    arguments |= {f.name: argument_value(body["properties"][f.wire_name]) for f in fields}
                    sent.clear()
                    getattr(target, operation.name)(**arguments)
                    (request,) = sent
                    values = {(p.location, p.wire_name): arguments[p.name] for p in operation.parameters}
                    expected_path = operation.path
                    for (where, wire), value in values.items():
                        if where == "path":
                            expected_path = expected_path.replace("{" + wire + "}", wire_text(value))
                    assert request.url.path == expected_path
                    query = {wire: wire_text(v) for (where, wire), v in values.items() if where == "query"}
                    assert dict(request.url.params) == query
                    for (where, wire), value in values.items():
                        if where == "header":
                            assert request.headers[wire] == wire_text(value)
                    if fields:
                        assert json.loads(request.content) == {f.wire_name: arguments[f.name] for f in fields}
    finally:
        sys.path.remove(str(python_root))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


# -- corruptions of valid specs -----------------------------------------------------------------

SOURCES = [ROOT / "schemas" / "shared.yaml", *sorted(GOLDEN.glob("*/spec.yaml"))]


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[Path, str]:
    source = draw(st.sampled_from(SOURCES))
    text = source.read_text()
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["delete", "insert", "swap_lines", "retype", "reref", "truncate", "duplicate"]))
        at = draw(st.integers(0, max(0, len(text) - 1)))
        if how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif how == "insert":
            text = text[:at] + draw(st.text(string.printable + "{}[]&*!|>:-\t", min_size=1, max_size=8)) + text[at:]
        elif how == "swap_lines":
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif how == "retype":
            text = text.replace(
                "type: " + draw(st.sampled_from(["string", "integer", "object", "array"])),
                "type: " + draw(st.sampled_from(["strin", "null", "object", "array", "[]", "{}", "1"])),
                1,
            )
        elif how == "reref":
            text = text.replace(
                "#/components/schemas/",
                draw(st.sampled_from(["#/components/schema/", "#/", "other.yaml#/", "#components/", "http://x/#/"])),
                1,
            )
        elif how == "duplicate":
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        else:
            text = text[:at]
    return source, text


@CORRUPTIONS
@given(case=corrupted())
def test_corrupted_specs_give_a_located_error_never_a_traceback(
    case: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    source, text = case
    root = tmp_path_factory.mktemp("corrupt")
    spec_path = root / source.name
    spec_path.write_text(text)
    try:
        generated = generate_files(spec_path, "corrupt_sdk")
    except SpecError as exc:
        assert exc.diagnostics
        for diagnostic in exc.diagnostics:
            assert diagnostic.message
            assert diagnostic.location.file.name == source.name or diagnostic.location.file.exists()
            assert (
                diagnostic.location.line is not None
                or diagnostic.location.pointer != ""
                or "document" in diagnostic.message
                or "YAML" in diagnostic.message
                or "JSON" in diagnostic.message
                or "OpenAPI" in diagnostic.message
                or "Swagger" in diagnostic.message
            )
        return
    for path, data in generated.files.items():
        if path.endswith(".py"):
            compile(data, path, "exec")
