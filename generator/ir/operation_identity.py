"""IR: what identifies an operation and fills its path, read as the author meant it.

Real specs write a path parameter Express's way (`/organizations/:organizationId`), declare a
path parameter under another spelling than the template's (`petId` for `{pet_id}`) and give
two operations one operationId. Each has one plain reading, taken with a warning: the
segment is a template variable, the parameter fills the variable its name matches but for
case and separators, and the later operation's id takes its method and path as a suffix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import Location
from .model import ParameterIR, PrimitiveType
from .naming import parameter_name

if TYPE_CHECKING:
    from .context import SchemaContext

EXPRESS_SEGMENT = re.compile(r"(?<=/):([A-Za-z_][A-Za-z0-9_]*)(?=/|$)")
"""A whole path segment `:name`: Express's (and Rails') notation for a path parameter. A
colon inside a segment (`/v1/{name}:cancel`, Google's custom methods) is literal."""
TEMPLATE_VARIABLE = re.compile(r"{([^}]+)}")


def path_template(path: str) -> str:
    """The path with its Express-style segments as template variables: `/orgs/:orgId` -> `/orgs/{orgId}`."""
    return EXPRESS_SEGMENT.sub(r"{\1}", path) if ":" in path else path


def warn_express_segments(api: SchemaContext, path: str, location: Location) -> None:
    """A warning at the path's key when `path_template` reads it otherwise than it is written."""
    template = path_template(path)
    if template != path:
        api.warn(f"path {path} marks its parameters Express-style (':name'); read as {template}", location)


def template_variables(path: str) -> list[str]:
    """The path's template variables, in order, each once."""
    return list(dict.fromkeys(TEMPLATE_VARIABLE.findall(path)))


def _loose(name: str) -> str:
    """A parameter name without case and separators: `petId`, `PetID` and `pet_id` are one."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def path_parameters(
    api: SchemaContext,
    path: str,
    declared: list[tuple[ParameterIR, Location]],
    location: Location,
) -> list[ParameterIR]:
    """The parameters that fill the path's template variables, in path order.

    A declared path parameter whose name is no variable fills the one variable it matches but
    for case and separators (taking its name on the wire), and is left out when none or
    several do; a variable no parameter fills is a required string argument."""
    variables = template_variables(path)
    by_name = {parameter.wire_name: (parameter, where) for parameter, where in declared}
    strays = [(p, where) for name, (p, where) in by_name.items() if name not in variables]
    unfilled = [v for v in variables if v not in by_name]
    for parameter, where in strays:
        name = parameter.wire_name
        matches = [v for v in unfilled if _loose(v) == _loose(name)]
        rivals = [p for p, _ in strays if _loose(p.wire_name) == _loose(name)]
        if len(matches) == 1 and len(rivals) == 1:
            api.warn(f"path parameter {name!r} is not in the path {path}; read as {{{matches[0]}}}", where)
            by_name[matches[0]] = (replace(parameter, wire_name=matches[0]), where)
            unfilled.remove(matches[0])
        else:
            api.warn(f"path parameter {name!r} is not in the path {path}; left out", where)
    for missing in sorted(unfilled):
        api.warn(f"path parameter {{{missing}}} of {path} is not declared; taken as a required string", location)
        by_name[missing] = (ParameterIR(parameter_name(missing), missing, "path", PrimitiveType("str"), True), location)
    return [by_name[variable][0] for variable in variables]


def unique_operation_id(operation_id: str, method: str, path: str, taken: Iterable[str]) -> str:
    """An id for a later operation that repeats `operation_id`: suffixed with its method and
    path (`listPets` of `GET /animals` -> `listPets_get_animals`), a number after that in the
    unlikely case that it is taken too."""
    words = re.findall(r"[A-Za-z0-9]+", path)
    candidate = base = "_".join([operation_id, method, *words])
    counter = 2
    used = set(taken)
    while candidate in used:
        candidate, counter = f"{base}_{counter}", counter + 1
    return candidate
