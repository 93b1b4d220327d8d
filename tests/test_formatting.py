"""The format stage: one `ruff format` run over the staged package (or black's, when chosen),
checked against black, the oracle."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import black
import pytest
from sdkgen.targets.python import formatting, parallel
from sdkgen.targets.python.formatting import FormatterMissing, InvalidPython, format_files, formatter_command

from .conftest import ROOT


def _black(text: str) -> str:
    return str(black.format_str(text, mode=black.Mode()))


UNFORMATTED = {
    "python/pkg/a.py": "x = {  'a':1 }\n",
    "python/pkg/sub/b.py": "def f(a,b):\n  return a+b\n",
    "python/README.md": "x = {  'a':1 }\n",
}


def test_every_python_file_is_formatted_in_one_formatter_run(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[list[str]] = []
    real_run = subprocess.run

    def counting(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        runs.append(command)
        return real_run(command, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(formatting.subprocess, "run", counting)
    files = format_files(UNFORMATTED, formatter_command("ruff"))
    assert len(runs) == 1
    assert files == {
        "python/pkg/a.py": b'x = {"a": 1}\n',
        "python/pkg/sub/b.py": b"def f(a, b):\n    return a + b\n",
        "python/README.md": b"x = {  'a':1 }\n",  # not Python: left as the template printed it
    }


def test_the_users_own_ruff_configuration_does_not_reach_the_generated_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Generated code is the same on every machine: a user-level ruff.toml (single quotes, a
    short line) and one in the working directory are ignored (`--isolated`), and so is black's."""
    config = "line-length = 20\n[format]\nquote-style = 'single'\n"
    (tmp_path / "ruff").mkdir()
    (tmp_path / "ruff" / "ruff.toml").write_text(config)
    (tmp_path / "ruff.toml").write_text(config)
    # Black's user-level file: $XDG_CONFIG_HOME/black.
    (tmp_path / "black").write_text("[tool.black]\nline-length = 20\nskip-string-normalization = true\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    text = 'value = call("first argument", "second")\n'
    for formatter in ("ruff", "black"):
        assert format_files({"python/pkg/m.py": text}, formatter_command(formatter)) == {
            "python/pkg/m.py": text.encode()
        }


def test_a_file_that_is_not_python_is_reported_with_its_path_and_line() -> None:
    for formatter in ("ruff", "black"):
        with pytest.raises(InvalidPython) as caught:
            format_files(
                {"python/pkg/ok.py": "x = 1\n", "python/pkg/sub/bad.py": "x = (\n"}, formatter_command(formatter)
            )
        assert caught.value.path == "python/pkg/sub/bad.py", formatter
        assert caught.value.detail, formatter


def test_black_formats_when_chosen() -> None:
    """Implicitly joined strings are where ruff's style and black's (stable) differ: ruff
    joins them when they fit on one line, black keeps both."""
    text = 'x = "a" "b"\n'
    assert format_files({"m.py": text}, formatter_command("ruff")) == {"m.py": b'x = "ab"\n'}
    assert format_files({"m.py": text}, formatter_command("black")) == {"m.py": text.encode()}


def test_a_missing_formatter_is_one_clear_error_before_any_worker_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ruff.__main__", None)  # `from ruff.__main__ import ...` fails
    with pytest.raises(FormatterMissing, match=r"ruff, which formats the generated Python, is not installed"):
        formatter_command("ruff")
    monkeypatch.setattr(formatting, "find_spec", lambda name: None)
    with pytest.raises(FormatterMissing, match=r"pip install 'sdkgen\[black\]'"):
        formatter_command("black")
    with pytest.raises(FormatterMissing):
        parallel.PythonPackage(None, "spec.yaml", jobs=2)  # type: ignore[arg-type]


def test_sdkgen_without_ruff_exits_69_saying_what_to_install(tmp_path: Path) -> None:
    hide_ruff = "import sys; sys.modules['ruff.__main__'] = None; from sdkgen.cli import main; main()"
    spec = ROOT / "tests" / "golden" / "enums" / "spec.yaml"
    ran = subprocess.run(
        [sys.executable, "-c", hide_ruff, "generate", str(spec), "-o", str(tmp_path / "out"), "--no-cache"],
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 69, ran.stderr
    assert ran.stderr.startswith("sdkgen: error: ruff, which formats the generated Python, is not installed")
    assert "nothing was written" in ran.stderr and "Traceback" not in ran.stderr
    assert not (tmp_path / "out").exists()


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


def test_tricky_shapes_come_out_as_black_would_lay_them_out(tmp_path: Path) -> None:
    """Shapes black and a hand-written layout used to disagree on (a unary minus, a pattern
    holding both quotes, the client's `or` chains of a spec with per-operation servers,
    lines of wide characters): ruff's layout of them is black's."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(SHAPES, encoding="utf-8")
    out = tmp_path / "out"
    run = [sys.executable, "-m", "sdkgen", "generate", "-j", "1", str(spec), "-o", str(out)]
    subprocess.run([*run, "--package", "shapes_sdk", "--no-cache"], capture_output=True, text=True, check=True)
    package = out / "python" / "shapes_sdk"
    texts = {path.name: path.read_text(encoding="utf-8") for path in package.rglob("*.py")}
    assert "ge=-1, le=9223372036854776000" in texts["kafka_config.py"]
    assert "        or server_url(\n" in texts["_client.py"]
    assert any(not text.isascii() for text in texts.values())
    for name, text in texts.items():
        assert _black(text) == text, name


def test_generate_with_formatter_black_from_pyproject_or_the_command_line(tmp_path: Path) -> None:
    spec = ROOT / "tests" / "golden" / "enums" / "spec.yaml"
    (tmp_path / "pyproject.toml").write_text(f'[tool.sdkgen]\nspec = "{spec}"\nformatter = "black"\n')
    base = [sys.executable, "-m", "sdkgen"]
    configured = subprocess.run([*base, "generate", "-o", "a"], cwd=tmp_path, capture_output=True, text=True)
    flagged = subprocess.run(
        [*base, "generate", str(spec), "-o", str(tmp_path / "b"), "--formatter", "black"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert configured.returncode == 0 and flagged.returncode == 0, configured.stderr + flagged.stderr
    # The formatter is part of the run record's key: switching it is not "nothing changed".
    ruff_again = subprocess.run(
        [*base, "generate", str(spec), "-o", str(tmp_path / "b")], capture_output=True, text=True
    )
    assert ruff_again.returncode == 0 and "nothing changed" not in ruff_again.stdout, ruff_again.stdout
    (tmp_path / "pyproject.toml").write_text('[tool.sdkgen]\nformatter = "yapf"\n')
    wrong = subprocess.run([*base, "generate", str(spec)], cwd=tmp_path, capture_output=True, text=True)
    assert wrong.returncode == 2
    assert "[tool.sdkgen] formatter must be one of ruff, black, not 'yapf'" in wrong.stderr


def test_the_run_record_knows_the_formatters_version() -> None:
    """Another ruff may lay the code out otherwise: its version is part of the record's key,
    found without importlib.metadata (which a run with nothing to do cannot afford)."""
    from importlib import metadata

    from sdkgen.write.run_record import installed_version

    assert installed_version("ruff") == f"ruff-{metadata.version('ruff')}.dist-info"
    assert installed_version("black") == f"black-{metadata.version('black')}.dist-info"
    assert installed_version("no_such_formatter") == "missing"


def test_the_staging_folder_is_on_memory_unless_tmpdir_says_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots: list[Path] = []
    monkeypatch.setattr(formatting, "format_tree", lambda root, command: roots.append(root))
    monkeypatch.delenv("TMPDIR", raising=False)
    format_files({"m.py": "x = 1\n"}, [])
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # tempfile reads TMPDIR again
    format_files({"m.py": "x = 1\n"}, [])
    expected = "/dev/shm" if Path("/dev/shm").is_dir() else None
    if expected:
        assert roots[0].parent == Path(expected)
    assert roots[1].parent == tmp_path
    assert not roots[0].exists() and not roots[1].exists()  # removed after the run


def test_a_security_alternative_of_two_schemes_stays_on_its_line() -> None:
    """A trailing comma inside a tuple of several keys would make ruff (and black) explode it
    one key a line: the view prints one only where a tuple of one needs it."""
    from sdkgen.targets.python.literals import security_literal

    literal = security_literal((("oauth2", "api_key"), ("basic",)))
    assert literal == '(("oauth2", "api_key"), ("basic",))'
    text = f"send(\n    security={literal},\n)\n"
    assert format_files({"m.py": text}, formatter_command("ruff")) == {"m.py": text.encode()}


def test_a_formatter_that_fails_on_no_file_is_an_error_naming_its_command() -> None:
    with pytest.raises(formatting.FormatterFailed, match=r"`false` failed \(exit 1\)"):
        format_files({"m.py": "x = 1\n"}, ["false"])
