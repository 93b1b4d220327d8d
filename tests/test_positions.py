"""Positions read from YAML indentation (`load/positions.py`) or JSON (`load/json_positions.py`): PyYAML's marks."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from sdkgen.load.json_positions import JsonPositions
from sdkgen.load.loader import SpecYamlLoader
from sdkgen.load.positions import TextPositions

from .conftest import GOLDEN, ROOT, SHARED

BAD_SPECS = ROOT / "tests" / "bad_specs"
REFUSED = ("alias_", "deep", "invalid")
"""Bad specs PyYAML cannot compose (or that would expand a billion nodes)."""


def pyyaml_marks(text: str) -> Iterator[tuple[list[str], tuple[int, int]]]:
    """Every node's pointer parts and the mark `DocumentStore.locate` reports for it: a key's
    position for a mapping entry, the node's own for a sequence item."""
    root = yaml.compose(text, Loader=SpecYamlLoader)
    if root is None:
        return
    stack: list[tuple[yaml.Node, list[str], yaml.Mark]] = [(root, [], root.start_mark)]
    while stack:
        node, parts, mark = stack.pop()
        yield parts, (mark.line, mark.column)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value not in seen:
                    seen.add(key.value)
                    stack.append((value, [*parts, key.value], key.start_mark))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, [*parts, str(index)], item.start_mark))


def agreement(
    texts: list[tuple[str, str]], reader: Callable[[str], TextPositions | JsonPositions] = TextPositions
) -> tuple[int, int]:
    """(nodes, nodes `reader` answered for) over named texts; fails on any answer PyYAML contradicts."""
    nodes = answered = 0
    for name, text in texts:
        positions = reader(text)
        for parts, mark in pyyaml_marks(text):
            nodes += 1
            found = positions.locate(parts)
            if found is not None:
                answered += 1
                assert found == mark, f"{name}: /{'/'.join(parts)}: {found} != {mark}"
    return nodes, answered


def read(paths: list[Path]) -> list[tuple[str, str]]:
    return [(str(path), path.read_text(encoding="utf-8")) for path in paths]


def test_every_node_of_the_repo_specs() -> None:
    paths = [ROOT / "schemas" / "shared.yaml", *sorted(GOLDEN.glob("*/spec.yaml"))]
    paths += [p for p in sorted(BAD_SPECS.glob("*.yaml")) if not p.name.startswith(REFUSED)]
    nodes, answered = agreement(read(paths))
    # These specs write short lists in flow style (`required: [a, b]`): items there are PyYAML's.
    assert answered >= 0.7 * nodes, (nodes, answered)


def test_every_node_of_the_digitalocean_spec(do_spec_dir: Path) -> None:
    paths = [do_spec_dir / "DigitalOcean-public.v2.bundled.yaml"]
    paths += sorted(p for p in (do_spec_dir / "specification").rglob("*") if p.suffix in (".yml", ".yaml"))
    nodes, answered = agreement(read(paths))
    print(f"\n{nodes} nodes in {len(paths)} files; the text reading answered for {answered}")
    assert answered >= 0.9 * nodes, (nodes, answered)


@pytest.mark.parametrize(
    ("text", "pointer", "expected"),
    [
        ("a:\n  b: 1\n", "a/b", (1, 2)),
        ("# comment\na:\n\n  # another\n  'b c': 1\n", "a/b c", (4, 2)),
        ('a:\n  "x.y": {k: 1}\n', "a/x.y", (1, 2)),
        ("a:\n- name: p\n  in: path\n- name: q\n", "a/1", (3, 2)),
        ("a:\n  - name: p\n    in: path\n", "a/0/in", (2, 4)),
        ("a:\n  d: |\n    b: not a key\n  b: 2\n", "a/b", (3, 2)),
        ("a:\n  - - x\n    - y\n", "a/0/1", (2, 6)),
    ],
)
def test_small_cases(text: str, pointer: str, expected: tuple[int, int]) -> None:
    assert TextPositions(text).locate(pointer.split("/")) == expected
    marks = {"/".join(parts): mark for parts, mark in pyyaml_marks(text)}
    assert marks[pointer] == expected


@pytest.mark.parametrize(
    "text",
    ["{a: {b: 1}}\n", "---\na:\n  b: 1\n", "a: &x\n  b: 1\n", "a:\n  ? b\n  : 1\n", "a: [1, 2]\n"],
)
def test_what_it_does_not_follow_is_left_to_pyyaml(text: str) -> None:
    parts = ["a", "b"] if "[" not in text else ["a", "0"]
    assert TextPositions(text).locate(parts) is None


def test_every_node_of_the_corpus_json_specs() -> None:
    """The peers' JSON inputs as they are, and the repo's own spec written out as JSON both
    indented and on one line: no answer PyYAML contradicts, and in JSON that the json
    module reads, every node but the root is found."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"the shared corpus is not at {corpus}")
    texts = read(sorted(corpus.rglob("*.json")))
    texts = [(name, text) for name, text in texts if not any(c in text for c in "\t\r\ufeff")]
    shared = yaml.load((ROOT / "schemas" / "shared.yaml").read_text(encoding="utf-8"), Loader=SpecYamlLoader)
    texts += [("shared, indented", json.dumps(shared, indent=2)), ("shared, one line", json.dumps(shared))]
    agreement(texts, JsonPositions)  # YAML flow that is not JSON (a trailing comma, say) is left to PyYAML
    valid = [(name, text) for name, text in texts if is_json(text)]
    nodes, answered = agreement(valid, JsonPositions)
    assert len(valid) >= len(texts) - 5, (len(valid), len(texts))
    assert answered == nodes - len(valid), (nodes, answered)


def is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize(
    "text",
    ['{"a": {"b": 1}}\n', '\t{"a": {"b": 1}}', '{"a":\r\n {"b": 1}}', '{"\\u0061": {"b": 1}}', "{a: {b: 1}}"],
)
def test_json_it_does_not_follow_is_left_to_pyyaml(text: str) -> None:
    positions = JsonPositions(text)
    assert positions.locate([]) is None
    if text == '{"a": {"b": 1}}\n':
        assert positions.locate(["a", "b"]) == (0, 7)
        assert positions.locate(["a", "c"]) is None
        assert positions.locate(["a", "b", "c"]) is None
    else:
        assert positions.locate(["a", "b"]) is None
