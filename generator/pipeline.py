"""The pipeline: load -> resolve -> IR -> render -> format -> write, as one call per command."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import Diagnostic, Diagnostics, Location, SpecError
from .ir.build_api import ApiBuilder
from .ir.model import ApiIR
from .ir.overrides import OverridesConfig
from .load.loader import DocumentStore
from .load.spec_file import DEFAULT_MAX_SPEC_BYTES
from .targets.docs.target import render_docs
from .targets.python.parallel import PythonPackage
from .targets.render import load_templates
from .targets.typescript.target import render_typescript
from .write.run_record import cache_dir
from .write.writer import MANIFEST, Plan, apply, manifest_text, plan, remove_leftovers, unified_diff

SUPPORTED_VERSIONS = ("3.0.", "3.1.", "3.2.")


@dataclass
class Generated:
    api: ApiIR
    files: dict[str, bytes]
    warnings: list[Diagnostic] = field(default_factory=list)
    inputs: dict[str, str] | None = None
    """Every input file read and the hash of its text (None when some were remote)."""


def check_document(document: Any, location: Location, diagnostics: Diagnostics) -> bool:
    if not isinstance(document, dict):
        diagnostics.error("not an OpenAPI document: the top level must be a mapping", location)
        return False
    if "swagger" in document:
        diagnostics.error(
            f"Swagger {document['swagger']} is not supported (Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 are)",
            location,
        )
        return False
    version = document.get("openapi")
    if not isinstance(version, str):
        diagnostics.error("not an OpenAPI document: no 'openapi' version field", location)
        return False
    if not version.startswith(SUPPORTED_VERSIONS):
        diagnostics.error(f"OpenAPI {version} is not supported (3.0.x, 3.1.x and 3.2.x are)", location)
        return False
    return True


def build(
    spec: Path,
    package: str,
    allow_remote: bool = False,
    overrides: OverridesConfig | None = None,
    env_prefix: str | None = None,
) -> tuple[ApiIR, list[Diagnostic]]:
    """Load and resolve a spec into the IR; raises `SpecError` with every error found."""
    api, diagnostics, _, store = build_unlocated(
        spec, package, allow_remote, overrides=overrides, env_prefix=env_prefix
    )
    return api, diagnostics.located_warnings(store.locate)


def build_unlocated(
    spec: Path,
    package: str,
    allow_remote: bool = False,
    max_spec_bytes: int = DEFAULT_MAX_SPEC_BYTES,
    overrides: OverridesConfig | None = None,
    env_prefix: str | None = None,
) -> tuple[ApiIR, Diagnostics, dict[str, str] | None, DocumentStore]:
    """`build`, with the inputs read (their hashes; None when some were remote) and the warnings
    not yet located: `located_warnings(store.locate)` finds their lines and columns (errors are
    located before they are raised)."""
    diagnostics = Diagnostics()
    store = DocumentStore(allow_remote, max_spec_bytes)
    try:
        document = store.load(spec)
        if not check_document(document, Location(spec.resolve(), ""), diagnostics):
            # Located only now: the first line found in a file reads the whole text.
            raise SpecError([replace(d, location=store.locate(d.location)) for d in diagnostics.errors])
        api = ApiBuilder(store, spec, diagnostics, overrides).build(document, package, env_prefix)
        inputs = store.local_inputs()
        for warning in store.warnings:
            diagnostics.warning(warning.message, warning.location)
    finally:
        store.close()  # the texts, which locating reads, stay in memory
    diagnostics.raise_if_errors()
    return api, diagnostics, inputs, store


def generate_files(
    spec: Path,
    package: str,
    allow_remote: bool = False,
    version: str | None = None,
    max_spec_bytes: int = DEFAULT_MAX_SPEC_BYTES,
    overrides: OverridesConfig | None = None,
    jobs: int | None = None,
    env_prefix: str | None = None,
    formatter: str = "ruff",
    targets: tuple[str, ...] = ("python",),
) -> Generated:
    api, diagnostics, inputs, store = build_unlocated(
        spec, package, allow_remote, max_spec_bytes, overrides, env_prefix
    )
    if version is not None:  # `version = ...` in [tool.sdkgen] instead of the spec's info.version
        api = replace(api, version=version)
    # Compiled templates are kept as Python keeps its bytecode: they are checked against their
    # source. Loaded before the workers fork, so that none compiles any.
    load_templates(cache_dir())
    # The Python package renders and formats in worker processes (one per core, or `jobs`)
    # while this one renders the docs; with `jobs=1`, `result()` does it here, after them.
    # The docs are encoded here while the workers still run; theirs come back encoded.
    python = PythonPackage(api, spec.name, jobs, formatter) if "python" in targets else None
    try:
        # Located once the workers have forked: finding a line reads the spec's text again.
        warnings = diagnostics.located_warnings(store.locate)
        docs = {path: text.encode("utf-8") for path, text in render_docs(api, spec.name, targets).items()}
        if "typescript" in targets:
            docs.update((path, text.encode("utf-8")) for path, text in render_typescript(api).items())
    except BaseException:
        if python is not None:
            python.cancel()
        raise
    files = dict(sorted({**(python.result() if python is not None else {}), **docs}.items()))
    return Generated(api, files, warnings, inputs)


def manifest_is_stale(output: Path, files: dict[str, bytes]) -> bool:
    try:
        return (output / MANIFEST).read_text(encoding="utf-8") != manifest_text(files)
    except OSError:
        return True


def write(output: Path, generated: Generated, force: bool) -> Plan:
    """Apply the generated tree to `output`; refuses, changing nothing, on conflicts unless forced."""
    remove_leftovers(output)
    the_plan = plan(output, generated.files)
    if the_plan.conflicts and not force:
        return the_plan
    if the_plan.changed or manifest_is_stale(output, generated.files):
        apply(output, generated.files, the_plan)
    return the_plan


def diff(output: Path, generated: Generated) -> tuple[Plan, str]:
    the_plan = plan(output, generated.files)
    return the_plan, unified_diff(output, generated.files, the_plan)
