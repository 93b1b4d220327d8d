"""The CI recipes: the pre-commit hooks (`.pre-commit-hooks.yaml`) and the GitHub composite action
(`action.yml`), each run on a throwaway project whose pyproject.toml has `[tool.sdkgen]`.

`pre-commit try-repo` and the action's install step each pip-install sdkgen into a fresh
virtual environment, as they do for a user (about 40 s each); the rest runs in seconds.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BASE_SPEC = ROOT / "tests" / "diff" / "base.yaml"
BIN = Path(sys.executable).parent


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True, capture_output=True
    )


def project(folder: Path) -> Path:
    """A git repository with a spec and `[tool.sdkgen]`, and nothing generated yet."""
    folder.mkdir()
    shutil.copy(BASE_SPEC, folder / "api.yaml")
    (folder / "pyproject.toml").write_text(
        '[tool.sdkgen]\nspec = "api.yaml"\noutput = "sdk"\npackage = "pets_sdk"\n', encoding="utf-8"
    )
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", ".")
    git(folder, "commit", "-qm", "the spec")
    return folder


def run(args: list[str], cwd: Path, path: Path = BIN, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PATH": f"{path}{os.pathsep}{os.environ['PATH']}", **env}
    return subprocess.run(args, cwd=cwd, env=environment, capture_output=True, text=True, check=False)


# -- pre-commit ------------------------------------------------------------------------------


def hooks() -> dict[str, dict[str, object]]:
    return {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_the_hooks_run_as_pre_commit_runs_them(tmp_path: Path) -> None:
    """Each hook's `entry`, with no file names, at the root of a project with `[tool.sdkgen]`."""
    repo = project(tmp_path / "proj")
    found = hooks()
    assert set(found) == {"sdkgen-check", "sdkgen-generate"}
    assert all(h["language"] == "python" and h["pass_filenames"] is False for h in found.values())
    check, generate = (shlex.split(str(found[i]["entry"])) for i in ("sdkgen-check", "sdkgen-generate"))
    stale = run(check, repo)
    assert stale.returncode == 1
    assert "+++ b/python/pets_sdk/types/shared/pet.py" in stale.stdout and "is stale" in stale.stderr
    assert run(generate, repo).returncode == 0
    assert (repo / "sdk" / "python" / "pets_sdk" / "types" / "shared" / "pet.py").is_file()
    assert run(check, repo).returncode == 0


@pytest.mark.skipif(shutil.which("pre-commit", path=str(BIN)) is None, reason="pre-commit is a dev dependency")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    """The real thing: pre-commit builds its own environment from this repository (pip install)."""
    repo = project(tmp_path / "proj")
    result = run(
        ["pre-commit", "try-repo", str(ROOT), "--all-files"], repo, PRE_COMMIT_HOME=str(tmp_path / "pre-commit")
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"sdkgen check \(the generated SDK is up to date\)\.+Failed", result.stdout), result.stdout
    assert "+++ b/python/pets_sdk/types/shared/pet.py" in result.stdout
    assert re.search(r"sdkgen generate \(regenerate the SDK\)\.+Passed", result.stdout), result.stdout
    assert run(["sdkgen", "check"], repo).returncode == 0  # the hook wrote the SDK


# -- the GitHub action, its steps run as a script ------------------------------------------


def expression(text: str, context: dict[str, dict[str, str]]) -> str:
    """The `${{ ... }}` forms action.yml uses: `a.b`, `format('..{0}..', a.b)`, `x || y`."""

    def value(term: str) -> str:
        term = term.strip()
        formatted = re.fullmatch(r"format\('([^']*)',\s*([\w.-]+)\)", term)
        if formatted:
            return formatted.group(1).format(value(formatted.group(2)))
        scope, _, name = term.partition(".")
        return context[scope][name]

    for term in text.split("||"):
        if found := value(term):
            return found
    return ""


def substitute(text: str, context: dict[str, dict[str, str]]) -> str:
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: expression(m.group(1), context), text)


def run_action(inputs: dict[str, str], repo: Path, tools: Path) -> list[tuple[str, int, str]]:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    defaults = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    context = {"inputs": defaults | inputs, "github": {"action_path": str(ROOT), "base_ref": "main"}}
    summary = repo.parent / "summary.md"
    results: list[tuple[str, int, str]] = []
    failed = False
    for step in action["runs"]["steps"]:
        condition = step.get("if", "")
        assert condition in ("", "${{ !cancelled() }}"), condition
        if failed and not condition:
            continue
        env = {k: substitute(str(v), context) for k, v in step.get("env", {}).items()}
        cwd = repo / substitute(step.get("working-directory", "."), context)
        script = substitute(step["run"], context)
        done = run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd,
            tools,
            GITHUB_STEP_SUMMARY=str(summary),
            RUNNER_TEMP=str(repo.parent),
            **env,
        )
        failed = failed or done.returncode != 0
        results.append((step["name"], done.returncode, done.stdout + done.stderr))
    return results


def test_the_action_on_a_pull_request(tmp_path: Path) -> None:
    repo = project(tmp_path / "proj")
    assert run(["sdkgen", "generate"], repo).returncode == 0
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "the SDK")
    git(repo, "update-ref", "refs/remotes/origin/main", "main")
    git(repo, "checkout", "-qb", "change")
    spec = yaml.safe_load((repo / "api.yaml").read_text(encoding="utf-8"))
    spec["paths"]["/v1/pets"]["get"]["parameters"].append(
        {"name": "owner_id", "in": "query", "required": True, "schema": {"type": "integer"}}
    )
    (repo / "api.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    tools = tmp_path / "venv"
    venv.create(tools, with_pip=True)
    steps = run_action({}, repo, tools / "bin")
    assert [(name, code) for name, code, _ in steps] == [("Install sdkgen", 0), ("sdkgen check", 1), ("sdkgen diff", 1)]
    assert "is stale" in steps[1][2]
    report = "- `client.pets.list(owner_id)`: new required argument owner_id: int (argument_added_required)"
    assert report in steps[2][2]
    assert report in (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert run(["sdkgen", "generate"], repo).returncode == 0
    steps = run_action({"fail-on": "none"}, repo, tools / "bin")
    assert [(name, code) for name, code, _ in steps] == [("Install sdkgen", 0), ("sdkgen check", 0), ("sdkgen diff", 0)]
    assert "1 change, 1 breaking: major release" in steps[2][2]
