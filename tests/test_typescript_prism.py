"""The Twilio `api_v2010` TypeScript client against a Prism mock of its spec.

Every GET operation of the IR is called through the generated package (`node --test
tests/typescript/twilio_prism.test.mjs`): path parameters positional, required query
parameters in the params object, HTTP basic auth from the client's options. Prism checks
each request against the spec (a request that breaks it is a failure: its `sl-violations`
header) and answers from the spec's examples. The node test checks each answer against the
TypeScript types the package declares (read here from the IR the target renders) and the
spec's own schema: a value the spec admits and the type does not fails; a value that breaks
the spec too is the example's drift, counted. It walks the next pages of the lists, and
checks the client's errors for a 401 and a 422 from Prism.

The plan of calls is derived here from the IR and the spec, with the Python Prism test's
helpers (`tests/client/test_twilio.py`), so the two targets are held to the same sweep."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from sdkgen.ir.model import (
    AliasIR,
    ApiIR,
    ClassIR,
    ClassType,
    ConstrainedType,
    ConstType,
    DictType,
    FieldIR,
    ListType,
    LiteralType,
    OperationIR,
    PrimitiveType,
    TupleType,
    TypeIR,
    UnionType,
)
from sdkgen.targets.typescript.spelling import camel_case, client_attribute

from .client.prism import running_prism
from .client.test_twilio import ACCOUNT, SPEC, arguments, success_statuses
from .conftest import ROOT
from .test_typescript_target import TSC, require_tools, write_package

PACKAGE = "twilio_api_sdk"
NODE_TEST = ROOT / "tests" / "typescript" / "twilio_prism.test.mjs"
EXTRA_TESTS = 4
"""The node test's tests besides one per GET: paging, env credentials, a 401 and a 422."""

_KINDS = {
    **dict.fromkeys(("str", "date", "datetime"), "string"),
    **dict.fromkeys(("int", "float"), "number"),
    "bool": "boolean",
    "None": "null",
}
"""The kind of each IR primitive but `object` (anything), as the target spells them."""
Named = dict[tuple[str, str], ClassIR | AliasIR]


def kinds(type_: TypeIR, named: Named) -> list[str] | None:
    """The JavaScript kinds (`typeof`, with `array` and `null` told apart) a value of the
    type may have at run time, as its TypeScript spelling declares; None for any."""
    if isinstance(type_, PrimitiveType):
        if type_.name == "object":
            return None
        return [_KINDS[type_.name]]
    if isinstance(type_, (ConstrainedType, ConstType)):
        return kinds(type_.base, named)
    if isinstance(type_, (ListType, TupleType)):
        return ["array"]
    if isinstance(type_, DictType):
        return ["object"]
    if isinstance(type_, LiteralType):
        return sorted({kind_of(value) for value in type_.values})
    if isinstance(type_, ClassType):
        found = named.get((type_.name, type_.module))
        if isinstance(found, AliasIR):
            inner = kinds(found.type, named)
            return None if inner is None else sorted({*inner, *(["null"] if found.nullable else [])})
        return ["object"]
    if isinstance(type_, UnionType):
        union: set[str] = set()
        for member in type_.members:
            inner = kinds(member, named)
            if inner is None:
                return None
            union |= set(inner)
        return sorted(union)
    return None


def kind_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "string" if isinstance(value, str) else "number"


def field_kinds(field: FieldIR, named: Named) -> list[str] | None:
    """What a response field may hold: its type's kinds, and null where the TypeScript
    property says `| null`."""
    found = kinds(field.type, named)
    return None if found is None else sorted({*found, *(["null"] if field.nullable else [])})


def ts_shape(type_: TypeIR | None, named: Named) -> dict[str, list[str] | None] | None:
    """The wire fields the TypeScript interface of a response (or page item) declares, with
    their kinds; None when the type is not one interface."""
    found = named.get((type_.name, type_.module)) if isinstance(type_, ClassType) else None
    if not isinstance(found, ClassIR):
        return None
    return {field.wire_name: field_kinds(field, named) for field in found.fields}


_JSON_KINDS = {"integer": "number", "number": "number", "string": "string", "boolean": "boolean", "null": "null"}


def spec_kinds(schema: Any, root: dict[str, Any]) -> list[str] | None:
    """The JavaScript kinds the spec's own schema admits, read from the spec (not the IR)."""
    schema = resolve(schema, root)
    declared = schema.get("type")
    names = declared if isinstance(declared, list) else [declared] if isinstance(declared, str) else []
    if not names:
        return None
    found = {_JSON_KINDS.get(name, name) for name in names}  # `array` and `object` are kinds as they are
    if schema.get("nullable") or None in schema.get("enum", ()):
        found.add("null")
    return sorted(found)


def resolve(schema: Any, root: dict[str, Any]) -> dict[str, Any]:
    """The schema a `$ref` (to this document) points at."""
    seen = 0
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 50:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        schema, seen = target, seen + 1
    return schema if isinstance(schema, dict) else {}


def spec_properties(schema: Any, root: dict[str, Any]) -> dict[str, Any]:
    schema = resolve(schema, root)
    found = dict(schema.get("properties", {}))
    for part in schema.get("allOf", ()):
        found.update(spec_properties(part, root))
    return found


def shape(ts: dict[str, list[str] | None] | None, schema: Any, root: dict[str, Any]) -> dict[str, Any] | None:
    """Each field of an answer, as the TypeScript interface (`ts`) and the spec (`spec`)
    declare it; a side that does not declare the field leaves its key out."""
    if ts is None:
        return None
    properties = spec_properties(schema, root)
    return {
        name: {
            **({"ts": ts[name]} if name in ts else {}),
            **({"spec": spec_kinds(properties[name], root)} if name in properties else {}),
        }
        for name in sorted({*ts, *properties})
    }


