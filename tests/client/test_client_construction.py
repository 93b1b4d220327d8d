"""Building a client as users of the commercial SDKs do, against a real server on 127.0.0.1:
`with_options`/`copy`, `default_query`, a credential given as a function (sync and async),
`omit`, the environment variables' prefix (`env_prefix`, `x-sdk-env-prefix`), and the
connections of a client that is never closed."""

from __future__ import annotations

import asyncio
import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import httpx
import pytest
import shared_sdk
from shared_sdk import AsyncClient, Client, omit

from ..conftest import ROOT
from .fake_api import FakeAPI, Status


def client_for(api: FakeAPI, **kwargs: object) -> Client:
    return Client(api_key="t0ken", base_url=api.url, inference_base_url=api.url, **kwargs)  # type: ignore[arg-type]


def test_with_options_changes_only_what_it_is_given(api: FakeAPI) -> None:
    client = client_for(api, max_retries=0, default_headers={"X-Team": "a"})
    api.fail("/v2/regions", *[Status(503, headers={"Retry-After": "0"})] * 5)
    patient = client.with_options(max_retries=5, timeout=7.0)
    assert len(patient.regions.list().regions) == 2
    assert api.attempts("/v2/regions") == 6
    assert (patient.max_retries, patient.timeout, client.max_retries) == (5, 7.0, 0)
    assert patient.api_key == "t0ken" and patient.base_url == client.base_url
    assert api.requests[-1].headers["X-Team"] == "a"
    assert patient._http is client._http  # the same connections


def test_copy_adds_or_replaces_default_headers_and_query(api: FakeAPI) -> None:
    client = client_for(api, default_headers={"X-A": "1"}, default_query={"trace": "on"})
    client.copy(default_headers={"X-B": "2"}, default_query={"lang": "en"}).regions.list()
    sent = api.requests[-1]
    assert (sent.headers.get("X-A"), sent.headers.get("X-B")) == ("1", "2")
    assert sent.query == {"trace": ["on"], "lang": ["en"]}
    client.copy(set_default_headers={"X-C": "3"}, set_default_query={}).regions.list()
    sent = api.requests[-1]
    assert "X-A" not in sent.headers and sent.headers["X-C"] == "3" and sent.query == {}
    with pytest.raises(ValueError):
        client.copy(default_headers={}, set_default_headers={})


def test_a_calls_query_wins_over_the_default_query(api: FakeAPI) -> None:
    client_for(api, default_query={"per_page": "1", "trace": "on"}).regions.list(per_page=2)
    assert api.requests[-1].query == {"per_page": ["2"], "trace": ["on"]}


def test_copy_can_change_the_credential(api: FakeAPI) -> None:
    client_for(api).copy(api_key="other").regions.list()
    assert api.requests[-1].headers["Authorization"] == "Bearer other"


def test_a_credential_function_is_called_for_every_request(api: FakeAPI) -> None:
    tokens = iter(["first", "second"])
    client = Client(api_key=lambda: next(tokens), base_url=api.url, inference_base_url=api.url)
    client.regions.list()
    client.regions.list()
    assert [r.headers["Authorization"] for r in api.requests] == ["Bearer first", "Bearer second"]


def test_the_async_client_awaits_an_async_credential_function(api: FakeAPI) -> None:
    calls = []

    async def token() -> str:
        calls.append(1)
        return f"async-{len(calls)}"

    async def main() -> None:
        async with AsyncClient(api_key=token, base_url=api.url, inference_base_url=api.url) as client:
            await client.regions.list()
            await client.with_options(api_key=lambda: "sync-fn").regions.list()

    asyncio.run(main())
    assert [r.headers["Authorization"] for r in api.requests] == ["Bearer async-1", "Bearer sync-fn"]


def test_an_async_credential_function_on_the_sync_client_is_a_clear_error(api: FakeAPI) -> None:
    async def token() -> str:
        return "x"

    client = Client(api_key=token, base_url=api.url, inference_base_url=api.url)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="async client"):
        client.regions.list()


def test_omit_removes_a_default_header(api: FakeAPI) -> None:
    client_for(api, default_headers={"X-Team": "a"}).regions.list(extra_headers={"X-Team": omit})
    assert "X-Team" not in api.requests[-1].headers
    assert shared_sdk.Omit is shared_sdk.NotGiven and omit is shared_sdk.NOT_GIVEN


# -- the environment variables' prefix -------------------------------------------------------

SPEC = """
openapi: 3.1.0
info: {title: Models, version: 1.0.0}
servers: [{url: https://api.example.com/v1}]
components:
  securitySchemes:
    ApiKeyAuth: {type: http, scheme: bearer}
    LegacyBasic: {type: http, scheme: basic}
  schemas:
    Model:
      type: object
      properties: {id: {type: string}}
security: [{ApiKeyAuth: []}]
paths:
  /models:
    get:
      operationId: listModels
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Model"}}}}
"""

