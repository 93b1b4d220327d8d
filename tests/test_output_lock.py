"""One writer per output directory: concurrent runs take turns under an `flock`.

Two `generate` runs racing into one directory both succeed and leave exactly one of the two
trees (never a mix, never a missing file); `--no-wait` fails at once with 75; `check` waits
for a writer; leftovers beside the output are removed only when their owner is dead.
`make stress` runs 50 races on a small spec and 5 on the DigitalOcean bundle.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sdkgen.write.lock import output_lock
from sdkgen.write.writer import remove_leftovers

from .conftest import DO_SPEC_DIR, ROOT
from .runs import SMALL_SPEC, STRESS, command, leftovers, sdkgen, snapshot, trials, variant


def race(spec_a: Path, spec_b: Path, output: Path, *extra: str) -> None:
    runs = [
        subprocess.Popen(command(spec, output, *extra), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for spec in (spec_a, spec_b)
    ]
    for run in runs:
        _, stderr = run.communicate()
        assert run.returncode == 0, stderr.decode()


@pytest.fixture(scope="module")
def two_trees(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    folder = tmp_path_factory.mktemp("specs")
    spec_a, spec_b = variant(SMALL_SPEC, folder / "a.yaml", "A"), variant(SMALL_SPEC, folder / "b.yaml", "B")
    for spec in (spec_a, spec_b):
        assert subprocess.run(command(spec, folder / spec.stem), cwd=ROOT, capture_output=True).returncode == 0
    return spec_a, spec_b, snapshot(folder / "a"), snapshot(folder / "b")


def test_two_runs_racing_into_one_output_leave_one_whole_tree(
    two_trees: tuple[Path, Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    spec_a, spec_b, tree_a, tree_b = two_trees
    for trial in range(trials(4, 50)):
        output = tmp_path / f"race{trial}" / "out"
        race(spec_a, spec_b, output, "--no-cache")
        assert snapshot(output) in (tree_a, tree_b), f"trial {trial}: the racing runs left a mixed tree"
        assert leftovers(output) == []


@pytest.mark.skipif(not STRESS, reason="long: `make stress` races on the DigitalOcean bundle")
def test_two_runs_racing_on_the_digitalocean_bundle(tmp_path: Path) -> None:
    bundle = DO_SPEC_DIR / "DigitalOcean-public.v2.bundled.yaml"
    if not bundle.is_file():
        pytest.skip(f"the shared DigitalOcean corpus is not at {DO_SPEC_DIR}")
    other = tmp_path / "other.yaml"
    other.write_text(bundle.read_text(encoding="utf-8").replace("The unique identifier", "The identifier"))
    for trial in range(5):
        output = tmp_path / f"race{trial}" / "out"
        race(bundle, other, output)
        files = snapshot(output)
        assert "python/run_sdk/_base_client.py" in files and "python/run_sdk/_models.py" in files
        verdicts = [
            sdkgen("check", str(spec), "-o", str(output), "--package", "run_sdk").returncode for spec in (bundle, other)
        ]
        assert sorted(verdicts) == [0, 1], f"trial {trial}: the tree is not wholly one run's ({verdicts})"
        assert leftovers(output) == []
        imported = subprocess.run(
            [sys.executable, "-c", "import run_sdk"], cwd=output / "python", capture_output=True, text=True
        )
        assert imported.returncode == 0, imported.stderr


def test_no_wait_fails_at_once_with_75_while_another_run_holds_the_output(tmp_path: Path) -> None:
    output = tmp_path / "out"
    assert sdkgen("generate", str(SMALL_SPEC), "-o", str(output), "--package", "run_sdk").returncode == 0
    before = snapshot(output)
    with output_lock(output, exclusive=True):
        refused = sdkgen(
            "generate", str(SMALL_SPEC), "-o", str(output), "--package", "run_sdk", "--no-wait", "--no-cache"
        )
        checked = sdkgen("check", str(SMALL_SPEC), "-o", str(output), "--package", "run_sdk", "--no-wait")
    assert refused.returncode == 75, refused.stderr
    assert f"is locked by another sdkgen run (pid {os.getpid()})" in refused.stderr
    assert checked.returncode == 75, checked.stderr
    assert snapshot(output) == before


def test_a_second_run_waits_for_the_lock_then_runs_against_the_finished_tree(tmp_path: Path) -> None:
    output = tmp_path / "out"
    with output_lock(output, exclusive=True):
        waiting = subprocess.Popen(
            command(SMALL_SPEC, output, "--no-cache"),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert waiting.stderr is not None
        assert waiting.stderr.readline().startswith(f"sdkgen: waiting for another sdkgen run on {output}")
        assert waiting.poll() is None and not output.exists()  # it has not written while we hold the lock
    _, rest = waiting.communicate()
    assert waiting.returncode == 0, rest
    assert "python/run_sdk/_base_client.py" in snapshot(output)


def test_check_reads_only_under_a_shared_lock(tmp_path: Path) -> None:
    output = tmp_path / "out"
    assert sdkgen("generate", str(SMALL_SPEC), "-o", str(output), "--package", "run_sdk").returncode == 0
    with output_lock(output, exclusive=False):  # readers share: a check is not held up by another check
        checked = sdkgen("check", str(SMALL_SPEC), "-o", str(output), "--package", "run_sdk", "--no-wait")
    assert checked.returncode == 0, checked.stderr


def test_leftovers_are_removed_only_when_their_owner_is_dead(tmp_path: Path) -> None:
    output = tmp_path / "out"
    output.mkdir()
    dead_pid = subprocess.Popen(["true"])
    dead_pid.wait()
    alive = tmp_path / f".out.sdkgen-next-{os.getppid()}-abc"  # a live process: pytest's parent
    dead = tmp_path / f".out.sdkgen-next-{dead_pid.pid}-def"
    legacy = tmp_path / ".out.sdkgen-next-ghi"
    for folder in (alive, dead, legacy):
        (folder / "docs").mkdir(parents=True)
    remove_leftovers(output)
    assert leftovers(output) == [alive.name]


def test_a_run_with_nothing_to_do_still_removes_dead_runs_leftovers(tmp_path: Path) -> None:
    """A run killed after its swap leaves its build folder beside an output that is already
    what the next run would write: that run takes the no-op shortcut, and must tidy too."""
    output = tmp_path / "out"
    generate = ("generate", str(SMALL_SPEC), "-o", str(output), "--package", "run_sdk")
    assert sdkgen(*generate).returncode == 0
    dead_pid = subprocess.Popen(["true"])
    dead_pid.wait()
    alive = tmp_path / f".out.sdkgen-next-{os.getppid()}-abc"
    dead = tmp_path / f".out.sdkgen-next-{dead_pid.pid}-def"
    for folder in (alive, dead):
        (folder / "docs").mkdir(parents=True)
    again = sdkgen(*generate)
    assert again.returncode == 0 and "nothing changed" in again.stdout, again.stderr
    assert leftovers(output) == [alive.name]


def test_a_run_leaves_nothing_beside_the_output(tmp_path: Path) -> None:
    """The lock is the parent directory itself (`write/lock.py`): no lock file in the user's tree."""
    (tmp_path / "README.md").write_text("a project\n")
    before = sorted(p.name for p in tmp_path.iterdir())
    output = tmp_path / "out"
    assert sdkgen("generate", str(SMALL_SPEC), "-o", str(output), "--package", "run_sdk").returncode == 0
    assert sdkgen("check", str(SMALL_SPEC), "-o", str(output), "--package", "run_sdk").returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "out"])
    # The lock file an earlier version left there goes with the next generate that writes.
    (tmp_path / ".out.sdkgen-lock").write_text("4242\n")
    assert sdkgen("generate", str(SMALL_SPEC), "-o", str(output), "--package", "run_sdk", "--no-cache").returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "out"])


def test_where_a_directory_cannot_be_locked_the_lock_is_a_file_under_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NFS refuses an exclusive `flock` on a directory (EBADF: not open for writing): the lock
    moves to the cache folder, never into the user's tree, and still excludes."""
    import errno
    import fcntl
    import stat

    from sdkgen.write import lock

    real_flock = fcntl.flock

    def nfs_flock(descriptor: int, operation: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode) and operation & fcntl.LOCK_EX:
            raise OSError(errno.EBADF, "Bad file descriptor")
        real_flock(descriptor, operation)

    monkeypatch.setattr(lock.fcntl, "flock", nfs_flock)
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    project = tmp_path / "project"
    project.mkdir()
    output = project / "out"
    with lock.output_lock(output, exclusive=True):
        assert lock.fallback_lock_file(project).is_file()
        for exclusive in (True, False):
            with pytest.raises(lock.OutputLocked), lock.output_lock(output, exclusive=exclusive, wait=False):
                pass
    with lock.output_lock(output, exclusive=False), lock.output_lock(output, exclusive=False, wait=False):
        pass  # readers share
    assert sorted(p.name for p in project.iterdir()) == []
