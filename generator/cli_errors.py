"""How an `sdkgen` command ends: each cause of failure its message and exit code (`exits.py`),
never a traceback unless `--verbose` asks for one."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .config import NoSpec
from .errors import Diagnostic, SpecError
from .exits import (
    EXIT_BAD_INPUT,
    EXIT_CANTCREAT,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    EXIT_OSERR,
    EXIT_UNAVAILABLE,
    Interrupted,
    end_process,
    os_error_exit,
)
from .write.lock import OutputLocked
from .write.writer import OutputNotWritable

F = TypeVar("F", bound=Callable[..., Any])

_is_the_process = False
"""Whether this process is the `sdkgen` command itself (see `cli._Sdkgen.main`), not a caller in
Python (a test's `CliRunner`): then a command that succeeds ends the process at once."""


def run_as_the_process(is_the_process: bool) -> None:
    """Say whether this process is the command (a successful run then ends it at once)."""
    global _is_the_process
    _is_the_process = is_the_process


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    cwd = Path.cwd()
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(cwd), err=True)


def traceback_if_verbose(options: dict[str, Any]) -> None:
    if options.get("verbose"):
        import traceback  # only on the way out with an error

        traceback.print_exc()


def end_interrupted(stop: Interrupted) -> NoReturn:
    click.echo(f"sdkgen: interrupted by {stop}; stopped the workers and removed the unfinished tree", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    # Every `finally` has run; exiting now skips the executor's exit hook, which could
    # wait for ever on a result a killed worker never finished writing.
    os._exit(stop.exit_code)


def reports_errors(command: F) -> F:
    """Turn `SpecError` into located messages and exit code 2, with no traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        # A run is one short process holding one large object graph (the parsed spec, the
        # IR): the cyclic collector would walk it again and again, for nothing (0.8 s of
        # 6 on the DigitalOcean spec, at the same peak memory). Reference counting still
        # frees what is dropped; formatting workers collect as usual.
        gc.disable()
        try:
            result = command(*args, **kwargs)
            if _is_the_process:
                end_process()
            return result
        except SpecError as exc:
            traceback_if_verbose(kwargs)
            print_diagnostics(exc.diagnostics)
            count = len(exc.diagnostics)
            click.echo(f"sdkgen: {count} error{'s' if count != 1 else ''}; nothing was written", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except NoSpec as exc:
            click.echo(f"sdkgen: error: {exc}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except Interrupted as stop:
            end_interrupted(stop)
        except OutputLocked as exc:
            click.echo(f"sdkgen: {exc}; nothing was written (run again without --no-wait to wait)", err=True)
            sys.exit(EXIT_LOCKED)
        except OutputNotWritable as exc:
            click.echo(f"sdkgen: {exc}; nothing was written", err=True)
            sys.exit(EXIT_CANTCREAT)
        except OSError as exc:  # the environment, not a bug: no space, read-only, EIO ...
            traceback_if_verbose(kwargs)
            code, message = os_error_exit(exc)
            click.echo(f"sdkgen: {message}", err=True)
            sys.exit(code)
        except MemoryError:
            click.echo("sdkgen: out of memory", err=True)
            sys.exit(EXIT_OSERR)
        except RecursionError:
            traceback_if_verbose(kwargs)
            click.echo("sdkgen: error: the spec nests too deeply to process; nothing was written", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except Exception as exc:  # a bug: say so plainly, and keep the output as it was
            from .targets.python.formatting import FormatterMissing

            if isinstance(exc, FormatterMissing):
                click.echo(f"sdkgen: error: {exc}; nothing was written", err=True)
                sys.exit(EXIT_UNAVAILABLE)
            traceback_if_verbose(kwargs)
            click.echo(
                f"sdkgen: internal error: {type(exc).__name__}: {exc}\n"
                "sdkgen: this is a bug in sdkgen; nothing was written. Run with --verbose for the traceback.",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)

    return wrapper  # type: ignore[return-value]
