"""Every spec of the shared corpus (../shared/corpus: the peers' test suites, 55 Twilio APIs,
DigitalOcean) either generates a package whose every module imports, or is refused with a
located error for a genuine defect listed in REFUSED. A spec on the table that starts
generating, or one off the table that is refused, fails. A sample of the packages (every
Twilio API, batched into one run, and some of the peers') passes `mypy --strict`.

Run `python -m tests.corpus` for the whole table with every warning.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .corpus import CORPUS, Outcome, run_corpus

OPENAPI = "datamodel-code-generator/tests/data/openapi/"
NOT_OPENAPI = "not an OpenAPI document"

REFUSED: dict[str, str] = {
    # JSON Schema files and fragments without an `openapi` field
    OPENAPI + "aliases.json": NOT_OPENAPI,
    OPENAPI + "array_called_fields_with_oneOf_items.yaml": NOT_OPENAPI,
    OPENAPI + "const.json": NOT_OPENAPI,
    OPENAPI + "empty_aliases.json": NOT_OPENAPI,
    OPENAPI + "empty_data.json": NOT_OPENAPI,
    OPENAPI + "extra_data.json": NOT_OPENAPI,
    OPENAPI + "extra_data_msgspec.json": NOT_OPENAPI,
    OPENAPI + "invalid.yaml": NOT_OPENAPI,
    OPENAPI + "json_pointer.yaml": NOT_OPENAPI,
    OPENAPI + "list.json": NOT_OPENAPI,
    OPENAPI + "root_model.yaml": NOT_OPENAPI,
    # deliberately invalid JSON
    OPENAPI + "complex_reference.json": "invalid JSON",
    OPENAPI + "not.json": "invalid JSON",
    OPENAPI + "subclass_enum.json": "invalid JSON",
    # a `$ref` whose target does not exist
    OPENAPI + "duplicate_models2.yaml": "$ref target not found",
    OPENAPI + "no_components.yaml": "$ref target not found",
    "openapi-python-client/end_to_end_tests/documents_with_errors/missing-body-ref.yaml": "$ref target not found",
    # templates of a test: `__COMMON_URI__` placeholders where a file name belongs
    OPENAPI + "external_ref_mapping/api_absolute_path_template.yaml": "file not found",
    OPENAPI + "external_ref_mapping/api_file_uri_template.yaml": "file not found",
    # remote `$ref`s, refused without --allow-remote-refs
    OPENAPI + "body_and_parameters_remote_ref.yaml": "remote $ref is refused",
    OPENAPI + "read_only_write_only_allof_url_ref.yaml": "remote $ref is refused",
    OPENAPI + "read_only_write_only_url_ref.yaml": "remote $ref is refused",
    OPENAPI + "refs.yaml": "remote $ref is refused",
    # `$ref` cycles with no schema in them
    OPENAPI + "allof_with_required_inherited_coverage.yaml": "$ref cycle with nothing to build",
    "openapi-python-client/end_to_end_tests/documents_with_errors/circular-body-ref.yaml": (
        "$ref cycle with nothing to build"
    ),
}

# KNOWN GAPS, OWNED BY PART B of the issue (JSON Schema 2020-12 / OpenAPI 3.1 and 3.2
# coverage): specs that fail today only for want of those features. The lead empties this
# table when part B merges; every entry must still fail as described, or the test says so.
KNOWN_GAPS_PART_B: dict[str, str] = {}

MYPY_KNOWN_FAILURES: dict[str, str] = {}
"""Generated packages left out of the mypy sample, with the error they still give."""

MYPY_PEERS = [
    "openapi-python-client/end_to_end_tests/docstrings_on_attributes.yml",
    OPENAPI + "any.yaml",
    OPENAPI + "modular.yaml",
    OPENAPI + "discriminator.yaml",
    OPENAPI + "allof.yaml",
    OPENAPI + "nullable.yaml",
]
"""Peers' specs type-checked beside the Twilio APIs (DigitalOcean's is test_digitalocean_spec.py's)."""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Outcome]]:
    if not (CORPUS / "twilio").is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    workdir = tmp_path_factory.mktemp("corpus")
    started = time.perf_counter()
    outcomes = run_corpus(workdir)
    print(f"\ncorpus: {len(outcomes)} specs in {time.perf_counter() - started:.0f}s")
    return workdir, outcomes


def failure(outcome: Outcome) -> str | None:
    """How a spec failed: the refusal's message, the crash or the import error; None if it generated."""
    return outcome.refused or outcome.crashed or outcome.import_error


def test_every_spec_generates_and_imports_or_is_refused_for_a_listed_defect(
    corpus: tuple[Path, list[Outcome]],
) -> None:
    _, outcomes = corpus
    problems = []
    for outcome in outcomes:
        how = failure(outcome)
        if outcome.spec in KNOWN_GAPS_PART_B:
            expected = KNOWN_GAPS_PART_B[outcome.spec]
            if how is None or expected not in how:
                problems.append(f"{outcome.spec}: known gap ({expected}) now: {how or 'generates and imports'}")
            continue
        if outcome.crashed or outcome.import_error:
            problems.append(f"{outcome.spec}: {how}")
        elif outcome.refused is not None:
            reason = REFUSED.get(outcome.spec)
            if reason is None or not outcome.refused.startswith(reason):
                problems.append(f"{outcome.spec}: refused, not for a listed defect: {outcome.refused}")
            elif not outcome.located:
                problems.append(f"{outcome.spec}: refused without a line: {outcome.refused}")
        elif outcome.spec in REFUSED:
            problems.append(f"{outcome.spec}: listed as refused ({REFUSED[outcome.spec]}) but generates")
    generated = [o for o in outcomes if failure(o) is None]
    print(f"\n{len(generated)} generated and imported, {len(outcomes) - len(generated)} refused or known gaps")
    assert problems == []
    listed = set(REFUSED) | set(KNOWN_GAPS_PART_B)
    assert listed <= {o.spec for o in outcomes}, "the tables name specs that are not in the corpus"
    assert len([o for o in outcomes if o.spec.startswith("twilio/")]) == 55


def test_every_warning_is_located_and_none_is_a_false_alarm(corpus: tuple[Path, list[Outcome]]) -> None:
    _, outcomes = corpus
    warnings = [(o.spec, w) for o in outcomes for w in o.warnings]
    assert all(" at /" in w for _, w in warnings), [w for w in warnings if " at /" not in w[1]]
    # A parameter typed by a `$ref` to a scalar schema is not object-valued.
    twilio_and_do = [w for spec, w in warnings if spec.startswith(("twilio/", "digitalocean/"))]
    assert not [w for w in twilio_and_do if "object-valued parameter" in w]


def test_a_sample_of_the_generated_packages_passes_mypy_strict(corpus: tuple[Path, list[Outcome]]) -> None:
    workdir, outcomes = corpus
    sample = [
        o
        for o in outcomes
        if failure(o) is None
        and (o.spec.startswith("twilio/") or o.spec in MYPY_PEERS)
        and o.spec not in MYPY_KNOWN_FAILURES
    ]
    assert len(sample) == 55 - len(MYPY_KNOWN_FAILURES) + len(MYPY_PEERS)
    roots = [workdir / o.package / "python" for o in sample]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null"]
        + ["--explicit-package-bases", *(str(root / o.package) for root, o in zip(roots, sample, strict=True))],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": os.pathsep.join(map(str, roots))},
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
