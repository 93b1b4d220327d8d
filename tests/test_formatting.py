"""The format stage as a whole: black's result, with black imported only where it is needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import black
import pytest
from sdkgen.targets.python import formatting


def _black(text: str) -> str:
    return str(black.format_str(text, mode=black.Mode()))


WIDE = "日本語" * 9  # 27 characters, 54 columns

WIDTH_CASES = {
    "wide code line, short by length": f'x: Literal["{WIDE}", "{WIDE[:6]}"]\n',
    "wide code line that fits": f'x: Literal["{WIDE[:12]}", "a"]\n',
    "wide docstring line": f'"""{WIDE}{WIDE}."""\n\nx = 1\n',
    "wide comment": f"# {WIDE}{WIDE}\nx = 1\n",
}


@pytest.mark.parametrize("text", WIDTH_CASES.values(), ids=WIDTH_CASES.keys())
def test_lines_are_measured_in_columns_as_black_measures_them(text: str) -> None:
    assert formatting.format_python(text) == _black(text)


def test_only_a_line_black_might_split_is_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    """Docstring and comment lines are never split: their width is not worked out."""
    measured: list[str] = []

    def str_width(line: str) -> int:
        measured.append(line)
        return len(line) * 2

    monkeypatch.setattr(formatting, "str_width", str_width)
    text = f'"""{WIDE}{WIDE}."""\n\n# {WIDE}{WIDE}\nx = "{WIDE}{WIDE[:12]}"\n'
    assert formatting._code_long_lines(text.split("\n")) == [4]
    assert measured == [f'x = "{WIDE}{WIDE[:12]}"']


SHAPES = """openapi: 3.0.3
info:
  title: Shapes
  version: "1.0"
  description: "Texte décrit en français, 日本語のテキストも含む説明文です。これは長い行です。"
servers:
  - url: https://api.shapes.example
paths:
  /v2/databases/{database_cluster_uuid}/config:
    get:
      operationId: databases_get_config
      description: "Ünïcödé description of the operation, long enough to reach black's limit of 88."
      parameters:
        - {name: database_cluster_uuid, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: OK
          content: {application/json: {schema: {$ref: "#/components/schemas/kafka_config"}}}
  /api/v1/chat/completions:
    post:
      operationId: agent_inference_create_chat_completion
      servers:
        - url: https://{agent_url}
          variables: {agent_url: {default: "{your-agent-url}", description: The agent URL.}}
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/user_name"}}}
      responses:
        "200": {description: OK}
components:
  schemas:
    kafka_config:
      type: object
      description: "設定 — the cluster's configuration: 日本語の説明文がここに入ります。とても長い説明です。"
      properties:
        log_retention_bytes:
          type: integer
          minimum: -1
          maximum: 9223372036854776000
          description: "The maximum size of the log before deleting messages — 日本語の説明文。"
        log_autovacuum_min_duration: {type: integer, minimum: -1, maximum: 2147483647}
    user_name:
      type: object
      required: [name]
      properties:
        name:
          type: string
          minLength: 2
          maxLength: 42
          pattern: "^[A-Za-z0-9()\\\\[\\\\]'\\"][-A-Za-z0-9_. \\\\/()\\\\[\\\\]]{0,40}[A-Za-z0-9()\\\\[\\\\]'\\"]$"
"""

RUN = """import sys
import sdkgen.cli as cli
try:
    cli.main(sys.argv[1:], standalone_mode=False)
finally:
    print("black imported:", "black" in sys.modules, file=sys.stderr)
"""


def test_a_cold_generation_of_these_shapes_never_imports_black(tmp_path: Path) -> None:
    """The shapes that used to fall back to black (a unary minus, a pattern holding both
    quotes, the client's `or` chains of a spec with per-operation servers, non-ASCII
    description lines) are laid out here, and the result is black's."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(SHAPES, encoding="utf-8")
    out = tmp_path / "out"
    run = [sys.executable, "-c", RUN, "generate", "-v", "-j", "1", str(spec), "-o", str(out)]
    done = subprocess.run([*run, "--package", "shapes_sdk", "--no-cache"], capture_output=True, text=True, check=True)
    assert "black was needed for 0 and for 0 whole files" in done.stderr
    assert "black imported: False" in done.stderr
    package = out / "python" / "shapes_sdk"
    texts = {path.name: path.read_text(encoding="utf-8") for path in package.rglob("*.py")}
    assert "ge=-1, le=9223372036854776000" in texts["kafka_config.py"]
    assert "        or server_url(\n" in texts["_client.py"]
    assert any(not text.isascii() for text in texts.values())
    for name, text in texts.items():
        assert _black(text) == text, name
