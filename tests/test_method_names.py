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
AFTER = {"name": "after", "in": "query", "schema": {"type": "string"}}
PAGE = {
    "200": {
        "description": "a page",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "results": {"type": "array", "items": {"type": "object"}},
                        "paging": {
                            "type": "object",
                            "properties": {"next": {"type": "object", "properties": {"after": {"type": "string"}}}},
                        },
                    },
                }
            }
        },
    }
}
WRAPPER = {
    "200": {
        "description": "one session, written as a list",
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {"session": {"type": "array", "items": {}}}}
            }
        },
    }
}


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
        "a sub-path with its own GET is a sub-resource; a POST to it (no items, no list) updates it",
        {"/apps/{id}/config": {"parameters": ID, "get": op(), "post": op()}},
        [
            "client.apps.config.retrieve -> GET /apps/{id}/config (path)",
            "client.apps.config.update -> POST /apps/{id}/config (path)",
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
        "a word of letters and digits stays whole: a2p, e2e, oauth2; a version (v1beta) is no resource",
        {
            "/v1/a2p/BrandRegistrations": {"get": op("ListBrandRegistrations")},
            "/v1beta/e2e/Tests": {"get": op("ListTests")},
            "/oauth2/token": {"post": op("CreateToken")},
        },
        [
            "client.a2p.brand_registrations.list -> GET /v1/a2p/BrandRegistrations (operationId)",
            "client.e2e.tests.list -> GET /v1beta/e2e/Tests (operationId)",
            "client.oauth2.token.create -> POST /oauth2/token (path)",
        ],
    ),
    (
        "Widget_Get style: the verb may come last",
        {"/widgets": {"get": op("Widget_List")}},
        ["client.widgets.list -> GET /widgets (operationId)"],
    ),
    (
        "a last segment that is a verb is an action on its parent, whatever the HTTP method",
        {
            "/me/player": {"get": op("getPlaybackState")},
            "/me/player/pause": {"put": op("pausePlayback")},
            "/me/player/next": {"post": op("skipToNext")},
            "/events/send": {"post": op("sendEvent")},
            "/domains/claim": {"post": op("claimDomain")},
            "/responses/compact": {"post": op("compactResponse")},
            "/suppressions/batch/add": {"post": op("addSuppressions")},
            "/tax/transactions/create_from_calculation": {"post": op("PostTaxTransactionsCreateFromCalculation")},
            "/payment_intents/{id}/verify_microdeposits": {"parameters": ID, "post": op()},
        },
        [
            "client.me.player.retrieve -> GET /me/player (path)",
            "client.me.player.pause -> PUT /me/player/pause (path)",
            "client.me.player.next -> POST /me/player/next (path)",
            "client.events.send -> POST /events/send (path)",
            "client.domains.claim -> POST /domains/claim (path)",
            "client.responses.compact -> POST /responses/compact (path)",
            "client.suppressions.batch.add -> POST /suppressions/batch/add (path)",
            "client.tax.transactions.create_from_calculation -> POST /tax/transactions/create_from_calculation (path)",
            "client.payment_intents.verify_microdeposits -> POST /payment_intents/{id}/verify_microdeposits (path)",
        ],
    ),
    (
        "a DELETE of an action another method does is its opposite, from the operationId",
        {
            "/chats/{id}/archive": {"parameters": ID, "post": op("archiveChat"), "delete": op("unarchiveChat")},
            "/gists/{id}/star": {
                "parameters": ID,
                "get": op("gists/check-is-starred"),
                "put": op("gists/star"),
                "delete": op("gists/unstar"),
            },
            "/locks/{id}/lock": {"parameters": ID, "put": op("lockIt"), "delete": op("removeLock")},
        },
        [
            "client.chats.archive -> POST /chats/{id}/archive (path)",
            "client.chats.unarchive -> DELETE /chats/{id}/archive (path)",
            "client.gists.check_is_starred -> GET /gists/{id}/star (operationId)",
            "client.gists.star -> PUT /gists/{id}/star (path)",
            "client.gists.unstar -> DELETE /gists/{id}/star (path)",
            "client.locks.lock -> PUT /locks/{id}/lock (path)",
            "client.locks.unlock -> DELETE /locks/{id}/lock (path)",
        ],
    ),
    (
        "a GET of an action-like leaf is a method on the parent; a noun phrase stays a resource",
        {
            "/me/albums": {"get": op("getUsersSavedAlbums", ARRAY)},
            "/me/albums/contains": {"get": op("checkUsersSavedAlbums", ARRAY)},
            "/charges/search": {"get": op("GetChargesSearch")},
            "/users/count": {"get": op()},
            "/metrics/apps/restart_count": {"get": op("getAppRestartCountMetrics")},
            "/accounts/{id}/login_links": {"parameters": ID, "post": op("PostAccountsAccountLoginLinks")},
        },
        [
            "client.me.albums.list -> GET /me/albums (path)",
            "client.me.albums.contains -> GET /me/albums/contains (path)",
            "client.charges.search -> GET /charges/search (path)",
            "client.users.count -> GET /users/count (path)",
            "client.metrics.apps.restart_count.retrieve -> GET /metrics/apps/restart_count (path)",
            "client.accounts.login_links.create -> POST /accounts/{id}/login_links (path)",
        ],
    ),
    (
        "PUT, PATCH and DELETE of a collection are bulk, so its items keep update and delete",
        {
            "/droplets": {"get": op(responses=ARRAY), "delete": op("droplets_destroy_by_tag")},
            "/droplets/{id}": {"parameters": ID, "get": op(), "put": op(), "delete": op("droplets_destroy")},
            "/boards/{id}/members": {"parameters": ID, "put": op("updateBoardsMembers")},
            "/boards/{id}/members/{member}": {
                "parameters": [*ID, {"name": "member", "in": "path", "required": True, "schema": {"type": "string"}}],
                "put": op(),
            },
        },
        [
            "client.droplets.list -> GET /droplets (path)",
            "client.droplets.bulk_delete -> DELETE /droplets (path)",
            "client.droplets.retrieve -> GET /droplets/{id} (path)",
            "client.droplets.update -> PUT /droplets/{id} (path)",
            "client.droplets.delete -> DELETE /droplets/{id} (path)",
            "client.boards.members.bulk_update -> PUT /boards/{id}/members (path)",
            "client.boards.members.update -> PUT /boards/{id}/members/{member} (path)",
        ],
    ),
    (
        "PUT and PATCH of one item: the one whose operationId asks for update keeps it",
        {
            "/pipelines/{id}": {
                "parameters": ID,
                "put": op("put-/crm/v3/pipelines/{id}_replace"),
                "patch": op("patch-/crm/v3/pipelines/{id}_update"),
            },
            "/projects/{id}": {"parameters": ID, "put": op("projects_update"), "patch": op("projects_patch")},
        },
        [
            "client.pipelines.replace -> PUT /pipelines/{id} (operationId)",
            "client.pipelines.update -> PATCH /pipelines/{id} (path)",
            "client.projects.update -> PUT /projects/{id} (path)",
            "client.projects.patch -> PATCH /projects/{id} (operationId)",
        ],
    ),
    (
        "a POST to a singleton that its GET retrieves updates it, unless its operationId says otherwise",
        {
            "/customers/{id}/cash_balance": {"parameters": ID, "get": op(), "post": op("PostCustomersCashBalance")},
            "/boards/{id}/checklists": {"parameters": ID, "get": op(responses=ARRAY), "post": op()},
            "/clusters/{id}/clusterlint": {
                "parameters": ID,
                "get": op("kubernetes_get_clusterLintResults"),
                "post": op("kubernetes_run_clusterLint"),
            },
            "/attachments/{id}/service_key": {
                "parameters": ID,
                "get": op("attachments_get_service_key"),
                "post": op("attachments_create_service_key"),
            },
        },
        [
            "client.customers.cash_balance.retrieve -> GET /customers/{id}/cash_balance (path)",
            "client.customers.cash_balance.update -> POST /customers/{id}/cash_balance (path)",
            "client.boards.checklists.list -> GET /boards/{id}/checklists (path)",
            "client.boards.checklists.create -> POST /boards/{id}/checklists (path)",
            "client.clusters.clusterlint.retrieve -> GET /clusters/{id}/clusterlint (path)",
            "client.clusters.clusterlint.run -> POST /clusters/{id}/clusterlint (operationId)",
            "client.attachments.service_key.retrieve -> GET /attachments/{id}/service_key (path)",
            "client.attachments.service_key.create -> POST /attachments/{id}/service_key (path)",
        ],
    ),
    (
        "a path key with a #fragment or ?query is a variant of its route, named from the variant",
        {
            "/v1/conversations": {"post": op("createConversation")},
            "/v1/conversations#stream": {"post": op("createConversationStream")},
            "/responses": {"post": op("createResponse")},
            "/responses?beta=true": {"post": op("createResponseBeta")},
        },
        [
            "client.conversations.create -> POST /v1/conversations (path)",
            "client.conversations.create_stream -> POST /v1/conversations#stream (operationId)",
            "client.responses.create -> POST /responses (path)",
            "client.responses.create_beta -> POST /responses?beta=true (operationId)",
        ],
    ),
    (
        "versions, numbers and a leading api or rest are no resources; a leading number is spelled",
        {
            "/api/0/projects/": {"get": op(responses=ARRAY)},
            "/rest/api/3/issue/{id}": {"parameters": ID, "get": op()},
            "/v1beta/models": {"get": op(responses=ARRAY)},
            "/v2/1-clicks": {"get": op(responses=ARRAY)},
            "/{ns}/V1/Employees": {
                "parameters": [{"name": "ns", "in": "path", "required": True, "schema": {"type": "string"}}],
                "get": op(responses=ARRAY),
            },
        },
        [
            "client.projects.list -> GET /api/0/projects/ (path)",
            "client.issue.retrieve -> GET /rest/api/3/issue/{id} (path)",
            "client.models.list -> GET /v1beta/models (path)",
            "client.one_clicks.list -> GET /v2/1-clicks (path)",
            "client.employees.list -> GET /{ns}/V1/Employees (path)",
        ],
    ),
    (
        "an RPC-style path (resource.method) is a resource and its method",
        {
            "/chat.postMessage": {"post": op("chat_postMessage")},
            "/conversations.list": {"get": op("conversations_list")},
            "/admin.apps.approve": {"post": op("admin_apps_approve")},
        },
        [
            "client.chat.post_message -> POST /chat.postMessage (path)",
            "client.conversations.list -> GET /conversations.list (path)",
            "client.admin.apps.approve -> POST /admin.apps.approve (path)",
        ],
    ),
    (
        "a method may be called copy or validate; a keyword action names its resource (return_transfer)",
        {
            "/dashboards/{id}/copy": {"parameters": ID, "post": op("copyDashboard")},
            "/rules/validate": {"post": op("validateRules")},
            "/transfers/{id}/return": {"parameters": ID, "post": op("returnTransfer")},
        },
        [
            "client.dashboards.copy -> POST /dashboards/{id}/copy (path)",
            "client.rules.validate -> POST /rules/validate (path)",
            "client.transfers.return_transfer -> POST /transfers/{id}/return (path)",
        ],
    ),
    (
        "a sub-resource of an item does not repeat its owner's name",
        {"/sources/{id}/source_transactions": {"parameters": ID, "get": op(responses=ARRAY)}},
        ["client.sources.transactions.list -> GET /sources/{id}/source_transactions (path)"],
    ),
    (
        "without operationIds, the method that acts owns an action; its GET retrieves it",
        {
            "/issues/{id}/vote": {
                "parameters": ID,
                "get": op(),
                "put": op(),
                "delete": op(),
            },
            "/issues/import": {"get": op(), "post": op()},
        },
        [
            "client.issues.retrieve_vote -> GET /issues/{id}/vote (operationId)",
            "client.issues.vote -> PUT /issues/{id}/vote (path)",
            "client.issues.unvote -> DELETE /issues/{id}/vote (path)",
            "client.issues.retrieve_import_issue -> GET /issues/import (operationId)",
            "client.issues.import_issue -> POST /issues/import (path)",
        ],
    ),
    (
        "a GET ending in a path parameter lists when it pages and the collection above lists nothing",
        {
            # HubSpot: the associations of one object to one type, paged by a cursor.
            "/objects/{type}/{id}/associations/{to_type}": {
                "parameters": [
                    {"name": n, "in": "path", "required": True, "schema": {"type": "string"}}
                    for n in ("type", "id", "to_type")
                ],
                "get": op("getPage", PAGE, parameters=[AFTER]),
            },
            # Under a collection with its own list, the same answer is the item's retrieve.
            "/invoices": {"get": op(responses=ARRAY)},
            "/invoices/{id}": {"parameters": ID, "get": op("getInvoice", PAGE, parameters=[AFTER])},
            # A list its operationId calls one thing (`{"session": [...]}`) is retrieved.
            "/users/{id}/sessions/{session_id}": {
                "parameters": [*ID, {"name": "session_id", "in": "path", "required": True, "schema": {}}],
                "get": op("ShowSession", WRAPPER),
            },
        },
        [
            "client.objects.associations.list -> GET /objects/{type}/{id}/associations/{to_type} (path)",
            "client.invoices.list -> GET /invoices (path)",
            "client.invoices.retrieve -> GET /invoices/{id} (path)",
            "client.users.sessions.retrieve -> GET /users/{id}/sessions/{session_id} (path)",
        ],
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


def test_a_collision_is_named_from_the_operation_ids_verb_and_new_words_and_reported(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    paths = {
        "/fine_tuning/jobs": {"get": op("listPaginatedFineTuningJobs", ARRAY)},
        "/fine_tuning/jobs/{id}/events": {
            "parameters": ID,
            "get": op("listFineTuningEvents", ARRAY, **{"x-sdk-resource": "fine_tuning.jobs"}),
        },
        "/threads": {"post": op("createThread")},
        "/threads/runs": {"post": op("createThreadAndRun", **{"x-sdk-resource": "threads"})},
    }
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}))
    api, warnings = build(spec, "t_sdk")
    lines = [" ".join(line.split()) for line in surface_lines(api)]
    assert lines == [
        "client.fine_tuning.jobs.list -> GET /fine_tuning/jobs (path)",
        "client.fine_tuning.jobs.list_events -> GET /fine_tuning/jobs/{id}/events (operationId)",
        "client.threads.create -> POST /threads (path)",
        "client.threads.create_and_run -> POST /threads/runs (operationId)",
    ]
    assert [w.message for w in warnings] == [
        "method name fine_tuning.jobs.list is taken; GET /fine_tuning/jobs/{id}/events is fine_tuning.jobs.list_events",
        "method name threads.create is taken; POST /threads/runs is threads.create_and_run",
    ]
    assert warnings[0].location.pointer == "/paths/~1fine_tuning~1jobs~1{id}~1events/get"