def response_schema(document: dict[str, Any], operation: OperationIR) -> Any:
    """The spec's JSON schema of the operation's success answer."""
    parts = [p.replace("~1", "/").replace("~0", "~") for p in operation.pointer.split("/")[1:]]
    responses = document["paths"][parts[1]][parts[2]]["responses"]
    for status in ("200", "201"):
        content = resolve(responses.get(status, {}), document).get("content", {})
        if "application/json" in content:
            return content["application/json"].get("schema", {})
    return {}


def item_schema(schema: Any, items: list[str], root: dict[str, Any]) -> Any:
    for name in items:
        schema = spec_properties(schema, root).get(name, {})
    return resolve(schema, root).get("items", {})


def call_plan(api: ApiIR, document: dict[str, Any], base_url: str) -> dict[str, Any]:
    """Every GET operation as the node test calls it: the TypeScript attribute path and method
    (the target's spelling), the positional path arguments, the params object of the required
    parameters, the path the request must reach, and the declared shape of the answer."""
    named: Named = {(d.name, m.module): d for m in api.models for d in m.definitions}
    operations = []
    for top in api.resources:
        for resource in top.walk():
            for operation in resource.operations:
                if operation.http_method == "get":
                    operations.append(planned(resource.path, operation, document, named))
    return {"baseURL": base_url, "account": ACCOUNT, "operations": operations}


def planned(
    attributes: tuple[str, ...],
    operation: OperationIR,
    document: dict[str, Any],
    named: Named,
) -> dict[str, Any]:
    values = arguments(document, operation)
    path_params = [p for p in operation.parameters if p.location == "path"]
    path = operation.path
    for param in path_params:
        path = path.replace("{" + param.wire_name + "}", quote(str(values[param.name]), safe=""))
    paging = operation.pagination
    items = list(paging.items_wire) if paging and operation.response else None
    params = {name: value for name, value in values.items() if name not in {p.name for p in path_params}}
    schema = response_schema(document, operation)
    item_type = paging.item_type if paging and items is not None else None
    return {
        "name": ".".join((*attributes, operation.name)),
        "resource": [client_attribute(attributes[0]), *(camel_case(a, member=True) for a in attributes[1:])],
        "method": camel_case(operation.name, member=True),
        "args": [values[p.name] for p in path_params],
        "params": params or None,
        "path": path,
        "pages": items is not None,
        "items": items,
        "shape": shape(ts_shape(operation.response, named), schema, document),
        "itemShape": shape(ts_shape(item_type, named), item_schema(schema, items or [], document), document),
        # The spec's only answers are redirects (a media file's URL): the client reports the 3xx.
        "redirect": not success_statuses(document, operation) & {"200", "201"},
    }


def compile_package(package: Path, out: Path) -> Path:
    """The package compiled to JavaScript under `out/dist`, loadable as ES modules."""
    dist = out / "dist"
    build = [str(TSC), "-p", str(package), "--outDir", str(dist), "--declaration", "false"]
    result = subprocess.run(build, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-5000:]
    shutil.copy(package / "package.json", out / "package.json")  # "type": "module" for dist/
    return dist


def failed_tests(tap: str) -> list[str]:
    """The TAP report of each failed test: its `not ok` line and its YAML block."""
    blocks = re.split(r"^(?=# Subtest: )", tap, flags=re.MULTILINE)
    return [block for block in blocks if re.search(r"^not ok ", block, flags=re.MULTILINE)]


@pytest.fixture(scope="module")
def twilio(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ApiIR]:
    if not SPEC.is_file():
        pytest.skip(f"the shared Twilio corpus is not at {SPEC}")
    require_tools()
    from sdkgen.pipeline import build

    root = tmp_path_factory.mktemp("twilio_typescript")
    package = write_package(SPEC, PACKAGE, root / "generated")
    api, _ = build(SPEC, PACKAGE)
    return compile_package(package, root), api


def test_every_get_of_the_typescript_client_passes_prism(twilio: tuple[Path, ApiIR], tmp_path: Path) -> None:
    dist, api = twilio
    document = yaml.load(SPEC.read_text(), Loader=yaml.CSafeLoader)
    # Without --errors, as the Python sweep: Prism's answers break the spec here and there (a
    # `first_page_uri` that is no URI), which would become 500s; it lists them in a header.
    with running_prism(SPEC, errors=False) as url:
        plan = call_plan(api, document, url)
        (tmp_path / "plan.json").write_text(json.dumps(plan))
        env = {**os.environ, "SDK_DIST": dist.as_uri(), "PLAN": str(tmp_path / "plan.json")}
        for name in ("TWILIO_API_SDK_USERNAME", "TWILIO_API_SDK_PASSWORD", "TWILIO_API_SDK_BASE_URL"):
            env.pop(name, None)
        command = ["node", "--test", "--test-reporter=tap", str(NODE_TEST)]
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    output = result.stdout
    assert result.returncode == 0, "\n".join(failed_tests(output))[-8000:] + result.stderr[-2000:]
    gets = plan["operations"]
    assert f"# pass {len(gets) + EXTRA_TESTS}" in output and "# fail 0" in output, output[-2000:]
    pages = sum(op["pages"] for op in gets)
    redirects = sum(op["redirect"] for op in gets)
    assert len(gets) > 50 and pages > 20  # the sweep is the API's, not a handful
    summary = [line for line in output.splitlines() if "sweep:" in line]
    print(
        f"\nTwilio api_v2010 TypeScript client against Prism: {len(gets)} GETs, {pages} paged lists, "
        f"{redirects} answered only by a redirect; {' '.join(summary)}"
    )
