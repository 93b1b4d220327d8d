"""The TypeScript target: its packages compile under `tsc --strict`, are what prettier prints,
and the generated client behaves on the wire (`node --test` against a loopback server).

TypeScript and prettier come from npm like Prism: `make typescript` installs them under
`.tools/typescript`; without them these tests skip (fail with SDKGEN_REQUIRE_TYPESCRIPT)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sdkgen.pipeline import generate_files

from .conftest import GOLDEN, ROOT, SHARED, golden_cases

TOOLS = ROOT / ".tools" / "typescript" / "node_modules" / ".bin"
TSC = TOOLS / "tsc"
PRETTIER = TOOLS / "prettier"

SPECS = {
    "shared": ROOT / "schemas" / "shared.yaml",
    "digitalocean": SHARED / "corpus" / "digitalocean" / "DigitalOcean-public.v2.bundled.yaml",
    "twilio": SHARED / "corpus" / "twilio" / "twilio_api_v2010.yaml",
    "runtime_names": ROOT / "tests" / "typescript" / "runtime_names.yaml",
    # Every golden spec but the one whose case replaces templates (`user_templates`).
    **{case: GOLDEN / case / "spec.yaml" for case in golden_cases() if case != "user_templates"},
}


def require_tools() -> None:
    if TSC.exists() and PRETTIER.exists() and shutil.which("node"):
        return
    if os.environ.get("SDKGEN_REQUIRE_TYPESCRIPT"):
        pytest.fail(f"TypeScript and prettier are not installed in {TOOLS}: run `make typescript`")
    pytest.skip("TypeScript and prettier are not installed: `make typescript` installs them")


def write_package(spec: Path, package: str, root: Path) -> Path:
    generated = generate_files(spec, package, targets=("typescript",), jobs=1)
    assert not any(path.startswith("python/") for path in generated.files)
    for path, data in generated.files.items():
        if path.startswith("typescript/"):
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return root / "typescript"


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require_tools()
    root = tmp_path_factory.mktemp("typescript")
    found = {name: spec for name, spec in SPECS.items() if spec.is_file()}
    return {name: write_package(spec, f"{name}_sdk", root / name) for name, spec in found.items()}


def test_package_layout(packages: dict[str, Path]) -> None:
    package = packages["shared"]
    manifest = json.loads((package / "package.json").read_text())
    assert manifest["name"] == "shared-sdk"
    assert manifest["type"] == "module"
    assert manifest["exports"]["."]["types"] == "./dist/index.d.ts"
    assert manifest["types"] == "./dist/index.d.ts"
    assert "dependencies" not in manifest  # zero runtime dependencies
    for name in ("tsconfig.json", "README.md", "src/index.ts", "src/client.ts", "src/core.ts", "src/errors.ts"):
        assert (package / name).is_file(), name


def test_types_read_as_the_spec_says(packages: dict[str, Path]) -> None:
    droplet = (packages["shared"] / "src" / "types" / "droplet.ts").read_text()
    assert "export interface Droplet {" in droplet
    assert "  id: number;" in droplet  # required
    assert "  vpc_uuid?: string;" in droplet  # not required
    firewall = (packages["shared"] / "src" / "types" / "firewall.ts").read_text()
    assert "  readonly id?: string;" in firewall  # readOnly
    assert '  readonly status?: "waiting" | "succeeded" | "failed";' in firewall  # an enum
    enums = (packages["enums"] / "src" / "types").glob("*.ts")
    assert any(' | "' in path.read_text() for path in enums)  # string-literal unions


def test_resource_classes_named_like_runtime_types(packages: dict[str, Path]) -> None:
    """A resource class `Stream` or `Response` takes its name; the runtime's type goes by
    another in its module (tsc and prettier hold the package like every other)."""
    resources = packages["runtime_names"] / "src" / "resources"
    stream = (resources / "stream.ts").read_text()
    assert 'import type { Stream as SdkStream } from "../streaming.js";' in stream
    assert "export class Stream {" in stream and "APIPromise<SdkStream<" in stream
    response = (resources / "response.ts").read_text()
    assert "export class Response {" in response and "APIPromise<globalThis.Response>" in response


def test_every_package_passes_tsc_strict(packages: dict[str, Path], tmp_path: Path) -> None:
    """One `tsc --noEmit --strict` over all the packages: each is its own tree of modules."""
    config = {
        "compilerOptions": {
            "target": "ES2022",
            "module": "NodeNext",
            "moduleResolution": "NodeNext",
            "lib": ["ES2022", "DOM", "DOM.Iterable"],
            "strict": True,
            "noEmit": True,
            "skipLibCheck": True,
        },
        "files": [str(path) for package in packages.values() for path in sorted((package / "src").rglob("*.ts"))],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(config))
    result = subprocess.run([str(TSC), "-p", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-5000:]


def test_every_package_is_what_prettier_prints(packages: dict[str, Path]) -> None:
    folders = [str(package) for package in packages.values()]
    result = subprocess.run([str(PRETTIER), "--check", *folders], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]


def node_test(package: Path, test_file: str, tmp_path: Path) -> str:
    """Compile `package` into `tmp_path` and run `tests/typescript/<test_file>` against it
    with `node --test`; its TAP output."""
    dist = tmp_path / "dist"
    build = [str(TSC), "-p", str(package), "--outDir", str(dist), "--declaration", "false"]
    result = subprocess.run(build, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-5000:]
    shutil.copy(package / "package.json", tmp_path / "package.json")  # "type": "module" for dist/
    env = {**os.environ, "SDK_DIST": dist.as_uri()}
    env.pop("DIGITALOCEAN_ACCESS_TOKEN", None)
    test = ROOT / "tests" / "typescript" / test_file
    result = subprocess.run(["node", "--test", str(test)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    return result.stdout


def test_wire(packages: dict[str, Path], tmp_path: Path) -> None:
    """The shared.yaml client against a server on 127.0.0.1: calls, auth, retries, logging,
    the in-flight cap, calls of undescribed endpoints, errors, pages."""
    output = node_test(packages["shared"], "wire.test.mjs", tmp_path)
    assert "# pass 13" in output and "# fail 0" in output, output[-2000:]


def test_streams(packages: dict[str, Path], tmp_path: Path) -> None:
    """The shared.yaml client's server-sent events (and JSON Lines) against a loopback server:
    [DONE], comments, split lines, multi-line data, error events, abort and break closing the
    connection, the call's signal, raw responses of a stream."""
    output = node_test(packages["shared"], "streaming.test.mjs", tmp_path)
    assert "# pass 11" in output and "# fail 0" in output, output[-2000:]


