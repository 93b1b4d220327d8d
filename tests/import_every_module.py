"""Import every module of a generated package, in the orders asked for; print what failed.

Run as a script in a fresh interpreter: `python tests/import_every_module.py ROOT PACKAGE
ORDER...`, ROOT the folder that holds PACKAGE. Each ORDER starts from no module of the
package loaded (the ones an earlier order loaded are forgotten first):

- `forward`: every module in sorted order (`pkgutil.walk_packages`);
- `reverse`: the same, in reverse (`sorted(..., reverse=True)`);
- `each-first`: each module imported first on its own, then every one of its exports read.

A line `FAIL <order> <module>: <error>` for each module that does not import; exit status 1
if any did not. `failures` runs it and gives those lines, for tests.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

ORDERS = ("forward", "reverse", "each-first")


def failures(root: Path, package: str, *orders: str) -> list[str]:
    """The `FAIL` lines of a fresh interpreter importing every module of `package`."""
    command = [sys.executable, str(Path(__file__).resolve()), str(root), package, *orders]
    ran = subprocess.run(command, capture_output=True, text=True)
    lines = [line for line in ran.stdout.splitlines() if line.startswith("FAIL ")]
    if ran.returncode != 0 and not lines:
        return [f"FAIL {' '.join(orders)}: {ran.stderr.strip()[-2000:]}"]
    return lines


def _forget(package: str) -> None:
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]


def _modules(package: str) -> list[str]:
    top = importlib.import_module(package)
    return sorted(info.name for info in pkgutil.walk_packages(top.__path__, package + "."))


def _import(order: str, name: str, lines: list[str]) -> None:
    try:
        module = importlib.import_module(name)
        for exported in getattr(module, "__all__", ()):
            getattr(module, exported)
    except Exception as error:  # every failure is reported, not only the first
        lines.append(f"FAIL {order} {name}: {type(error).__name__}: {error}")


def main(root: str, package: str, orders: list[str]) -> int:
    sys.path.insert(0, root)
    names = _modules(package)
    lines: list[str] = []
    for order in orders:
        _forget(package)
        if order == "each-first":
            for name in names:
                _forget(package)
                _import(order, name, lines)
            continue
        for name in sorted(names, reverse=order == "reverse"):
            _import(order, name, lines)
    for line in lines:
        print(line)
    return 1 if lines else 0


if __name__ == "__main__":
    unknown = set(sys.argv[3:]) - set(ORDERS)
    if len(sys.argv) < 4 or unknown:
        sys.exit(f"usage: import_every_module.py ROOT PACKAGE {{{'|'.join(ORDERS)}}}...")
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
