"""`linesplit` lays out long statements without black: it must agree with black exactly.

The shapes are those the templates print when a line is too long: `Literal` aliases and
annotations, `Union` aliases, field definitions with `Field(...)`, signatures (one line or
already exploded), `return` of calls (one line or already exploded, with dict displays and
one-tuples inside), wrapper assignments, class headers. Hypothesis varies their names,
values and widths around black's limit; black formats the same text and the two must match
(or `linesplit` must decline, and then black formats the statement anyway).
"""

from __future__ import annotations

import keyword

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sdkgen.targets.python.linesplit import Unsupported, layout_unit

names = st.from_regex(r"[a-z][a-z_]{0,30}[a-z]", fullmatch=True).filter(lambda n: not keyword.iskeyword(n))
classes = st.from_regex(r"[A-Z][A-Za-z0-9]{0,80}", fullmatch=True)
# Text with the characters of patterns: `#`, quotes, escapes (black may requote a string with `\"`).
strings = st.from_regex(r"([a-z0-9_/.#' -]|\\[.d\"])*", fullmatch=True).map(lambda s: '"' + s[:40].rstrip("\\") + '"')
literals = st.lists(strings, min_size=1, max_size=12).map(lambda xs: f"Literal[{', '.join(xs)}]")
types = st.one_of(
    classes,
    literals,
    classes.map(lambda c: f"Optional[{c}]"),
    literals.map(lambda lit: f"Optional[{lit}]"),
    st.lists(classes, min_size=2, max_size=6).map(lambda cs: f"Union[{', '.join(cs)}]"),
    st.tuples(classes, literals).map(lambda t: f"Union[Optional[{t[1]}], {t[0]}]"),
    classes.map(lambda c: f"List[Annotated[str, Field(max_length=255, pattern={c!r})]]"),
)
values = st.one_of(
    st.just("None"),
    strings,
    st.tuples(names, strings).map(lambda t: f"Field(default=None, alias={t[1]}, {t[0]}=3)"),
    st.lists(st.tuples(strings, names), max_size=5).map(lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"),
    st.tuples(names, names).map(lambda t: f"{t[0]}_wrapper(resource.{t[1]})"),
    st.tuples(st.sampled_from(["-", "+", "~"]), st.integers(0, 2**63)).map(lambda t: f"{t[0]}{t[1]}"),
    st.tuples(st.integers(-(2**63), 2**63), st.integers(-(2**63), 2**63)).map(
        lambda t: f"Field(default=None, ge={t[0]}, le={t[1]})"
    ),
)
# Boolean chains: black splits them before each `and`/`or` (its logic priority).
operands = st.one_of(names, strings, values, names.map(lambda n: f'os.environ.get("{n.upper()}")'))
values = st.one_of(
    values,
    st.tuples(st.lists(operands, min_size=2, max_size=4), st.sampled_from([" or ", " and "])).map(
        lambda t: t[1].join(t[0])
    ),
    st.lists(st.tuples(strings, st.lists(operands, min_size=2, max_size=3)), min_size=1, max_size=3).map(
        lambda kv: "{\n" + "".join(f"    {k}: {' or '.join(v)},\n" for k, v in kv) + "}"
    ),
)
parameters = st.tuples(names, types, st.one_of(st.none(), values)).map(
    lambda p: f"{p[0]}: {p[1]}" + (f" = {p[2]}" if p[2] else "")
)


def _signature(draw: st.DrawFn) -> str:
    name, params, returns = draw(names), draw(st.lists(parameters, max_size=6)), draw(types)
    star = ["*"] if params and draw(st.booleans()) else []
    items = ["self", *star, *params]
    head = f"{'async ' if draw(st.booleans()) else ''}def {name}("
    if draw(st.booleans()):
        body = "".join(f"    {item},\n" for item in items)
        return f"{head}\n{body}) -> {returns}:"
    return f"{head}{', '.join(items)}) -> {returns}:"


def _call(draw: st.DrawFn, depth: int = 0) -> str:
    arguments = draw(st.lists(st.one_of(strings, names, values, st.just('(("bearer_auth",),)')), max_size=5))
    keywords = draw(st.lists(st.tuples(names, values), max_size=4))
    if depth < 1 and draw(st.booleans()):
        arguments.append(_call(draw, depth + 1))
    items = [*arguments, *(f"{k}={v}" for k, v in keywords)]
    callee = draw(
        st.sampled_from(["self._client.request", "RequestOptions.build", "path_template", "super().__init__"])
    )
    if items and draw(st.booleans()):
        pad = "    " * (depth + 1)
        inner = "".join(f"{pad}{item},\n" for item in items)
        return f"{callee}(\n{inner}{'    ' * depth})"
    return f"{callee}({', '.join(items)})"


@st.composite
def statements(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["alias", "field", "signature", "stub", "return", "assign", "class"]))
    if kind == "alias":
        return f"{draw(classes)}: TypeAlias = {draw(types)}\n"
    if kind == "field":
        value = draw(st.one_of(st.none(), values))
        return f"{draw(names)}: {draw(types)}" + (f" = {value}" if value else "") + "\n"
    if kind == "signature":
        decorator = draw(st.sampled_from(["", "@cached_property\n", "@overload\n"]))
        return f"{decorator}{_signature(draw)}\n    pass\n"
    if kind == "stub":
        return f"@overload\n{_signature(draw)} ...\n"
    if kind == "return":
        return f"return {'await ' if draw(st.booleans()) else ''}{_call(draw)}\n"
    if kind == "assign":
        return f"self.{draw(names)} = {draw(values)}\n"
    return f"class {draw(classes)}({draw(classes)}):\n    pass\n"


