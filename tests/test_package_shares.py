"""The shares the forked workers render (`render_python(part=(k, n))`): together exactly the
package, each file in one share, a shared model's TypedDict twin in the share of the model."""

from __future__ import annotations

import pytest
from sdkgen.pipeline import build
from sdkgen.targets.python.package import render_python
from sdkgen.targets.python.params import shared_modules_needed

from .conftest import GOLDEN


@pytest.mark.parametrize("shares", [2, 3])
def test_the_shares_of_a_package_are_its_files_once_each_twins_beside_their_models(shares: int) -> None:
    case = "client_resources"
    api, _ = build(GOLDEN / case / "spec.yaml", "shares_sdk")
    whole = render_python(api, "spec.yaml")
    parts = [render_python(api, "spec.yaml", (share, shares)) for share in range(shares)]
    assert sum(len(part) for part in parts) == len(whole)
    assert {path: text for part in parts for path, text in part.items()} == whole
    twins = shared_modules_needed(api)
    assert twins, f"{case} has shared models that request bodies use"
    for twin in twins:
        (model_share,) = [
            k for k, part in enumerate(parts) if any(p.endswith(f"/types/shared/{twin.module}.py") for p in part)
        ]
        (twin_share,) = [
            k for k, part in enumerate(parts) if any(p.endswith(f"/types/shared_params/{twin.module}.py") for p in part)
        ]
        assert twin_share == model_share, twin.module
