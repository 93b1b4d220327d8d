"""Hostile input: the generated code still compiles and imports, nothing is evaluated, no
path leaves the output directory, docs show markup as text, and size stays bounded."""

from __future__ import annotations

import http.server
import importlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from .conftest import ROOT

MARKER = "/tmp/sdkgen-pwned"
EVIL = (
    "Quotes \"\"\" and ''' and a backslash \\ and {{ 7*7 }} {% raw %} "
    f"</script><script>alert(1)</script> \x00 nul \x07 bell \u202e RTL-override \u200f "
    f"__import__('os').system('touch {MARKER}') ${{HOME}} `rm -rf /`"
)
NAMES = [
    "../../etc/passwd",
    "__init__",
    "CON",
    "con",
    "Pet",
    "PET",
    "pet",
    "__import__('os')",
    "class",
    "",
    "Ünïcödé Näme",
    "a" * 300,
]


def pointer_part(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def hostile_spec() -> dict[str, object]:
    schemas: dict[str, object] = {}
    for index, name in enumerate(NAMES):
        schemas[name or "empty"] = {
            "type": "object",
            "description": EVIL + " " + ("x" * 100_000 if index == 0 else ""),
            "properties": {
                name or "p": {"type": "string", "description": EVIL, "default": EVIL, "enum": [EVIL, "ok"]},
                EVIL: {"type": "integer", "description": EVIL},
                "from": {"$ref": "#/components/schemas/" + pointer_part(NAMES[(index + 1) % len(NAMES)] or "empty")},
            },
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": EVIL, "version": "1.0.0", "description": EVIL},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {
            "/../../etc/{passwd}": {
                "get": {
                    "operationId": EVIL,
                    "summary": EVIL,
                    "description": EVIL,
                    "parameters": [{"name": "passwd", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {
                        "200": {
                            "description": EVIL,
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CON"}}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }


def run_generate(spec: Path, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sdkgen",
            "generate",
            str(spec),
            "-o",
            str(output),
            "--package",
            "hostile_sdk",
            *extra,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def hostile_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    spec = root / "spec.json"
    spec.write_text(json.dumps(hostile_spec()))
    output = root / "nested" / "output"
    if os.path.exists(MARKER):
        os.remove(MARKER)
    result = run_generate(spec, output)
    assert result.returncode == 0, result.stderr
    return output


def test_no_path_leaves_the_output_directory(hostile_output: Path) -> None:
    written = [p.resolve() for p in hostile_output.parent.parent.rglob("*")]
    outside = [p for p in written if hostile_output.resolve() not in p.parents and p != hostile_output.resolve()]
    assert sorted(p.name for p in outside) == ["nested", "spec.json"]
    modules = sorted(p.name for p in (hostile_output / "python" / "hostile_sdk" / "types" / "shared").iterdir())
    assert "con_.py" in modules and "con.py" not in modules
    assert all(m.isascii() and m.isidentifier() or m == "__init__.py" for m in (n.removesuffix(".py") for n in modules))
    lowered = [m.lower() for m in modules]
    assert len(lowered) == len(set(lowered)), "two modules differ only in case"


def test_the_generated_package_compiles_and_imports_without_running_spec_text(
    hostile_output: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    python_root = hostile_output / "python"
    for module_file in sorted(python_root.rglob("*.py")):
        compile(module_file.read_text(), str(module_file), "exec")
    monkeypatch.syspath_prepend(str(python_root))
    package = importlib.import_module("hostile_sdk")
    for module_file in sorted((python_root / "hostile_sdk").rglob("*.py")):
        parts = module_file.relative_to(python_root).with_suffix("").parts
        importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert not os.path.exists(MARKER), "spec text was executed"
    passwd = package.types.EtcPasswd
    assert passwd.__doc__ is not None and '"""' in passwd.__doc__ and "{{ 7*7 }}" in passwd.__doc__
    assert "\u202e" not in (python_root / "hostile_sdk" / "types" / "shared" / "etc_passwd.py").read_text()
    value = passwd.model_validate({"from": {}})
    assert value.to_dict() == {"from": {}}
    for name in list(sys.modules):
        if name == "hostile_sdk" or name.startswith("hostile_sdk."):
            del sys.modules[name]


def test_the_generated_code_passes_mypy_strict(hostile_output: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(hostile_output / "python" / "hostile_sdk")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_docs_show_markup_as_text(hostile_output: Path) -> None:
    """Rendered as a Markdown viewer would (CommonMark, raw HTML allowed), no tag from the
    spec survives: descriptions escape it, code spans cannot be broken out of."""
    renderer = MarkdownIt("commonmark")
    for page in (hostile_output / "docs").glob("*.md"):
        text = page.read_text()
        assert "\x00" not in text and "\u202e" not in text
        html = renderer.render(text)
        assert "<script" not in html, page.name
        assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/script>&lt;script>alert(1)&lt;/script>" in (hostile_output / "docs" / "models.md").read_text()


def test_a_50_mb_spec_generates_in_bounded_time_and_memory(tmp_path: Path) -> None:
    spec = tmp_path / "big.yaml"
    schemas = "".join(
        f"    Model{i}:\n      type: object\n      description: {'word ' * 20}\n      properties:\n"
        f"        id: {{type: integer}}\n        name: {{type: string}}\n"
        for i in range(200)
    )
    blob = ("  - " + "x" * 1000 + "\n") * 50_000
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Big, version: '1'}\npaths: {}\n"
        f"components:\n  schemas:\n{schemas}x-padding:\n{blob}"
    )
    assert spec.stat().st_size > 50_000_000

    def limit_memory() -> None:
        two_gb = 2 * 1024**3
        resource.setrlimit(resource.RLIMIT_AS, (two_gb, two_gb))

    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "sdkgen", "generate", str(spec), "-o", str(tmp_path / "out"), "--package", "big"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=limit_memory,
    )
    assert result.returncode == 0, result.stderr
    assert "200 models" in result.stdout
    print(f"50 MB spec: {time.monotonic() - started:.1f} s under a 2 GB address-space limit")


# -- remote references -----------------------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "pet.yaml").write_text(
        "type: object\nproperties:\n  owner:\n    $ref: 'owner.yaml'\n  name: {type: string}\n"
    )
    (tmp_path / "models" / "owner.yaml").write_text("type: object\nproperties:\n  email: {type: string}\n")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_remote_refs_are_refused_unless_allowed(served: str, tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Remote, version: '1'}\npaths: {}\n"
        f"components:\n  schemas:\n    Pet:\n      $ref: '{served}/models/pet.yaml'\n"
    )
    refused = run_generate(spec, tmp_path / "out")
    assert refused.returncode == 2
    assert "remote $ref is refused" in refused.stderr and "--allow-remote-refs" in refused.stderr
    allowed = run_generate(spec, tmp_path / "out", "--allow-remote-refs")
    assert allowed.returncode == 0, allowed.stderr
    shared = tmp_path / "out" / "python" / "hostile_sdk" / "types" / "shared"
    assert sorted(p.name for p in shared.glob("*.py")) == ["__init__.py", "owner.py", "pet.py"]
    missing = spec.read_text().replace("pet.yaml", "nothing.yaml")
    spec.write_text(missing)
    failed = run_generate(spec, tmp_path / "out2", "--allow-remote-refs")
    assert failed.returncode == 2 and "cannot fetch remote $ref" in failed.stderr and "404" in failed.stderr


def test_the_html_site_runs_only_its_own_scripts(hostile_output: Path) -> None:
    from .site.html_tree import parse

    pages = sorted((hostile_output / "docs" / "site").rglob("*.html"))
    assert pages
    for page in pages:
        tree = parse(page.read_text())
        for script in tree.find_all("script"):
            source = script.attrs.get("src", "")
            own = source.endswith(("assets/search-index.js", "assets/site.js", "assets/languages.js"))
            assert own or script.text().strip().startswith("try { document.documentElement.dataset.theme"), (
                page.name,
                script.text()[:80],
            )
        for element in tree.iter():
            assert not any(name.startswith("on") for name in element.attrs), (page.name, element.tag)
            assert not element.attrs.get("href", "").lower().startswith("javascript:"), page.name
    index = (hostile_output / "docs" / "site" / "assets" / "search-index.js").read_text()
    assert "</script" not in index.lower()


LONE_SURROGATES = r"""{"openapi": "3.0.0", "info": {"title": "T", "version": "1"}, "paths": {},
 "components": {"schemas": {"Pet": {"type": "object", "description": "half \ud800 a pair",
  "properties": {"name": {"type": "string", "enum": ["a\udc00"]},
                 "ok": {"type": "string", "description": "a whole pair \ud83d\ude00"}}}}}}
"""


def test_a_lone_surrogate_escape_generates_with_a_located_warning(tmp_path: Path) -> None:
    """JSON can escape half a UTF-16 pair, which no UTF-8 file can hold: it becomes U+FFFD
    with a warning at its pointer (it was an internal error, exit 70); a whole pair is the
    character it encodes, and --strict makes the warning fatal. libyaml refuses surrogate
    escapes in YAML, a located error."""
    spec = tmp_path / "spec.json"
    spec.write_text(LONE_SURROGATES, encoding="ascii")
    result = run_generate(spec, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for pointer in ("/components/schemas/Pet/description", "/components/schemas/Pet/properties/name/enum/0"):
        assert f"replaced by U+FFFD\n    at {pointer}" in result.stderr
    assert result.stderr.count("lone surrogate") == 2
    model = (tmp_path / "out" / "python" / "hostile_sdk" / "types" / "shared" / "pet.py").read_text(encoding="utf-8")
    assert "half \ufffd a pair" in model and 'Literal["a\ufffd"]' in model and "\U0001f600" in model
    strict = run_generate(spec, tmp_path / "strict", "--strict")
    assert strict.returncode == 2 and "lone surrogate" in strict.stderr
    as_yaml = tmp_path / "spec.yaml"
    as_yaml.write_text(LONE_SURROGATES, encoding="ascii")  # JSON is YAML, escapes and all
    refused = run_generate(as_yaml, tmp_path / "yaml")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert f"{as_yaml}:2:" in refused.stderr and "invalid YAML" in refused.stderr
