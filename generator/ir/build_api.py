"""IR: the whole document into an `ApiIR`: servers, auth, every named model and every operation.

`ApiBuilder` hands the model and operation builders one `SchemaContext` (`context.py`):
`ModelBuilder` (`build_models.py`) builds one model, `OperationsBuilder`
(`build_operations.py`) the paths, and this module puts them together.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import Diagnostics, Location, SpecError
from ..load.loader import DocumentStore
from ..text import description_of
from .build_models import ModelBuilder
from .build_operations import OperationsBuilder
from .context import SchemaContext
from .discriminators import resolve_discriminators
from .inheritance import resolve_inheritance
from .list_wrappers import with_items_fields
from .model import ApiIR, ModelIR, ServerIR
from .module_graph import defer_aliases_on_import_cycles
from .overrides import Overrides, OverridesConfig
from .recursive_aliases import resolve_recursive_aliases
from .security import environment_prefix, read_auth, server_variables, unique_variables
from .webhooks import event_name, event_type, read_webhooks


def server_url(document: dict[str, Any]) -> str:
    servers = document.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict) and servers[0].get("url"):
        return str(servers[0]["url"]).rstrip("/")
    return "http://localhost"


HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key"


def idempotency_header(document: dict[str, Any], context: SchemaContext) -> str:
    """`x-sdk-idempotency-header` at the top of the document: a header name, or `false` for none."""
    found = document.get("x-sdk-idempotency-header", DEFAULT_IDEMPOTENCY_HEADER)
    if found is False:
        return ""
    if isinstance(found, str) and HEADER_NAME.match(found):
        return found
    context.diagnostics.error(
        f"x-sdk-idempotency-header must be a header name or false, not {found!r}",
        context.locate(Location(context.root_file, "/x-sdk-idempotency-header")),
    )
    return DEFAULT_IDEMPOTENCY_HEADER


class ApiBuilder:
    """Builds the `ApiIR` of a whole document."""

    def __init__(
        self, store: DocumentStore, root_file: Path, diagnostics: Diagnostics, overrides: OverridesConfig | None = None
    ) -> None:
        self.context = SchemaContext(store, root_file, diagnostics)
        self.overrides = overrides

    def build(self, document: dict[str, Any], package: str, env_prefix: str | None = None) -> ApiIR:
        context = self.context
        found_info = document.get("info")
        info: dict[str, Any] = found_info if isinstance(found_info, dict) else {}
        components = document.get("components") or {}
        schemas = components.get("schemas") if isinstance(components, dict) else None
        if schemas is None:
            schemas = {}
        if not isinstance(schemas, dict):
            context.diagnostics.error(
                "components.schemas must be a mapping",
                context.locate(Location(context.root_file, "/components/schemas")),
            )
            schemas = {}
        overrides = Overrides(context, self.overrides)
        context.resolver.renames.update(overrides.models)
        context.resolver.register_components(schemas)
        default_server = server_url(document)
        prefix = environment_prefix(context, document, package, env_prefix or overrides.env_prefix)
        auth = read_auth(context, document, prefix)
        operations = OperationsBuilder(
            context,
            default_server,
            {s.key for s in auth.schemes} if auth else set(),
            frozenset(a for s in auth.schemes for a in s.arguments) if auth else frozenset(),
        )
        operations.overrides = overrides
        try:
            operations.read_paths(document)
        except SpecError as exc:
            context.diagnostics.items.extend(exc.diagnostics)
        try:
            webhooks = read_webhooks(operations, document)
        except SpecError as exc:
            context.diagnostics.items.extend(exc.diagnostics)
            webhooks = []
        event_named = event_name(operations, webhooks)
        models: list[ModelIR] = list(operations.body_models)
        for named in context.resolver.drain():
            try:
                models.append(ModelBuilder(context, named).build())
            except SpecError as exc:
                context.diagnostics.items.extend(exc.diagnostics)
        context.diagnostics.items.extend(context.resolver.errors)
        for pointer, (name, where) in overrides.models.items():
            if pointer not in context.resolver.renamed:
                context.diagnostics.error(
                    f"no model of the spec is at #{pointer} (to be named {name!r})",
                    context.locate(where),
                )
        webhook_event, event_model = event_type(webhooks, event_named, models)
        if event_model is not None:
            models.append(event_model)
        models = resolve_recursive_aliases(resolve_inheritance(resolve_discriminators(models)))
        models = defer_aliases_on_import_cycles(models)
        models.sort(key=lambda m: (m.name.lower(), m.name))
        models = with_items_fields(models, operations.unpaged_lists({m.name: m for m in models}))
        resources = operations.resources({m.name: m for m in models})
        root_location = Location(context.root_file, "/servers/0")
        found = document.get("servers")
        first = found[0] if isinstance(found, list) and found and isinstance(found[0], dict) else {}
        servers = [ServerIR("", default_server, server_variables(first, context, root_location))]
        for name, (url, server, location) in sorted(operations.servers.items()):
            servers.append(ServerIR(name, url, server_variables(server, context, location)))
        return ApiIR(
            title=str(info.get("title", package)),
            version=str(info.get("version", "0.0.0")),
            description=description_of(info.get("description")),
            package=package,
            models=tuple(models),
            resources=resources,
            servers=tuple(unique_variables(servers)),
            auth=auth if resources else None,
            idempotency_header=idempotency_header(document, context),
            env_prefix=prefix,
            webhook_event=webhook_event,
            docs_url=external_docs_url(document),
        )


def external_docs_url(document: dict[str, Any]) -> str | None:
    """`externalDocs.url` when it is an absolute http(s) URL (relative links resolve against it)."""
    docs = document.get("externalDocs")
    url = docs.get("url") if isinstance(docs, dict) else None
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None
