"""An oracle no one here wrote: the official `stripe` package names every route of the
corpus's Stripe spec by hand (`client.v1.customers.list()`, `client.v1.payment_intents.
confirm(intent)`). Each of its service methods is called against a recorder standing in
for its HTTP layer, which notes the method and path it would request; the name it gives
that route (the service's attribute and the method, `v1`/`v2` left out) is compared with
`sdkgen names` of the same spec. Routes only one side has (the package is newer than the
spec) are not compared."""

from __future__ import annotations

import inspect
import re
import sys
from typing import Any

import pytest
from sdkgen.pipeline import build

from .conftest import SHARED

SPEC = SHARED / "corpus" / "apis" / "stripe.yaml"
AGREEMENT = 0.90
Route = tuple[str, str]
"""`("post", "/v1/customers/{}")`: the HTTP method and the path, its parameters as `{}`."""


class _Requested(Exception):
    """Raised by the recorder: the service method has said what it would request."""


def stripe_routes() -> dict[Route, set[str]]:
    """Every route the installed `stripe` package requests, with the names it calls it by
    (`customers.list`: the last service attribute and the method)."""
    stripe = pytest.importorskip("stripe")
    client = stripe.StripeClient("sk_test_recorder")
    found: dict[Route, set[str]] = {}
    for top in ("v1", "v2"):
        _walk(getattr(client, top), (), found)
    return found


def _walk(service: Any, trail: tuple[str, ...], found: dict[Route, set[str]]) -> None:
    # A service loads its sub-services lazily from its module's `_subservices` table.
    module = sys.modules[type(service).__module__]
    for name in sorted(getattr(module, "_subservices", {})):
        _walk(getattr(service, name), (*trail, name), found)
    for name, method in inspect.getmembers(type(service), inspect.isfunction):
        if name.startswith("_") or name.endswith("_async"):
            continue
        for route in _requested(service, method):
            found.setdefault(route, set()).add(f"{trail[-1]}.{name}" if trail else name)


def _requested(service: Any, method: Any) -> list[Route]:
    """The routes one service method asks its HTTP layer for, called with placeholder ids."""
    requested: list[Route] = []

    def record(http_method: str, url: str, *args: Any, **kwargs: Any) -> None:
        path = url.split("?", 1)[0]
        requested.append((http_method, re.sub(r"ARG\d+", "{}", path)))
        raise _Requested

    service._request = service._request_stream = record
    arguments = [
        {} if parameter.name == "params" else f"ARG{position}"
        for position, parameter in enumerate(list(inspect.signature(method).parameters.values())[1:])
        if parameter.default is parameter.empty
        and parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    ]
    try:
        method(service, *arguments)
    except _Requested:
        pass
    return requested


def sdkgen_routes() -> dict[Route, str]:
    api, _ = build(SPEC, "stripe_sdk")
    return {
        (op.http_method, re.sub(r"\{[^}]*\}", "{}", op.path)): f"{resource.path[-1]}.{op.name}"
        for top in api.resources
        for resource in top.walk()
        for op in resource.operations
    }


def test_the_official_stripe_package_names_at_least_90_percent_of_routes_as_sdkgen_does() -> None:
    if not SPEC.is_file():
        pytest.skip(f"the shared corpus is not at {SPEC}")
    theirs = stripe_routes()
    ours = sdkgen_routes()
    common = sorted(set(theirs) & set(ours))
    assert len(common) > 350, "the recorder found too few of the spec's routes in the stripe package"
    mismatches = [(route, ours[route], sorted(theirs[route])) for route in common if ours[route] not in theirs[route]]
    agreement = 1 - len(mismatches) / len(common)
    print(f"\n{len(common) - len(mismatches)} of {len(common)} routes named alike ({agreement:.1%}); mismatches:")
    for (http_method, path), mine, official in mismatches:
        print(f"  {http_method.upper():6} {path:58} sdkgen {mine:34} stripe {', '.join(official)}")
    assert agreement >= AGREEMENT


def test_the_recorder_reads_the_route_a_service_method_requests() -> None:
    routes = stripe_routes()
    assert "customers.list" in routes[("get", "/v1/customers")]
    assert "payment_intents.confirm" in routes[("post", "/v1/payment_intents/{}/confirm")]
    assert "persons.update" in routes[("post", "/v1/accounts/{}/persons/{}")]
