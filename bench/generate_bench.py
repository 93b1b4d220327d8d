"""Generation speed and memory, side by side with the peers, on the bundled DigitalOcean spec.

    make bench            # all of it (a few minutes)
    make bench RUNS=1     # one run of each, for a quick look

(a) sdkgen, full SDK + docs from scratch (empty output, `--no-cache`; compiled templates
    kept, as Python keeps its bytecode)
(b) sdkgen again with nothing changed
(c) sdkgen after one description changed
(d) datamodel-code-generator: models only, one file, no formatter (`--formatters builtin`)
(e) openapi-python-client: a full client
(f) the floor: `yaml.load` with PyYAML's C loader, alone
(g) the two biggest real APIs of the corpus, GitHub (4 MB) and Stripe (3.7 MB): (a) paired
    with (f) on each, the same way; their a/f printed beside DigitalOcean's (target <= 1.5)
(h) sdkgen with both targets, Python and TypeScript (`--target python --target
    typescript`), from scratch as (a): paired with (a), h/a says what the TypeScript
    target adds to a cold run (target <= 1.30)

Each is a fresh process, timed with its peak RSS (`/usr/bin/time`); the table shows
medians. (a), (d) and (f) run in turn (a d f a d f ...), and a/d and a/f are the medians of
the ratios pair by pair (and (h) with them: h/a), which a machine whose speed drifts (a shared one) moves far less
than a ratio of medians. Then the generated SDK: `import do_api;
do_api.Client(...).droplets`, its CPU and wall time and peak memory, paired with `import
openai; openai.OpenAI(...).chat.completions` when the `openai` package is installed (the
bench extra). Then (a) and (b) at 1x, 2x and
4x copies of the spec's schemas, to show cost grows linearly. Not a test: nothing here
asserts a time.
"""

from __future__ import annotations

import compileall
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SDKGEN_SHARED_DIR", ROOT.parent / "shared"))
BUNDLE = SHARED / "corpus" / "digitalocean" / "DigitalOcean-public.v2.bundled.yaml"
BIG_APIS = {
    "GitHub": SHARED / "corpus" / "apis" / "github_github_v3.yaml",
    "Stripe": SHARED / "corpus" / "apis" / "stripe.yaml",
}
"""The biggest real APIs besides DigitalOcean, each paired with its own parse as (a) with (f)."""
BOTH_TARGETS = ("--target", "python", "--target", "typescript")
"""(h): the Python SDK and the TypeScript one from one run."""
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("RUNS", "3"))


