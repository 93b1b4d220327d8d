"""Generated packages import whole, in any order, however their models refer to each other.

The package loads lazily, so `import pkg` proves nothing: each check imports every module
in a fresh interpreter (`import_every_module.py`), in sorted order and in reverse, and for
the `import_cycles` case each module first on its own. That case's spec has models and
request params that refer to each other across modules through fields and through union
aliases, and a model whose fields are unions that name it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sdkgen.ir.model import AliasIR, ClassIR, ClassType, FieldIR, ModelIR, PrimitiveType, UnionType
from sdkgen.ir.module_graph import defer_aliases_on_import_cycles, load_order
from sdkgen.pipeline import generate_files, write

from .conftest import GOLDEN
from .import_every_module import failures
from .test_generated_code import OUTPUT_PY, packages, python_roots

CYCLES_SPEC = GOLDEN / "import_cycles" / "spec.yaml"


@pytest.mark.parametrize("root", python_roots(), ids=lambda p: p.parent.parent.name if p != OUTPUT_PY else "output")
def test_every_module_of_every_generated_package_imports_forward_and_reverse(root: Path) -> None:
    for package in packages(root):
        assert failures(root, package.name, "forward", "reverse") == []


@pytest.fixture(scope="module")
def cycles_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `import_cycles` spec generated now (not its golden), as a folder holding `cycles`."""
    out = tmp_path_factory.mktemp("cycles")
    write(out, generate_files(CYCLES_SPEC, "cycles"), force=True)
    return out / "python"


def test_each_module_imports_first_forward_and_reverse(cycles_package: Path) -> None:
    assert failures(cycles_package, "cycles", "forward", "reverse", "each-first") == []


def test_the_import_cycles_package_passes_mypy_strict(cycles_package: Path) -> None:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--explicit-package-bases", "cycles"]
    checked = subprocess.run(command, cwd=cycles_package, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout[-3000:]


def test_models_on_a_cycle_validate_through_it(cycles_package: Path) -> None:
    """Loaded from the module that needs another while it loads: the cycle's models are
    finished, and a union alias written lazily resolves the model of another module."""
    probe = """
import pydantic
from cycles.types.shared.customer import Customer
from cycles.types.shared.bank_account import BankAccountAccount
from cycles.types.shared.node import Node
customer = Customer.model_validate({
    "default_account": {"id": "a", "external": {"account": "b"}, "owner": {"id": "c"}},
    "invoices": [{"customer": {"id": "d"}}],
})
print(type(customer.default_account).__name__, type(customer.default_account.external).__name__)
print(type(customer.invoices[0].customer).__name__)
print(type(pydantic.TypeAdapter(BankAccountAccount).validate_python({"id": "e"})).__name__)
node = Node.model_validate({"next": {"items": [1, {"name": "x"}]}})
print(type(node.next).__name__, type(node.next.items[1]).__name__)
"""
    ran = subprocess.run([sys.executable, "-c", probe], cwd=cycles_package, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert ran.stdout.split("\n")[:4] == ["Account BankAccount", "Customer", "Account", "Node Node"]


def _class(name: str, *fields: tuple[str, str], base: ClassType | None = None) -> ClassIR:
    return ClassIR(name, tuple(FieldIR(f, f, ClassType(t, m), True, False) for f, (t, m) in fields), base=base)


def test_load_order_puts_what_an_alias_or_a_base_names_first() -> None:
    """Nested definitions stay above their parent, unless an alias's value or a class's
    base names one printed later: that one moves up, the rest keep their order."""
    union = UnionType((ClassType("Node", "node"), PrimitiveType("str")))
    model = ModelIR(
        "Node",
        "node",
        (
            AliasIR("Next", union),
            ClassIR("Leaf", (), base=ClassType("Base", "node")),
            ClassIR("Base", ()),
            ClassIR("Node", (FieldIR("next", "next", ClassType("Next", "node"), False, True),)),
        ),
    )
    assert [d.name for d in load_order(model)] == ["Node", "Next", "Base", "Leaf"]
    unchanged = ModelIR("Pet", "pet", (ClassIR("Owner", ()), AliasIR("Kind", PrimitiveType("str")), ClassIR("Pet", ())))
    assert load_order(unchanged) == unchanged.definitions


def test_only_aliases_on_a_cycle_of_aliases_are_written_lazily() -> None:
    """`a` and `b` name each other through union aliases; `c` names `a` through one, and
    `a` names `c` through a field only: `c`'s alias stays a plain `TypeAlias`."""

    def alias(name: str, module: str) -> AliasIR:
        return AliasIR(name, UnionType((ClassType(module.upper(), module), PrimitiveType("str"))))

    models = [
        ModelIR("A", "a", (alias("AToB", "b"), _class("A", ("c", ("C", "c"))))),
        ModelIR("B", "b", (alias("BToA", "a"), _class("B"))),
        ModelIR("C", "c", (alias("CToA", "a"), _class("C"))),
    ]
    lazy = {
        d.name
        for m in defer_aliases_on_import_cycles(models)
        for d in m.definitions
        if isinstance(d, AliasIR) and d.recursive
    }
    assert lazy == {"AToB", "BToA"}
