"""IR: overrides for platform teams, from `sdkgen.yaml` beside the spec, or from the project's
`pyproject.toml`: `[tool.sdkgen] overrides = "path/to/sdkgen.yaml"` (relative to the
pyproject) or an `[tool.sdkgen.overrides]` table of the same keys.

    env_prefix: OPENAI              # OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_LOG
    operations:
      listFiles:                    # an operationId ...
        method: list
        pagination: {scheme: cursor, items: data, param: after, more_field: has_more}
      POST /v1/jobs/{id}/cancel:    # ... or `METHOD /path`
        resource: fine_tuning.jobs
        method: cancel

Each entry is the same as the operation's `x-sdk-resource`, `x-sdk-method` and
`x-sdk-pagination` extensions, and wins over them. Unknown keys and targets that match no
operation are located errors.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Location
from .model import ParameterIR
from .naming import RESERVED_ARGUMENTS
from .pagination import SCHEMES, PagingPlan

if TYPE_CHECKING:
    from .context import SchemaContext

OVERRIDES_FILE = "sdkgen.yaml"
ENV_PREFIX = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
TOP_KEYS = ("operations", "models", "group_by", "env_prefix")
GROUPINGS = ("path", "tags")
"""`group_by`: resources named after the path (the default) or after each operation's first tag."""
OPERATION_KEYS = ("resource", "method", "pagination", "parameters")
PAGINATION_KEYS = ("scheme", "items", "param", "size_param", "next_field", "more_field", "flag")


@dataclass(frozen=True)
class OverridesConfig:
    """Where the overrides are, when `[tool.sdkgen]` says: a YAML file it names (`document`
    None), or its own `[tool.sdkgen.overrides]` table, located by `pointer` in the pyproject."""

    file: Path
    document: dict[str, Any] | None = None
    pointer: str = ""


class Overrides:
    """The `operations` of the overrides, by operationId or `METHOD /path`: from the config's
    `[tool.sdkgen]` when it has some, else from `sdkgen.yaml` beside the spec."""

    def __init__(self, api: SchemaContext, config: OverridesConfig | None = None) -> None:
        self.api = api
        self.entries: dict[str, tuple[dict[str, Any], Location]] = {}
        self.used: set[str] = set()
        self.group_by = "path"
        self.env_prefix: str | None = None
        """What the client's environment variables start with (`env_prefix: OPENAI`)."""
        self.models: dict[str, tuple[str, Location]] = {}
        """New model names by the JSON pointer of their schema in the spec, and where each was written."""
        beside = api.root_file.parent / OVERRIDES_FILE
        if config is None:
            if not beside.is_file():
                return
            config = OverridesConfig(beside)
        elif beside.is_file() and beside.resolve() != config.file.resolve():
            api.diagnostics.warning(
                f"{OVERRIDES_FILE} beside the spec is not read: [tool.sdkgen] overrides are used instead",
                Location(beside.resolve(), ""),
            )
        document = api.store.load(config.file) if config.document is None else config.document
        where = Location(config.file.resolve(), config.pointer)
        name = config.file.name
        if not isinstance(document, dict) or set(document) - set(TOP_KEYS):
            unknown = sorted(map(str, set(document) - set(TOP_KEYS))) if isinstance(document, dict) else []
            message = f"unknown keys {unknown} in {name}" if unknown else f"{name}: overrides must be a mapping"
            api.diagnostics.error(message, api.locate(where))
            return
        self.read_models(document.get("models") or {}, where.child("models"))
        env_prefix = document.get("env_prefix")
        if isinstance(env_prefix, str) and ENV_PREFIX.fullmatch(env_prefix):
            self.env_prefix = env_prefix
        elif env_prefix is not None:
            message = f"env_prefix must be the start of a variable name (OPENAI), not {env_prefix!r}"
            api.diagnostics.error(message, api.locate(where.child("env_prefix")))
        group_by = document.get("group_by", "path")
        if group_by in GROUPINGS:
            self.group_by = str(group_by)
        else:
            message = f"unknown group_by {group_by!r} (known: {', '.join(GROUPINGS)})"
            api.diagnostics.error(message, api.locate(where.child("group_by")))
        operations = document.get("operations") or {}
        if not isinstance(operations, dict):
            api.diagnostics.error("operations must be a mapping", api.locate(where.child("operations")))
            return
        for target, entry in operations.items():
            entry_location = where.child("operations", str(target))
            if not isinstance(entry, dict):
                api.diagnostics.error("an override must be a mapping", api.locate(entry_location))
                continue
            for key in sorted(set(map(str, entry)) - set(OPERATION_KEYS)):
                api.diagnostics.error(
                    f"unknown override {key!r} (known: {', '.join(OPERATION_KEYS)})",
                    api.locate(entry_location.child(key)),
                )
            self.entries[str(target)] = (entry, entry_location)

    def read_models(self, models: Any, where: Location) -> None:
        """`models: {Pet: Animal, "#/paths/~1pets/get/responses/200/content/application~1json/schema": PetPage}`:
        a component schema by its key, any other schema by its JSON pointer."""
        if not isinstance(models, dict):
            self.api.diagnostics.error("models must be a mapping", self.api.locate(where))
            return
        components = Location(self.api.root_file, "/components/schemas")
        for target, name in models.items():
            location = where.child(str(target))
            if not is_class_name(name):
                self.api.diagnostics.error(
                    f"a model's new name must be a Python class name, not {name!r}", self.api.locate(location)
                )
                continue
            text = str(target)
            pointer = text[1:] if text.startswith("#/") else components.child(text).pointer
            self.models[pointer] = (str(name), location)

    def extensions_for(self, operation_id: Any, method: str, *paths: str) -> tuple[dict[str, Any], dict[str, Location]]:
        """The override of one operation as the `x-sdk-*` extensions it stands for, and where
        each was written; `paths`: the path as the spec writes it and as it is read (an
        Express-style `/orgs/:orgId` is `/orgs/{orgId}`), either names the operation."""
        found: dict[str, Any] = {}
        where: dict[str, Location] = {}
        for target in (operation_id, *dict.fromkeys(f"{method.upper()} {path}" for path in paths)):
            if isinstance(target, str) and target in self.entries:
                self.used.add(target)
                entry, location = self.entries[target]
                for key, value in entry.items():
                    if key in OPERATION_KEYS:
                        found[f"x-sdk-{key}"] = value
                        where[f"x-sdk-{key}"] = location.child(str(key))
        return found, where

    def report_unused(self) -> None:
        for target, (_, location) in self.entries.items():
            if target not in self.used:
                self.api.diagnostics.error(
                    f"override target {target!r} is no operationId or `METHOD /path` of the spec",
                    self.api.locate(location),
                )


