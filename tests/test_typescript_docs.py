"""The docs' TypeScript calls do not lie: every ```typescript block of `docs/resources.md`,
extracted as a reader would copy it, compiles under `tsc --noEmit --strict` against the
TypeScript package generated beside it, and is what prettier prints.

TypeScript and prettier come from `make typescript` (skipped without them, failed with
SDKGEN_REQUIRE_TYPESCRIPT), as in tests/test_typescript_target.py."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from sdkgen.errors import SpecError
from sdkgen.pipeline import generate_files

from .conftest import GOLDEN, ROOT, SHARED
from .test_typescript_target import PRETTIER, TSC, require_tools

SPECS = {
    "shared": ROOT / "schemas" / "shared.yaml",
    "digitalocean": SHARED / "corpus" / "digitalocean" / "DigitalOcean-public.v2.bundled.yaml",
    # Paging of every scheme, multipart files, raw and whole bodies, servers, reserved words.
    **{case: GOLDEN / case / "spec.yaml" for case in ("typescript_target", "client_resources", "pagination", "wire")},
}
if os.environ.get("SDKGEN_TYPESCRIPT_CORPUS"):  # every API of corpus/apis/ and Twilio's main one: minutes
    SPECS |= {"api_" + re.sub(r"\W", "_", p.stem): p for p in sorted((SHARED / "corpus" / "apis").glob("*.yaml"))}
    SPECS["twilio"] = SHARED / "corpus" / "twilio" / "twilio_api_v2010.yaml"
FENCE = re.compile(r"^(`{3,})(\w+)\n(.*?)\n\1$", re.MULTILINE | re.DOTALL)


def fenced(markdown: str, language: str) -> list[str]:
    """The code of every fenced block of `language` in a Markdown text."""
    return [match.group(3) for match in FENCE.finditer(markdown) if match.group(2) == language]


def write_files(files: dict[str, bytes], root: Path) -> None:
    for path, data in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


@pytest.fixture(scope="module")
def snippets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[Path]]]:
    """Each spec's TypeScript package and its docs' snippets, one `.mts` module each (the
    package's name mapped to its sources), written under one folder with one tsconfig."""
    require_tools()
    root = tmp_path_factory.mktemp("typescript-docs")
    found: dict[str, tuple[Path, list[Path]]] = {}
    paths: dict[str, list[str]] = {}
    for name, spec in SPECS.items():
        if not spec.is_file():
            continue
        try:
            generated = generate_files(spec, f"{name}_sdk", targets=("typescript",), jobs=1)
        except SpecError:
            continue  # refused, as the corpus test lists it
        write_files(generated.files, root / name)
        package = json.loads(generated.files["typescript/package.json"])["name"]
        paths[package] = [f"./{name}/typescript/src/index.ts"]
        codes = fenced(generated.files["docs/resources.md"].decode(), "typescript")
        files = []
        for number, code in enumerate(codes):
            path = root / name / "snippets" / f"call_{number}.mts"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(code + "\n")
            files.append(path)
        found[name] = (root / name, files)
    config = {
        "compilerOptions": {
            "target": "ES2022",
            "module": "NodeNext",
            "moduleResolution": "NodeNext",
            "lib": ["ES2022", "DOM", "DOM.Iterable"],
            "strict": True,
            "noEmit": True,
            "skipLibCheck": True,
            "baseUrl": ".",
            "paths": paths,
        },
        "files": [str(path) for _, files in found.values() for path in files],
    }
    (root / "tsconfig.json").write_text(json.dumps(config, indent=2))
    return found


def test_every_method_has_a_typescript_call(snippets: dict[str, tuple[Path, list[Path]]]) -> None:
    for name, (folder, files) in snippets.items():
        markdown = (folder / "docs" / "resources.md").read_text()
        python = fenced(markdown, "python")
        # A method's signature and its example are python blocks; its TypeScript call, one.
        assert len(files) * 2 == len(python) and files, name
        assert all(f.read_text().startswith("import { Client } from ") for f in files)


def test_the_snippets_compile_against_the_generated_package(snippets: dict[str, tuple[Path, list[Path]]]) -> None:
    root = next(iter(snippets.values()))[0].parent
    result = subprocess.run([str(TSC), "-p", str(root)], capture_output=True, text=True, timeout=900)
    errors = [line for line in result.stdout.splitlines() if ": error TS" in line]
    assert result.returncode == 0, "\n".join(errors[:40]) or result.stdout[-5000:]


def test_the_snippets_are_what_prettier_prints(snippets: dict[str, tuple[Path, list[Path]]]) -> None:
    folders = [str(folder / "snippets") for folder, files in snippets.values() if files]
    result = subprocess.run([str(PRETTIER), "--check", *folders], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]


def test_the_docs_show_the_languages_the_run_generates() -> None:
    """Python alone: no TypeScript anywhere in the docs (they stay as they were); Python and
    TypeScript: both, Python's first; TypeScript alone: its call first, Python's after (the
    signatures and argument tables are Python's)."""
    from sdkgen.pipeline import build
    from sdkgen.targets.docs.target import render_docs

    api = build(GOLDEN / "typescript_target" / "spec.yaml", "garden_sdk")[0]
    page = "docs/site/resources/beds-plants.html"
    python = render_docs(api, "spec.yaml", ("python",))
    assert "typescript" not in python["docs/resources.md"].lower()
    assert "docs/site/assets/languages.js" not in python
    assert "TypeScript" not in python[page] and "languages.js" not in python[page]
    both = render_docs(api, "spec.yaml", ("python", "typescript"))
    markdown = both["docs/resources.md"]
    assert markdown.index("```python\nfrom garden_sdk import Client") < markdown.index("```typescript\nimport {")
    assert "Python package: `garden_sdk`; npm package: `garden-sdk`." in both["docs/index.md"]
    tabs = re.findall(r'id="beds-plants-create-tab-(\w+)"[^>]*aria-selected="(\w+)"', both[page])
    assert tabs == [("python", "true"), ("typescript", "false"), ("curl", "false")]
    assert '<script src="../assets/languages.js"></script>' in both[page]
    alone = render_docs(api, "spec.yaml", ("typescript",))
    tabs = re.findall(r'id="beds-plants-create-tab-(\w+)"[^>]*aria-selected="(\w+)"', alone[page])
    assert tabs == [("typescript", "true"), ("python", "false"), ("curl", "false")]
