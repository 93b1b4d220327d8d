"""The `sdkgen` command: `generate` writes the SDK and docs, `check` reports drift.

Exit codes: 0 success; 1 `check` found the output stale (or `generate` refused to overwrite
edited files); 2 the input is wrong; 70 a bug in sdkgen (reported without a traceback).
"""

from __future__ import annotations

import gc
import sys
import time
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .config import Settings, read_settings
from .errors import Diagnostic, SpecError
from .write.run_record import RunRecord, cache_dir, file_digest
from .write.writer import MANIFEST

if TYPE_CHECKING:
    from .pipeline import Generated

EXIT_STALE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70

F = TypeVar("F", bound=Callable[..., Any])


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    cwd = Path.cwd()
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(cwd), err=True)


def _reports_errors(command: F) -> F:
    """Turn `SpecError` into located messages and exit code 2, with no traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        # A run is one short process holding one large object graph (the parsed spec, the
        # IR): the cyclic collector would walk it again and again, for nothing (0.8 s of
        # 6 on the DigitalOcean spec, at the same peak memory). Reference counting still
        # frees what is dropped; formatting workers collect as usual.
        gc.disable()
        try:
            return command(*args, **kwargs)
        except SpecError as exc:
            if kwargs.get("verbose"):
                traceback.print_exc()
            _print_diagnostics(exc.diagnostics)
            count = len(exc.diagnostics)
            click.echo(f"sdkgen: {count} error{'s' if count != 1 else ''}; nothing was written", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except RecursionError:
            if kwargs.get("verbose"):
                traceback.print_exc()
            click.echo("sdkgen: error: the spec nests too deeply to process; nothing was written", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except Exception as exc:  # a bug: say so plainly, and keep the output as it was
            if kwargs.get("verbose"):
                traceback.print_exc()
            click.echo(
                f"sdkgen: internal error: {type(exc).__name__}: {exc}\n"
                "sdkgen: this is a bug in sdkgen; nothing was written. Run with --verbose for the traceback.",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)

    return wrapper  # type: ignore[return-value]


def _settings(spec: str | None, output: str | None, package: str | None) -> Settings:
    return read_settings(
        Path.cwd(),
        Path(spec) if spec else None,
        Path(output) if output else None,
        package,
    )


def _generate(settings: Settings, strict: bool, no_cache: bool, allow_remote_refs: bool) -> Generated:
    # Imported here: a run with nothing to do should not pay for loading the pipeline.
    from .pipeline import generate_files

    generated = generate_files(settings.spec, settings.package, None if no_cache else cache_dir(), allow_remote_refs)
    if generated.warnings:
        _print_diagnostics(generated.warnings)
        if strict:
            raise SpecError(generated.warnings)
    return generated


def _common(command: F) -> F:
    options = [
        click.argument("spec", required=False, type=click.Path(dir_okay=False)),
        click.option("-o", "--output", type=click.Path(file_okay=False), help="Output directory."),
        click.option("--package", help="Python package name of the generated SDK."),
        click.option("--strict", is_flag=True, help="Treat warnings as errors."),
        click.option("--no-cache", is_flag=True, help="Format everything again, ignoring the cache."),
        click.option("--allow-remote-refs", is_flag=True, help="Fetch $refs to http(s) URLs (refused otherwise)."),
        click.option("-v", "--verbose", is_flag=True, help="Show a traceback with errors."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group()
@click.version_option(__version__, prog_name="sdkgen")
def main() -> None:
    """Generate a typed Python SDK and its reference docs from an OpenAPI description."""


@main.command()
@_common
@click.option("--force", is_flag=True, help="Overwrite files that were edited by hand or not written by sdkgen.")
@_reports_errors
def generate(
    spec: str | None,
    output: str | None,
    package: str | None,
    strict: bool,
    no_cache: bool,
    allow_remote_refs: bool,
    verbose: bool,
    force: bool,
) -> None:
    """Generate the SDK and docs into the output directory."""
    started = time.perf_counter()
    settings = _settings(spec, output, package)
    record_path = (
        None
        if no_cache or allow_remote_refs
        else RunRecord.path(cache_dir(), settings.spec, settings.package, settings.output)
    )
    record = RunRecord.load(record_path) if record_path is not None else None
    if record is not None and not (strict and record.warnings) and record.still_holds(settings.output):
        for line in record.warnings:
            click.echo(line, err=True)
        elapsed = time.perf_counter() - started
        click.echo(
            f"sdkgen: {record.models} models, {record.files} files in {settings.output} "
            f"(nothing changed: inputs and output as the last run left them) in {elapsed:.2f}s"
        )
        return
    generated = _generate(settings, strict, no_cache, allow_remote_refs)
    from .pipeline import write

    the_plan = write(settings.output, generated, force)
    if the_plan.conflicts and not force:
        for path in the_plan.foreign:
            click.echo(f"{settings.output / path}: exists and was not written by sdkgen", err=True)
        for path in the_plan.edited:
            click.echo(f"{settings.output / path}: edited by hand since sdkgen wrote it", err=True)
        click.echo("sdkgen: refusing to overwrite; nothing was written (use --force)", err=True)
        sys.exit(EXIT_STALE)
    for path in the_plan.kept:
        click.echo(f"{settings.output / path}: no longer generated, but edited by hand: kept", err=True)
    if record_path is not None and generated.inputs is not None and not the_plan.kept:
        manifest = file_digest(settings.output / MANIFEST)
        if manifest is not None:
            cwd = Path.cwd()
            warnings = [w.format(cwd) for w in generated.warnings]
            RunRecord(generated.inputs, manifest, len(generated.api.models), len(generated.files), warnings).save(
                record_path
            )
    elapsed = time.perf_counter() - started
    click.echo(
        f"sdkgen: {len(generated.api.models)} models, {len(generated.files)} files in {settings.output} "
        f"({len(the_plan.writes)} written, {len(the_plan.deletes)} removed) in {elapsed:.2f}s"
    )


@main.command()
@_common
@_reports_errors
def check(
    spec: str | None,
    output: str | None,
    package: str | None,
    strict: bool,
    no_cache: bool,
    allow_remote_refs: bool,
    verbose: bool,
) -> None:
    """Exit 1 with a diff if the output directory is not what `generate` would write."""
    settings = _settings(spec, output, package)
    generated = _generate(settings, strict, no_cache, allow_remote_refs)
    from .pipeline import diff

    the_plan, text = diff(settings.output, generated)
    if text:
        click.echo(text, nl=False)
        for path in the_plan.edited:
            click.echo(f"{settings.output / path}: edited by hand since sdkgen wrote it", err=True)
        click.echo(f"sdkgen: {settings.output} is stale; run `make regenerate`", err=True)
        sys.exit(EXIT_STALE)
    click.echo(f"sdkgen: {settings.output} is up to date")


@main.command()
@click.argument("spec", required=False, type=click.Path(dir_okay=False))
@click.option("--package", help="Python package name of the generated SDK.")
@click.option("--allow-remote-refs", is_flag=True, help="Fetch $refs to http(s) URLs (refused otherwise).")
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback with errors.")
@_reports_errors
def names(spec: str | None, package: str | None, allow_remote_refs: bool, verbose: bool) -> None:
    """Print every method a user will call and the operation behind it:
    `client.files.list -> GET /files  (path)`, with where the name came from."""
    from .pipeline import build
    from .surface import surface_lines

    settings = _settings(spec, None, package)
    api, warnings = build(settings.spec, settings.package, allow_remote_refs)
    _print_diagnostics(warnings)
    for line in surface_lines(api):
        click.echo(line)


if __name__ == "__main__":  # pragma: no cover
    main()