def test_a_collision_name_is_cut_at_a_word_and_never_the_whole_operation_id(tmp_path: Path) -> None:
    paths = {
        "/boards/{id}": {"parameters": ID, "get": op("getBoardsByIdBoard")},
        "/boards/{id}/{field}": {
            "parameters": [*ID, {"name": "field", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": op("getBoardsByIdBoardByFieldWithTheExtraordinarilyLongQualifierAppended"),
        },
    }
    assert names(tmp_path, paths) == [
        "client.boards.retrieve -> GET /boards/{id} (path)",
        "client.boards.get_with_the_extraordinarily -> GET /boards/{id}/{field} (operationId)",
    ]


def test_the_names_command_prints_one_aligned_line_per_method(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    paths = {"/files": {"get": op(responses=ARRAY)}, "/files/{id}": {"parameters": ID, "delete": op()}}
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}))
    result = CliRunner().invoke(main, ["names", str(spec)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "client.files.list   -> GET /files  (path)\nclient.files.delete -> DELETE /files/{id}  (path)\n"
    )


def test_paths_that_name_no_resource_are_on_what_the_server_url_names(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    contact = [{"name": "contactId", "in": "path", "required": True, "schema": {"type": "string"}}]
    paths = {
        "/": {
            "get": op("get-/crm/v3/objects/contacts_getPage", ARRAY),
            "post": op("post-/crm/v3/objects/contacts_create"),
        },
        "/{contactId}": {"parameters": contact, "get": op(), "patch": op(), "delete": op()},
        "/search": {"post": op("post-/crm/v3/objects/contacts/search_doSearch")},
        "/batch/archive": {"post": op("post-/crm/v3/objects/contacts/batch/archive_archive")},
    }
    document = {
        "openapi": "3.0.1",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.hubapi.com/crm/v3/objects/contacts"}],
        "paths": paths,
    }
    spec.write_text(json.dumps(document))
    api, _ = build(spec, "t_sdk")
    assert [" ".join(line.split()) for line in surface_lines(api)] == [
        "client.batch.archive -> POST /batch/archive (path)",
        "client.contacts.list -> GET / (path)",
        "client.contacts.create -> POST / (path)",
        "client.contacts.retrieve -> GET /{contactId} (path)",
        "client.contacts.update -> PATCH /{contactId} (path)",
        "client.contacts.delete -> DELETE /{contactId} (path)",
        "client.contacts.search -> POST /search (path)",
    ]


def test_an_action_segment_over_30_characters_is_cut_at_a_word_and_settled(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    cart = [{"name": "cartId", "in": "path", "required": True, "schema": {"type": "string"}}]
    paths = {
        "/carts/{cartId}/estimate-shipping-methods": {"parameters": cart, "post": op()},
        "/carts/{cartId}/estimate-shipping-methods-by-address-id": {
            "parameters": cart,
            "post": op("quoteShippingMethodManagementV1EstimateByAddressIdPost"),
        },
    }
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}))
    api, warnings = build(spec, "t_sdk")
    assert [" ".join(line.split()) for line in surface_lines(api)] == [
        "client.carts.estimate_shipping_methods -> POST /carts/{cartId}/estimate-shipping-methods (path)",
        "client.carts.estimate_by_address -> POST /carts/{cartId}/estimate-shipping-methods-by-address-id"
        " (operationId)",
    ]
    assert [w.message for w in warnings] == [
        "method name carts.estimate_shipping_methods is taken; "
        "POST /carts/{cartId}/estimate-shipping-methods-by-address-id is carts.estimate_by_address"
    ]