def _black(text: str, length: int) -> str:
    return str(black.format_str(text, mode=black.Mode(line_length=length)))


@settings(max_examples=400, deadline=None)
@given(statements(), st.integers(min_value=60, max_value=88))
def test_linesplit_agrees_with_black(text: str, length: int) -> None:
    try:
        laid_out = layout_unit(text, length)
    except Unsupported:
        return
    assert laid_out == _black(text, length)


TABLE = [
    'ApiAgentType: TypeAlias = Literal["AGENT_TYPE_UNSPECIFIED", "AGENT_TYPE_DEFAULT", "AGENT_TYPE_PLANNER"]\n',
    "self.droplet_actions_post_by_tag = async_to_raw_response_wrapper(resource.droplet_actions_post_by_tag)\n",
    "return AsyncKubernetesClustersDestroyWithAssociatedResourcesDangerousWithRawResponse(self)\n",
    "BusinessRegistrationAuthority: ComplianceRegistrationEnumBusinessRegistrationAuthorityParam\n",
    'BusinessRegistrationAuthority: ComplianceRegistrationEnumBusinessAuthorityParam = Field(alias="x")\n',
    "@cached_property\ndef with_raw_response(self) -> AsyncMonitoringMetricsLoadBalancerDropletsHttp50p:\n    pass\n",
    'def f(\n    type: Literal["UNSPECIFIED", "BUILD", "DEPLOY", "RUN", "RUN_RESTARTED", "AUTOSCALE"]'
    ' = "UNSPECIFIED",\n'
    "):\n    pass\n",
    'name: Optional[str] = Field(default=None, min_length=2, max_length=32, pattern="^[a-z][a-z0-9-]{0,9}$")\n',
    "log_retention_bytes: Optional[int] = Field(default=None, ge=-1, le=9223372036854776000)\n",
    "log_autovacuum_min_duration: Optional[int] = Field(default=None, ge=-1, le=2147483647)\n",
    "return call_something_rather_long(first_argument, -1, key={-1: +2, ~3: -four}, x=[-5])\n",
    'self.base_url = base_url or os.environ.get("ACME_BASE_URL") or server_url(DEFAULT_BASE_URL, {})\n',
    "return first_value_with_a_long_name and second_value_with_a_long_name or third_value_name\n",
    "super().__init__(\n    version=__version__,\n    base_urls={\n"
    '        "": base_url or os.environ.get("DO_API_BASE_URL") or DEFAULT_BASE_URL,\n'
    '        "agent_url": agent_url_base_url\n        or os.environ.get("DO_API_AGENT_URL_BASE_URL")\n'
    "        or server_url(\n            AGENT_URL_DEFAULT_BASE_URL,\n            {\n"
    '                "agent_url": (agent_url, ()),\n            },\n        ),\n'
    '        "https": https_base_url or os.environ.get("DO_API_HTTPS_BASE_URL") or HTTPS_DEFAULT_BASE_URL,\n'
    "    },\n    credentials=credentials,\n)\n",
    "return await self._client.request(\n    AppsGetExecResponse,\n    RequestOptions.build(\n"
    '        "get",\n        path_template(\n'
    '            "/v2/apps/{app_id}/deployments/{deployment_id}/components/x",\n'
    '            {"app_id": app_id, "deployment_id": deployment_id, "component_name": component_name},\n'
    '        ),\n        security=(("bearer_auth",),),\n    ),\n)\n',
]


@pytest.mark.parametrize("text", TABLE)
@pytest.mark.parametrize("length", [80, 84, 88])
def test_the_shapes_the_templates_print_need_no_black(text: str, length: int) -> None:
    assert layout_unit(text, length) == _black(text, length)


@pytest.mark.parametrize(
    "text",
    [
        "x = a + b\n",
        "x = a - b\n",
        "x = -a + b\n",
        "x = -(a)\n",
        "x = - 1\n",
        "x = f(a)[1:-1]\n",
        "x = -+1\n",
        "x = not a or b\n",
        "x = a or b if c else d\n",
        "return f(*args)\n",
        "x = (yield)\n",
        "value = f(a)  # note\n",
        "x = 'é'\n",
        "for a in b: pass\n",
        'raise ValueError("a message")\n',
        "x  = f(a)\n",
        "x = f(a); y = 2\n",
        "del x[a]\n",
        "x = f(a, \\\n  b)\n",
    ],
)
def test_what_it_does_not_know_it_leaves_to_black(text: str) -> None:
    with pytest.raises(Unsupported):
        layout_unit(text, 20)


