"""Compare two SDK surfaces: every change a caller would see, with its kind and whether it breaks them."""

from __future__ import annotations

from dataclasses import dataclass

from .surface import Argument, Method, Model, Surface

BREAKING = {
    "resource_removed",
    "method_removed",
    "method_renamed",
    "model_removed",
    "model_renamed",
    "field_removed",
    "field_type_changed",
    "return_type_changed",
    "argument_removed",
    "argument_added_required",
    "argument_made_required",
    "argument_type_narrowed",
    "argument_type_changed",
    "enum_value_removed",
    "path_parameter_renamed",
    "auth_changed",
    "server_removed",
}
"""Kinds that make a caller's code fail (to type-check, or at run time) against the new SDK."""

ADDITIONS = {
    "resource_added",
    "method_added",
    "model_added",
    "field_added",
    "argument_added_optional",
    "argument_made_optional",
    "argument_type_widened",
    "enum_value_added",
    "server_added",
    "auth_relaxed",
}
"""Kinds that add to what callers can do: a minor release."""


@dataclass(frozen=True)
class Change:
    kind: str
    path: str
    """Where in the SDK: `client.pets.create(owner_id)`, `types.Pet.tag`."""
    message: str

    @property
    def breaking(self) -> bool:
        return self.kind in BREAKING


def compare(old: Surface, new: Surface) -> list[Change]:
    changes: list[Change] = []
    changes += _client(old, new)
    changes += _resources(old, new)
    changes += _methods(old, new)
    changes += _models(old, new)
    return changes


def semver_bump(changes: list[Change]) -> str:
    """`major`, `minor`, `patch` or `none`: what the SDK's next version must change."""
    if any(c.breaking for c in changes):
        return "major"
    if any(c.kind in ADDITIONS for c in changes):
        return "minor"
    return "patch" if changes else "none"


def _client(old: Surface, new: Surface) -> list[Change]:
    changes: list[Change] = []
    for argument in sorted(old.credentials.keys() | new.credentials.keys()):
        path = f"client.Client({argument})"
        before, after = old.credentials.get(argument), new.credentials.get(argument)
        if after is None:
            changes.append(Change("auth_changed", path, "credential argument removed"))
        elif before is None and new.credentials_required:
            changes.append(Change("auth_changed", path, f"new credential argument (or {after}) the client needs"))
        elif before is None:
            changes.append(Change("auth_relaxed", path, f"new optional credential argument (or {after})"))
        elif before != after:
            changes.append(Change("auth_changed", path, f"read from {after} when not given (was {before})"))
    if old.credentials and new.credentials and old.credentials_required != new.credentials_required:
        if new.credentials_required:
            changes.append(Change("auth_changed", "client.Client", "credentials are now required"))
        else:
            changes.append(Change("auth_relaxed", "client.Client", "credentials are now optional"))
    for name in sorted(old.servers.keys() | new.servers.keys()):
        argument = f"client.Client({name}_base_url)" if name else "client.Client(base_url)"
        if name not in new.servers:
            changes.append(Change("server_removed", argument, f"server {name!r} removed"))
        elif name not in old.servers:
            changes.append(Change("server_added", argument, f"server {name!r} added: {new.servers[name]}"))
        elif old.servers[name] != new.servers[name]:
            message = f"default URL changed from {old.servers[name]} to {new.servers[name]}"
            changes.append(Change("server_url_changed", argument, message))
    return changes


def _resources(old: Surface, new: Surface) -> list[Change]:
    changes = [Change("resource_removed", r, "resource removed") for r in sorted(old.resources - new.resources)]
    changes += [Change("resource_added", r, "resource added") for r in sorted(new.resources - old.resources)]
    return changes


def _methods(old: Surface, new: Surface) -> list[Change]:
    changes: list[Change] = []
    removed = sorted(old.methods.keys() - new.methods.keys())
    added = sorted(new.methods.keys() - old.methods.keys())
    by_route = {new.methods[path].route: path for path in added}
    for path in removed:
        renamed = by_route.pop(old.methods[path].route, None)
        if renamed is not None:
            message = f"renamed to {renamed} ({old.methods[path].route})"
            changes.append(Change("method_renamed", path, message))
            changes += _method(path, old.methods[path], new.methods[renamed], renamed)
        else:
            changes.append(Change("method_removed", path, f"method removed ({old.methods[path].route})"))
    for path in added:
        if path in by_route.values():
            changes.append(Change("method_added", path, f"new method ({new.methods[path].route})"))
    for path in sorted(old.methods.keys() & new.methods.keys()):
        changes += _method(path, old.methods[path], new.methods[path], path)
    return changes


