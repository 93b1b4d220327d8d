"""YAML through rapidyaml, a native parser, for the plain documents nearly every spec is.

PyYAML's C loader still builds every node, resolves every scalar and constructs every value
in Python: most of a large spec's load time. rapidyaml parses into a flat C++ tree; walking
that tree and typing its scalars here costs a fraction of it. The values come out exactly as
`SpecYamlLoader` gives them: a plain scalar goes through the loader's own implicit resolvers
and constructors (YAML 1.2's core schema, `yaml_schema.py`).

The walk calls rapidyaml's extension functions with the SWIG object itself and types each
distinct plain scalar once: most of its cost was the calls and the typing.

Whatever could read differently returns `NOT_NATIVE` and the caller uses PyYAML: anchors,
aliases, tags, merge keys, directives, several documents, characters PyYAML refuses or reads
as line breaks, tabs, a parse error (so the message and its position are PyYAML's), a
document nested too deep, and a missing `rapidyaml`. A test parses every YAML file of the
shared corpus both ways and compares the values, types included.

A parse error is libyaml's verdict (rapidyaml accepts some of what it refuses): for a large
document libyaml's parser runs in a forked process while this one parses and walks.
"""

from __future__ import annotations

import functools
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Final

import yaml
from yaml._yaml import CParser

from ..exits import die_with_parent

try:
    import ryml  # type: ignore[import-untyped]
    from ryml import _ryml as _native
except ImportError:  # pragma: no cover - rapidyaml ships wheels for the usual platforms
    ryml = None

NOT_NATIVE: Final = object()
"""Returned when the document must be read by PyYAML instead."""

_NONE = ryml.NONE if ryml is not None else -1
if ryml is not None:
    _KEY_UNSURE = ryml.KEYANCH | ryml.KEYREF | ryml.KEYTAG
    _VAL_UNSURE = ryml.VALANCH | ryml.VALREF | ryml.VALTAG
    _KEY_QUOTED = ryml.KEYQUO
    _VAL_QUOTED = ryml.VALQUO
    _CONTAINER = ryml.MAP | ryml.SEQ
    _SEQ = ryml.SEQ

# PyYAML's reader refuses other characters, and reads NEL, LS and PS as line breaks; a tab
# may indent nothing in YAML, which rapidyaml is more lenient about. `%` starts a directive.
_READ_ALIKE: Final = (
    *((0x0A, 0x0A), (0x0D, 0x0D), (0x20, 0x7E), (0xA0, 0x2027)),
    *((0x202A, 0xD7FF), (0xE000, 0xFEFE), (0xFF00, 0xFFFD), (0x10000, 0x10FFFF)),
)
"""The code points both read alike, as ranges (a regular expression of them takes 5 ms to compile)."""
_PLAIN_ASCII = b"\n\r" + bytes(range(0x20, 0x7F))
"""The ASCII bytes among them."""
# In a double-quoted scalar, an escaped line break followed by an empty line: rapidyaml
# folds the empty line away, PyYAML keeps it as a line feed.
_ESCAPED_BREAK_BEFORE_EMPTY_LINE = re.compile(rb"\\\r?\n[ \t]*\r?\n")
_DIRECTIVE = re.compile(rb"(?:^|(?<=\n))%")
"""A `%` at a line start: a directive."""
_FEW = 10_000
"""Past this many places to try, a pattern searches the whole text itself (see `_found`)."""

