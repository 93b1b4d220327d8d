"""Every spec of the shared corpus that generates Python generates a TypeScript package that
passes `tsc --strict` and `prettier --check`; the specs it refuses are the Python target's
refusals (tests/test_corpus.py's REFUSED), for the same reasons.

How it stays inside CI's budget: the packages are generated in forked workers (TypeScript
only, nothing imported), then ONE `tsc --noEmit` program holds every package (each is its
own tree of relative modules; one program parses the lib files once, not 394 times) with
the compiler options the packages ship with, while prettier checks the files in parallel,
one process a core. Each error is told to its package by its folder. Measured alone, on
the 2-core machine: generation about 45 CPU-seconds, tsc about 25 (1.9 GB at its peak),
prettier about 75 (its halves run beside tsc); the whole file 98 s of wall time and 156
CPU-seconds (medians of 3 runs, a load average of 4 from other work) for 394 packages and
26,790 files. `SDKGEN_TYPESCRIPT_CORPUS=sample` checks only SAMPLE (the four APIs the issue names
and one of each kind of spec), for a quick run by hand.

TypeScript and prettier come from `make typescript`; without them these tests skip (fail
with SDKGEN_REQUIRE_TYPESCRIPT)."""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import re
import subprocess
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from sdkgen.errors import SpecError
from sdkgen.pipeline import generate_files

from .corpus import CORPUS, corpus_specs, package_name
from .test_corpus import REFUSED
from .test_typescript_target import PRETTIER, TSC, require_tools

NAMED = {
    "digitalocean/DigitalOcean-public.v2.bundled.yaml",
    "twilio/twilio_api_v2010.yaml",
    "apis/stripe.yaml",
    "apis/github_github_v3.yaml",
}
"""The APIs the issue names: each must generate and pass both checks."""

SAMPLE = NAMED | {
    "apis/docusign_esign_v2.1.yaml",  # Swagger 2.0
    "apis/hubspot_crm.lists_v3.yaml",  # recursive unions across modules
    "apis/slack_web_1.7.0.yaml",
    "twilio/twilio_messaging_v1.yaml",
    "openapi-python-client/end_to_end_tests/baseline_openapi_3.1.yaml",
    "datamodel-code-generator/tests/data/openapi/discriminator.yaml",
    "datamodel-code-generator/tests/data/openapi/nullable.yaml",
    *(f"datamodel-code-generator/tests/data/openapi/{name}" for name in ("not.json", "refs.yaml")),  # refused
}
"""What `SDKGEN_TYPESCRIPT_CORPUS=sample` checks."""


@dataclass
class Generated:
    spec: str
    """The spec's path relative to the corpus folder."""
    package: str
    refused: str | None = None
    crashed: str | None = None


def _generate_batch(specs: list[str], workdir: str) -> list[Generated]:
    """Each spec's TypeScript package, written to `workdir/<package>/typescript`."""
    gc.disable()  # as `sdkgen generate` does; what a spec left behind goes after it
    outcomes = []
    for text in specs:
        spec = Path(text)
        outcome = Generated(str(spec.relative_to(CORPUS)), package_name(spec))
        try:
            generated = generate_files(spec, outcome.package, targets=("typescript",), jobs=1)
            for path, data in generated.files.items():
                if path.startswith("typescript/"):
                    target = Path(workdir) / outcome.package / path
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
        except SpecError as exc:
            outcome.refused = exc.diagnostics[0].message
        except Exception as exc:
            outcome.crashed = f"{type(exc).__name__}: {exc}"
        outcomes.append(outcome)
        gc.collect()
    return outcomes


def generate_corpus(workdir: Path, specs: list[Path], workers: int) -> list[Generated]:
    # The big ones first, one a task; then the small ones in batches (as tests/corpus.py).
    ordered = sorted(specs, key=lambda p: -p.stat().st_size)
    batches = [[p] for p in ordered if p.stat().st_size > 200_000]
    small = [p for p in ordered if p.stat().st_size <= 200_000]
    batches += [small[i :: workers * 4] for i in range(workers * 4)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(_generate_batch, [str(p) for p in batch], str(workdir)) for batch in batches if batch]
        return sorted((o for f in futures for o in f.result()), key=lambda o: o.spec)


def program_config(workdir: Path, packages: list[str]) -> dict[str, object]:
    """One tsconfig over every package, with the compiler options the packages ship with
    (all alike: the target writes one tsconfig), checking without emitting."""
    shipped = {(workdir / p / "typescript" / "tsconfig.json").read_text() for p in packages}
    assert len(shipped) == 1, "the packages ship different tsconfig.json files"
    options = json.loads(shipped.pop())["compilerOptions"]
    for emitting in ("declaration", "rootDir", "outDir"):
        options.pop(emitting, None)
    return {
        "compilerOptions": {**options, "noEmit": True, "types": []},
        "include": [f"{p}/typescript/src/**/*.ts" for p in packages],
    }


