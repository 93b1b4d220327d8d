"""The shared models match the seed reference page field for field.

The seed (`../shared/seed/000_*.txt`) is a scraped docs page: `class X:` headers, then
`name: Type` lines for the class's fields with nested and referenced classes expanded in
place, descriptions, `format...`, `multipleOf...`/`minimum...` and enum values. Five class
headers were lost in the scrape (ActionLink, APILinks, BackwardLinks, ForwardLinks,
PageLinks); their descriptions still have to appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sdkgen.ir.model import AliasIR, ApiIR, ClassIR, ClassType, FieldIR, UnionType, walk
from sdkgen.ir.spelling import field_annotation
from sdkgen.pipeline import build

from .conftest import ROOT, SHARED

LOST_HEADERS = {"ActionLink", "APILinks", "BackwardLinks", "ForwardLinks", "PageLinks"}
# Where a lost header's section starts: the facts that follow belong to no listed class.
LOST_SECTION_STARTS = {
    "The linked actions can be used to check the status of a Droplet's create event.",
    "Links to other pages",
    "URI of the first page of the results.",
    "URI of the last page of the results.",
}
_FIELD = re.compile(r"^(Deprecated)?(\w+): (.+)$")
_TYPE = re.compile(r"^(Optional|List|Literal|Dict|Union)\[.*\]$|^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class SeedField:
    name: str
    type: str
    deprecated: bool
    facts: list[str] = field(default_factory=list)


@dataclass
class SeedClass:
    name: str
    fields: list[SeedField] = field(default_factory=list)


def seed_path() -> Path:
    found = sorted((SHARED / "seed").glob("000_*.txt"))
    if not found:
        pytest.skip("the seed page is not in ../shared/seed")
    return found[0]


def parse_seed() -> tuple[list[SeedClass], list[str]]:
    classes: list[SeedClass] = []
    prose: list[str] = []
    current: SeedField | None = None
    for raw in seed_path().read_text().splitlines():
        line = raw.strip()
        header = re.match(r"^class (\w+):$", line)
        match = _FIELD.match(line)
        if header:
            classes.append(SeedClass(header.group(1)))
            current = None
        elif match and classes and _TYPE.match(match.group(3)):
            current = SeedField(match.group(2), match.group(3), bool(match.group(1)))
            classes[-1].fields.append(current)
        elif re.match(r"^(format\S+|multipleOf\d+|minimum\d+)$", line):
            if current is not None:
                current.facts.append(line)
        elif line and not line.startswith('"') and line != "Accepts one of the following:" and classes:
            prose.append(line)
            if line in LOST_SECTION_STARTS:
                current = None
    return classes, prose


@pytest.fixture(scope="module")
def api() -> ApiIR:
    return build(ROOT / "schemas" / "shared.yaml", "shared_sdk")[0]


def definitions(api: ApiIR) -> dict[tuple[str, str], ClassIR | AliasIR]:
    return {(m.module, d.name): d for m in api.models for d in m.definitions}


def main_class(api: ApiIR, name: str) -> ClassIR:
    model = next(m for m in api.models if m.name == name)
    assert isinstance(model.main, ClassIR)
    return model.main


def reachable_fields(api: ApiIR, cls: ClassIR) -> list[FieldIR]:
    """The class's fields and those of every class its fields refer to, as the page expands them."""
    defs = definitions(api)
    seen: set[tuple[str, str]] = set()
    found: list[FieldIR] = []
    stack: list[ClassIR | AliasIR] = [cls]
    while stack:
        current = stack.pop()
        types = [f.type for f in current.fields] if isinstance(current, ClassIR) else [current.type]
        if isinstance(current, ClassIR):
            found.extend(current.fields)
        for type_ in types:
            for t in walk(type_):
                if isinstance(t, ClassType) and (t.module, t.name) not in seen:
                    seen.add((t.module, t.name))
                    stack.append(defs[(t.module, t.name)])
    return found


def facts(f: FieldIR) -> list[str]:
    out = [f"format{f.format}"] if f.format and f.format not in ("int64",) else []
    if f.format == "int64":
        out.append("formatint64")
    if f.constraints.multiple_of is not None:
        out.append(f"multipleOf{f.constraints.multiple_of}")
    if f.constraints.minimum is not None:
        out.append(f"minimum{f.constraints.minimum}")
    return out


def test_every_seed_class_and_lost_header_is_generated(api: ApiIR) -> None:
    classes, _ = parse_seed()
    names = {m.name for m in api.models}
    assert len(classes) == 22
    assert {c.name for c in classes} | LOST_HEADERS <= names


def test_own_fields_match_the_seed_in_name_type_and_required_ness(api: ApiIR) -> None:
    classes, _ = parse_seed()
    for seed in classes:
        cls = main_class(api, seed.name)
        seed_entries = {(f.name, f.type) for f in seed.fields}
        for f in cls.fields:
            assert (f.name, field_annotation(f, fold=4)) in seed_entries, f"{seed.name}.{f.name}"
        # the page lists the class's own fields first, in the generated order
        own = [(f.name, f.type) for f in seed.fields[: len(cls.fields)]]
        first_level = [(f.name, field_annotation(f, fold=4)) for f in cls.fields]
        assert [e for e in own if e in first_level] == [e for e in first_level if e in own], seed.name


def test_every_seed_field_line_exists_with_its_type_format_and_constraints(api: ApiIR) -> None:
    classes, _ = parse_seed()
    checked = 0
    for seed in classes:
        reachable = reachable_fields(api, main_class(api, seed.name))
        for seed_field in seed.fields:
            matches = [
                f for f in reachable if (f.name, field_annotation(f, fold=4)) == (seed_field.name, seed_field.type)
            ]
            assert matches, f"{seed.name}: no field {seed_field.name}: {seed_field.type}"
            assert any(sorted(facts(f)) == sorted(seed_field.facts) for f in matches), (
                f"{seed.name}.{seed_field.name}: {seed_field.facts}"
            )
            assert any(f.deprecated == seed_field.deprecated for f in matches), f"{seed.name}.{seed_field.name}"
            checked += 1
    assert checked > 150


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return re.sub(r"\s+", " ", text.replace("`", "").replace("**", "")).strip()


def test_every_description_on_the_page_is_generated_word_for_word(api: ApiIR) -> None:
    _, prose = parse_seed()
    texts: list[str] = []
    for model in api.models:
        for d in model.definitions:
            if d.description:
                texts.append(d.description)
            if isinstance(d, ClassIR):
                texts.extend(f.description for f in d.fields if f.description)
    corpus = "\n".join(_plain(part) for text in texts for part in re.split(r"<br>|\n", text))
    missing = [line for line in prose if _plain(line) not in corpus]
    assert not missing, missing
    assert len(prose) > 150


def test_union_alias_for_page_links(api: ApiIR) -> None:
    defs = definitions(api)
    pages = defs[("page_links", "Pages")]
    assert isinstance(pages, AliasIR) and isinstance(pages.type, UnionType)
    names = [getattr(m, "name", None) for m in pages.type.members]
    assert names == ["ForwardLinks", "BackwardLinks", "object"]
