"""ECMA-262 patterns read as Python `re` patterns of the same meaning, or left out with a
warning (`ir/patterns.py`; the golden case tolerated_refs_and_patterns pins a spec's worth)."""

from __future__ import annotations

import importlib
import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from sdkgen.errors import SpecError
from sdkgen.ir.patterns import UntranslatablePattern, python_pattern, read_pattern
from sdkgen.load.loader import DocumentStore

from .conftest import GOLDEN, SHARED


@pytest.mark.parametrize(
    ("ecma", "python"),
    [
        ("^[a-z]{2}[0-9]$", "^[a-z]{2}[0-9]\\Z"),  # `$` is the end of the text, not before a final \n
        ("^do:[a-z]+:.*", "^do:[a-z]+:[^\\n\\r\\u2028\\u2029]*"),  # `.` excludes every line terminator
        ("^\\d+\\.\\d+$", "(?a)^\\d+\\.\\d+\\Z"),  # \d and \w are ASCII
        ("\\bword\\B", "(?a)\\bword\\B"),
        ("^[\\w-]+$", "(?a)^[\\w\\-]+\\Z"),  # a `-` beside a class escape is a hyphen
        ("[\\w-.]", "(?a)[\\w\\-.]"),
        ("[-a]", "[\\-a]"),
        ("[\\D_]", "(?a)[\\D_]"),  # under the ASCII flag, as in ECMA-262: not 0-9, or _
        ("[a-]", "[a\\-]"),
        ("[a\\-z]", "[a\\-z]"),
        ("[!-\\-]", "[!-\\-]"),
        ("[a-z0-9]", "[a-z0-9]"),
        ("\\/v1\\/users\\/", "/v1/users/"),  # identity escapes
        ("a\\.b\\*c\\$", "a\\.b\\*c\\$"),
        ("(?<year>\\d{4})-\\k<year>", "(?a)(?P<year>\\d{4})-(?P=year)"),
        ("(?:a|b)(?=c)(?!d)(?<=e)(?<!f)", "(?:a|b)(?=c)(?!d)(?<=e)(?<!f)"),
        ("(a)\\1", "(a)(?:\\1)"),
        ("(a)\\10", None),  # one group: not a backreference, and Python refuses it
        ("\\u00e9\\u{1F600}", "é😀"),
        ("\\uD83D\\uDE00", "😀"),  # a surrogate pair is one character
        ("\\cJ\\cI\\x41\\0", "\\n\\tA\\x00"),
        ("\\t\\n\\v\\f\\r", "\\t\\n\\v\\f\\r"),
        ("[\\b]", "[\\x08]"),
        ("[^]", "[\\s\\S]"),
        ("[]", "(?!)"),
        ("a{,3}", "a\\{,3\\}"),  # no quantifier in ECMA-262; Python would read it as {0,3}
        ("a{2,}b{1,3}?c{4}", "a{2,}b{1,3}?c{4}"),
        ("x*?y+?z??", "x*?y+?z??"),
        ("]}", "\\]\\}"),
        ("[[a]", "[\\[a]"),  # Python warns about a nested set
        ("[a&&b]", "[a\\&\\&b]"),
        ("[a||b~~c]", "[a\\|\\|b\\~\\~c]"),
        ("\\s", "[\\t\\n\\v\\f\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"),
        ("[\\s,]", "[\\t\\n\\v\\f\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff,]"),
        ("\\S", "[^\\t\\n\\v\\f\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"),
        ("[^\\x08\\f\\n\\r\\t\\\\a+.?'\"|()]+$", "[^\\x08\\f\\n\\r\\t\\\\a+.?'\"\\|()]+\\Z"),
    ],
)
def test_a_pattern_is_translated_to_the_same_meaning(ecma: str, python: str | None) -> None:
    if python is None:
        with pytest.raises(UntranslatablePattern):
            python_pattern(ecma)
        return
    translated = python_pattern(ecma)
    assert translated.text == python
    assert translated.notes == ()


@pytest.mark.parametrize(
    ("ecma", "matching", "not_matching"),
    [
        ("^[a-z]+$", ["abc"], ["abc\n", "ABC"]),
        ("^.+$", ["a b"], ["a\rb", "a\u2028b", "a\n"]),
        ("^\\d+$", ["0123"], ["\u0663", "1\n"]),  # an Arabic-Indic digit is no \d in ECMA-262
        ("^\\w+$", ["a_1"], ["é"]),
        ("^\\s$", ["\ufeff", "\u00a0"], ["\x1c", "\x85"]),  # ECMA-262's spaces, not Python's
        ("^[\\w/-+]+$", ["a/b-c+d"], ["a,b", "a.b"]),
        ("^(?<a>x)\\k<a>$", ["xx"], ["xy"]),
        ("^[^]$", ["\n"], [""]),
        ("^a{,3}$", ["a{,3}"], ["aa"]),
    ],
)
def test_a_translation_matches_what_ecma_262_matches(ecma: str, matching: list[str], not_matching: list[str]) -> None:
    compiled = re.compile(python_pattern(ecma).text)
    assert all(compiled.search(text) for text in matching)
    assert not any(compiled.search(text) for text in not_matching)


