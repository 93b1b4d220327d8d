"""The generated package imports lazily: `import pkg; pkg.Client()` loads the runtime and no
model or resource module; `client.x` loads resource `x` and the model modules it imports,
no others; `pkg.types.Name`, `from pkg.types import Name` and `dir(pkg.types)` work as if
the package had imported everything. Each case runs in a fresh interpreter."""

from __future__ import annotations

import ast
import json
import pickle
import subprocess
import sys
from pathlib import Path

from ..conftest import ROOT

PACKAGE_ROOT = ROOT / "output" / "python"
PACKAGE = PACKAGE_ROOT / "shared_sdk"
RUNTIME = {
    "shared_sdk",
    "shared_sdk._auth",
    "shared_sdk._base_client",
    "shared_sdk._binary",
    "shared_sdk._client",
    "shared_sdk._exceptions",
    "shared_sdk._logging",
    "shared_sdk._lazy",
    "shared_sdk._models",
    "shared_sdk._pagination",
    "shared_sdk._reliability",
    "shared_sdk._request_options",
    "shared_sdk._response",
    "shared_sdk._serialize",
    "shared_sdk._streaming",
    "shared_sdk._tolerant",
    "shared_sdk._types",
    "shared_sdk._version",
    "shared_sdk.types",
}
"""What `import shared_sdk; shared_sdk.Client()` loads: the runtime and the `types` map."""


def loaded_after(code: str) -> set[str]:
    """The `shared_sdk` modules in `sys.modules` after running `code` in a fresh interpreter."""
    script = f"import sys\n{code}\nprint(__import__('json').dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PACKAGE_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return {name for name in json.loads(result.stdout.splitlines()[-1]) if name.split(".")[0] == "shared_sdk"}


def runtime_imports(path: Path, module: str) -> set[str]:
    """The package modules that `module` imports when it runs (not those under
    `if TYPE_CHECKING:` or inside functions), and theirs, and their packages'."""
    found: set[str] = set()
    pending = [(path, module)]
    while pending:
        path, module = pending.pop()
        if module in found:
            continue
        found.add(module)
        parts = module.split(".")
        found |= {".".join(parts[:n]) for n in range(1, len(parts))}
        package = parts if path.name == "__init__.py" else parts[:-1]
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = package[: len(package) - node.level + 1] + (node.module.split(".") if node.module else [])
            for alias in node.names:
                for candidate in (base + [alias.name], base):
                    file = PACKAGE_ROOT.joinpath(*candidate)
                    if file.with_suffix(".py").is_file():
                        pending.append((file.with_suffix(".py"), ".".join(candidate)))
                        break
                    if (file / "__init__.py").is_file():
                        pending.append((file / "__init__.py", ".".join(candidate)))
                        break
    return found


def test_importing_the_package_and_building_a_client_loads_no_model_or_resource() -> None:
    loaded = loaded_after("import shared_sdk\nshared_sdk.Client(api_key='k')\nshared_sdk.AsyncClient(api_key='k')")
    assert loaded == RUNTIME


def test_a_resource_loads_its_module_and_the_models_it_imports_no_more() -> None:
    loaded = loaded_after("import shared_sdk\nshared_sdk.Client(api_key='k').droplets")
    expected = RUNTIME | runtime_imports(PACKAGE / "resources" / "droplets.py", "shared_sdk.resources.droplets")
    assert loaded == expected
    assert "shared_sdk.types.shared.droplet" in loaded and "shared_sdk.resources.chat" not in loaded
    # a sub-resource waits for its own attribute
    chat = loaded_after("import shared_sdk\nshared_sdk.AsyncClient(api_key='k').chat")
    assert "shared_sdk.resources.chat" in chat and "shared_sdk.resources.chat_completions" not in chat
    completions = loaded_after("import shared_sdk\nshared_sdk.AsyncClient(api_key='k').chat.completions")
    assert "shared_sdk.resources.chat_completions" in completions


def test_a_name_of_types_loads_its_module_only() -> None:
    loaded = loaded_after("from shared_sdk.types import Droplet")
    assert "shared_sdk.types.shared.droplet" in loaded
    assert "shared_sdk.types.shared.firewall" not in loaded and "shared_sdk.resources" not in loaded
    # `import *` takes every name, as it did when the package imported them all
    everything = loaded_after("from shared_sdk.types import *\nassert Droplet and Firewall and ChatCompletion")
    assert {"shared_sdk.types.shared.firewall", "shared_sdk.types.shared.chat_completion"} <= everything


def test_lazy_names_are_the_classes_their_modules_define() -> None:
    # imported here: other tests may have dropped the package from sys.modules since collection
    import shared_sdk
    from shared_sdk import types
    from shared_sdk.types.shared.droplet import Droplet

    assert types.Droplet is Droplet and shared_sdk.types.shared.Droplet is Droplet
    names = dir(types)
    assert {"Droplet", "DropletCreateParams", "ChatCompletion"} <= set(names) and names == sorted(names)
    assert set(types._MODULES) <= set(names)  # type: ignore[attr-defined]
    for name in types._MODULES:  # type: ignore[attr-defined]
        assert getattr(types, name) is not None, name
    try:
        types.NoSuchModel  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert "NoSuchModel" in str(error)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


def test_models_reached_lazily_pickle_and_compare_as_before() -> None:
    from shared_sdk import types
    from shared_sdk.types.shared.action_link import ActionLink

    link = types.ActionLink.model_validate({"id": 3, "rel": "create", "href": "https://x/3"})
    again = pickle.loads(pickle.dumps(link))
    assert isinstance(again, ActionLink) and again == link and type(again) is types.shared.ActionLink
