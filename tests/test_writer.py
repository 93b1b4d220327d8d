"""The writer's cheap paths keep its guarantees: a fresh output is planned without opening a
file, a short `write(2)` still writes every byte, and a file hard-linked from the output
tree being replaced keeps its old bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sdkgen.write import writer

FILES = {
    "python/pkg/__init__.py": b"from .client import Client\n",
    "python/pkg/types/thing.py": b"class Thing: ...\n",
    "docs/index.md": b"# Things\n",
}


def test_a_missing_or_empty_output_is_planned_without_opening_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(path: object) -> bytes | None:
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(writer, "_read", never)
    for output in (tmp_path / "missing", tmp_path / "empty"):
        if output.name == "empty":
            output.mkdir()
        the_plan = writer.plan(output, FILES)
        assert the_plan.writes == sorted(FILES) and not the_plan.conflicts


def test_only_the_files_a_folder_lists_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "out"
    writer.apply(output, FILES, writer.plan(output, FILES))
    (output / "python/pkg/types/thing.py").unlink()
    read: list[str] = []
    real = writer._read

    def counted(path: Path | str) -> bytes | None:
        read.append(str(path))
        return real(path)

    monkeypatch.setattr(writer, "_read", counted)
    the_plan = writer.plan(output, FILES)
    assert sorted(read) == sorted(str(output / p) for p in ("python/pkg/__init__.py", "docs/index.md"))
    assert the_plan.writes == ["python/pkg/types/thing.py"] and not the_plan.conflicts
    assert the_plan.unchanged == ["docs/index.md", "python/pkg/__init__.py"]


def test_a_short_write_still_writes_every_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.write

    def short(descriptor: int, data: bytes | memoryview) -> int:
        return real(descriptor, bytes(data[:3]))

    files = {"big.txt": bytes(range(256)) * 40, "small.txt": b"x"}
    monkeypatch.setattr(os, "write", short)
    output = tmp_path / "out"
    writer.apply(output, files, writer.plan(output, files))
    monkeypatch.undo()
    assert (output / "big.txt").read_bytes() == files["big.txt"]
    assert (output / "small.txt").read_bytes() == b"x"


def test_a_hard_link_to_a_replaced_file_keeps_the_old_bytes(tmp_path: Path) -> None:
    output = tmp_path / "out"
    writer.apply(output, FILES, writer.plan(output, FILES))
    os.link(output / "docs/index.md", tmp_path / "kept.md")
    new = {**FILES, "docs/index.md": b"# Things, again\n"}
    the_plan = writer.plan(output, new)
    assert the_plan.writes == ["docs/index.md"]
    writer.apply(output, new, the_plan)
    assert (output / "docs/index.md").read_bytes() == b"# Things, again\n"
    assert (tmp_path / "kept.md").read_bytes() == b"# Things\n"
