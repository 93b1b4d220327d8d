"""The `sdkgen` command: `generate` writes the SDK and docs, `check` reports drift.

Exit codes by cause are in `exits.py` (and the README): 0 success, 1 stale or refused,
2 the input is wrong, 69 no formatter, 73/74 the environment, 75 locked, 128 + n a signal, 70 a bug.
"""

from __future__ import annotations

import shlex
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .cli_errors import end_interrupted, print_diagnostics, reports_errors, run_as_the_process
from .config import FORMATTERS, TARGETS, Settings, read_settings
from .errors import Diagnostic, Location, SpecError
from .exits import (
    EXIT_BAD_INPUT,
    EXIT_STALE,
    Interrupted,
    handle_stop_signals,
)
from .load.spec_file import DEFAULT_MAX_SPEC_BYTES, STDIN, SpecFileError, read_spec_bytes, read_stdin
from .write.lock import OutputLocked, output_lock
from .write.run_record import RunRecord, cache_dir, file_digest, installed_version
from .write.writer import MANIFEST, check_writable, remove_leftovers, stale_leftovers

if TYPE_CHECKING:
    from .pipeline import Generated

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def _settings(spec: str | None, output: str | None, package: str | None, max_spec_size: float) -> Iterator[Settings]:
    """The run's settings; a spec of `-` is standard input, read (capped) into a temporary file."""
    limit = int(max_spec_size * 1024 * 1024)
    meta = click.get_current_context().meta
    given = meta.get(_TEMPLATES)
    templates = Path(given) if given else None
    formatter, targets = meta.get(_FORMATTER), meta.get(_TARGETS, ())  # `names` takes neither
    given_spec, given_output = Path(spec) if spec else None, Path(output) if output else None
    if spec != STDIN:
        settings = read_settings(Path.cwd(), given_spec, given_output, package, templates, formatter, targets)
        try:  # before anything reads it, even to hash it
            read_spec_bytes(settings.spec, limit, check_only=True)
        except SpecFileError as exc:
            raise SpecError([Diagnostic("error", str(exc), Location(settings.spec))]) from None
        except OSError:
            pass  # the loader reports a missing or unreadable spec, located
        yield settings
        return
    try:
        path = read_stdin(limit)
    except SpecFileError as exc:
        raise SpecError([Diagnostic("error", str(exc), Location(Path("<stdin>")))]) from None
    try:
        yield read_settings(Path.cwd(), path, given_output, package, templates, formatter, targets)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)


_TEMPLATES = "sdkgen.templates"
_JOBS = "sdkgen.jobs"
_FORMATTER = "sdkgen.formatter"
_TARGETS = "sdkgen.target"  # a tuple, empty when not given


def _record_key(settings: Settings) -> str:
    """What the run record is kept for besides the spec: the package, the configured version,
    the formatter and its version (another version may lay the code out differently), and the
    configured overrides (a file's text is an input the record hashes; a table's is here)."""
    key = f"{settings.package}\0{settings.version}\0{settings.env_prefix}\0{installed_version(settings.formatter)}"
    key += f"\0{','.join(settings.targets)}" if settings.targets != ("python",) else ""  # Python alone: as before
    if settings.overrides is not None:
        table = settings.overrides.document
        key += f"\0{settings.overrides.file}\0{sorted(table.items()) if table else ''}"
    return key


def _keep(key: str) -> Callable[[click.Context, click.Parameter, object], None]:
    """A callback keeping an option's value in the context (`--templates`, `--jobs` ...)."""

    def keep(context: click.Context, _: click.Parameter, value: object) -> None:
        context.meta[key] = value

    return keep


def _wait_message(output: Path) -> Callable[[str], None]:
    def say(holder: str) -> None:
        owner = f" (pid {holder})" if holder else ""
        click.echo(f"sdkgen: waiting for another sdkgen run on {output}{owner} to finish", err=True)

    return say


def _generate(settings: Settings, strict: bool, allow_remote_refs: bool, max_spec_size: float) -> Generated:
    # Imported here: a run with nothing to do should not pay for loading the pipeline.
    from .pipeline import generate_files
    from .targets.render import use_templates

    use_templates(settings.templates)
    generated = generate_files(
        settings.spec,
        settings.package,
        allow_remote_refs,
        version=settings.version,
        max_spec_bytes=int(max_spec_size * 1024 * 1024),
        overrides=settings.overrides,
        jobs=click.get_current_context().meta.get(_JOBS),
        env_prefix=settings.env_prefix,
        formatter=settings.formatter,
        targets=settings.targets,
    )
    if generated.warnings:
        if strict:
            raise SpecError([replace(warning, severity="error") for warning in generated.warnings])
        print_diagnostics(generated.warnings)
    return generated


def _remove_stale_leftovers(output: Path) -> None:
    """What a killed run left beside an output that is otherwise as it should be (killed after
    its swap, say): a full run removes it before it builds; a run with nothing to do, here."""
    if not stale_leftovers(output):
        return
    try:
        with output_lock(output, exclusive=True, wait=False):
            remove_leftovers(output)
    except OutputLocked:
        pass  # a run is writing this output now, and removes them itself


