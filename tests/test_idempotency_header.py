"""`x-sdk-idempotency-header` names the header that carries the idempotency key; `false` sends none."""

from __future__ import annotations

from pathlib import Path

import pytest
from sdkgen.errors import SpecError
from sdkgen.pipeline import generate_files

from .runs import SMALL_SPEC


def reliability_module(tmp_path: Path, setting: str | None) -> str:
    text = SMALL_SPEC.read_text(encoding="utf-8")
    if setting is not None:
        text = text.replace("openapi: 3.1.0\n", f"openapi: 3.1.0\nx-sdk-idempotency-header: {setting}\n", 1)
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    files = generate_files(spec, "keyed_sdk").files
    return files["python/keyed_sdk/_reliability.py"].decode()


def test_the_default_header_is_idempotency_key(tmp_path: Path) -> None:
    assert 'IDEMPOTENCY_HEADER = "Idempotency-Key"\n' in reliability_module(tmp_path, None)


def test_a_spec_names_its_own_header(tmp_path: Path) -> None:
    assert 'IDEMPOTENCY_HEADER = "X-Request-Key"\n' in reliability_module(tmp_path, "X-Request-Key")


def test_false_sends_no_key(tmp_path: Path) -> None:
    assert 'IDEMPOTENCY_HEADER = ""\n' in reliability_module(tmp_path, "false")


def test_a_value_that_is_not_a_header_name_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        reliability_module(tmp_path, "'not a header'")
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.message == "x-sdk-idempotency-header must be a header name or false, not 'not a header'"
    assert diagnostic.location.pointer == "/x-sdk-idempotency-header" and diagnostic.location.line == 2
