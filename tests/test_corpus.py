"""Every spec of the shared corpus (../shared/corpus: the peers' test suites, 55 Twilio APIs,
DigitalOcean and the 64 real APIs of apis/) either generates a package whose every module
imports, in walk order and again in the reverse order (two fresh interpreters, see
corpus.py), or is refused with a located error for a genuine defect listed in REFUSED. A
spec on the table that starts generating, or one off the table that is refused, fails.

What is sampled, and why: every spec is generated and imported both ways (about 1.5 CPU-minutes
for 419 specs, in forked workers, one per core up to four); only `mypy --strict` is sampled, in
one run: every Twilio API, six of the peers' specs and six big real APIs (MYPY_APIS: Stripe,
GitHub, Slack, three HubSpot packages), about 40 s. The whole file costs about 2 CPU-minutes;
on a 2-core machine under other work it took 6.5 minutes of wall time, inside CI's budget for
`make test` (the file took 0.6 CPU-minutes and 2.2 minutes of wall time before apis/ and the
reverse imports, measured alike). DigitalOcean's package is type-checked by
test_digitalocean_spec.py.

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

MYPY_PEERS = [
    "openapi-python-client/end_to_end_tests/docstrings_on_attributes.yml",
    OPENAPI + "any.yaml",
    OPENAPI + "modular.yaml",
    OPENAPI + "discriminator.yaml",
    OPENAPI + "allof.yaml",
    OPENAPI + "nullable.yaml",
]
"""Peers' specs type-checked beside the Twilio APIs (DigitalOcean's is test_digitalocean_spec.py's)."""

MYPY_APIS = [
    "apis/stripe.yaml",
    "apis/github_github_v3.yaml",
    "apis/slack_web_1.7.0.yaml",
    "apis/hubspot_marketing.emails_v3.yaml",
    "apis/hubspot_crm.objects.contacts_v3.yaml",
    "apis/hubspot_crm.pipelines_v3.yaml",
]
"""The big real APIs type-checked too. Not HubSpot's crm.lists: `mypy --strict` on its package
(a cycle of recursive filter-branch unions across modules) had not finished after 5
CPU-minutes, more than the whole sample takes."""


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
        elif outcome.modules == 0:
            problems.append(f"{outcome.spec}: the import walk found no module")
    generated = [o for o in outcomes if failure(o) is None]
    print(f"\n{len(generated)} generated and imported, {len(outcomes) - len(generated)} refused")
    assert problems == []
    assert set(REFUSED) <= {o.spec for o in outcomes}, "REFUSED names specs that are not in the corpus"
    assert len([o for o in outcomes if o.spec.startswith("twilio/")]) == 55
    assert len([o for o in outcomes if o.spec.startswith("apis/")]) == 64


def test_every_warning_is_located_and_none_is_a_false_alarm(corpus: tuple[Path, list[Outcome]]) -> None:
    _, outcomes = corpus
    warnings = [(o.spec, w) for o in outcomes for w in o.warnings]
    assert all(" at /" in w for _, w in warnings), [w for w in warnings if " at /" not in w[1]]
    # A parameter typed by a `$ref` to a scalar schema is not object-valued.
    twilio_and_do = [w for spec, w in warnings if spec.startswith(("twilio/", "digitalocean/"))]
    assert not [w for w in twilio_and_do if "object-valued parameter" in w]


def test_a_sample_of_the_generated_packages_passes_mypy_strict(corpus: tuple[Path, list[Outcome]]) -> None:
    """One mypy run over every Twilio package, a few of the peers' and the big real APIs
    (MYPY_APIS): each package's errors are told apart by its folder."""
    workdir, outcomes = corpus
    chosen = {o.spec: o for o in outcomes if o.spec.startswith("twilio/") or o.spec in MYPY_PEERS + MYPY_APIS}
    assert len(chosen) == 55 + len(MYPY_PEERS) + len(MYPY_APIS)
    sample = [o for o in chosen.values() if o.refused is None and o.crashed is None]
    assert len(sample) == len(chosen), "a spec of the mypy sample was refused or crashed"
    roots = [workdir / o.package / "python" for o in sample]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null"]
        + ["--explicit-package-bases", *(str(root / o.package) for root, o in zip(roots, sample, strict=True))],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": os.pathsep.join(map(str, roots))},
        timeout=1200,
    )
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    problems = []
    for root, o in zip(roots, sample, strict=True):
        problems += [line for line in errors if line.startswith(f"{root / o.package}/")]
    assert problems == [], "\n".join(problems[:50])
    unattributed = [line for line in errors if not any(line.startswith(f"{root}/") for root in roots)]
    assert unattributed == [] and (errors or result.returncode == 0), result.stdout[-5000:] + result.stderr[-2000:]