def _common(command: F) -> F:
    options = [
        click.argument("spec", required=False, type=click.Path(allow_dash=True)),
        click.option("-o", "--output", type=click.Path(), help="Output directory."),
        click.option("--package", help="Python package name of the generated SDK."),
        click.option("--strict", is_flag=True, help="Treat warnings as errors."),
        click.option("--no-cache", is_flag=True, help="Generate again even if nothing changed since the last run."),
        click.option("--allow-remote-refs", is_flag=True, help="Fetch $refs to http(s) URLs (refused otherwise)."),
        click.option(
            "--max-spec-size",
            type=click.FloatRange(min=0),
            default=DEFAULT_MAX_SPEC_BYTES / (1024 * 1024),
            show_default=True,
            help="Refuse a spec file (or standard input) larger than this many MB, before reading it.",
        ),
        click.option(
            "--templates",
            type=click.Path(file_okay=False),
            expose_value=False,
            callback=_keep(_TEMPLATES),
            help="A folder of templates (the tree of templates/) that replace the built-in ones of the same path.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=None,
            expose_value=False,
            callback=_keep(_JOBS),
            help="Render and format a large Python package in this many forked processes (at most 8; "
            "default: one per core; 1: this process only).",
        ),
        click.option(
            "--formatter",
            type=click.Choice(FORMATTERS),
            default=None,
            expose_value=False,
            callback=_keep(_FORMATTER),
            help="What formats the generated Python (default: [tool.sdkgen] formatter, else ruff).",
        ),
        click.option(
            "--target",
            type=click.Choice(TARGETS),
            multiple=True,
            expose_value=False,
            callback=_keep(_TARGETS),
            help="An SDK to generate, repeated for more (default: [tool.sdkgen] targets, else python).",
        ),
        click.option("--no-wait", is_flag=True, help="Fail at once (exit 75) if another run holds the output."),
        click.option("-v", "--verbose", is_flag=True, help="Show a traceback with errors."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


class _Sdkgen(click.Group):
    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run as the console script or `python -m sdkgen` (the arguments from `sys.argv`, the
        exit by `SystemExit`), this process is the command: a successful run ends it without
        the interpreter's teardown (`exits.end_process`)."""
        run_as_the_process(args is None and standalone_mode)
        try:
            return super().main(
                args, prog_name, complete_var, standalone_mode, windows_expand_args=windows_expand_args, **extra
            )
        except Interrupted as stop:  # between the handlers' start and the command's own guard (click parsing)
            end_interrupted(stop)


@click.group(cls=_Sdkgen)
@click.version_option(__version__, prog_name="sdkgen")
def main() -> None:
    """Generate a typed Python SDK and its reference docs from an OpenAPI description."""
    handle_stop_signals()


@main.command()
@_common
@click.option("--force", is_flag=True, help="Overwrite files that were edited by hand or not written by sdkgen.")
@reports_errors
def generate(
    spec: str | None,
    output: str | None,
    package: str | None,
    strict: bool,
    no_cache: bool,
    allow_remote_refs: bool,
    max_spec_size: float,
    no_wait: bool,
    verbose: bool,
    force: bool,
) -> None:
    """Generate the SDK and docs into the output directory."""
    started = time.perf_counter()
    with _settings(spec, output, package, max_spec_size) as settings:
        check_writable(settings.output)
        record_path = (
            None
            if no_cache or allow_remote_refs or spec == STDIN or settings.templates  # records do not follow templates
            # the configured version is part of the record's key: another version, another record
            else RunRecord.path(cache_dir(), settings.spec, _record_key(settings), settings.output)
        )
        record = RunRecord.load(record_path) if record_path is not None else None
        if record is not None and not (strict and record.warnings) and record.still_holds(settings.output):
            _remove_stale_leftovers(settings.output)
            for line in record.warnings:
                click.echo(line, err=True)
            elapsed = time.perf_counter() - started
            click.echo(
                f"sdkgen: {record.models} models, {record.files} files in {settings.output} "
                f"(nothing changed: inputs and output as the last run left them) in {elapsed:.2f}s"
            )
            return
        generated = _generate(settings, strict, allow_remote_refs, max_spec_size)
    from .pipeline import write

    # Planning to swap under the output's lock: a concurrent run waits, then plans against our tree.
    with output_lock(settings.output, exclusive=True, wait=not no_wait, on_wait=_wait_message(settings.output)):
        the_plan = write(settings.output, generated, force)
        manifest = file_digest(settings.output / MANIFEST) if record_path is not None else None  # for the record
    if the_plan.conflicts and not force:
        for path in the_plan.foreign:
            click.echo(f"{settings.output / path}: exists and was not written by sdkgen", err=True)
        for path in the_plan.edited:
            click.echo(f"{settings.output / path}: edited by hand since sdkgen wrote it", err=True)
        click.echo("sdkgen: refusing to overwrite; nothing was written (use --force)", err=True)
        sys.exit(EXIT_STALE)
    for path in the_plan.kept:
        click.echo(f"{settings.output / path}: no longer generated, but edited by hand: kept", err=True)
    if record_path is not None and generated.inputs is not None and not the_plan.kept and manifest is not None:
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
@reports_errors
def check(
    spec: str | None,
    output: str | None,
    package: str | None,
    strict: bool,
    no_cache: bool,
    allow_remote_refs: bool,
    max_spec_size: float,
    no_wait: bool,
    verbose: bool,
) -> None:
    """Exit 1 with a diff if the output directory is not what `generate` would write."""
    with _settings(spec, output, package, max_spec_size) as settings:
        generated = _generate(settings, strict, allow_remote_refs, max_spec_size)
    from .pipeline import diff

    # A shared lock: never read a tree a `generate` is swapping.
    with output_lock(settings.output, exclusive=False, wait=not no_wait, on_wait=_wait_message(settings.output)):
        the_plan, text = diff(settings.output, generated)
    if text:
        click.echo(text, nl=False)
        for path in the_plan.edited:
            click.echo(f"{settings.output / path}: edited by hand since sdkgen wrote it", err=True)
        click.echo(f"sdkgen: {settings.output} is stale; run `{_generate_command()}`", err=True)
        sys.exit(EXIT_STALE)
    click.echo(f"sdkgen: {settings.output} is up to date")


def _generate_command() -> str:
    """The `generate` that brings the output up to date: `check`'s own arguments, as the user
    gave them (`sdkgen generate` alone when they came from [tool.sdkgen])."""
    from click.core import ParameterSource

    context = click.get_current_context()
    words = ["sdkgen", "generate"]
    for parameter in context.command.params:
        name = parameter.name or ""
        if context.get_parameter_source(name) != ParameterSource.COMMANDLINE or name in _NOT_FOR_GENERATE:
            continue
        value = context.params.get(name, context.meta.get(f"sdkgen.{name}"))
        if isinstance(parameter, click.Argument):
            words.append(str(value))
        elif getattr(parameter, "is_flag", False):
            words.append(parameter.opts[-1])
        else:  # a repeated option (`--target`) is given once a value
            words += [
                w for item in (value if isinstance(value, tuple) else (value,)) for w in (parameter.opts[0], str(item))
            ]
    return shlex.join(words)


_NOT_FOR_GENERATE = frozenset({"no_wait", "verbose", "strict", "no_cache", "jobs"})
"""`check` options that do not change what `generate` writes."""


# -- sdkgen diff: what a spec change does to the SDK's callers (generator/diff/) --------------


@main.command("diff")
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--base", "base_ref", metavar="GIT_REF", help="Compare with the spec as it is at this commit.")
@click.option("--package", help="Python package name of the generated SDK.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["breaking", "none"]), default="breaking", show_default=True)
@click.option("--changelog", type=click.Path(dir_okay=False), help="Append the report to this CHANGELOG.md.")
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback with errors.")
@reports_errors
def diff_command(
    specs: tuple[str, ...],
    base_ref: str | None,
    package: str | None,
    fmt: str,
    fail_on: str,
    changelog: str | None,
    verbose: bool,
) -> None:
    """Compare two specs' SDKs (OLD NEW, or --base GIT_REF [SPEC]); exit 1 if callers break."""
    import tempfile

    from .diff.run import run_diff

    if len(specs) != (1 if base_ref else 2) and not (base_ref and not specs):
        click.echo("sdkgen diff: give OLD and NEW specs, or --base GIT_REF and at most one spec", err=True)
        sys.exit(EXIT_BAD_INPUT)
    with tempfile.TemporaryDirectory(prefix="sdkgen-base-") as scratch:
        text, breaking = run_diff(Path.cwd(), specs, base_ref, package, fmt, changelog, Path(scratch))
    click.echo(text, nl=False)
    if breaking and fail_on == "breaking":
        sys.exit(EXIT_STALE)


@main.command()
@click.argument("spec", required=False, type=click.Path(dir_okay=False))
@click.option("--package", help="Python package name of the generated SDK.")
@click.option("--allow-remote-refs", is_flag=True, help="Fetch $refs to http(s) URLs (refused otherwise).")
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback with errors.")
@reports_errors
def names(spec: str | None, package: str | None, allow_remote_refs: bool, verbose: bool) -> None:
    """Print every method a user will call and the operation behind it:
    `client.files.list -> GET /files  (path)`, with where the name came from."""
    from .pipeline import build
    from .surface import surface_lines

    with _settings(spec, None, package, DEFAULT_MAX_SPEC_BYTES / (1024 * 1024)) as settings:
        api, warnings = build(
            settings.spec, settings.package, allow_remote_refs, settings.overrides, settings.env_prefix
        )
    print_diagnostics(warnings)
    for line in surface_lines(api):
        click.echo(line)


if __name__ == "__main__":  # pragma: no cover
    main()