@pytest.mark.parametrize(
    ("ecma", "why"),
    [
        ("^\\p{L}+$", "\\p{...} (a Unicode property) has no Python equivalent"),
        ("\\P{Lu}", "\\P{...} (a Unicode property) has no Python equivalent"),
        ("(?<=a+)b", "Python's re refuses it: look-behind requires fixed-width pattern"),
        ("a*+", "'+' at offset 2 repeats a quantifier, which ECMA-262 does not allow"),
        ("a{2}{3}", "'{' at offset 4 repeats a quantifier, which ECMA-262 does not allow"),
        ("\\Aabc\\Z", "\\A is no ECMA-262 escape"),
        ("(?i)abc", "'(?' at offset 0 starts no ECMA-262 group"),
        ("(?P<name>a)", "'(?' at offset 0 starts no ECMA-262 group"),
        ("(?<$id>a)", "the group name '$id' is no Python identifier"),
        ("[a-z", "the character class at offset 0 is not closed"),
        ("abc\\", "it ends in a lone backslash"),
        ("\\uD83D", "a lone UTF-16 surrogate matches no character of a Python string"),
        ("[\\S]", "\\S inside a character class"),
        ("\\c1", "\\c without a control letter"),
        ("\\xZ1", "\\x without two hexadecimal digits"),
        ("\\u{110000}", "\\u{...} is no code point"),
        ("(a", "Python's re refuses it: missing ), unterminated subpattern at position 0"),
    ],
)
def test_a_pattern_without_a_python_equivalent_is_refused_with_its_reason(ecma: str, why: str) -> None:
    with pytest.raises(UntranslatablePattern) as raised:
        python_pattern(ecma)
    assert str(raised.value) == why
    assert read_pattern(ecma) == (None, (f"pattern '{ecma}' is left out: {why}",))


def test_a_backwards_range_is_read_as_its_characters_with_a_note() -> None:
    assert read_pattern("[\\w/-+]") == (
        "(?a)[\\w/\\-+]",
        ("pattern '[\\w/-+]': the range /-+ in [\\w/-+] runs backwards; read as the characters '/', '-' and '+'",),
    )


def _patterns(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            found.add(node["pattern"])
        for value in node.values():
            _patterns(value, found)
    elif isinstance(node, list):
        for value in node:
            _patterns(value, found)


def test_every_pattern_of_the_corpus_compiles_once_translated() -> None:
    corpus = SHARED / "corpus"
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".yaml", ".yml", ".json"))
    if not files:
        pytest.skip(f"the shared corpus is not at {corpus}")
    found: set[str] = set()
    for path in files:
        try:
            document = DocumentStore().load(path)  # rapidyaml where it can: PyYAML takes a minute
        except SpecError:
            continue  # the corpus's deliberately broken files
        _patterns(document, found)
    assert len(found) > 300
    kept = 0
    for pattern in sorted(found):
        translated, _ = read_pattern(pattern)
        if translated is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                re.compile(translated)
            kept += 1
    assert kept == len(found)  # the corpus has no pattern Python cannot check


@pytest.fixture(scope="module")
def sdk() -> Iterator[ModuleType]:
    root = GOLDEN / "tolerated_refs_and_patterns" / "expected" / "python"
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("tolerated_refs_and_patterns_sdk")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.startswith("tolerated_refs_and_patterns_sdk")]:
            del sys.modules[name]


def test_a_translated_pattern_is_checked_in_a_model(sdk: ModuleType) -> None:
    from pydantic import ValidationError

    request = importlib.import_module("tolerated_refs_and_patterns_sdk.types.shared.move_request")
    assert request.MoveRequest(location_id="42", handle="a/b-c+d").handle == "a/b-c+d"
    for field, value in [("location_id", "42\n"), ("location_id", "\u0664\u0662"), ("note", "a\rb")]:
        with pytest.raises(ValidationError):
            request.MoveRequest(**{field: value})
    assert request.MoveRequest(name="anything 1").name == "anything 1"  # its pattern was left out


def test_a_pattern_outside_a_model_is_checked_by_python_s_re(sdk: ModuleType) -> None:
    # A response that is a constrained string is validated by a TypeAdapter of its own:
    # pydantic's default engine there (Rust's regex) refuses `\Z`.
    answers = iter([b'"ABC-1234"', b'"ABC-12345"'])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=next(answers), headers={"content-type": "application/json"})

    client = sdk.Client(
        base_url="http://127.0.0.1",
        strict_response_validation=True,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    assert client.next_sku.retrieve() == "ABC-1234"
    with pytest.raises(sdk.APIResponseValidationError):
        client.next_sku.retrieve()


def test_a_spec_s_pattern_warning_is_located(tmp_path: Path) -> None:
    from sdkgen.pipeline import build

    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Slug:\n      type: string\n      pattern: '^\\p{L}+$'\n"
    )
    api, found = build(spec, "p")
    assert [(w.message, w.location.pointer, w.location.line) for w in found] == [
        (
            "pattern '^\\p{L}+$' is left out: \\p{...} (a Unicode property) has no Python equivalent",
            "/components/schemas/Slug/pattern",
            8,
        )
    ]