@dataclass
class Checks:
    outcomes: list[Generated]
    tsc: subprocess.CompletedProcess[str]
    prettier: list[subprocess.CompletedProcess[str]]


def run_checks(
    workdir: Path, packages: list[str], workers: int
) -> tuple[subprocess.CompletedProcess[str], list[subprocess.CompletedProcess[str]]]:
    """tsc over one program of every package, beside prettier over a share of the packages
    a core; each as it finished."""
    (workdir / "tsconfig.json").write_text(json.dumps(program_config(workdir, packages)))
    tsc = subprocess.Popen(
        [str(TSC), "-p", str(workdir), "--pretty", "false"], cwd=workdir, stdout=subprocess.PIPE, text=True
    )
    shares = [packages[i::workers] for i in range(workers)]
    prettiers = [
        subprocess.Popen(
            [str(PRETTIER), "--check", *(f"{p}/typescript" for p in share)],
            cwd=workdir,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for share in shares
        if share
    ]
    finished = []
    for process in [tsc, *prettiers]:
        output, _ = process.communicate(timeout=900)
        finished.append(subprocess.CompletedProcess(process.args, process.returncode, output or "", ""))
    return finished[0], finished[1:]


def chosen_specs() -> list[Path]:
    specs = corpus_specs()
    if os.environ.get("SDKGEN_TYPESCRIPT_CORPUS") == "sample":
        specs = [s for s in specs if str(s.relative_to(CORPUS)) in SAMPLE]
    return specs


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    if not (CORPUS / "twilio").is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    require_tools()
    workdir = tmp_path_factory.mktemp("typescript_corpus")
    workers = min(os.cpu_count() or 1, 4)
    outcomes = generate_corpus(workdir, chosen_specs(), workers)
    packages = [o.package for o in outcomes if o.refused is None and o.crashed is None]
    tsc, prettier = run_checks(workdir, packages, workers)
    return Checks(outcomes, tsc, prettier)


def test_every_spec_generates_typescript_or_is_refused_as_python_refuses_it(checked: Checks) -> None:
    problems = []
    for outcome in checked.outcomes:
        reason = REFUSED.get(outcome.spec)
        if outcome.crashed:
            problems.append(f"{outcome.spec}: crashed: {outcome.crashed}")
        elif outcome.refused is not None and (reason is None or not outcome.refused.startswith(reason)):
            problems.append(f"{outcome.spec}: refused, not as the Python target is: {outcome.refused}")
        elif outcome.refused is None and reason is not None:
            problems.append(f"{outcome.spec}: the Python target refuses it ({reason}), TypeScript generates")
    assert problems == []
    generated = {o.spec for o in checked.outcomes if o.refused is None}
    assert NAMED <= generated
    if len(checked.outcomes) > len(SAMPLE):  # the whole corpus: the count test_corpus.py holds
        assert len(generated) == len(corpus_specs()) - len(REFUSED)
    print(f"\nTypeScript: {len(generated)} packages generated, {len(checked.outcomes) - len(generated)} refused")


def by_package(lines: list[str], outcomes: list[Generated]) -> dict[str, list[str]]:
    """The lines that name a file of a package, by the package's spec."""
    specs = {o.package: o.spec for o in outcomes}
    found: dict[str, list[str]] = {}
    for line in lines:
        head = re.sub(r"^\[\w+\] ", "", line).split("/", 1)[0]
        if head in specs:
            found.setdefault(specs[head], []).append(line)
    return found


def test_every_package_passes_tsc_strict(checked: Checks) -> None:
    """One `tsc --noEmit --strict` program over every package."""
    output = checked.tsc.stdout
    errors = [line for line in output.splitlines() if ": error TS" in line]
    failing = by_package(errors, checked.outcomes)
    report = [f"{spec}: {len(lines)} errors, first: {lines[0]}" for spec, lines in sorted(failing.items())]
    assert report == [], "\n".join(report)
    assert checked.tsc.returncode == 0, output[-5000:]  # an error no package owns (the config's)
    assert errors == []


def test_every_package_is_what_prettier_prints(checked: Checks) -> None:
    output = "\n".join(result.stdout for result in checked.prettier)
    unformatted = [line for line in output.splitlines() if line.startswith("[warn] ") and "/" in line]
    failing = by_package(unformatted, checked.outcomes)
    report = [f"{spec}: {len(lines)} files, first: {lines[0]}" for spec, lines in sorted(failing.items())]
    assert report == [], "\n".join(report)
    assert all(result.returncode == 0 for result in checked.prettier), output[-5000:]
    assert output.count("All matched files use Prettier code style!") == len(checked.prettier)