USE = """
import json, os
import models_sdk
client = models_sdk.Client()
print(json.dumps([client.base_url.__str__(), client.api_key]))
"""


def generate(tmp_path: Path, spec: str, pyproject: str = "") -> Path:
    (tmp_path / "api.yaml").write_text(spec)
    if pyproject:
        (tmp_path / "pyproject.toml").write_text(pyproject)
    result = subprocess.run(
        [sys.executable, "-m", "sdkgen", "generate", "api.yaml", "-o", "out", "--package", "models_sdk"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return tmp_path / "out" / "python"


def run(root: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "MODELS_SDK", "ACME"))}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(USE)],
        capture_output=True,
        text=True,
        env={**clean, **env, "PYTHONPATH": str(root)},
    )


@pytest.mark.parametrize(
    ("spec", "pyproject", "prefix"),
    [
        (SPEC, "", "MODELS_SDK"),
        (SPEC + "x-sdk-env-prefix: OPENAI\n", "", "OPENAI"),
        (SPEC + "x-sdk-env-prefix: ACME\n", '[tool.sdkgen]\nenv_prefix = "OPENAI"\n', "OPENAI"),
    ],
)
def test_the_one_secret_scheme_is_api_key_read_from_the_prefixed_variable(
    tmp_path: Path, spec: str, pyproject: str, prefix: str
) -> None:
    root = generate(tmp_path, spec, pyproject)
    result = run(root, {f"{prefix}_API_KEY": "sk-1", f"{prefix}_BASE_URL": "http://127.0.0.1:9/v9"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == '["http://127.0.0.1:9/v9", "sk-1"]'
    client = (root / "models_sdk" / "_client.py").read_text()
    assert "legacy_basic_username" in client and "api_key_auth" not in client
    missing = run(root, {})
    assert missing.returncode == 1 and f"{prefix}_API_KEY" in missing.stderr


def test_an_env_prefix_in_the_overrides_file(tmp_path: Path) -> None:
    (tmp_path / "sdkgen.yaml").write_text("env_prefix: OPENAI\n")
    root = generate(tmp_path, SPEC)
    assert 'os.environ.get("OPENAI_API_KEY")' in (root / "models_sdk" / "_client.py").read_text()
    assert 'LOG_VARIABLE = "OPENAI_LOG"' in (root / "models_sdk" / "_logging.py").read_text()


def test_a_bad_env_prefix_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(SPEC)
    (tmp_path / "pyproject.toml").write_text('[tool.sdkgen]\nenv_prefix = "1-bad"\n')
    result = subprocess.run(
        [sys.executable, "-m", "sdkgen", "generate", "api.yaml", "-o", "out", "--package", "models_sdk"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "env_prefix" in result.stderr and "Traceback" not in result.stderr
    assert "pyproject.toml" in result.stderr


def test_the_default_client_reads_a_base_url_variable_too() -> None:
    text = (ROOT / "output" / "python" / "shared_sdk" / "_client.py").read_text()
    assert 'os.environ.get("SHARED_SDK_BASE_URL")' in text
    assert isinstance(Client(api_key="x").base_url, httpx.URL)


# -- path parameters by position -------------------------------------------------------------


def test_path_parameters_are_positional_and_still_keywords(api: FakeAPI) -> None:
    client = client_for(api)
    assert client.droplets.retrieve(3).droplet.id == 3
    assert client.droplets.retrieve(droplet_id=4).droplet.id == 4
    with pytest.raises(TypeError):
        client.regions.list(1)  # type: ignore[misc]
    assert client.droplets.with_raw_response.retrieve(2).parse().droplet.id == 2


def pool(http: httpx.Client | httpx.AsyncClient) -> Any:
    """The connection pool of an httpx client: holding it does not keep the client alive."""
    return http._transport._pool  # type: ignore[union-attr]


def test_a_client_never_closed_closes_its_connections_once_no_copy_uses_them(api: FakeAPI) -> None:
    client = client_for(api)
    client.regions.list()
    connections, copy = pool(client._http), client.with_options(timeout=5.0)
    del client
    gc.collect()
    assert len(connections.connections) == 1  # the copy still uses them
    copy.regions.list()
    del copy
    gc.collect()
    assert connections.connections == []
    mine = httpx.Client()
    client = Client(api_key="t0ken", base_url=api.url, inference_base_url=api.url, http_client=mine)
    client.regions.list()
    del client
    gc.collect()
    assert not mine.is_closed and len(pool(mine).connections) == 1  # given as `http_client`: the caller's
    mine.close()


def test_an_async_client_never_closed_closes_its_connections_on_the_loop(api: FakeAPI) -> None:
    async def main() -> None:
        client = AsyncClient(api_key="t0ken", base_url=api.url, inference_base_url=api.url)
        await client.regions.list()
        connections = pool(client._http)
        assert len(connections.connections) == 1
        del client
        gc.collect()
        await asyncio.sleep(0.1)  # the closing task runs
        assert connections.connections == []

    asyncio.run(main())
