"""The command line: generate and check, their exit codes, and what they never touch."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sdkgen.cli import main

from .conftest import ROOT


def sdkgen_env(cwd: Path) -> dict[str, str]:
    return {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "SDKGEN_CACHE_DIR": str(cwd / ".cache")}


def sdkgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sdkgen", *args], cwd=cwd, capture_output=True, text=True, env=sdkgen_env(cwd)
    )


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of this repo's configuration, schema and committed output."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    shutil.copytree(ROOT / "output", tmp_path / "output")
    return tmp_path


def test_check_passes_on_committed_output(project: Path) -> None:
    result = sdkgen("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "up to date" in result.stdout


def test_check_fails_with_a_diff_after_a_one_word_edit(project: Path) -> None:
    spec = project / "schemas" / "shared.yaml"
    text = spec.read_text()
    spec.write_text(text.replace("The number of virtual CPUs.", "The number of virtual processors."))
    before = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    result = sdkgen("check", cwd=project)
    assert result.returncode == 1
    assert '-    """The number of virtual CPUs."""' in result.stdout
    assert '+    """The number of virtual processors."""' in result.stdout
    assert "+++ b/python/shared_sdk/types/shared/droplet.py" in result.stdout
    assert "+++ b/docs/models.md" in result.stdout
    # check never writes
    assert before == {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}


def test_generate_overrides_from_the_command_line(tmp_path: Path) -> None:
    spec = ROOT / "tests" / "golden" / "enums" / "spec.yaml"
    result = sdkgen("generate", str(spec), "-o", str(tmp_path / "out"), "--package", "acme_sdk", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "python" / "acme_sdk" / "types" / "shared" / "task.py").is_file()
    assert (
        sdkgen("check", str(spec), "-o", str(tmp_path / "out"), "--package", "acme_sdk", cwd=tmp_path).returncode == 0
    )


def test_a_successful_run_ends_its_process_at_once_with_its_output_flushed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An exit hook registered before the command stands for the interpreter's teardown.
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('teardown', file=sys.stderr))\n"
        "from sdkgen.cli import main\n"
        "main()\n"
    )
    spec = ROOT / "tests" / "golden" / "enums" / "spec.yaml"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", probe, *args], cwd=tmp_path, capture_output=True, text=True, env=sdkgen_env(tmp_path)
        )

    done = run("generate", str(spec), "-o", str(tmp_path / "out"), "--package", "acme_sdk")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("sdkgen: ") and "teardown" not in done.stderr  # flushed into a pipe
    # An error ends the usual way; called from Python (`CliRunner`), a run returns.
    failed = run("generate", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "out"))
    assert failed.returncode == 2 and failed.stderr.endswith("teardown\n")
    monkeypatch.chdir(tmp_path)  # as the runs above: no [tool.sdkgen] (this repo's asks for TypeScript too)
    again = CliRunner().invoke(main, ["check", str(spec), "-o", str(tmp_path / "out"), "--package", "acme_sdk"])
    assert again.exit_code == 0 and "is up to date" in again.output


def test_generate_keeps_files_it_did_not_write(project: Path) -> None:
    notes = project / "output" / "python" / "NOTES.md"
    notes.write_text("mine")
    (project / "output" / "python" / "shared_sdk" / "types" / "shared" / "custom.py").write_text("X = 1\n")
    spec = project / "schemas" / "shared.yaml"
    spec.write_text(spec.read_text().replace("The number of virtual CPUs.", "The vCPU count."))
    result = sdkgen("generate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert notes.read_text() == "mine"
    assert (project / "output" / "python" / "shared_sdk" / "types" / "shared" / "custom.py").read_text() == "X = 1\n"
    assert (
        "The vCPU count."
        in (project / "output" / "python" / "shared_sdk" / "types" / "shared" / "droplet.py").read_text()
    )


def test_generate_removes_only_its_own_stale_files(project: Path) -> None:
    spec = project / "schemas" / "shared.yaml"
    text = spec.read_text()
    scratch = "    Scratch:\n      type: object\n      properties:\n        a:\n          type: string\n"
    spec.write_text(text.replace("  schemas:\n", "  schemas:\n" + scratch, 1))
    shared = project / "output" / "python" / "shared_sdk" / "types" / "shared"
    assert sdkgen("generate", cwd=project).returncode == 0
    assert (shared / "scratch.py").exists()
    spec.write_text(text)
    result = sdkgen("generate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (shared / "scratch.py").exists()
    assert not (project / "output" / "docs" / "site" / "models" / "scratch.html").exists()
    assert not (project / "output" / "typescript" / "src" / "types" / "scratch.ts").exists()
    assert "3 removed" in result.stdout


def test_generate_refuses_to_overwrite_a_hand_edited_file(project: Path) -> None:
    droplet = project / "output" / "python" / "shared_sdk" / "types" / "shared" / "droplet.py"
    droplet.write_text(droplet.read_text() + "\n# local fix\n")
    spec = project / "schemas" / "shared.yaml"
    spec.write_text(spec.read_text().replace("The number of virtual CPUs.", "The vCPU count."))
    result = sdkgen("generate", cwd=project)
    assert result.returncode == 1
    assert "edited by hand" in result.stderr
    assert droplet.read_text().endswith("# local fix\n")
    forced = sdkgen("generate", "--force", cwd=project)
    assert forced.returncode == 0, forced.stderr
    assert "The vCPU count." in droplet.read_text()


def test_bad_input_is_located_with_exit_code_2_and_no_traceback(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Bad, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Thing:\n      type: object\n      properties:\n        owner:\n"
        "          $ref: '#/components/schemas/Nope'\n"
    )
    out = tmp_path / "out"
    result = sdkgen("generate", str(spec), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "bad.yaml:10:11: error: $ref target not found" in result.stderr
    assert "at /components/schemas/Thing/properties/owner/$ref" in result.stderr
    assert not out.exists()


def test_invalid_yaml_is_located(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: x\n")
    result = sdkgen("generate", str(spec), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert "broken.yaml:3:1: error: invalid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_swagger_1_2_is_refused_and_2_0_is_read(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text("swagger: '1.2'\ninfo: {title: x, version: '1'}\npaths: {}\n")
    result = sdkgen("generate", str(old), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert "Swagger 1.2 is not supported (Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 are)" in result.stderr
    spec = tmp_path / "two.yaml"
    spec.write_text("swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\ndefinitions: {Pet: {type: object}}\n")
    result = sdkgen("generate", str(spec), "-o", str(tmp_path / "out"), "--package", "two_sdk", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "python" / "two_sdk" / "types" / "shared" / "pet.py").is_file()


def test_check_reports_a_hand_edited_file_and_writes_nothing(project: Path) -> None:
    droplet = project / "output" / "python" / "shared_sdk" / "types" / "shared" / "droplet.py"
    droplet.write_text(droplet.read_text() + "\n# local fix\n")
    before = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    result = sdkgen("check", cwd=project)
    assert result.returncode == 1
    assert "droplet.py: edited by hand since sdkgen wrote it" in result.stderr
    assert before == {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}


def test_a_second_run_with_nothing_changed_does_nothing_but_still_sees_edits(project: Path) -> None:
    assert sdkgen("generate", cwd=project).returncode == 0
    again = sdkgen("generate", cwd=project)
    assert again.returncode == 0 and "nothing changed" in again.stdout
    droplet = project / "output" / "python" / "shared_sdk" / "types" / "shared" / "droplet.py"
    droplet.write_text(droplet.read_text() + "\n# local fix\n")
    edited = sdkgen("generate", cwd=project)
    assert edited.returncode == 1 and "edited by hand" in edited.stderr
    droplet.write_text(droplet.read_text().replace("\n# local fix\n", ""))
    spec = project / "schemas" / "shared.yaml"
    spec.write_text(spec.read_text().replace("The number of virtual CPUs.", "The vCPU count."))
    changed = sdkgen("generate", cwd=project)
    assert changed.returncode == 0 and "nothing changed" not in changed.stdout
    assert "The vCPU count." in droplet.read_text()


def test_check_names_the_generate_command_that_fixes_it_as_the_user_ran_it(project: Path, tmp_path: Path) -> None:
    spec = project / "schemas" / "shared.yaml"
    spec.write_text(spec.read_text().replace("The number of virtual CPUs.", "The number of virtual processors."))
    from_config = sdkgen("check", cwd=project)
    assert from_config.returncode == 1
    assert from_config.stderr.endswith(f"sdkgen: {project / 'output'} is stale; run `sdkgen generate`\n")
    other = tmp_path / "my sdk"
    assert sdkgen("generate", "schemas/shared.yaml", "-o", str(other), "--package", "acme", cwd=project).returncode == 0
    spec.write_text(spec.read_text().replace("virtual processors", "virtual CPUs"))
    given = sdkgen("check", "schemas/shared.yaml", "-o", str(other), "--package", "acme", "--no-wait", cwd=project)
    assert given.returncode == 1
    expected = f"run `sdkgen generate schemas/shared.yaml -o '{other}' --package acme`\n"
    assert given.stderr.endswith(expected), given.stderr


def test_no_spec_says_where_sdkgen_looked(tmp_path: Path) -> None:
    bare = sdkgen("generate", cwd=tmp_path)
    assert bare.returncode == 2
    assert bare.stderr == (
        "sdkgen: error: no spec argument and no [tool.sdkgen] spec in ./pyproject.toml (there is no such file): "
        "give the spec, `sdkgen generate SPEC`\n"
    )
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.sdkgen]\npackage = "x_sdk"\n')
    configured = sdkgen("check", cwd=tmp_path)
    assert configured.returncode == 2
    assert configured.stderr == (
        "pyproject.toml:4:1: error: no spec argument and no [tool.sdkgen] spec in ./pyproject.toml\n"
        "    at /tool/sdkgen\n"
        "sdkgen: 1 error; nothing was written\n"
    )
