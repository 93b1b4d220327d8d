"""rapidyaml reads a document exactly as PyYAML's C loader does, or hands it back to PyYAML."""

from __future__ import annotations

import contextlib
import math
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sdkgen.errors import SpecError
from sdkgen.load import loader, native_yaml
from sdkgen.load.loader import MAX_DEPTH, DocumentStore, SpecYamlLoader

from tests.conftest import ROOT, SHARED

CORPUS = SHARED / "corpus"
EXAMPLES = int(os.environ.get("SDKGEN_FUZZ_EXAMPLES", "0"))


def native(text: str) -> Any:
    return native_yaml.load(text.encode("utf-8"), text, SpecYamlLoader, MAX_DEPTH)


def pyyaml(text: str) -> Any:
    return yaml.load(text, Loader=SpecYamlLoader)


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types all the way down, keys (and their order and types) included."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return (
            list(a) == list(b)
            and all(type(x) is type(y) for x, y in zip(a, b, strict=True))
            and all(same(a[k], b[k]) for k in a)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def test_every_yaml_file_of_the_corpus_reads_the_same_both_ways() -> None:
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".yaml", ".yml"))
    if not files:
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    read_natively = []
    for path in files:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
            expected = pyyaml(text)
        except (UnicodeDecodeError, yaml.YAMLError, ValueError):
            assert native_yaml.load(data, data.decode("utf-8", "replace"), SpecYamlLoader, MAX_DEPTH) is (
                native_yaml.NOT_NATIVE
            ), path
            continue
        got = native_yaml.load(data, text, SpecYamlLoader, MAX_DEPTH)
        if got is not native_yaml.NOT_NATIVE:
            assert same(got, expected), path
            read_natively.append(path)
    # The comparison means something only if nearly everything took the native path.
    assert len(read_natively) > 0.9 * len(files)
    assert CORPUS / "digitalocean" / "DigitalOcean-public.v2.bundled.yaml" in read_natively


PLAIN_SCALARS = [
    *("true", "True", "TRUE", "false", "False", "yes", "no", "on", "off", "Yes", "NO", "y", "n"),
    *("~", "null", "Null", "NULL", "none", "nil"),
    *("0", "-0", "+0", "12", "+12", "-12", "012", "09", "0o17", "0x1F", "0xff_ff", "0b101", "1_000", "1:30", "1:30:5"),
    *("9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616"),
    *("1.5", "-1.5", "1.", ".5", "1.5e3", "1.5e+3", "1.5E-3", "1e3", "1e+3", "1_0.5", "1:30.5", "0.0e-0"),
    *(".inf", "-.Inf", "+.INF", ".nan", ".NaN", "inf", "nan", "NaN"),
    *("2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "12:30:00"),
    *("a", "3.0.0", "1.2.3.4", "-", "--", "x: y", "a b", "é", "#", "0x", "1__0", "v1", "1a"),
]


@pytest.mark.parametrize("scalar", PLAIN_SCALARS)
def test_a_plain_scalar_is_typed_as_the_pyyaml_loader_types_it(scalar: str) -> None:
    for text in (
        f"value: {scalar}\n",
        f"{scalar}: value\n",
        f"- {scalar}\n",
        f"flow: [{scalar}, {{k: {scalar}}}]\n" if "," not in scalar and ": " not in scalar else "a: b\n",
        f"value: '{scalar}'\nother: \"{scalar}\"\nblock: |\n  {scalar}\n",
    ):
        try:
            expected = pyyaml(text)
        except (yaml.YAMLError, ValueError):
            assert native(text) is native_yaml.NOT_NATIVE, text
            continue
        got = native(text)
        assert got is native_yaml.NOT_NATIVE or same(got, expected), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on: 1\nyes: no\n", {"on": 1, "yes": "no"}),
        ("id: 9223372036854775808\n", {"id": 9223372036854775808}),
        ("a: 1\na: 2\n", {"a": 2}),
        ("200:\n  description: ok\n'201': x\n", {200: {"description": "ok"}, "201": "x"}),
        ("a:\nb: ''\nc: ~\n", {"a": None, "b": "", "c": None}),
        ("d: 2001-12-14\n", {"d": "2001-12-14"}),
        ("s: |\n  x\n\n  y\nf: >-\n  p\n  q\n", {"s": "x\n\ny\n", "f": "p q"}),
    ],
)
def test_the_native_reading_of_the_common_cases(text: str, expected: Any) -> None:
    assert same(native(text), expected)
    assert same(pyyaml(text), expected)