def _method(old_path: str, old: Method, new: Method, path: str) -> list[Change]:
    changes: list[Change] = []
    renamed_params = {}
    if len(old.path_params) == len(new.path_params):
        renamed_params = {a: b for a, b in zip(old.path_params, new.path_params, strict=True) if a != b}
    for before, after in renamed_params.items():
        if before in old.arguments and after in new.arguments:
            message = f"path parameter {before} renamed to {after}"
            changes.append(Change("path_parameter_renamed", f"{path}({before})", message))
    skip_old = {a for a in renamed_params if a in old.arguments}
    skip_new = {renamed_params[a] for a in skip_old}
    for name in sorted(old.arguments.keys() - new.arguments.keys() - skip_old):
        changes.append(Change("argument_removed", f"{path}({name})", "argument removed"))
    for name in sorted(new.arguments.keys() - old.arguments.keys() - skip_new):
        argument = new.arguments[name]
        if argument.required:
            message = f"new required argument {name}: {argument.annotation}"
            changes.append(Change("argument_added_required", f"{path}({name})", message))
        else:
            message = f"new optional argument {name}: {argument.annotation}"
            changes.append(Change("argument_added_optional", f"{path}({name})", message))
    for name in sorted(old.arguments.keys() & new.arguments.keys()):
        changes += _argument(f"{path}({name})", old.arguments[name], new.arguments[name])
    if old.returns != new.returns:
        message = f"returns {new.returns} (was {old.returns})"
        changes.append(Change("return_type_changed", path, message))
    if old.doc != new.doc:
        changes.append(Change("description_changed", path, "docstring changed"))
    return changes


def _argument(path: str, old: Argument, new: Argument) -> list[Change]:
    changes: list[Change] = []
    if old.required and not new.required:
        changes.append(Change("argument_made_optional", path, "argument is now optional"))
    elif new.required and not old.required:
        changes.append(Change("argument_made_required", path, "argument is now required"))
    if old.annotation == new.annotation:
        return changes
    if old.values is not None and new.values is not None and old.values != new.values:
        gone, came = sorted(old.values - new.values), sorted(new.values - old.values)
        if gone:
            changes.append(Change("enum_value_removed", path, f"no longer accepts {', '.join(gone)}"))
        if came:
            changes.append(Change("enum_value_added", path, f"also accepts {', '.join(came)}"))
        if _without_literals(old.annotation) == _without_literals(new.annotation):
            return changes
    if new.annotation == f"Optional[{old.annotation}]":
        changes.append(Change("argument_type_widened", path, f"type widened to {new.annotation}"))
    elif old.annotation == f"Optional[{new.annotation}]":
        changes.append(Change("argument_type_narrowed", path, f"type narrowed to {new.annotation}"))
    else:
        message = f"type changed from {old.annotation} to {new.annotation}"
        changes.append(Change("argument_type_changed", path, message))
    return changes


def _without_literals(annotation: str) -> str:
    """The annotation with every `Literal[...]` folded, to tell an enum change from a type change."""
    out: list[str] = []
    rest = annotation
    while rest:
        start = rest.find("Literal[")
        if start < 0:
            out.append(rest)
            break
        out.append(rest[:start] + "Literal")
        index, level = start + len("Literal["), 1
        while index < len(rest) and level:
            level += {"[": 1, "]": -1}.get(rest[index], 0)
            index += 1
        rest = rest[index:]
    return "".join(out)


def _models(old: Surface, new: Surface) -> list[Change]:
    changes: list[Change] = []
    removed = sorted(old.models.keys() - new.models.keys())
    added = sorted(new.models.keys() - old.models.keys())
    for path in removed:
        twin = next((a for a in added if _same_shape(old.models[path], new.models[a])), None)
        if twin is not None:
            added.remove(twin)
            changes.append(Change("model_renamed", path, f"renamed to {twin}"))
        else:
            changes.append(Change("model_removed", path, "type removed"))
    changes += [Change("model_added", path, "new type") for path in added]
    for path in sorted(old.models.keys() & new.models.keys()):
        changes += _model(path, old.models[path], new.models[path])
    return changes


def _same_shape(old: Model, new: Model) -> bool:
    return bool(old.fields or old.annotation) and (old.fields, old.annotation) == (new.fields, new.annotation)


def _model(path: str, old: Model, new: Model) -> list[Change]:
    changes: list[Change] = []
    if old.annotation != new.annotation:
        message = f"now {new.annotation or 'a model'} (was {old.annotation or 'a model'})"
        changes.append(Change("field_type_changed", path, message))
    # A field renamed on the wire is one removed and one added: callers see both.
    for name in sorted(old.fields.keys() - new.fields.keys()):
        changes.append(Change("field_removed", f"{path}.{name}", "field removed"))
    for name in sorted(new.fields.keys() - old.fields.keys()):
        changes.append(Change("field_added", f"{path}.{name}", f"new field: {new.fields[name].annotation}"))
    for name in sorted(old.fields.keys() & new.fields.keys()):
        before, after = old.fields[name], new.fields[name]
        if before.annotation != after.annotation:
            message = f"type changed from {before.annotation} to {after.annotation}"
            changes.append(Change("field_type_changed", f"{path}.{name}", message))
        if before.doc != after.doc:
            changes.append(Change("description_changed", f"{path}.{name}", "description changed"))
    if old.doc != new.doc:
        changes.append(Change("description_changed", path, "description changed"))
    return changes