def rename_parameters(
    api: SchemaContext, parameters: list[ParameterIR], names: Any, where: Location
) -> list[ParameterIR]:
    """`parameters: {<wire name>: <argument name>}` of an operation's override; the wire
    name is still what is sent. A wire name the operation lacks, a name that is no
    argument name or that another parameter has, are located errors."""
    if not isinstance(names, dict):
        api.diagnostics.error("parameters must be a mapping of wire names to names", api.locate(where))
        return parameters
    by_wire = {p.wire_name: p for p in parameters}
    renamed = {}
    for wire, name in names.items():
        location = where.child(str(wire))
        if wire not in by_wire:
            known = ", ".join(sorted(by_wire)) or "none"
            api.diagnostics.error(f"the operation has no parameter {wire!r} (it has: {known})", api.locate(location))
        elif not is_argument_name(name):
            api.diagnostics.error(
                f"a parameter's new name must be a Python argument name, not {name!r}", api.locate(location)
            )
        else:
            renamed[str(wire)] = str(name)
    result = [replace(p, name=renamed.get(p.wire_name, p.name)) for p in parameters]
    for wire, name in sorted(renamed.items()):
        others = [p.wire_name for p in result if p.name == name and p.wire_name != wire]
        if others:
            api.diagnostics.error(
                f"parameter name {name!r} is taken by the parameter {others[0]!r}",
                api.locate(where.child(wire)),
            )
    return result


def is_class_name(name: Any) -> bool:
    return isinstance(name, str) and name.isidentifier() and name.isascii() and not keyword.iskeyword(name)


def is_argument_name(name: Any) -> bool:
    return is_class_name(name) and name not in RESERVED_ARGUMENTS and not name.startswith("_") and name == name.lower()


def declared_paging(api: SchemaContext, value: Any, location: Location) -> PagingPlan | bool:
    """`x-sdk-pagination`: a declared scheme, `False` for none; `True` when absent (recognise it)."""
    if value is False:
        return False
    if not isinstance(value, dict):
        api.diagnostics.error("x-sdk-pagination must be a mapping or false", api.locate(location))
        return True
    for key in sorted(set(map(str, value)) - set(PAGINATION_KEYS)):
        api.diagnostics.error(
            f"unknown pagination key {key!r} (known: {', '.join(PAGINATION_KEYS)})", api.locate(location.child(key))
        )
    scheme = value.get("scheme")
    if scheme not in SCHEMES:
        api.diagnostics.error(
            f"unknown pagination scheme {scheme!r} (known: {', '.join(SCHEMES)})", api.locate(location.child("scheme"))
        )
        return True

    def path_of(key: str) -> tuple[str, ...]:
        found = value.get(key)
        return tuple(str(found).split(".")) if found else ()

    return PagingPlan(
        str(scheme),
        str(value.get("param", "")),
        str(value.get("size_param", "")),
        path_of("next_field"),
        path_of("more_field"),
        str(value.get("flag", "")),
        items=str(value.get("items", "")),
    )
