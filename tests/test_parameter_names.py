"""Parameter names that are not Python identifiers (hyphens, dots, brackets, `<`/`>`,
keywords, leading digits) become snake_case keyword arguments, and the request still
carries each under its wire name."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sdkgen.pipeline import generate_files, write

SPEC = """
openapi: 3.0.3
info: {title: Names, version: "1"}
paths:
  /naming/{hyphen-in-path}/{a.b}/{2fa}:
    get:
      operationId: get-by-odd-names
      parameters:
        - {name: hyphen-in-path, in: path, required: true, schema: {type: string}}
        - {name: a.b, in: path, required: true, schema: {type: string}}
        - {name: 2fa, in: path, required: true, schema: {type: integer}}
        - {name: DateSent<, in: query, schema: {type: string}}
        - {name: DateSent>, in: query, schema: {type: string}}
        - {name: from, in: query, schema: {type: string}}
        - {name: "filter[name]", in: query, schema: {type: string}}
        - {name: X-Request-ID, in: header, schema: {type: string}}
        - {name: template, in: query, schema: {type: string}}
        - {name: path_template, in: query, schema: {type: string}}
      responses:
        '204': {description: done}
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("names")
    spec = root / "spec.yaml"
    spec.write_text(SPEC)
    generated = generate_files(spec, "odd_names_sdk")
    assert generated.warnings == []
    write(root / "out", generated, force=False)
    sys.path.insert(0, str(root / "out" / "python"))
    yield importlib.import_module("odd_names_sdk")
    sys.path.remove(str(root / "out" / "python"))
    for name in [m for m in sys.modules if m.startswith("odd_names_sdk")]:
        del sys.modules[name]


def test_odd_parameter_names_are_snake_case_arguments_sent_under_their_wire_names(package: Any) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    client = package.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    client.naming.retrieve(
        hyphen_in_path="x y",
        a_b="dot",
        param_2fa=7,
        date_sent_before="2024-01-02",
        date_sent_after="2024-01-01",
        from_="me",
        filter_name="f",
        x_request_id="r1",
        template="t",
        path_template_query="p",
    )
    (request,) = seen
    assert request.url.path == "/naming/x y/dot/7"
    assert request.url.raw_path.startswith(b"/naming/x%20y/dot/7?")
    assert dict(request.url.params) == {
        "DateSent<": "2024-01-02",
        "DateSent>": "2024-01-01",
        "from": "me",
        "filter[name]": "f",
        "template": "t",
        "path_template": "p",
    }
    assert request.headers["X-Request-ID"] == "r1"


def test_the_generated_method_source_names_no_wire_name_as_an_identifier(package: Any) -> None:
    source = Path(package.__file__).parent.joinpath("resources", "naming.py").read_text()
    # The template keeps the wire names; the values are passed under them, by argument.
    assert '"hyphen-in-path": hyphen_in_path' in source
    assert '"a.b": a_b' in source
    assert '"2fa": param_2fa' in source
    compile(source, "naming.py", "exec")
