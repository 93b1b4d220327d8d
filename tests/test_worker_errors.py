"""Errors raised in the forked workers that render a large package (`-j 2`) reach the caller as
themselves: a `SpecError` keeps its located diagnostics across the process boundary."""

from __future__ import annotations

import gc
import pickle
from pathlib import Path

import pytest
from sdkgen.errors import Diagnostic, Location, SpecError
from sdkgen.ir.model import ApiIR
from sdkgen.pipeline import build
from sdkgen.targets.python import parallel

DIAGNOSTIC = Diagnostic("error", "something is wrong", Location(Path("spec.yaml"), "/paths/~1x/get", 12, 5))


def test_a_spec_error_survives_pickling_with_its_diagnostics() -> None:
    copy = pickle.loads(pickle.dumps(SpecError([DIAGNOSTIC])))
    assert isinstance(copy, SpecError)
    assert copy.diagnostics == [DIAGNOSTIC]
    assert str(copy) == "something is wrong"


def large_api(tmp_path: Path) -> ApiIR:
    schemas = "\n".join(f"    M{i}: {{type: object, properties: {{a: {{type: string}}}}}}" for i in range(160))
    spec = tmp_path / "spec.yaml"
    head = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
    spec.write_text(head + schemas + "\n")
    api, _ = build(spec, "big")
    assert len(api.models) >= parallel.PARALLEL_THRESHOLD
    return api


def test_a_spec_error_raised_in_a_worker_reaches_the_caller_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: object, **kwargs: object) -> dict[str, str]:
        raise SpecError([DIAGNOSTIC])

    monkeypatch.setattr(parallel, "render_python", failing)  # the forked workers inherit it
    package = parallel.PythonPackage(large_api(tmp_path), "spec.yaml", jobs=2)
    assert package._pool is not None
    with pytest.raises(SpecError) as caught:
        package.result()
    assert caught.value.diagnostics == [DIAGNOSTIC]


NAMING = """
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /naming/{name}:
    get:
      operationId: getName
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      responses:
        '204': {description: done}
"""


@pytest.mark.parametrize("workers", [1, 2])
def test_a_generated_file_that_is_not_python_is_a_located_error_at_its_operation(
    workers: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(NAMING)
    api, _ = build(spec, "naming_sdk")
    broken = "value = call(hyphen-in-path=1)\n"

    def render(*args: object, **kwargs: object) -> dict[str, str]:
        return {"python/naming_sdk/resources/naming.py": broken}

    monkeypatch.setattr(parallel, "render_python", render)
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 0)
    with pytest.raises(SpecError) as caught:
        parallel.PythonPackage(api, "spec.yaml", jobs=workers).result()
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.location.pointer == "/paths/~1naming~1{name}/get"
    assert diagnostic.message.startswith("internal error: generated python/naming_sdk/resources/naming.py is not valid")
    assert diagnostic.message.endswith("it comes from the operations of client.naming")


def test_jobs_1_keeps_a_large_package_in_one_process_with_the_same_files(tmp_path: Path) -> None:
    api = large_api(tmp_path)
    assert parallel.PythonPackage(api, "spec.yaml", jobs=1)._pool is None
    package = parallel.PythonPackage(api, "spec.yaml", jobs=2)
    assert package._pool is not None
    alone = parallel.PythonPackage(api, "spec.yaml", jobs=1).result()
    assert package.result() == alone


_RENDER_SHARE = parallel._render_share


def _share_and_freeze_count(share: int, shares: int) -> dict[str, bytes]:
    files = _RENDER_SHARE(share, shares)
    return {**files, f"frozen-{share}": str(gc.get_freeze_count()).encode()}


def test_workers_see_the_inherited_heap_frozen_and_the_caller_gets_it_back_unfrozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = large_api(tmp_path)
    monkeypatch.setattr(parallel, "_render_share", _share_and_freeze_count)
    files = parallel.PythonPackage(api, "spec.yaml", jobs=2).result()
    assert gc.get_freeze_count() == 0
    assert int(files.pop("frozen-0")) > 0 and int(files.pop("frozen-1")) > 0
    assert all(isinstance(data, bytes) for data in files.values())