def test_runtime_of_the_wire_client(packages: dict[str, Path], tmp_path: Path) -> None:
    """The golden `wire` client: downloads, `withRawResponse()`, the timeout of a whole attempt,
    server variables as client options (defaults, environment, enum check, an operation's server),
    path parameters in the label and matrix styles and exploded."""
    output = node_test(packages["wire"], "runtime.test.mjs", tmp_path)
    assert "# pass 12" in output and "# fail 0" in output, output[-2000:]


def test_bodies_auth_and_parameters_of_the_wire_client(packages: dict[str, Path], tmp_path: Path) -> None:
    """The golden `wire` client sends what the Python client sends (tests/client/test_wire.py):
    each security scheme where the spec says and the next alternative when the first has no
    credentials, a credential given as a (sync or async) function called for each call, a
    client without any credential refused, a form body in its `encoding`
    styles, multipart with a file (else JSON), query parameters in every style, header and
    cookie parameters."""
    bodies = (packages["wire"] / "src" / "resources" / "bodies.ts").read_text()
    assert "  file?: Blob;" in bodies  # a multipart field of `format: binary` takes a file
    output = node_test(packages["wire"], "bodies_auth.test.mjs", tmp_path)
    assert "# pass 11" in output and "# fail 0" in output, output[-2000:]