def test_a_repeated_scalar_is_typed_by_its_own_style_each_time() -> None:
    # The walk types each distinct plain text once and reuses the value: a quoted or block
    # scalar of the same text, before or after it, stays a string, a key as much as a value.
    text = (
        "a: '1'\nb: 1\nc: \"1\"\nd: 1\n'1': q\n1: p\n"
        "e: [true, 'true', true, ~, '~', 1.5, '1.5', 1.5]\n"
        "f: |\n  1\ng: 1\nh: null\nnull: x\n'null': y\n"
        "i: 0x1F\nj: '0x1F'\nk: 0x1F\nl: 1_000\nm: 1_000\n"
    )
    expected = pyyaml(text)
    assert expected["b"] == 1 and expected["a"] == "1" and expected[1] == "p" and expected["1"] == "q"
    assert same(native(text), expected)


@pytest.mark.parametrize(
    ("text", "is_native"),
    [
        ("a: \u00e9\u4e2d\U0001f600\n", True),  # characters PyYAML reads: native
        ("a: \u00e9\u2028\n", False),  # a line separator after another non-ASCII character
        ("a: \u00e9\x7f\n", False),  # DEL among non-ASCII text
        ("a: x\x0c\n", False),  # a form feed in ASCII text
        ("a: 1\r\nb: 2\r\n", True),
        ("a: 1\n%YAML 1.1\n---\nb: 1\n", False),  # a directive after the first line
        ("a: 50%\nb: '%x'\nc: >\n  a\n  %b\n", True),  # `%` not at a line start
    ],
)
def test_the_character_and_directive_checks(text: str, is_native: bool) -> None:
    got = native(text)
    assert (got is not native_yaml.NOT_NATIVE) is is_native
    if is_native:
        assert same(got, pyyaml(text))


def test_bytes_that_are_not_utf8_do_not_raise() -> None:
    # The loader decodes strictly first; a caller with replaced text gets PyYAML's reading.
    data = b"a: \xc3(\n"
    got = native_yaml.load(data, data.decode("utf-8", "replace"), SpecYamlLoader, MAX_DEPTH)
    assert got is native_yaml.NOT_NATIVE


@pytest.mark.parametrize(
    "text",
    [
        "a: &x {b: 1}\nc: *x\n",
        "a: !!str 1\n",
        "!!map {a: 1}\n",
        "base: {a: 1}\nchild:\n  <<: {b: 2}\n",
        "%YAML 1.1\n---\na: 1\n",
        "--- {a: 1}\n--- {b: 2}\n",
        "a:\n\t- x\n",
        "a: 'tab\there'\n",
        "\ufeffa: 1\n",
        "a: \x01\n",
        "a: x\x85y\n",
        "a: [1, 2\n",
        "a: b: c\n",
        'a: "x\\\n\n  y"\n',
        "a: |\n  no final line break",
        "k: [a, ?yes]\n",
        "just a scalar\n",
        "",
        "a: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n",
    ],
)
def test_what_could_read_differently_is_left_to_pyyaml(text: str) -> None:
    assert native(text) is native_yaml.NOT_NATIVE


def test_a_parse_error_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    assert native_yaml.load(b"a: b: c\n", "a: b: c\n", SpecYamlLoader, MAX_DEPTH) is native_yaml.NOT_NATIVE
    # Past libyaml's check, only rapidyaml sees this one: it would print its complaint to stderr.
    assert native_yaml.load(b"? [a]\n: 1\n", "? [a]\n: 1\n", SpecYamlLoader, MAX_DEPTH) is native_yaml.NOT_NATIVE
    assert capfd.readouterr() == ("", "")


def test_without_rapidyaml_documents_load_through_pyyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = ROOT / "schemas" / "shared.yaml"
    with_native = DocumentStore().load(spec)
    monkeypatch.setattr(native_yaml, "ryml", None)
    assert native(spec.read_text(encoding="utf-8")) is native_yaml.NOT_NATIVE
    assert same(DocumentStore().load(spec), with_native)
    assert same(with_native, pyyaml(spec.read_text(encoding="utf-8")))


