"""Run sdkgen over the shared corpus (../shared/corpus): which specs generate a package that
imports, which are refused and with what message, and what warnings each gives.

Used by tests/test_corpus.py; also a script (`python -m tests.corpus`) that prints the table.
Generation runs in forked worker processes (the parent has imported sdkgen once); each
worker writes its packages into a temporary folder and imports them, a batch at a time, in
two fresh interpreters: the first imports each package and every module
`pkgutil.walk_packages` finds in it, in that order; the second imports the same modules in
the reverse order (the last module first), so that an import cycle shows whichever of its
modules a caller happens to import first.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sdkgen.errors import SpecError
from sdkgen.pipeline import generate_files, write

from .conftest import SHARED

CORPUS = SHARED / "corpus"
SUFFIXES = (".yaml", ".yml", ".json")
_ROOT_KEY = re.compile(r'^\s*"?openapi"?\s*:', re.MULTILINE)

IMPORT_FORWARD = """
import importlib, json, pkgutil, sys
results = {}
for name in sys.argv[1:]:
    walked = []
    try:
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(package.__path__, name + "."):
            walked.append(info.name)
            importlib.import_module(info.name)
        results[name] = {"error": None, "modules": walked}
    except BaseException as exc:
        results[name] = {"error": f"{type(exc).__name__}: {exc}", "modules": walked}
print(json.dumps(results))
"""
"""Each package named on the command line, then every module of it in walk order."""

IMPORT_REVERSED = """
import importlib, json, sys
results = {}
for name, modules in json.loads(sys.stdin.read()).items():
    try:
        for module in reversed(modules):
            importlib.import_module(module)
        results[name] = None
    except BaseException as exc:
        results[name] = f"{type(exc).__name__}: {exc}"
print(json.dumps(results))
"""
"""The modules of each package (a JSON map on standard input), the last walked first."""


@dataclass
class Outcome:
    spec: str
    """The spec's path relative to the corpus folder."""
    package: str
    refused: str | None = None
    """The first error's message when the spec was refused."""
    located: bool = True
    """Whether every error named a file and a line."""
    crashed: str | None = None
    """An exception other than `SpecError`: a bug in sdkgen."""
    import_error: str | None = None
    modules: int = 0
    """How many modules the import walk found (when the package imported)."""
    warnings: list[str] = field(default_factory=list)


def corpus_specs() -> list[Path]:
    """Every description in the corpus: the files of the peers' suites (a file in a subfolder
    only when it is a root document, not a fragment another file refers to), every Twilio
    API and the bundled DigitalOcean one (its multi-file root is tests/test_digitalocean_spec.py's)."""
    specs = sorted((CORPUS / "twilio").glob("*.yaml"))
    specs.append(CORPUS / "digitalocean" / "DigitalOcean-public.v2.bundled.yaml")
    specs += sorted((CORPUS / "apis").glob("*.yaml"))
    specs += sorted(p for p in (CORPUS / "openapi-python-client").rglob("*") if p.suffix in SUFFIXES)
    peer = CORPUS / "datamodel-code-generator" / "tests" / "data" / "openapi"
    for path in sorted(peer.rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file():
            continue
        if path.parent == peer or _ROOT_KEY.search(path.read_text(encoding="utf-8", errors="replace")):
            specs.append(path)
    return specs


def package_name(spec: Path) -> str:
    relative = spec.relative_to(CORPUS).with_suffix("")
    first, *rest = relative.parts
    prefix = {"twilio": "tw", "digitalocean": "do", "apis": "api", "openapi-python-client": "opc"}.get(first, "dcg")
    tail = "_".join(p for p in rest if p not in ("tests", "data", "openapi", "end_to_end_tests"))
    return f"{prefix}_" + re.sub(r"\W+", "_", tail).strip("_").lower()


def _generate_batch(specs: list[str], workdir: str) -> list[Outcome]:
    out = Path(workdir)
    outcomes = []
    # As `sdkgen generate` does (cli.py): no cyclic collector walking the parsed spec and the
    # IR over and over (seconds on GitHub's); what a spec left behind goes after it.
    gc.disable()
    for text in specs:
        spec = Path(text)
        outcome = Outcome(str(spec.relative_to(CORPUS)), package_name(spec))
        try:
            generated = generate_files(spec, outcome.package)
            write(out / outcome.package, generated, force=False)
            outcome.warnings = [f"{w.message} at {w.location.pointer}" for w in generated.warnings]
        except SpecError as exc:
            first = exc.diagnostics[0]
            outcome.refused = first.message
            outcome.located = all(d.location.line is not None for d in exc.diagnostics)
        except RecursionError as exc:
            outcome.crashed = f"RecursionError: {exc}"
        except Exception as exc:
            outcome.crashed = f"{type(exc).__name__}: {exc}"
        outcomes.append(outcome)
        gc.collect()
    generated_ok = [o for o in outcomes if o.refused is None and o.crashed is None]
    if generated_ok:
        _import_all(out, generated_ok)
    return outcomes


def _import_all(out: Path, outcomes: list[Outcome]) -> None:
    """Set each outcome's `import_error`: every module imported in walk order in one fresh
    interpreter, then (for the packages that passed) in the reverse order in another."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(str(out / o.package / "python") for o in outcomes),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [sys.executable, "-c", IMPORT_FORWARD, *(o.package for o in outcomes)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    forward = json.loads(result.stdout) if result.returncode == 0 else {}
    walked = {}
    for o in outcomes:
        found = forward.get(o.package)
        if found is None:
            o.import_error = result.stderr[-2000:] or "the import process failed"
        elif found["error"] is not None:
            o.import_error = found["error"]
        else:
            walked[o.package] = found["modules"]
            o.modules = len(found["modules"])
    if not walked:
        return
    command = [sys.executable, "-c", IMPORT_REVERSED]
    result = subprocess.run(command, input=json.dumps(walked), capture_output=True, text=True, env=env, timeout=600)
    backward = json.loads(result.stdout) if result.returncode == 0 else {}
    for o in outcomes:
        if o.package in walked:
            error = backward.get(o.package, result.stderr[-2000:] or "the import process failed")
            o.import_error = None if error is None else f"in reverse order: {error}"


def run_corpus(workdir: Path, specs: list[Path] | None = None, workers: int | None = None) -> list[Outcome]:
    """Generate and import every spec; packages stay in `workdir/<package>/python`."""
    specs = corpus_specs() if specs is None else specs
    workers = workers or min(os.cpu_count() or 1, 4)
    # The big ones first, each in a batch of its own; then the small ones in batches.
    ordered = sorted(specs, key=lambda p: -p.stat().st_size)
    big = [p for p in ordered if p.stat().st_size > 200_000]
    small = [p for p in ordered if p.stat().st_size <= 200_000]
    batches = [[p] for p in big] + [small[i :: workers * 4] for i in range(workers * 4)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(_generate_batch, [str(p) for p in batch], str(workdir)) for batch in batches if batch]
        outcomes = [o for f in futures for o in f.result()]
    return sorted(outcomes, key=lambda o: o.spec)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = run_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tmp))
    for o in outcomes:
        status = (
            f"CRASH {o.crashed}"
            if o.crashed
            else f"REFUSED {o.refused}"
            if o.refused
            else f"IMPORT {o.import_error}"
            if o.import_error
            else "ok"
        )
        print(f"{o.spec}\t{status[:300]}\t{len(o.warnings)} warnings\t{o.modules} modules")
        for w in o.warnings:
            print(f"    W {w[:200]}")


if __name__ == "__main__":
    main()