def measure(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MB and the exit code of one run."""
    timing = Path(tempfile.mktemp(suffix=".time"))
    result = subprocess.run(
        ["/usr/bin/time", "-o", str(timing), "-f", "%e %M", *command],
        env={**os.environ, **(env or {})},
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds, kilobytes = timing.read_text().split()[-2:]
    timing.unlink()
    if result.returncode != 0:
        print(f"  ! {' '.join(command[:3])}... exited {result.returncode}: {result.stderr.strip()[-300:]}")
    return float(seconds), int(kilobytes) // 1024, result.returncode


def median_of(label: str, run: Any) -> tuple[float, int]:
    return summary(label, [run() for _ in range(RUNS)])


def summary(label: str, samples: list[tuple[float, int, int]]) -> tuple[float, int]:
    seconds = statistics.median(s[0] for s in samples)
    memory = statistics.median(s[1] for s in samples)
    print(f"  {label:58} {seconds:8.2f} s {memory:7d} MB   runs: {', '.join(f'{s[0]:.2f}' for s in samples)}")
    return seconds, memory


def paired(runs: dict[str, Any]) -> dict[str, list[tuple[float, int, int]]]:
    """Each command once per round, in turn, for RUNS rounds."""
    samples: dict[str, list[tuple[float, int, int]]] = {label: [] for label in runs}
    for _ in range(RUNS):
        for label, run in runs.items():
            samples[label].append(run())
    return samples


def ratio(samples: dict[str, list[tuple[float, int, int]]], top: str, bottom: str) -> str:
    ratios = [a[0] / b[0] for a, b in zip(samples[top], samples[bottom], strict=True)]
    spread = f"{min(ratios):.2f}-{max(ratios):.2f}" if len(ratios) > 1 else ""
    return f"{statistics.median(ratios):.2f} (pairs {spread})" if spread else f"{statistics.median(ratios):.2f}"


def clean(path: Path) -> None:
    """Remove the last run's tree, and flush the file system so that deleting thousands of
    files is not paid for by the next timed run (it is, heavily, on a VM's disk)."""
    shutil.rmtree(path, ignore_errors=True)
    os.sync()


def sdkgen(spec: Path, output: Path, cache: Path, *extra: str) -> tuple[float, int, int]:
    # Python alone unless `extra` names the targets: the bench runs in this repo, whose
    # [tool.sdkgen] generates TypeScript too.
    targets = () if "--target" in extra else ("--target", "python")
    command = [str(BIN / "sdkgen"), "generate", str(spec), "-o", str(output), "--package", "do_api", *targets, *extra]
    return measure(command, env={"SDKGEN_CACHE_DIR": str(cache)})


def scaled_spec(copies: int, directory: Path) -> Path:
    """The bundle with its schemas and its paths repeated `copies` times under renamed keys:
    schemas `<Name>Copy<n>`, paths `/copy<n><path>` (a resource tree of their own) with
    `<operationId>_copy<n>`; the copies' `$ref`s to schemas point at the copied schemas."""
    document = yaml.load(BUNDLE.read_text(), Loader=yaml.CSafeLoader)
    schemas_text = json.dumps(document["components"]["schemas"])
    paths_text = json.dumps(document["paths"])
    for copy in range(2, copies + 1):
        suffix = f"Copy{copy}"

        def renamed(text: str, suffix: str = suffix) -> Any:
            pattern = r'"#/components/schemas/([^"]+)"'
            return json.loads(re.sub(pattern, lambda m: f'"#/components/schemas/{m.group(1)}{suffix}"', text))

        for key, schema in renamed(schemas_text).items():
            document["components"]["schemas"][f"{key}{suffix}"] = schema
        for path, item in renamed(paths_text).items():
            for operation in item.values():
                if isinstance(operation, dict) and isinstance(operation.get("operationId"), str):
                    operation["operationId"] += f"_copy{copy}"
            document["paths"][f"/copy{copy}{path}"] = item
    path = directory / f"scaled-{copies}x.json"
    path.write_text(json.dumps(document))
    return path


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """CPU seconds (user + sys), wall seconds and peak RSS in MB of one run."""
    timing = Path(tempfile.mktemp(suffix=".time"))
    result = subprocess.run(
        ["/usr/bin/time", "-o", str(timing), "-f", "%U %S %e %M", *command],
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    user, system, wall, kilobytes = timing.read_text().split()[-4:]
    timing.unlink()
    if result.returncode != 0:
        sys.exit(f"  ! {' '.join(command)} exited {result.returncode}: {result.stderr.strip()[-300:]}")
    return float(user) + float(system), float(wall), int(kilobytes) // 1024


OURS_IMPORT = "import do_api; do_api.Client(bearer_auth='x').droplets"
OPENAI_IMPORT = "import openai; openai.OpenAI(api_key='x').chat.completions"


def import_time(package_dir: Path) -> None:
    """Import the generated SDK, build its client and reach one resource, paired with the
    official `openai` package doing the same: CPU and wall medians, peak memory, and the
    median of the CPU ratios pair by pair."""
    commands = {"ours": (OURS_IMPORT, {"PYTHONPATH": str(package_dir)})}
    if importlib.util.find_spec("openai") is None:
        print("\nimport + client: `openai` is not installed (pip install -e '.[bench]'): ours alone")
    else:
        commands["openai"] = (OPENAI_IMPORT, {})
    print("\nimport the generated SDK, build its client, one resource (bytecode compiled by a first run):")
    samples: dict[str, list[tuple[float, float, int]]] = {label: [] for label in commands}
    for _ in range(RUNS + 1):  # the first round compiles bytecode and is not counted
        for label, (code, env) in commands.items():
            samples[label].append(timed([sys.executable, "-c", code], env))
    for label, (code, _) in commands.items():
        counted = samples[label][1:]
        cpu = statistics.median(s[0] for s in counted)
        wall = statistics.median(s[1] for s in counted)
        memory = statistics.median(s[2] for s in counted)
        print(f"  {code:58} {cpu:5.2f} s CPU {wall:5.2f} s wall {memory:4d} MB")
    if "openai" in samples:
        ratios = [a[0] / b[0] for a, b in zip(samples["ours"][1:], samples["openai"][1:], strict=True)]
        print(f"  ours/openai CPU = {statistics.median(ratios):.2f} (pairs {min(ratios):.2f}-{max(ratios):.2f})")
        print("  (the target: <= 1.0, and less memory)")


def parse(spec: Path) -> list[str]:
    """(f): the floor for a YAML spec, PyYAML's C loader reading it, alone."""
    return [sys.executable, "-c", f"import yaml; yaml.load(open({str(spec)!r}).read(), Loader=yaml.CSafeLoader)"]


def big_api(name: str, spec: Path, work: Path) -> str:
    """(g): sdkgen from scratch on one of BIG_APIS and that spec's parse, paired as (a) and
    (f); the median ratio of the pairs, or why there is none."""
    if not spec.exists():
        return f"not measured: {spec} is missing"
    print(f"{name}: {spec.name} ({spec.stat().st_size / 1e6:.1f} MB)")

    def fresh() -> tuple[float, int, int]:
        clean(work / "g")
        return sdkgen(spec, work / "g" / "out", work / "templates", "--no-cache")

    fresh()  # its first run, not counted, as DigitalOcean's
    rounds = paired({"a": fresh, "f": lambda: measure(parse(spec))})
    summary(f"(a) sdkgen, {name}, from scratch, --no-cache", rounds["a"])
    summary(f"(f) yaml.load with the C loader, {name}", rounds["f"])
    clean(work / "g")
    if any(code != 0 for _, _, code in rounds["a"]):
        return "none: sdkgen refused the spec (its message is above)"
    return ratio(rounds, "a", "f")


def main() -> None:
    if not BUNDLE.exists():
        sys.exit(f"the bundled DigitalOcean spec is not at {BUNDLE}")
    # Bytecode as an installed package has it: pip compiles it at install, and an editable
    # install whose interpreter may not write it (PYTHONDONTWRITEBYTECODE) would otherwise
    # compile every changed module in every timed run. The runs below may write their own.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    package = importlib.util.find_spec("sdkgen")
    assert package is not None and package.submodule_search_locations, "sdkgen is installed"
    compileall.compile_dir(package.submodule_search_locations[0], quiet=1)
    # The figures are for output on tmpfs; TMPDIR chooses another folder.
    shm = Path("/dev/shm")
    folder = None if "TMPDIR" in os.environ or not shm.is_dir() else shm
    work = Path(tempfile.mkdtemp(prefix="sdkgen-bench-", dir=folder))
    print(
        f"spec: {BUNDLE} ({BUNDLE.stat().st_size / 1e6:.1f} MB); machine: {os.uname().machine}, {os.cpu_count()} cores"
    )
    print(f"work folder: {work}; median of {RUNS} runs each, wall time and peak memory:")
    results: dict[str, tuple[float, int]] = {}

    def fresh() -> tuple[float, int, int]:
        clean(work / "a")
        return sdkgen(BUNDLE, work / "a" / "out", work / "templates", "--no-cache")

    fresh()  # compiles the templates once, as a first run after installing sdkgen does

    def both_targets() -> tuple[float, int, int]:
        clean(work / "h")
        return sdkgen(BUNDLE, work / "h" / "out", work / "templates", "--no-cache", *BOTH_TARGETS)

    both_targets()  # and the TypeScript target's templates

    def datamodel() -> tuple[float, int, int]:
        return measure(
            [
                str(BIN / "datamodel-codegen"),
                "--input",
                str(BUNDLE),
                "--input-file-type",
                "openapi",
                "--output",
                str(work / "d.py"),
                "--output-model-type",
                "pydantic_v2.BaseModel",
                "--formatters",
                "builtin",
            ]
        )

    rounds = paired({"a": fresh, "h": both_targets, "d": datamodel, "f": lambda: measure(parse(BUNDLE))})
    results["a"] = summary("(a) sdkgen, from scratch, --no-cache", rounds["a"])
    results["h"] = summary("(h) sdkgen, Python + TypeScript, from scratch, --no-cache", rounds["h"])
    results["d"] = summary("(d) datamodel-code-generator, models only, no formatter", rounds["d"])
    results["f"] = summary("(f) yaml.load with the C loader, alone", rounds["f"])
    big_ratios = {name: big_api(name, spec, work) for name, spec in BIG_APIS.items()}
    warm_cache = work / "warm-cache"
    sdkgen(BUNDLE, work / "b", warm_cache)
    results["b"] = median_of("(b) sdkgen, again with nothing changed", lambda: sdkgen(BUNDLE, work / "b", warm_cache))
    # Same file name as the bundle: generated headers name the spec file.
    (work / "changed").mkdir()
    changed = work / "changed" / BUNDLE.name
    original = BUNDLE.read_text()
    changed.write_text(original)
    flip = [False]

    def one_description() -> tuple[float, int, int]:
        flip[0] = not flip[0]
        text = original.replace(
            "The human-readable name set for", "The human readable name of" if flip[0] else "The name of", 1
        )
        changed.write_text(text)
        return sdkgen(changed, work / "c", warm_cache)

    sdkgen(changed, work / "c", warm_cache)
    results["c"] = median_of("(c) sdkgen, after one description changed", one_description)

    def python_client() -> tuple[float, int, int]:
        clean(work / "e")
        (work / "e").mkdir()
        return measure(
            [
                str(BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(BUNDLE),
                "--output-path",
                str(work / "e" / "client"),
                "--overwrite",
            ],
            cwd=work / "e",
        )

    results["e"] = median_of("(e) openapi-python-client, full client", python_client)

    a, b, c, d, e, f = (results[k][0] for k in "abcdef")
    print("\nratios (target): a/d and a/f are medians of paired runs, a/e a ratio of medians")
    print(f"  a/d = {ratio(rounds, 'a', 'd')}   (<= 0.45: a whole SDK faster than the peer's models alone)")
    print(f"  a/e = {a / e:.2f}   (<= 0.15)")
    print(f"  a/f = {ratio(rounds, 'a', 'f')}   (<= 1.5)")
    print(f"  h/a = {ratio(rounds, 'h', 'a')}   (<= 1.30: the TypeScript target adds at most 30 % to a cold run)")
    for name, big in big_ratios.items():
        print(f"  a/f = {big}   ({name}; <= 1.5)")
    print(f"  b/a = {b / a:.3f}  (b = {b:.2f} s; target b <= 0.2 s)")
    print(f"  c   = {c:.2f} s")
    print(f"  peak memory: a {results['a'][1]} MB, d {results['d'][1]} MB (target a < d)")
    import_time(work / "a" / "out" / "python")

    print("\nscaling: copies of the spec's schemas and paths under renamed keys")
    for copies in (1, 2, 4):
        spec = scaled_spec(copies, work)  # 1x too: the same JSON form as the copies, parsed alike

        def scratch(spec: Path = spec, copies: int = copies) -> tuple[float, int, int]:
            clean(work / f"s{copies}")
            return sdkgen(spec, work / f"s{copies}" / "out", work / "templates", "--no-cache")

        scale_a = median_of(f"{copies}x  (a) from scratch", scratch)
        sdkgen(spec, work / f"s{copies}" / "out", work / f"s{copies}" / "cache")  # leaves a run record
        scale_b = median_of(
            f"{copies}x  (b) nothing changed",
            lambda spec=spec, copies=copies: sdkgen(spec, work / f"s{copies}" / "out", work / f"s{copies}" / "cache"),
        )
        print(f"      per copy: a {scale_a[0] / copies:.2f} s, b {scale_b[0] / copies:.3f} s")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
