"""How IR types are written in Python source, and what each needs imported."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ...ir.model import (
    ConstrainedType,
    ConstType,
    DictType,
    ListType,
    LiteralType,
    PrimitiveType,
    TupleType,
    TypeIR,
    UnionType,
    walk,
)
from ...ir.spelling import NONE

DATETIME_NAMES = frozenset({"datetime", "date"})


_STRING_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"')
TYPING_NAMES = (
    "Annotated",
    "Any",
    "Dict",
    "Iterable",
    "List",
    "Literal",
    "Mapping",
    "Optional",
    "Tuple",
    "Union",
)


def typing_names_in(texts: list[str], names: tuple[str, ...] = TYPING_NAMES) -> set[str]:
    """The `typing` names that annotation texts use (string literals inside them do not count)."""
    found: set[str] = set()
    for text in set(texts):  # a module's annotations repeat (`Union[str, NotGiven]`)
        found |= _names_in(text, names)
    return found


@cache
def _names_in(text: str, names: tuple[str, ...]) -> frozenset[str]:
    """Memoised: the same annotations (`Union[str, NotGiven]`) recur in every module."""
    bare = _STRING_LITERAL.sub('""', text) if '"' in text else text
    return frozenset(_whole_words(names).findall(bare))


@cache
def _whole_words(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pass for all `names`: each match is a whole word, so none hides another."""
    return re.compile(r"\b(" + "|".join(re.escape(name) for name in names) + r")\b")


def typing_names(type_: TypeIR, optional: bool, parts: Iterable[TypeIR] | None = None) -> set[str]:
    """Names from `typing` that `optional_annotation(type_, optional)` uses (`parts`: `walk(type_)`)."""
    names = {"Optional"} if optional and type_ != NONE else set()
    for t in walk(type_) if parts is None else parts:
        if isinstance(t, ListType):
            names.add("List")
        elif isinstance(t, DictType):
            names.add("Dict")
        elif isinstance(t, LiteralType):
            names.add("Literal")
        elif isinstance(t, (ConstrainedType, ConstType)):
            names.add("Annotated")
        elif isinstance(t, TupleType):
            names.add("Tuple")
        elif isinstance(t, UnionType):
            others = len([m for m in t.members if m != NONE])
            if others > 1:
                names.add("Union")
                if t.discriminator:
                    names.add("Annotated")
            if NONE in t.members and others:
                names.add("Optional")
    return names


def datetime_names(type_: TypeIR, parts: Iterable[TypeIR] | None = None) -> set[str]:
    return {
        t.name
        for t in (walk(type_) if parts is None else parts)
        if isinstance(t, PrimitiveType) and t.name in DATETIME_NAMES
    }


def literal_values(type_: TypeIR) -> tuple[object, ...]:
    """The enum values a type accepts, for docs ("Accepts one of the following")."""
    for t in walk(type_):
        if isinstance(t, LiteralType):
            return t.values
    return ()


def import_order(names: list[str] | set[str]) -> list[str]:
    """Names of one `from x import ...` in isort's order (by type: CONSTANTS, Classes, others)."""

    def key(name: str) -> tuple[int, str]:
        kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
        return kind, name.lower()

    return sorted(names, key=key)


@cache
def natural_key(text: str) -> tuple[int | str, ...]:
    """Sort key that orders `load_5` before `load_15`, as isort (and ruff) do module names.

    Memoised: every module that imports a model sorts its name again."""
    return tuple(int(part) if part.isdigit() else part.lower() for part in _DIGITS.split(text))


_DIGITS = re.compile(r"(\d+)")