def test_webhooks_of_the_golden_client(packages: dict[str, Path], tmp_path: Path) -> None:
    """The golden `webhooks` client: a signed webhook posted to a loopback server verified and
    read, the Standard Webhooks reference vector, and each refusal (secret, body, id,
    timestamp, headers, rotation, the secret's sources) as the Python client refuses it."""
    client = (packages["webhooks"] / "src" / "client.ts").read_text()
    assert "readonly webhookEvents: Webhooks;" in client  # the API's own /webhooks kept
    output = node_test(packages["webhooks"], "webhooks.test.mjs", tmp_path)
    assert "# pass 8" in output and "# fail 0" in output, output[-2000:]


def test_wire_of_the_golden_client(packages: dict[str, Path], tmp_path: Path) -> None:
    """The golden case's client: an API key header, no-credential operations, text bodies."""
    output = node_test(packages["typescript_target"], "garden.test.mjs", tmp_path)
    assert "# pass 6" in output and "# fail 0" in output, output[-2000:]


PAGE_IN_AN_ENVELOPE = """
openapi: 3.0.3
info: {title: Search, version: "1"}
paths:
  /results:
    get:
      operationId: listResults
      parameters:
        - {name: after, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  request-id: {type: string}
                  search-result:
                    type: object
                    properties:
                      page-items:
                        type: array
                        items: {type: object, properties: {id: {type: string}}}
                      nextCursor: {type: string}
"""


def test_a_page_s_items_are_found_by_their_wire_names(tmp_path: Path) -> None:
    """The IR carries the items' path by wire names beside the Python one, and the TypeScript
    client reads the JSON by it (no Node needed)."""
    from sdkgen.pipeline import build

    spec = tmp_path / "spec.yaml"
    spec.write_text(PAGE_IN_AN_ENVELOPE)
    api, _ = build(spec, "search_sdk")
    paging = api.operations[0].pagination
    assert paging is not None
    assert paging.items_field == "search_result.page_items"
    assert paging.items_wire == ("search-result", "page-items")
    files = generate_files(spec, "search_sdk", targets=("typescript",), jobs=1).files
    text = files["typescript/src/resources/results.ts"].decode()
    assert 'items: ["search-result", "page-items"],' in text
    assert 'nextField: ["search-result", "nextCursor"],' in text


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    import sys

    command = [sys.executable, "-m", "sdkgen", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_target_option_generates_and_checks_the_typescript_package(tmp_path: Path) -> None:
    spec = GOLDEN / "typescript_target" / "spec.yaml"
    out = tmp_path / "out"
    result = run_cli("generate", str(spec), "-o", str(out), "--target", "typescript", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (out / "typescript" / "package.json").is_file()
    assert not (out / "python").exists()  # only the targets asked for
    assert (out / "docs" / "index.md").is_file()  # the docs come with every run
    assert run_cli("check", str(spec), "-o", str(out), "--target", "typescript", cwd=tmp_path).returncode == 0
    core = out / "typescript" / "src" / "core.ts"
    core.write_text(core.read_text() + "// edited\n")
    checked = run_cli("check", str(spec), "-o", str(out), "--target", "typescript", cwd=tmp_path)
    assert checked.returncode == 1
    assert "typescript/src/core.ts: edited by hand" in checked.stderr
    assert "--target typescript" in checked.stderr  # the generate that brings it up to date


def test_targets_in_pyproject(tmp_path: Path) -> None:
    shutil.copy(GOLDEN / "typescript_target" / "spec.yaml", tmp_path / "spec.yaml")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.sdkgen]\nspec = "spec.yaml"\ntargets = ["typescript", "python"]\n')
    result = run_cli("generate", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "typescript" / "src" / "client.ts").is_file()
    assert (tmp_path / "output" / "python" / "pyproject.toml").is_file()
    assert run_cli("check", cwd=tmp_path).returncode == 0
    pyproject.write_text('[tool.sdkgen]\nspec = "spec.yaml"\ntargets = ["java"]\n')
    refused = run_cli("generate", cwd=tmp_path)
    assert refused.returncode != 0
    assert "targets must be a non-empty list of python, typescript, not ['java']" in refused.stderr
