"""The naming rules, table-driven: each row is a small spec's paths and the methods a user
calls (`sdkgen names`), with where each name came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sdkgen.cli import main
from sdkgen.pipeline import build
from sdkgen.surface import surface_lines

OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}
ARRAY = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {}}}}}}
ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]


def op(operation_id: str | None = None, responses: dict[str, Any] = OK, **extra: Any) -> dict[str, Any]:
    found: dict[str, Any] = {"responses": responses, **extra}
    if operation_id:
        found["operationId"] = operation_id
    return found


def names(tmp_path: Path, paths: dict[str, Any]) -> list[str]:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}))
    api, _ = build(spec, "t_sdk")
    return [" ".join(line.split()) for line in surface_lines(api)]


CASES = [
    (
        "the five verbs on a resource",
        {
            "/widgets": {"get": op(responses=ARRAY), "post": op()},
            "/widgets/{id}": {"parameters": ID, "get": op(), "patch": op(), "delete": op()},
        },
        [
            "client.widgets.list -> GET /widgets (path)",
            "client.widgets.create -> POST /widgets (path)",
            "client.widgets.retrieve -> GET /widgets/{id} (path)",
            "client.widgets.update -> PATCH /widgets/{id} (path)",
            "client.widgets.delete -> DELETE /widgets/{id} (path)",
        ],
    ),
    (
        "a collection answering an object is listed when its items can be fetched",
        {"/files": {"get": op()}, "/files/{id}": {"parameters": ID, "get": op()}},
        ["client.files.list -> GET /files (path)", "client.files.retrieve -> GET /files/{id} (path)"],
    ),
    (
        "a singleton is retrieved",
        {"/v2/account": {"get": op("account_get")}},
        ["client.account.retrieve -> GET /v2/account (path)"],
    ),
    (
        "the operationId decides a collection GET answering an object (noise stripped: listWidgets)",
        {"/widgets": {"get": op("listWidgets")}},
        ["client.widgets.list -> GET /widgets (operationId)"],
    ),
    (
        "the operationId's verb may be its second word (resource_verb_object)",
        {"/droplets/backups/policies": {"get": op("droplets_list_backup_policies")}},
        ["client.droplets.backups.policies.list -> GET /droplets/backups/policies (operationId)"],
    ),
    (
        "an operationId naming a standard verb makes a singular sub-path a sub-resource",
        {"/messages/{id}/feedback": {"parameters": ID, "post": op("CreateMessageFeedback")}},
        ["client.messages.feedback.create -> POST /messages/{id}/feedback (path)"],
    ),
    (
        "an action on an item is a method of the parent resource",
        {
            "/fine_tuning/jobs/{id}": {"parameters": ID, "get": op()},
            "/fine_tuning/jobs/{id}/cancel": {"parameters": ID, "post": op("cancelFineTuningJob")},
        },
        [
            "client.fine_tuning.jobs.retrieve -> GET /fine_tuning/jobs/{id} (path)",
            "client.fine_tuning.jobs.cancel -> POST /fine_tuning/jobs/{id}/cancel (path)",
        ],
    ),
    (
        "an action named by the operationId, on a collection",
        {"/users/regenerate_private_url_key": {"post": op("regenerateUserPrivateUrlKey")}},
        ["client.users.regenerate_private_url_key -> POST /users/regenerate_private_url_key (path)"],
    ),
    (
        "a plural sub-path is a sub-resource, not an action",
        {"/droplets/{id}/actions": {"parameters": ID, "post": op("droplet_actions_post")}},
        ["client.droplets.actions.create -> POST /droplets/{id}/actions (path)"],
    ),
    (
        "a sub-path with its own GET is a sub-resource",
        {"/apps/{id}/config": {"parameters": ID, "get": op(), "post": op()}},
        [
            "client.apps.config.retrieve -> GET /apps/{id}/config (path)",
            "client.apps.config.create -> POST /apps/{id}/config (path)",
        ],
    ),
    (
        "dated versions and .json suffixes are not resources; POST to an item updates (Twilio)",
        {
            "/2010-04-01/Accounts/{AccountSid}/Messages.json": {
                "parameters": [{"name": "AccountSid", "in": "path", "required": True, "schema": {"type": "string"}}],
                "get": op("ListMessage"),
                "post": op("CreateMessage"),
            },
            "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json": {
                "parameters": [
                    {"name": "AccountSid", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "Sid", "in": "path", "required": True, "schema": {"type": "string"}},
                ],
                "get": op("FetchMessage"),
                "post": op("UpdateMessage"),
                "delete": op("DeleteMessage"),
            },
        },
        [
            "client.accounts.messages.list -> GET /2010-04-01/Accounts/{AccountSid}/Messages.json (path)",
            "client.accounts.messages.create -> POST /2010-04-01/Accounts/{AccountSid}/Messages.json (path)",
            "client.accounts.messages.retrieve -> GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json (path)",
            "client.accounts.messages.update -> POST /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"
            " (operationId)",
            "client.accounts.messages.delete -> DELETE /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json (path)",
        ],
    ),
    (
        "a word of letters and digits stays whole: a2p, v1beta, oauth2",
        {
            "/v1/a2p/BrandRegistrations": {"get": op("ListBrandRegistrations")},
            "/v1beta/e2e/Tests": {"get": op("ListTests")},
            "/oauth2/token": {"post": op("CreateToken")},
        },
        [
            "client.a2p.brand_registrations.list -> GET /v1/a2p/BrandRegistrations (operationId)",
            "client.v1beta.e2e.tests.list -> GET /v1beta/e2e/Tests (operationId)",
            "client.oauth2.token.create -> POST /oauth2/token (path)",
        ],
    ),
    (
        "Widget_Get style: the verb may come last",
        {"/widgets": {"get": op("Widget_List")}},
        ["client.widgets.list -> GET /widgets (operationId)"],
    ),
    (
        "x-sdk-resource and x-sdk-method override the path",
        {
            "/v1/logs/tail": {"get": op("tailLogs", **{"x-sdk-method": "tail"})},
            "/misc": {"get": op(**{"x-sdk-resource": "tools.misc", "x-sdk-method": "ping"})},
        },
        ["client.logs.tail -> GET /v1/logs/tail (override)", "client.tools.misc.ping -> GET /misc (override)"],
    ),
]


@pytest.mark.parametrize(("paths", "expected"), [(p, e) for _, p, e in CASES], ids=[c[0] for c in CASES])
def test_method_names(tmp_path: Path, paths: dict[str, Any], expected: list[str]) -> None:
    assert sorted(names(tmp_path, paths)) == sorted(expected)


def test_a_collision_is_resolved_by_the_operation_id_and_reported(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    paths = {
        "/droplets": {"delete": op("droplets_destroy_by_tag")},
        "/droplets/{id}": {"parameters": ID, "delete": op("droplets_destroy")},
    }
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}))
    api, warnings = build(spec, "t_sdk")
    lines = [" ".join(line.split()) for line in surface_lines(api)]
    assert lines == [
        "client.droplets.delete -> DELETE /droplets (path)",
        "client.droplets.droplets_destroy -> DELETE /droplets/{id} (operationId)",
    ]
    assert [w.message for w in warnings] == [
        "method name droplets.delete is taken; DELETE /droplets/{id} is droplets.droplets_destroy"
    ]
    assert warnings[0].location.pointer == "/paths/~1droplets~1{id}/delete"


def test_the_names_command_prints_one_aligned_line_per_method(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    paths = {"/files": {"get": op(responses=ARRAY)}, "/files/{id}": {"parameters": ID, "delete": op()}}
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}))
    result = CliRunner().invoke(main, ["names", str(spec)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "client.files.list   -> GET /files  (path)\nclient.files.delete -> DELETE /files/{id}  (path)\n"
    )
