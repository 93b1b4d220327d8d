"""Names on real APIs the rules were not written for, table-driven: for each of eight specs of
the shared corpus, operations and the method a user calls, as the official SDK names them
in our resource-tree convention (Octokit's `issues.lock`/`gists.unstar` for GitHub,
slack_sdk's `chat_postMessage` for Slack, the HubSpot SDK's `replace`/`update`/`get_all`)
or as a reviewer would (`list`/`create`/`retrieve`/`update`/`delete` on a resource, an
action as a method on its parent).
"""

from __future__ import annotations

from functools import cache

import pytest
from sdkgen.pipeline import build

from .conftest import SHARED

APIS = SHARED / "corpus" / "apis"

GITHUB = [
    ("GET /repos/{owner}/{repo}", "repos.retrieve"),
    ("PATCH /repos/{owner}/{repo}", "repos.update"),
    ("DELETE /repos/{owner}/{repo}", "repos.delete"),
    ("POST /repos/{owner}/{repo}/transfer", "repos.transfer"),
    ("GET /repos/{owner}/{repo}/issues", "repos.issues.list"),
    ("POST /repos/{owner}/{repo}/issues", "repos.issues.create"),
    ("GET /repos/{owner}/{repo}/issues/{issue_number}", "repos.issues.retrieve"),
    ("PATCH /repos/{owner}/{repo}/issues/{issue_number}", "repos.issues.update"),
    ("PUT /repos/{owner}/{repo}/issues/{issue_number}/lock", "repos.issues.lock"),
    ("DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock", "repos.issues.unlock"),
    ("GET /repos/{owner}/{repo}/pulls/{pull_number}/merge", "repos.pulls.check_if_merged"),
    ("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", "repos.pulls.merge"),
    ("GET /gists/{gist_id}/star", "gists.check_is_starred"),
    ("PUT /gists/{gist_id}/star", "gists.star"),
    ("DELETE /gists/{gist_id}/star", "gists.unstar"),
    ("POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel", "repos.actions.runs.cancel"),
    ("POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun", "repos.actions.runs.rerun"),
    ("DELETE /repos/{owner}/{repo}/actions/caches", "repos.actions.caches.bulk_delete"),
    ("DELETE /applications/{client_id}/grant", "applications.grant.delete"),
    ("GET /repos/{owner}/{repo}/releases", "repos.releases.list"),
    ("DELETE /repos/{owner}/{repo}/releases/{release_id}", "repos.releases.delete"),
    ("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", "repos.issues.comments.list"),
    ("GET /repos/{owner}/{repo}/issues/comments", "repos.issues.comments.list_comments_for_repo"),
    ("GET /user", "user.retrieve"),
    ("PATCH /user", "user.update"),
]
SLACK = [
    ("POST /chat.postMessage", "chat.post_message"),
    ("POST /chat.update", "chat.update"),
    ("POST /chat.delete", "chat.delete"),
    ("GET /conversations.list", "conversations.list"),
    ("GET /conversations.history", "conversations.history"),
    ("GET /conversations.info", "conversations.info"),
    ("POST /conversations.archive", "conversations.archive"),
    ("POST /conversations.unarchive", "conversations.unarchive"),
    ("POST /conversations.invite", "conversations.invite"),
    ("GET /users.lookupByEmail", "users.lookup_by_email"),
    ("GET /users.info", "users.info"),
    ("POST /admin.apps.approve", "admin.apps.approve"),
    ("GET /admin.teams.owners.list", "admin.teams.owners.list"),
    ("POST /admin.users.invite", "admin.users.invite"),
    ("POST /files.remote.remove", "files.remote.remove"),
    ("POST /usergroups.disable", "usergroups.disable"),
    ("GET /api.test", "api.test"),
]
HUBSPOT_CONTACTS = [
    ("GET /", "contacts.list"),
    ("POST /", "contacts.create"),
    ("GET /{contactId}", "contacts.retrieve"),
    ("PATCH /{contactId}", "contacts.update"),
    ("DELETE /{contactId}", "contacts.delete"),
    ("POST /search", "contacts.search"),
    ("POST /merge", "contacts.merge"),
    ("POST /batch/read", "batch.read"),
    ("POST /batch/archive", "batch.archive"),
    ("POST /batch/create", "batch.create"),
    ("POST /batch/upsert", "batch.upsert"),
]
HUBSPOT_PIPELINES = [
    ("GET /{objectType}/{pipelineId}", "pipelines.retrieve"),
    ("PUT /{objectType}/{pipelineId}", "pipelines.replace"),
    ("PATCH /{objectType}/{pipelineId}", "pipelines.update"),
    ("DELETE /{objectType}/{pipelineId}", "pipelines.delete"),
    ("POST /{objectType}", "pipelines.create"),
    ("GET /{objectType}/{pipelineId}/stages", "pipelines.stages.list"),
    ("PUT /{objectType}/{pipelineId}/stages/{stageId}", "pipelines.stages.replace"),
    ("PATCH /{objectType}/{pipelineId}/stages/{stageId}", "pipelines.stages.update"),
]
HUBSPOT_EVENTS = [
    ("PUT /associations/{externalAccountId}/{externalEventId}/lists/{listId}", "associations.lists.associate"),
    ("DELETE /associations/{externalAccountId}/{externalEventId}/lists/{listId}", "associations.lists.disassociate"),
    ("POST /events/{externalEventId}/cancel", "events.cancel"),
    ("POST /events/{externalEventId}/complete", "events.complete"),
    ("GET /events/search", "events.search"),
]
SHOPIFY = [
    ("GET /admin/api/2025-01/products.json", "admin.products.list"),
    ("POST /admin/api/2025-01/products.json", "admin.products.create"),
    ("GET /admin/api/2025-01/products/count.json", "admin.products.count"),
    ("GET /admin/api/2025-01/customers/search.json", "admin.customers.search"),
    ("GET /admin/api/2025-01/orders.json", "admin.orders.list"),
    ("GET /admin/api/2025-01/orders/count.json", "admin.orders.count"),
    ("GET /admin/api/2025-01/countries/{countryId}.json", "admin.countries.retrieve"),
    ("PUT /admin/api/2025-01/countries/{countryId}.json", "admin.countries.update"),
    ("DELETE /admin/api/2025-01/countries/{countryId}.json", "admin.countries.delete"),
    ("GET /admin/api/2025-01/countries/{countryId}/provinces.json", "admin.countries.provinces.list"),
]
ZENDESK = [
    ("GET /api/v2/tickets", "tickets.list"),
    ("POST /api/v2/tickets", "tickets.create"),
    ("GET /api/v2/tickets/{ticket_id}", "tickets.retrieve"),
    ("PUT /api/v2/tickets/{ticket_id}", "tickets.update"),
    ("DELETE /api/v2/tickets/{ticket_id}", "tickets.delete"),
    ("GET /api/v2/tickets/count", "tickets.count"),
    ("POST /api/v2/tickets/{ticket_id}/merge", "tickets.merge"),
    ("PUT /api/v2/tickets/{ticket_id}/mark_as_spam", "tickets.mark_as_spam"),
    ("DELETE /api/v2/tickets/destroy_many", "tickets.destroy_many"),
    ("GET /api/v2/tickets/{ticket_id}/comments", "tickets.comments.list"),
    ("GET /api/v2/organizations/search", "organizations.search"),
    ("POST /api/v2/organizations/create_or_update", "organizations.create_or_update"),
    ("GET /api/v2/groups/count", "groups.count"),
]
JIRA = [
    ("POST /rest/api/3/issue", "issue.create"),
    ("PUT /rest/api/3/issue/archive", "issue.archive"),
    ("GET /rest/api/3/dashboard", "dashboard.list"),
    ("POST /rest/api/3/dashboard", "dashboard.create"),
    ("GET /rest/api/3/dashboard/search", "dashboard.search"),
    ("GET /rest/api/3/dashboard/{id}", "dashboard.retrieve"),
    ("PUT /rest/api/3/dashboard/{id}", "dashboard.update"),
    ("DELETE /rest/api/3/dashboard/{id}", "dashboard.delete"),
    ("POST /rest/api/3/dashboard/{id}/copy", "dashboard.copy"),
    ("GET /rest/api/3/filter/search", "filter.search"),
    ("GET /rest/api/3/filter/{id}", "filter.retrieve"),
    ("POST /rest/api/3/field/{fieldId}/context/{contextId}/project/remove", "field.context.project.remove"),
    ("GET /rest/api/3/filter/{id}/permission/{permissionId}", "filter.permission.retrieve"),
]
NOTION = [
    ("GET /v1/blocks/{id}", "blocks.retrieve"),
    ("PATCH /v1/blocks/{id}", "blocks.update"),
    ("DELETE /v1/blocks/{id}", "blocks.delete"),
    ("GET /v1/databases/{id}", "databases.retrieve"),
    ("PATCH /v1/databases/{id}", "databases.update"),
    ("POST /v1/databases/{id}/query", "databases.query"),
    ("GET /v1/pages/{id}", "pages.retrieve"),
    ("PATCH /v1/pages/{id}", "pages.update"),
    ("GET /v1/pages/{page_id}/properties/{property_id}", "pages.properties.retrieve"),
    ("GET /v1/users/{id}", "users.retrieve"),
]
TRELLO = [
    ("POST /boards", "boards.create"),
    ("GET /boards/{idBoard}", "boards.retrieve"),
    ("PUT /boards/{idBoard}", "boards.update"),
    ("POST /boards/{idBoard}/markAsViewed", "boards.mark_as_viewed"),
    ("POST /boards/{idBoard}/calendarKey/generate", "boards.calendar_key.generate"),
    ("POST /boards/{idBoard}/emailKey/generate", "boards.email_key.generate"),
    ("PUT /boards/{idBoard}/members", "boards.members.bulk_update"),
    ("DELETE /boards/{idBoard}/members/{idMember}", "boards.members.delete"),
    ("GET /boards/{idBoard}/labels", "boards.labels.list"),
    ("POST /boards/{idBoard}/labels", "boards.labels.create"),
    ("GET /cards/{idCard}", "cards.retrieve"),
    ("PUT /cards/{idCard}", "cards.update"),
    ("DELETE /cards/{idCard}", "cards.delete"),
    ("GET /cards/{idCard}/attachments", "cards.attachments.list"),
    ("POST /cards/{idCard}/attachments", "cards.attachments.create"),
]
TABLES = [
    pytest.param("github_github_v3.yaml", GITHUB, id="github"),
    pytest.param("slack_web_1.7.0.yaml", SLACK, id="slack"),
    pytest.param("hubspot_crm.objects.contacts_v3.yaml", HUBSPOT_CONTACTS, id="hubspot-contacts"),
    pytest.param("hubspot_crm.pipelines_v3.yaml", HUBSPOT_PIPELINES, id="hubspot-pipelines"),
    pytest.param("hubspot_marketing.events_v3.yaml", HUBSPOT_EVENTS, id="hubspot-events"),
    pytest.param("shopify_admin_2025-01.yaml", SHOPIFY, id="shopify"),
    pytest.param("zendesk_zendesk_2.0.0.yaml", ZENDESK, id="zendesk"),
    pytest.param("atlassian_jira.yaml", JIRA, id="jira"),
    pytest.param("notion.yaml", NOTION, id="notion"),
    pytest.param("trello.yaml", TRELLO, id="trello"),
]


@cache
def methods_of(spec_name: str) -> dict[str, str]:
    """`sdkgen names` of a corpus spec: `"GET /path"` -> `"resource.method"`."""
    api, _ = build(APIS / spec_name, "corpus_sdk")
    return {
        f"{op.http_method.upper()} {op.path}": ".".join((*resource.path, op.name))
        for top in api.resources
        for resource in top.walk()
        for op in resource.operations
    }


@pytest.mark.parametrize(("spec_name", "table"), TABLES)
def test_operations_are_named_as_the_official_sdk_or_a_reviewer_would(
    spec_name: str, table: list[tuple[str, str]]
) -> None:
    if not (APIS / spec_name).is_file():
        pytest.skip(f"the shared corpus is not at {APIS}")
    methods = methods_of(spec_name)
    assert [(route, methods.get(route)) for route, _ in table] == table


def test_the_tables_hold_over_a_hundred_operations() -> None:
    assert sum(len(param.values[1]) for param in TABLES) >= 100
