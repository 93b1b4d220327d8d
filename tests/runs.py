"""Helpers for tests that run `sdkgen` as a process: specs of a chosen size, snapshots, stress."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import GOLDEN, ROOT

STRESS = os.environ.get("SDKGEN_STRESS") == "1"
"""`make stress` sets it: the long variants (more trials, the DigitalOcean bundle)."""
SMALL_SPEC = GOLDEN / "client_resources" / "spec.yaml"


def trials(short: int, long: int) -> int:
    return long if STRESS else short


def command(spec: Path | str, output: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "sdkgen", "generate", str(spec), "-o", str(output), "--package", "run_sdk", *extra]


def sdkgen(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "sdkgen", *args], cwd=ROOT, capture_output=True, text=True, **kwargs
    )


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def leftovers(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if ".sdkgen-next-" in p.name)


def variant(spec: Path, target: Path, marker: str) -> Path:
    """A copy of `spec` whose every description ends with `marker`: another tree of the same files."""
    text = spec.read_text(encoding="utf-8").replace("What the pet answers to.", f"What the pet answers to ({marker}).")
    target.write_text(text, encoding="utf-8")
    return target


def large_spec(target: Path, models: int) -> Path:
    """A spec large enough that the Python package renders in forked workers."""
    lines = ["openapi: 3.1.0", "info: {title: Large, version: '1'}", "paths:"]
    for n in range(models // 4):
        lines += [
            f"  /v1/things{n}/{{thing_id}}:",
            "    get:",
            f"      operationId: getThing{n}",
            "      parameters: [{name: thing_id, in: path, required: true, schema: {type: integer}}]",
            "      responses:",
            "        '200':",
            "          description: ok",
            f"          content: {{application/json: {{schema: {{$ref: '#/components/schemas/Thing{n}'}}}}}}",
        ]
    lines += ["components:", "  schemas:"]
    for n in range(models):
        lines += [
            f"    Thing{n}:",
            "      type: object",
            f"      description: Thing number {n}, with a description long enough to be wrapped at a readable width.",
            "      required: [id]",
            "      properties:",
            "        id: {type: integer}",
            "        name: {type: string, description: The name.}",
            "        kind: {type: string, enum: [small, medium, large]}",
            f"        next: {{$ref: '#/components/schemas/Thing{(n + 1) % models}'}}",
        ]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
