"""Names: turn wire names into stable, readable Python identifiers."""

from __future__ import annotations

import hashlib
import keyword
import re
import unicodedata
from functools import cache

# The naming functions are pure and asked the same question again and again (every model
# that uses a property, every operation of a resource): each answer is kept.

_WORD = re.compile(
    r"[A-Z]+\d+[A-Z]+(?![a-z])"  # `A2P`, `B2B`: letters around digits, in capitals, are one word
    r"|[A-Z]+(?=[A-Z][a-z])"  # `API` of `APILinks`
    r"|[A-Z]?[a-z]+(?:\d+[a-z]+)*\d*"  # `a2p`, `e2e`, `ec2`, `oauth2`, `v1beta`, `Links`
    r"|[A-Z]\d+[a-z]+(?:\d+[a-z]+)*\d*"  # `A2p`, the class name of `a2p`
    r"|[A-Z]+\d*"  # `V4` of `NetworkV4`
    r"|\d+[a-z]*"
)

# Public methods of pydantic.BaseModel that a field must not shadow (`model_*` names are
# handled by prefix); tests/test_naming.py checks the list against the installed pydantic.
RESERVED_FIELD_NAMES = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
    }
)

# The members every generated client has (the Python client's methods and attributes): a
# top-level resource of one of these names takes a trailing underscore (`client.copy_`),
# as do one named like a credential argument (`password`). tests/test_naming.py checks the
# list against a generated client.
CLIENT_MEMBERS = frozenset(
    {
        "base_url",
        "base_urls",
        "close",
        "copy",
        "default_headers",
        "default_query",
        "delete",
        "get",
        "max_in_flight",
        "max_retries",
        "patch",
        "post",
        "put",
        "request",
        "request_binary",
        "request_no_content",
        "request_page",
        "request_stream",
        "request_text",
        "strict_response_validation",
        "timeout",
        "user_agent",
        "with_options",
    }
)

# Names a generated module already binds; a class may not take them.
RESERVED_CLASS_NAMES = frozenset(
    {
        "Annotated",
        "BaseModel",
        "Dict",
        "Field",
        "JsonConst",
        "List",
        "Literal",
        "Optional",
        "Tuple",
        "TypeAlias",
        "TypeAliasType",
        "Union",
        "date",
        "datetime",
        "annotations",
    }
)


def _ascii_words(text: str) -> list[str]:
    normalized = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(normalized.replace("-", "_").replace(".", "_").replace(" ", "_"))


@cache
def pascal_case(text: str) -> str:
    """`droplet_next_backup_window` -> `DropletNextBackupWindow`; keeps `APILinks`, `GPUInfo`."""
    words = _ascii_words(text)
    name = "".join(word if word.isupper() else word[:1].upper() + word[1:] for word in words)
    if not name:
        name = "Model"
    if name[0].isdigit():
        name = "_" + name
    if keyword.iskeyword(name):  # `True`, `False`, `None`
        name += "_"
    return name


@cache
def snake_case(text: str) -> str:
    """`APILinks` -> `api_links`, `NetworkV4` -> `network_v4`, `x-request-id` -> `x_request_id`."""
    words = _ascii_words(text)
    name = "_".join(word.lower() for word in words)
    return name or "_"


@cache
def field_name(wire_name: str) -> str:
    """A Python attribute for a JSON property; the wire name is kept as an alias if it differs."""
    if wire_name.isidentifier() and wire_name.isascii():
        name = wire_name
    else:
        name = snake_case(wire_name)
        if wire_name.startswith("@") or wire_name.startswith("$"):
            name = name.lstrip("_") or "field"
    if name[0].isdigit():
        name = "field_" + name
    # Pydantic treats leading underscores as private attributes, not fields.
    if name.startswith("_"):
        name = "field_" + name.lstrip("_") if name.strip("_") else "field"
    if keyword.iskeyword(name):
        name += "_"
    if name in RESERVED_FIELD_NAMES or name.startswith("model_"):
        name += "_"
    return name


@cache
def method_name(text: str) -> str:
    """A method of a resource class: snake_case, a keyword suffixed (`return` -> `return_`).
    Unlike a model's field, a method may be called `validate`, `copy` or `json`."""
    name = snake_case(text).strip("_") or "call"
    if name[0].isdigit():
        name = "call_" + name
    return name + "_" if keyword.iskeyword(name) else name


# Comparison suffixes of filter parameters (`DateSent<`, `StartTime>=`), spelled out so the
# two sides of a range keep apart as arguments.
COMPARISON_SUFFIXES = (("<=", "_on_or_before"), (">=", "_on_or_after"), ("<", "_before"), (">", "_after"))


@cache
def argument_name(wire_name: str) -> str:
    """A keyword argument for a request body property (parameters: `parameter_name`): snake_case, a comparison suffix
    spelled out (`DateSent<` -> `date_sent_before`), keywords suffixed (`From` -> `from_`)."""
    text = wire_name
    for symbol, words in COMPARISON_SUFFIXES:
        if text.endswith(symbol) and text[: -len(symbol)].strip():
            text = text[: -len(symbol)] + words
            break
    return field_name(snake_case(text))


@cache
def parameter_name(wire_name: str) -> str:
    """A snake_case keyword argument for a path, query, header or cookie parameter:
    `DateSent<` -> `date_sent_before`, `hyphen-in-path` -> `hyphen_in_path`,
    `filter[name]` -> `filter_name`, `from` -> `from_`. The wire name is kept for sending."""
    name = wire_name
    for suffix, words in COMPARISON_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)] + words
            break
    if not (name.isidentifier() and name.isascii() and name == name.lower()):
        name = snake_case(name)
    name = name.strip("_") or "param"
    if name[0].isdigit():
        name = "param_" + name
    return name + "_" if keyword.iskeyword(name) else name


MAX_MODULE_NAME = 64
# File names Windows reserves in every folder, whatever the extension.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


@cache
def module_name(class_name: str) -> str:
    """A module (file) name: snake case, never a keyword, a leading digit or a Windows device name."""
    name = snake_case(class_name)
    if len(name) > MAX_MODULE_NAME:
        # File names stop at 255 bytes; a digest keeps long names apart, deterministically.
        digest = hashlib.sha256(name.encode()).hexdigest()[:8]
        name = f"{name[: MAX_MODULE_NAME - 9].rstrip('_')}_{digest}"
    if name[0].isdigit():
        return "_" + name
    if keyword.iskeyword(name) or name in WINDOWS_RESERVED or name.startswith("__"):
        name += "_"
    return name


_IRREGULAR_PLURALS = {"children": "child", "people": "person", "indices": "index", "data": "data"}


@cache
def singular(word: str) -> str:
    """The singular of an English plural, for naming array items: `choices` -> `choice`."""
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS:
        return word[: len(word) - len(lower)] + _IRREGULAR_PLURALS[lower]
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x")):
        if lower.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)] + replacement
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 1:
        return word[:-1]
    return word


RESERVED_ARGUMENTS = frozenset(
    {"extra_headers", "extra_query", "extra_body", "timeout", "self", "cls", "cast", "path_template", "options"}
)
"""Keyword arguments every generated method takes, and names its body uses: spec
parameters and body properties must not shadow them."""
