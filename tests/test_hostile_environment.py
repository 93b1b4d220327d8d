"""What the environment throws at a run: symlinks inside the output, permissions, special files
as the spec, a full or read-only disk. Each is reported by cause (README: exit codes), with
nothing outside the output touched and the output as it was.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT
from .runs import SMALL_SPEC, command, leftovers, snapshot, variant

BOUND = 120
"""Seconds after which a run that should stop at once is called hung (a bound, not a measurement)."""


def generate(spec: Path | str, output: Path, *extra: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        command(spec, output, *extra), cwd=ROOT, capture_output=True, text=True, timeout=BOUND, **kwargs
    )


@pytest.fixture
def output(tmp_path: Path) -> Path:
    out = tmp_path / "work" / "out"
    assert generate(SMALL_SPEC, out).returncode == 0
    return out


# -- symbolic links inside the output ----------------------------------------------------------


def test_a_symlinked_directory_inside_the_output_is_never_written_through(output: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(output / "docs" / "site", elsewhere)
    outside_before = snapshot(elsewhere)
    shutil.rmtree(output / "docs" / "site")
    (output / "docs" / "site").symlink_to(elsewhere, target_is_directory=True)
    changed = variant(SMALL_SPEC, tmp_path / "changed.yaml", "changed")

    refused = generate(changed, output)
    assert refused.returncode == 1, refused.stderr
    assert f"{output}/docs/site/index.html: exists and was not written by sdkgen" in refused.stderr
    assert snapshot(elsewhere) == outside_before
    assert (output / "docs" / "site").is_symlink()

    forced = generate(changed, output, "--force")
    assert forced.returncode == 0, forced.stderr
    assert snapshot(elsewhere) == outside_before, "--force wrote through the link"
    assert not (output / "docs" / "site").is_symlink() and (output / "docs" / "site" / "index.html").is_file()
    assert leftovers(output) == []


def test_a_symlinked_file_is_replaced_itself_never_its_target(output: Path, tmp_path: Path) -> None:
    target = tmp_path / "precious.md"
    target.write_text("mine\n")
    (output / "docs" / "index.md").unlink()
    (output / "docs" / "index.md").symlink_to(target)
    assert generate(SMALL_SPEC, output).returncode == 1
    assert generate(SMALL_SPEC, output, "--force").returncode == 0
    assert target.read_text() == "mine\n"
    assert not (output / "docs" / "index.md").is_symlink()


# -- the output directory's mode, owner and permissions ------------------------------------------


def test_a_writing_run_keeps_the_output_directory_mode(output: Path, tmp_path: Path) -> None:
    output.chmod(0o750)
    (output / "docs").chmod(0o711)
    assert generate(variant(SMALL_SPEC, tmp_path / "changed.yaml", "changed"), output).returncode == 0
    assert stat.S_IMODE(output.stat().st_mode) == 0o750
    assert stat.S_IMODE((output / "docs").stat().st_mode) == 0o711


def test_a_new_output_directory_gets_the_umask_mode(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    assert generate(SMALL_SPEC, fresh, preexec_fn=lambda: os.umask(0o027)).returncode == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o750


WITHOUT_OVERRIDE = [
    "setpriv",
    "--bounding-set",
    "-dac_override,-dac_read_search",
    "--inh-caps",
    "-dac_override,-dac_read_search",
    "--",
]
"""Root without the capability to ignore permissions: it meets a 0555 directory as a user does."""


def test_an_output_the_user_cannot_write_is_exit_73_with_nothing_changed(tmp_path: Path) -> None:
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root ignores permissions, and setpriv (to drop that capability) is not installed")
        prefix = WITHOUT_OVERRIDE
    output = tmp_path / "out"
    assert generate(SMALL_SPEC, output).returncode == 0
    output.chmod(0o555)
    before = snapshot(output)
    changed = variant(SMALL_SPEC, tmp_path / "changed.yaml", "changed")
    try:
        run = subprocess.run(
            [*prefix, *command(changed, output)], cwd=ROOT, capture_output=True, text=True, timeout=BOUND
        )
        assert run.returncode == 73, run.stderr
        assert run.stderr == f"sdkgen: cannot write output: permission denied: {output}; nothing was written\n"
        assert snapshot(output) == before and leftovers(output) == []
        assert stat.S_IMODE(output.stat().st_mode) == 0o555
    finally:
        output.chmod(0o755)


def test_an_output_path_that_is_a_file_is_exit_73(tmp_path: Path) -> None:
    file = tmp_path / "out"
    file.write_text("a file\n")
    run = generate(SMALL_SPEC, file)
    assert run.returncode == 73, run.stderr
    assert "exists and is not a directory" in run.stderr and file.read_text() == "a file\n"


# -- special files as the spec ---------------------------------------------------------------------


def test_dev_zero_as_the_spec_is_refused_before_reading(tmp_path: Path) -> None:
    run = generate("/dev/zero", tmp_path / "out")
    assert run.returncode == 2
    assert "/dev/zero is not a regular file" in run.stderr and not (tmp_path / "out").exists()


def test_a_fifo_as_the_spec_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "spec.yaml"
    os.mkfifo(fifo)
    run = generate(fifo, tmp_path / "out")  # no writer: reading would block for ever
    assert run.returncode == 2
    assert f"{fifo} is not a regular file" in run.stderr


def test_a_spec_over_the_size_limit_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:  # sparse: 300 MB that take no space and are never read
        handle.truncate(300 * 1024 * 1024)
    run = generate(big, tmp_path / "out")
    assert run.returncode == 2
    assert "is 300 MB, over the 256 MB limit (raise it with --max-spec-size)" in run.stderr
    small_limit = generate(SMALL_SPEC, tmp_path / "out", "--max-spec-size", "0.001")
    assert small_limit.returncode == 2 and "over the 1,048 bytes limit" in small_limit.stderr


def test_standard_input_is_read_up_to_the_limit(tmp_path: Path) -> None:
    piped = generate("-", tmp_path / "out", input=SMALL_SPEC.read_text())
    assert piped.returncode == 0, piped.stderr
    assert "python/run_sdk/_client.py" in snapshot(tmp_path / "out")
    with open("/dev/zero", "rb") as zeros:
        endless = subprocess.run(
            command("-", tmp_path / "zero", "--max-spec-size", "1"),
            cwd=ROOT,
            stdin=zeros,
            capture_output=True,
            timeout=BOUND,
        )
    assert endless.returncode == 2
    assert b"standard input is over the 1 MB limit" in endless.stderr


# -- a full or read-only file system -----------------------------------------------------------------


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "mnt"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs (needs root): {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_no_space_left_is_exit_74_naming_the_errno_and_the_path(small_tmpfs: Path) -> None:
    output = small_tmpfs / "out"
    run = generate(SMALL_SPEC, output)
    assert run.returncode == 74, run.stderr
    assert run.stderr.startswith("sdkgen: I/O error: No space left on device (ENOSPC): ")
    assert str(small_tmpfs) in run.stderr and "bug" not in run.stderr
    assert not output.exists() and leftovers(output) == []


def test_a_read_only_file_system_is_exit_74(small_tmpfs: Path) -> None:
    output = small_tmpfs / "out"
    output.mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(small_tmpfs)], check=True)
    run = generate(SMALL_SPEC, output)
    assert run.returncode == 74, run.stderr
    assert run.stderr == f"sdkgen: I/O error: Read-only file system (EROFS): {output}\n"