def test_the_loader_uses_the_native_reading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[str] = []

    def no_pyyaml(*args: Any, **kwargs: Any) -> Any:
        calls.append("yaml.load")
        raise AssertionError("PyYAML should not construct this document")

    monkeypatch.setattr(loader.yaml, "load", no_pyyaml)
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n", encoding="utf-8")
    assert DocumentStore().load(spec) == {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    assert calls == []


@pytest.mark.parametrize("levels", [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, MAX_DEPTH + 2])
def test_the_shape_check_skipped_for_native_documents_refuses_the_same(
    levels: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A document rapidyaml reads skips the shape check: it must then be one the check passes.
    At each depth around the limit, the loader refuses exactly what the check refuses."""
    text = "a: " + "[" * (levels - 1) + "]" * (levels - 1) + "\n"  # `levels` containers, the root included
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    try:
        loader.check_shape(pyyaml(text), spec)
        refused_by_check = False
    except SpecError:
        refused_by_check = True
    assert refused_by_check == (levels > MAX_DEPTH)
    with pytest.raises(SpecError) if refused_by_check else contextlib.nullcontext():
        DocumentStore().load(spec)
    # Too many nodes for the check: rapidyaml hands the document back, and the check runs.
    monkeypatch.setattr(loader, "MAX_EXPANDED_NODES", 3)
    assert native_yaml.load(b"a: [1, 2, 3]\n", "a: [1, 2, 3]\n", SpecYamlLoader, MAX_DEPTH, max_nodes=3) is (
        native_yaml.NOT_NATIVE
    )
    small = tmp_path / "small.yaml"
    small.write_text("a: [1, 2, 3]\n", encoding="utf-8")
    with pytest.raises(SpecError, match="alias bomb"):
        DocumentStore().load(small)


_SEEDS = [
    (ROOT / "schemas" / "shared.yaml").read_text(encoding="utf-8")[:4000],
    "a: 1\nb: [x, 'y', \"z\"]\nc:\n  - d: e\n    f: |\n      g\n      h\n  - >\n    i\n    j\n",
    "k: {a: b, c: [1, 2.5, -3, .5, 1e3, 0x1f, 0o17, 017, +5, 1_000, 1:30, .inf, ~, null, true, yes, on]}\n",
    "---\na: |2\n   x\n  y\nb: >+\n  p\n\n  q\n\nc: |-\n  r\nd: >\n  folded\n    more\n  back\n...\n",
    "a: plain\n  multi line\n\n  para\nb: \"dq \\n \\t \\\" \\x41 \\u263A \\\n  cont\"\nc: 'sq ''x''\n  next'\n"
    "# comment\nd: [a, b: c, {x: y}, 'q', \"r\"]\ne: {a, b: }\n",
    "- a\n- - b\n  - c\n- d: e\n  f: g\n-\n- ~\n- [ ]\n- { }\n- \"\"\n- ''\n- -1\n- 12:30:00\n- 0xFF_FF\n",
    "200:\n  description: ok\n'201': x\n2.5: y\ntrue: z\nnull: w\n~: v\n1e3: u\n",
]
_PIECES = [*" \n:-'\"#{}[],|>?&*!%@`\\~.0123456789aeEx_+", "  ", "\n  ", ": ", "- ", "\t", "\r\n", "\\u00e9", "é"]


@st.composite
def corrupted_yaml(draw: st.DrawFn) -> str:
    text: str = draw(st.sampled_from(_SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "copy"]))
        if edit == "insert":
            text = text[:at] + draw(st.sampled_from(_PIECES)) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 3)) :]
        else:
            start = draw(st.integers(0, len(text)))
            text = text[:at] + text[start : start + draw(st.integers(1, 20))] + text[at:]
    return text


@settings(
    max_examples=EXAMPLES or 300,
    derandomize=not EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(corrupted_yaml())
def test_whatever_the_native_path_reads_pyyaml_reads_the_same(text: str) -> None:
    got = native(text)
    if got is not native_yaml.NOT_NATIVE:
        assert same(got, pyyaml(text))


# Reserved indicators: libyaml refuses them, rapidyaml reads them as plain text.
_LIBYAML_ONLY_REFUSES = ["a: @x\n", "a: `x\n", "b: 1\na: [@x, 2]\n"]


def _forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Have every document checked in a forked process; the list gets each child's pid."""
    pids: list[int] = []
    fork = os.fork

    def counted_fork() -> int:
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(native_yaml, "_FORK_MIN_BYTES", 0)
    monkeypatch.setattr(native_yaml.os, "fork", counted_fork)
    return pids


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("text", _LIBYAML_ONLY_REFUSES)
def test_what_libyaml_alone_refuses_is_left_to_pyyaml(text: str) -> None:
    monkeypatch = pytest.MonkeyPatch()
    try:
        monkeypatch.setattr(native_yaml, "_libyaml_accepts", lambda data: True)
        assert native(text) is not native_yaml.NOT_NATIVE  # what the check is there for
    finally:
        monkeypatch.undo()
    assert native(text) is native_yaml.NOT_NATIVE
    with pytest.raises(yaml.YAMLError):
        pyyaml(text)


@pytest.mark.skipif(not native_yaml._may_fork(), reason="the check forks only on Linux, in one thread")
@pytest.mark.parametrize(
    "text",
    [*_LIBYAML_ONLY_REFUSES, "a: &x {b: 1}\nc: *x\n", "a: b: c\n", "a: 1\nb: [x, 'y']\n", _SEEDS[0]],
)
def test_the_forked_check_reads_as_the_one_in_process(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    in_process = native(text)
    pids = _forks(monkeypatch)
    forked = native(text)
    assert len(pids) == 1
    assert (forked is native_yaml.NOT_NATIVE) is (in_process is native_yaml.NOT_NATIVE)
    if forked is not native_yaml.NOT_NATIVE:
        assert same(forked, in_process)
    assert _no_children_left()  # reaped, also when the walk gave up before asking its answer


@pytest.mark.skipif(not native_yaml._may_fork(), reason="the check forks only on Linux, in one thread")
@pytest.mark.parametrize("text", ["a: @x\n", "a: 1\n"])
def test_a_forked_check_that_fails_is_run_again_in_process(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pids = _forks(monkeypatch)
    monkeypatch.setattr(native_yaml, "_check_in_child", lambda data, parent: os._exit(9))
    assert (native(text) is native_yaml.NOT_NATIVE) is (text == "a: @x\n")
    assert len(pids) == 1
    assert _no_children_left()


def test_a_small_document_is_checked_without_forking(monkeypatch: pytest.MonkeyPatch) -> None:
    pids = _forks(monkeypatch)
    monkeypatch.setattr(native_yaml, "_FORK_MIN_BYTES", len("a: 1\n") + 1)
    assert native("a: 1\n") == {"a": 1}
    assert pids == []


def test_the_character_check_lets_through_what_the_reader_reads_alike() -> None:
    """Every code point, against the character class the check stands for (PyYAML's reader
    refuses the rest, and reads NEL, LS and PS as line breaks)."""
    import re

    refused = re.compile("[^\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
    points = range(0x110000)
    checked = [p for p in points if native_yaml._pyyaml_only(p)]
    assert checked == [p for p in points if refused.match(chr(p))]
    assert set(checked) >= {p for p in points if yaml.reader.Reader.NON_PRINTABLE.match(chr(p))}


@pytest.mark.parametrize("few", [10_000, 1, 0])
@pytest.mark.parametrize(
    "text",
    [
        "",
        "%YAML 1.1\n",
        "a: 50%\nb: '%x'\n",
        "a: 50%\n%TAG ! x\n",
        "a: 1\r\n%x\n",
        'a: "x\\\n  y"\n',
        'a: "x\\\n\n  y"\n',
        'a: "x\\\r\n \t \r\n  y"\n',
        "a: '\\\\ \\ % \\\n \\\r\n'\n\\\n  \n",
        "é: \\\n\n%",
    ],
)
def test_the_pattern_checks_find_what_a_search_finds(text: str, few: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native_yaml, "_FEW", few)  # also past the places tried one by one
    data = text.encode("utf-8")
    for pattern, first in ((native_yaml._ESCAPED_BREAK_BEFORE_EMPTY_LINE, b"\\"), (native_yaml._DIRECTIVE, b"%")):
        assert native_yaml._found(pattern, data, first) is (pattern.search(data) is not None)
    directive = text.startswith("%") or "\n%" in text
    assert native_yaml._found(native_yaml._DIRECTIVE, data, b"%") is directive
