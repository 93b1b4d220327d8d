"""`sdkgen names`: the tree of methods a user will call, one line per method, with the HTTP
operation behind it and where its name came from (`path`, `operationId`, `override`)."""

from __future__ import annotations

from .ir.model import ApiIR


def surface_lines(api: ApiIR) -> list[str]:
    """`client.files.list -> GET /files  (path)`, resources in the client's order."""
    rows = [
        (f"client.{'.'.join(resource.path)}.{op.name}", f"{op.http_method.upper()} {op.path}", op.name_source)
        for top in api.resources
        for resource in top.walk()
        for op in resource.operations
    ]
    width = max((len(call) for call, _, _ in rows), default=0)
    return [f"{call.ljust(width)} -> {request}  ({source})" for call, request, source in rows]
