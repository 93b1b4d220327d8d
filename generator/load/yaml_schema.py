"""YAML 1.2's core schema for PyYAML's C loader: how a plain scalar is typed.

OpenAPI documents are YAML 1.2 (3.0 recommends it, 3.1 and 3.2 say it), and PyYAML types plain
scalars by YAML 1.1's rules, which read some of them differently: `yes`, `no`, `on`, `off`,
`y`, `n` as booleans, `012` as octal 10, `1_000` and `0b101` as integers, `1:20` as the
sexagesimal 80, `2001-12-14` as a date, `1e3` and `1.5e3` as strings (an exponent needs a dot
and a sign), and `=` as a "value" key that no safe constructor builds (so a plain `=` fails to
load at all). Here each is read as YAML 1.2's core schema reads it: a string, except that
`0o17` is octal, `1e3` a float and `012` the decimal 12.

The `<<` merge key of YAML 1.1 is kept where it merges something (a mapping, or a list of
mappings, usually aliases): documents rely on it and YAML 1.2 readers commonly honour it.
Anywhere else (a value, a list item, a key whose value is a scalar) `<<` is the string it is
under YAML 1.2 instead of an error.

No warning is given where the readings differ: the 1.2 reading is what the document means.
Where a 1.1 reading was what an author meant (`default: yes` under `type: boolean`), the
value then disagrees with its schema, and the IR's checks of defaults and enums say so.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
MERGE = "tag:yaml.org,2002:merge"
STR = "tag:yaml.org,2002:str"

# The core schema's regular expressions (YAML 1.2.2, section 10.3.2), tried in this order:
# an integer also matches the float expression.
_CORE: list[tuple[str, re.Pattern[str], str]] = [
    (NULL, re.compile(r"(?:~|null|Null|NULL|)\Z"), "~nN"),
    (BOOL, re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z"), "tTfF"),
    (INT, re.compile(r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z"), "-+0123456789"),
    (
        FLOAT,
        re.compile(
            r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z"
        ),
        "-+.0123456789",
    ),
    (MERGE, re.compile(r"<<\Z"), "<"),
]


def _core_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's table: the first character of a plain scalar to the (tag, expression) pairs
    to try; the empty scalar is looked up under ''."""
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {"": [(NULL, _CORE[0][1])]}
    for tag, pattern, firsts in _CORE:
        for first in firsts:
            table.setdefault(first, []).append((tag, pattern))
    return table


_NAN = float("nan")
"""One NaN for every `.nan`, as PyYAML gives: NaN equals nothing, not even itself, but the same
object is found again as a dict key."""


def yaml12_int(text: str) -> int:
    """The value of a plain scalar the core schema types as an integer."""
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)  # a leading zero is decimal: `012` is 12


def yaml12_float(text: str) -> float:
    """The value of a plain scalar the core schema types as a float."""
    unsigned = text.lstrip("+-")
    if unsigned.lower() == ".inf":
        return float(text[: len(text) - len(unsigned)] + "inf")
    if unsigned.lower() == ".nan":
        return _NAN
    return float(text)


# The constructors read only the node: the native walk (`native_yaml.py`) calls them with a
# bare safe constructor in place of a loader.
def _construct_int(_: Any, node: Node) -> int:
    return yaml12_int(str(node.value))


def _construct_float(_: Any, node: Node) -> float:
    return yaml12_float(str(node.value))


def _construct_lone_merge(_: Any, node: Node) -> str:
    """A `<<` that is not a merge key (a value or a list item) is the string it is in YAML 1.2."""
    return str(node.value)


def _merges(value: Node) -> bool:
    if isinstance(value, MappingNode):
        return True
    return isinstance(value, SequenceNode) and all(isinstance(item, MappingNode) for item in value.value)


class SpecYamlLoader(yaml.CSafeLoader):
    """The C safe loader (libyaml's parser) typing plain scalars by YAML 1.2's core schema."""

    def flatten_mapping(self, node: MappingNode) -> None:
        # A `<<` key whose value merges nothing is an ordinary key named "<<" (YAML 1.2),
        # where PyYAML would refuse the document.
        for key, value in node.value:
            if key.tag == MERGE and not _merges(value):
                key.tag = STR
        super().flatten_mapping(node)


SpecYamlLoader.yaml_implicit_resolvers = _core_resolvers()
SpecYamlLoader.add_constructor(INT, _construct_int)
SpecYamlLoader.add_constructor(FLOAT, _construct_float)
SpecYamlLoader.add_constructor(MERGE, _construct_lone_merge)