def test_no_runtime_module_goes_to_black() -> None:
    """The runtime modules do not depend on the spec: their templates are black-clean as
    committed, so formatting never looks at them (no line over black's limit)."""
    from pathlib import Path

    from sdkgen.pipeline import build
    from sdkgen.targets.python.formatting import _code_long_lines
    from sdkgen.targets.python.package import RUNTIME_MODULES, render_python

    from .conftest import ROOT

    checked = 0
    for case in ("client_resources", "pagination", "object_const"):
        spec = ROOT / "tests" / "golden" / case / "spec.yaml"
        api, _ = build(Path(spec), "acme_sdk")
        files = render_python(api, spec.name)
        for module in [*RUNTIME_MODULES, "_models", "_lazy"]:
            text = files.get(f"python/acme_sdk/{module}.py")
            if text is None:
                continue
            assert _code_long_lines(text.split("\n")) == [], (case, module)
            assert _black(text, 88) == text, (case, module)
            checked += 1
    assert checked >= 2 * len(RUNTIME_MODULES)


LAZY_INIT = """from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .short import Short as Short
    from .knowledge_base_data_source_file_upload_presigned_url_params import (
        KnowledgeBaseDataSourceFileUploadPresignedUrlParams as KnowledgeBaseDataSourceFileUploadPresignedUrlParams,
    )
else:
    __all__ = ["Short", "KnowledgeBaseDataSourceFileUploadPresignedUrlParams", "AnotherLongNameForTheList"]
"""


def test_a_lazy_init_is_formatted_statement_by_statement() -> None:
    """The `if TYPE_CHECKING: ... else: ...` of a lazy package `__init__`: both branches
    are cut into statements (an import black cannot shorten is kept as it is), and the
    file never goes to black whole."""
    from sdkgen.targets.python.formatting import Black

    formatter = Black()
    assert formatter.format_python(LAZY_INIT) == _black(LAZY_INIT, 88)
    assert formatter.stats.whole_files == []
    assert sum(formatter.stats.black.values()) == 0


PIECES = ["a", " ", "'", '"', "\\", "\\\\", "\\'", '\\"', "{x}"]
PIECES += ["\\x4A", "\\x4a", "\\u00E9", "\\N{bullet}", "\\N{BULLET}"]
string_bodies = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=10).map("".join),
    st.text(alphabet="a'\"\\xA{}", max_size=12),
)


def _literal(prefix: str, quote: str, body: str) -> str | None:
    """`prefix quote body quote` if that is one string literal, else None."""
    import ast
    import io
    import tokenize
    import warnings

    literal = f"{prefix}{quote}{body}{quote}"
    try:
        read = list(tokenize.generate_tokens(io.StringIO(literal + "\n").readline))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(literal)
    except (tokenize.TokenError, SyntaxError):
        return None
    return literal if read[0].string == literal and read[1].type == tokenize.NEWLINE else None


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(["", "", "", "b", "r", "rb", "f", "br", "R", "u"]), st.sampled_from(['"', "'"]), string_bodies)
def test_strings_black_keeps_are_told_exactly(prefix: str, quote: str, body: str) -> None:
    """`black_keeps_string` says whether black leaves a literal as it is: for a plain one
    (no prefix, not triple-quoted), always exactly; for another it may decline what black
    keeps, never the reverse."""
    from hypothesis import assume
    from sdkgen.targets.python.lineparse import black_keeps_string

    literal = _literal(prefix, quote, body)
    assume(literal is not None)
    assert literal is not None
    kept = _black(f"x = {literal}\n", 88) == f"x = {literal}\n"
    if prefix == "" and not literal.startswith(quote * 3):
        assert black_keeps_string(literal) == kept
    elif black_keeps_string(literal):
        assert kept


def test_a_pattern_with_both_quotes_keeps_its_double_quotes() -> None:
    from sdkgen.targets.python.lineparse import black_keeps_string

    text = (
        'name: str = Field(min_length=2, max_length=42, pattern="^[A-Za-z0-9()\\\\[\\\\]\'\\"]'
        '[-A-Za-z0-9_. \\\\/()\\\\[\\\\]]{0,40}[A-Za-z0-9()\\\\[\\\\]\'\\"]$")\n'
    )
    literal = text[text.index('pattern="') + 8 : -2]
    assert black_keeps_string(literal)
    for length in (80, 84, 88):
        assert layout_unit(text, length) == _black(text, length)


def test_optional_parentheses_left_visible_on_one_line_go_to_black() -> None:
    """Black's first pass leaves `] = (aa or aa)` here (parentheses made visible by a split
    it then did not take); its second pass lays the line out anew. Declined."""
    text = 'aa: Union[Optional[Literal["", "", "", "", ""]], A] = aa or aa\n'
    assert _black(text, 40).endswith("] = (\n    aa or aa\n)\n")
    with pytest.raises(Unsupported, match="optional parentheses"):
        layout_unit(text, 40)