_SIMPLE_TAGS = frozenset(
    {"tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
)


_UNTYPED: Final = object()
"""What `_Walker.typed` gives for a text not typed yet."""


class _Fallback(Exception):
    """The document holds something only PyYAML reads as `SpecYamlLoader` does."""


def available() -> bool:
    return ryml is not None


def load(data: bytes, text: str, loader: type[yaml.CSafeLoader], max_depth: int, max_nodes: int | None = None) -> Any:
    """The document `data` (whose decoded text is `text`) as `loader` reads it, or NOT_NATIVE
    (also for a container deeper than `max_depth`, the root's depth being 0, and for a
    document of more than `max_nodes` nodes)."""
    if ryml is None or _has_pyyaml_only(data):
        return NOT_NATIVE
    if _found(_ESCAPED_BREAK_BEFORE_EMPTY_LINE, data, b"\\") or _found(_DIRECTIVE, data, b"%"):
        return NOT_NATIVE
    # libyaml's parser, the one PyYAML's C loader uses, run in C alone: whatever it refuses
    # PyYAML refuses, and rapidyaml accepts some of that. For a large document it runs in a
    # forked process while this one parses and walks (it holds the GIL: a thread would not).
    check = _LibyamlCheck(data)
    try:
        if not check.started and not check.accepted():
            return NOT_NATIVE
        document = _parse_and_walk(data, text, loader, max_depth, max_nodes)
        return NOT_NATIVE if document is NOT_NATIVE or not check.accepted() else document
    finally:
        check.close()


def _parse_and_walk(
    data: bytes, text: str, loader: type[yaml.CSafeLoader], max_depth: int, max_nodes: int | None
) -> Any:
    try:
        with _quiet_stderr():
            tree = ryml.parse_in_arena(data)
    except Exception:  # noqa: BLE001 - any parse error: PyYAML reports it with its position
        return NOT_NATIVE
    if max_nodes is not None and tree.size() > max_nodes:
        return NOT_NATIVE  # a tree counts at least a node per value
    root = _document_root(tree)
    if root is None or (not text.endswith("\n") and _ends_in_block_scalar(tree, root)):
        return NOT_NATIVE
    try:
        return _Walker(tree, loader, max_depth).container(root, tree.type(root), 0)
    except _Fallback:
        return NOT_NATIVE


_FORK_MIN_BYTES = 256 * 1024
"""Smaller documents are checked in this process: libyaml reads them in less time than a
fork and a wait take (about 2 ms in all, it reads some 40 MB a second)."""
_ACCEPTED, _REFUSED, _FAILED = 0, 1, 2
"""The forked check's exit statuses; after any other end the check runs again here."""


def _libyaml_accepts(data: bytes) -> bool:
    try:
        CParser(data).raw_parse()
    except yaml.YAMLError:
        return False
    return True


class _LibyamlCheck:
    """Whether libyaml's parser accepts `data`, found in a forked process for a large document.

    The parse holds the GIL, so only a process runs it beside the rapidyaml parse and walk,
    on the core that is otherwise idle while a run loads. It forks only on Linux (where the
    kernel kills it if this process dies first) and only while this process runs one
    thread; `close` kills and reaps the process if its answer was not asked for, so none
    outlives the load or stays a zombie. Where it cannot fork, the check runs here, first.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pid = 0
        self.verdict: bool | None = None
        if len(data) < _FORK_MIN_BYTES or not _may_fork():
            return
        try:
            pid = os.fork()
        except OSError:
            return
        if pid == 0:
            _check_in_child(data, os.getppid())
        self.pid = pid

    @property
    def started(self) -> bool:
        return self.pid != 0

    def accepted(self) -> bool:
        if self.verdict is None:
            if self.pid:
                _, status = os.waitpid(self.pid, 0)
                self.pid = 0
                code = os.waitstatus_to_exitcode(status)
                if code in (_ACCEPTED, _REFUSED):
                    self.verdict = code == _ACCEPTED
                    return self.verdict
            self.verdict = _libyaml_accepts(self.data)  # in this process, raising what it raises
        return self.verdict

    def close(self) -> None:
        """Kill and reap the forked process if it is still unreaped (the load ended early)."""
        if self.pid:
            pid, self.pid = self.pid, 0
            os.kill(pid, signal.SIGKILL)  # an unreaped child exists until waited for: no race
            os.waitpid(pid, 0)


def _may_fork() -> bool:
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")  # forking a process that runs threads may deadlock the child
    return threading is None or threading.active_count() == 1


def _check_in_child(data: bytes, parent: int) -> None:
    """The forked process: exit with libyaml's verdict on `data`, never returning.

    Ctrl-C reaches the whole process group: the child ignores it, the parent kills it.
    """
    code = _FAILED
    try:
        if die_with_parent(parent):
            code = _ACCEPTED if _libyaml_accepts(data) else _REFUSED
    finally:
        os._exit(code)


def _found(pattern: re.Pattern[bytes], data: bytes, first: bytes) -> bool:
    """Whether `pattern`, whose every match starts with the byte `first`, matches `data`.

    The patterns are ASCII and UTF-8 never uses an ASCII byte inside a longer sequence, so
    they match the bytes where they would match the text. A rare first byte is found at C
    speed and the pattern tried there alone: a search tries every position.
    """
    at = data.find(first)
    for _ in range(_FEW):
        if at == -1:
            return False
        if pattern.match(data, at):
            return True
        at = data.find(first, at + 1)
    return pattern.search(data, at) is not None


def _has_pyyaml_only(data: bytes) -> bool:
    """Whether the UTF-8 `data` holds a character outside `_READ_ALIKE`.

    Only what is left once the common ASCII bytes are deleted is looked at: UTF-8 never
    uses an ASCII byte inside a longer sequence, so what is left decodes to the text's
    other characters (a scan of the whole text costs more than the rest of the checks
    together), and of those each distinct one once.
    """
    rest = data.translate(None, _PLAIN_ASCII)
    return bool(rest) and any(_pyyaml_only(ord(char)) for char in set(rest.decode("utf-8", "replace")))


def _pyyaml_only(point: int) -> bool:
    return not any(low <= point <= high for low, high in _READ_ALIKE)


def _document_root(tree: Any) -> int | None:
    """The node of the one document, if it is a mapping or a sequence."""
    root = tree.root_id()
    if tree.is_stream(root):
        if tree.num_children(root) != 1:
            return None
        root = tree.first_child(root)
    if tree.has_val_anchor(root) or tree.has_val_tag(root) or not (tree.is_map(root) or tree.is_seq(root)):
        return None
    return int(root)


def _ends_in_block_scalar(tree: Any, root: int) -> bool:
    """Whether the document's last node is a literal or folded scalar.

    At the very end of a file with no final line break, PyYAML keeps no line break in such a
    scalar where rapidyaml adds one.
    """
    node = root
    while tree.has_children(node):
        node = tree.last_child(node)
    return bool(tree.has_val(node) and (tree.is_val_literal(node) or tree.is_val_folded(node)))


class _Walker:
    """Builds the Python values from the tree in one pass.

    The cost is the calls into rapidyaml, one per node and per scalar: they go to its
    extension functions directly (its `Tree` methods are Python wrappers around them), and
    each distinct plain scalar is typed once (a spec repeats `type: string` thousands of times).
    """

    def __init__(self, tree: Any, loader: type[yaml.CSafeLoader], max_depth: int) -> None:
        self.tree = tree
        self.max_depth = max_depth
        self.resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = loader.yaml_implicit_resolvers
        # The loader's own constructors, bound to a bare safe constructor: they only read the node.
        constructor = yaml.constructor.SafeConstructor()
        self.constructors: dict[str, Callable[[yaml.ScalarNode], Any]] = {
            tag: functools.partial(loader.yaml_constructors[tag], constructor) for tag in _SIMPLE_TAGS
        }
        self.typed: dict[str, Any] = {}
        """Each plain scalar's text to its value (str, int, float, bool or None: immutable)."""

    def container(self, node: int, flags: int, depth: int) -> dict[Any, Any] | list[Any]:
        if depth > self.max_depth:
            raise _Fallback  # PyYAML and the shape check report it
        tree = self.tree.this  # the SWIG object itself: handing over the wrapper costs a lookup per call
        node_type, key_of, val_of = _native.Tree_type, _native.Tree_key, _native.Tree_val
        next_sibling = _native.Tree_next_sibling
        typed = self.typed.get
        child = _native.Tree_first_child(tree, node)
        if flags & _SEQ:
            items: list[Any] = []
            append = items.append
            while child != _NONE:
                flags = node_type(tree, child)
                if flags & _VAL_UNSURE:
                    raise _Fallback
                if flags & _CONTAINER:
                    append(self.container(child, flags, depth + 1))
                else:
                    scalar = val_of(tree, child)
                    text = "" if scalar is None else str(scalar, "utf-8")
                    if flags & _VAL_QUOTED:  # quoted, literal or folded: always a string
                        append(text)
                    else:
                        value = typed(text, _UNTYPED)
                        append(self.plain(text) if value is _UNTYPED else value)
                child = next_sibling(tree, child)
            return items
        mapping: dict[Any, Any] = {}
        while child != _NONE:
            flags = node_type(tree, child)
            if flags & (_KEY_UNSURE | _VAL_UNSURE):
                raise _Fallback
            text = str(key_of(tree, child), "utf-8")
            if flags & _KEY_QUOTED:
                key: Any = text
            else:
                key = typed(text, _UNTYPED)
                if key is _UNTYPED:
                    key = self.plain(text)
                if key == "<<":
                    raise _Fallback  # a merge key
            if flags & _CONTAINER:
                mapping[key] = self.container(child, flags, depth + 1)
            else:
                scalar = val_of(tree, child)
                text = "" if scalar is None else str(scalar, "utf-8")
                if flags & _VAL_QUOTED:
                    mapping[key] = text
                else:
                    value = typed(text, _UNTYPED)
                    mapping[key] = self.plain(text) if value is _UNTYPED else value
            child = next_sibling(tree, child)
        return mapping

    def plain(self, value: str) -> Any:
        """A plain scalar typed as PyYAML's resolver and safe constructor type it."""
        if value[:1] == "?":
            raise _Fallback  # `[?key]`: a scalar to rapidyaml, a pair to libyaml
        for tag, pattern in self.resolvers.get(value[:1], ()):
            if pattern.match(value):
                if tag not in _SIMPLE_TAGS:
                    raise _Fallback  # `<<`: a merge key or not, PyYAML's loader decides
                try:
                    typed = self.constructors[tag](yaml.ScalarNode(tag, value))
                except ValueError:  # a loader whose resolver and constructor disagree: PyYAML fails the same way
                    raise _Fallback from None
                self.typed[value] = typed
                return typed
        self.typed[value] = value
        return value


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml's C++ error handler prints to the process's stderr before it raises.

    The message shown is PyYAML's, so the native one goes to /dev/null for the parse.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 2)
        finally:
            os.close(devnull)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
