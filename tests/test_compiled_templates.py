"""Templates compile once: kept compiled in the cache folder, and loaded before workers fork."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import jinja2
from sdkgen.targets.render import _CompiledTemplates

from tests.conftest import ROOT

# Logs each template Jinja compiles from source (and the process that compiles it), then runs `body`.
_COUNTING = """
import json, os, sys
from pathlib import Path
import jinja2
def log(*words):
    with open(os.environ["COMPILE_LOG"], "a") as f:
        print(os.getpid(), *words, file=f)
_compile = jinja2.Environment.compile
def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
    if not raw:
        log("compiled", name)
    return _compile(self, source, name, filename, raw, defer_init)
jinja2.Environment.compile = counting
log("main")
"""


def run(body: str, cache: Path, log: Path | None = None) -> list[list[str]]:
    """What `body` logged: `[pid, "main"]` first, then `[pid, "compiled", template]` or `[pid, "worker"]`."""
    script = _COUNTING + textwrap.dedent(body)
    log = log or cache.parent / "compile.log"
    log.unlink(missing_ok=True)
    env = {"SDKGEN_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "COMPILE_LOG": str(log)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return [line.split() for line in log.read_text().splitlines()]


def compiled(log: list[list[str]]) -> list[str]:
    return [entry[2] for entry in log if entry[1] == "compiled"]


LOAD = """
from sdkgen.targets.render import load_templates, render
load_templates(Path(os.environ["SDKGEN_CACHE_DIR"]))
class Api:
    version = "1.2.3"
assert "1.2.3" in render("python/package/_version.py.jinja", api=Api(), source_name="x.yaml")
"""


def test_a_second_run_compiles_no_template(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    templates = sorted(p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*.jinja"))
    assert sorted(compiled(run(LOAD, cache))) == templates
    assert compiled(run(LOAD, cache)) == []


def test_a_damaged_entry_is_compiled_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run(LOAD, cache)
    entries = sorted((cache / "templates").rglob("*.cache"))
    assert entries
    magic = entries[0].read_bytes()[: len(jinja2.bccache.bc_magic)]
    entries[0].write_bytes(magic + b"not a pickle")
    assert len(compiled(run(LOAD, cache))) == 1
    assert compiled(run(LOAD, cache)) == []


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert compiled(run(LOAD, blocked / "cache", tmp_path / "compile.log"))  # compiled, rendered, and no error


def test_a_changed_template_is_compiled_again(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    template = tmp_path / "t" / "greeting.jinja"

    def rendered() -> str:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(tmp_path / "t")),
            bytecode_cache=_CompiledTemplates(str(tmp_path)),
        )
        return env.get_template("greeting.jinja").render(name="x")

    template.write_text("hello {{ name }}")
    assert rendered() == "hello x"
    assert rendered() == "hello x"
    template.write_text("goodbye {{ name }}")
    assert rendered() == "goodbye x"


def test_forked_workers_compile_no_template(tmp_path: Path) -> None:
    schemas = {
        f"Thing{i}": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}
        for i in range(160)
    }
    spec = tmp_path / "spec.json"
    spec.write_text(
        json.dumps(
            {
                "openapi": "3.1.0",
                "info": {"title": "t", "version": "1"},
                "paths": {},
                "components": {"schemas": schemas},
            }
        )
    )
    body = f"""
    from sdkgen.pipeline import generate_files
    from sdkgen.targets.python import parallel
    _render_share = parallel._render_share
    def share(share, shares):
        log("worker")
        return _render_share(share, shares)
    parallel._render_share = share
    generated = generate_files(Path({str(spec)!r}), "things_sdk", jobs=2)
    assert any(path.endswith("/thing159.py") for path in generated.files)
    """
    log = run(body, tmp_path / "cache")
    main = log[0][0]
    workers = {entry[0] for entry in log if entry[1] == "worker"}
    assert len(workers) == 2 and main not in workers
    assert compiled(log)  # an empty cache: the main process compiled them all, before forking
    assert {entry[0] for entry in log if entry[1] == "compiled"} == {main}
