"""Load: read YAML and JSON documents, follow `$ref`s across files, locate nodes in source.

YAML documents are parsed by rapidyaml where it reads them exactly as PyYAML's C loader
does (`native_yaml.py`), else by PyYAML; either way plain scalars are typed by YAML 1.2's
core schema (`yaml_schema.py`). Line
and column numbers are only needed when something is wrong, so they are found lazily:
by following the indentation of block YAML (`positions.py`), else from a second parse of
the file that keeps the node marks.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

from ..errors import Diagnostic, Location, SpecError
from . import native_yaml, swagger2
from .json_positions import JsonPositions
from .positions import TextPositions
from .refs import Ref as Ref  # re-exported: the IR names a `$ref` target by it
from .refs import fragment_pointer, parse_ref, places_of_ref, split_pointer
from .spec_file import DEFAULT_MAX_SPEC_BYTES, SpecFileError, read_spec_bytes
from .swagger2_files import Swagger2Files
from .yaml_schema import SpecYamlLoader

MAX_DEPTH = 128
"""Deeper documents are refused: no real API description nests this far, and it bounds recursion."""
MAX_EXPANDED_NODES = 10_000_000
"""YAML aliases may share nodes; more than this once expanded is an alias bomb ("billion laughs")."""
REMOTE_TIMEOUT = 20.0
REMOTE_MAX_BYTES = 64 * 1024 * 1024


_NOT_LOADED = object()


class DocumentStore:
    """Parsed documents by path, each parsed once, plus lazy source positions."""

    def __init__(self, allow_remote: bool = False, max_bytes: int = DEFAULT_MAX_SPEC_BYTES) -> None:
        self.max_bytes = max_bytes
        """Every local file must be a regular file of at most this size (`spec_file.py`)."""
        self._documents: dict[Path, Any] = {}
        self._texts: dict[Path, str] = {}
        self._marks: dict[Path, yaml.Node | None] = {}
        self._positions: dict[Path, TextPositions | JsonPositions] = {}
        self._digests: dict[Path, str] = {}
        self.allow_remote = allow_remote
        self._remote_dir: Path | None = None
        self._remote_urls: dict[Path, str] = {}
        """Where each fetched document came from, so its relative `$ref`s resolve against it."""
        self._fetched: dict[str, Path] = {}
        self._local_refs: dict[tuple[Path, str], Ref | str] = {}
        self._files: dict[Path, Path] = {}
        """One path object per file (see `_local_ref`)."""
        self._resolved: dict[Path, Path] = {}
        """Each path as `Path.resolve` gives it (a system call per folder), asked once per path."""
        self._targets: dict[Ref, Any] = {}
        """What each `$ref` resolved to: the documents do not change once loaded."""
        """Parsed `$ref` strings by the file they appear in: resolving a path costs system calls."""
        self.warnings: list[Diagnostic] = []
        """What loading changed for the reader to know (lone surrogates replaced, a `$ref` fragment
        read as a JSON pointer), unlocated."""
        self._self_urls: dict[str, Path] = {}
        """OpenAPI 3.2's `$self`: the URL a document names itself by; a `$ref` to it is local."""
        self._swagger2 = Swagger2Files(self.load, self._documents.__setitem__, self._target_of, self.warnings)
        """The Swagger 2.0 files, read as OpenAPI 3.0: where each converted node came from."""

    def parse_ref(self, ref: Any, base: Location) -> Ref | str:
        """The target of a `$ref` relative to the document it appears in, or an error message."""
        if not isinstance(ref, str):
            return "$ref must be a string"
        target, _, fragment = ref.partition("#")
        base_url = self._remote_urls.get(self._resolve(base.file)) if self._remote_urls else None
        is_remote = "://" in target or target.startswith("//")
        if is_remote and target in self._self_urls:
            pointer = fragment_pointer(fragment)
            if pointer is None:
                return f"$ref fragment must be a JSON pointer: {ref!r}"
            self._warn_if_slash_missing(ref, pointer, base)
            return Ref(self._self_urls[target], pointer)
        if not is_remote and not (base_url and target):
            return self._local_ref(ref, base)
        url = urljoin(base_url or "", target)
        if not self.allow_remote:
            return f"remote $ref is refused: {ref!r} (pass --allow-remote-refs to fetch it)"
        if urlsplit(url).scheme not in ("http", "https"):
            return f"remote $ref must be http or https: {ref!r}"
        pointer = fragment_pointer(fragment)
        if pointer is None:
            return f"$ref fragment must be a JSON pointer: {ref!r}"
        self._warn_if_slash_missing(ref, pointer, base)
        try:
            return Ref(self._fetch(url), pointer)
        except OSError as exc:
            return f"cannot fetch remote $ref {url}: {exc}"

    def _local_ref(self, ref: str, base: Location) -> Ref | str:
        key = (base.file, ref)
        found = self._local_refs.get(key)
        if found is None:
            found = parse_ref(ref, base, self._resolve)
            if isinstance(found, Ref):
                self._warn_if_slash_missing(ref, found.pointer, base)
                # One path object per file: a lookup by `Ref` (or by its file) then finds the
                # key by identity instead of comparing paths part by part.
                found = Ref(self._files.setdefault(found.file, found.file), found.pointer)
            self._local_refs[key] = found
        return found

    def _warn_if_slash_missing(self, ref: str, pointer: str, base: Location) -> None:
        """Warn at every `$ref` of `base`'s file written as `ref` if its fragment lacked its
        leading slash: a `$ref` text is parsed once per file, and not always from its own place."""
        if not pointer or ref.partition("#")[2].startswith(("/", "%2F", "%2f")):
            return
        message = f"$ref fragment {ref!r} is not a JSON pointer (no leading '/'); read as '#{pointer}'"
        document = self._documents.get(self._resolve(base.file))
        places = places_of_ref(document, ref) if document is not None else [base.pointer]
        self.warnings.extend(Diagnostic("warning", message, Location(base.file, f"{at}/$ref")) for at in places)

    def _resolve(self, path: Path) -> Path:
        found = self._resolved.get(path)
        if found is None:
            found = self._resolved[path] = path.resolve()
        return found

    def local_inputs(self) -> dict[str, str] | None:
        """Every file read, with the hash of its text; None if any came from the network."""
        if self._remote_urls:
            return None
        return {str(p): digest for p, digest in sorted(self._digests.items())}

    def close(self) -> None:
        """Let go of the parsed documents, which the IR no longer needs, and remove the
        downloaded copies of remote documents. The texts stay: `locate` reads them."""
        self._documents.clear()
        self._targets.clear()
        if self._remote_dir is not None:
            shutil.rmtree(self._remote_dir, ignore_errors=True)

    def _fetch(self, url: str) -> Path:
        """Download a remote document once, into this run's temporary folder."""
        if url in self._fetched:
            return self._fetched[url]
        import tempfile  # only for a remote document (as is urllib.request, with http.client)
        from urllib.request import urlopen

        if self._remote_dir is None:
            self._remote_dir = Path(tempfile.mkdtemp(prefix="sdkgen-remote-"))
        # One folder per document keeps its own file name, which names its schema.
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", urlsplit(url).path.rsplit("/", 1)[-1]).strip("_.") or "document"
        folder = self._remote_dir / str(len(self._fetched))
        folder.mkdir()
        path = (folder / name).resolve()
        with urlopen(url, timeout=REMOTE_TIMEOUT) as response:  # noqa: S310 - http(s) only, checked above
            data = response.read(REMOTE_MAX_BYTES + 1)
        if len(data) > REMOTE_MAX_BYTES:
            raise OSError(f"larger than {REMOTE_MAX_BYTES} bytes")
        path.write_bytes(data)
        self._fetched[url] = path
        self._remote_urls[path] = url
        return path

    def load(self, path: Path, referrer: Location | None = None) -> Any:
        found = self._documents.get(path, _NOT_LOADED)  # the common case: `Ref.file` is already resolved
        if found is not _NOT_LOADED:
            return found
        resolved = path.resolve()
        path = self._files.setdefault(resolved, resolved)
        if path in self._documents:
            return self._documents[path]
        try:
            data = read_spec_bytes(path, self.max_bytes)
            text = data.decode("utf-8")
        except SpecFileError as exc:
            where = self.locate(referrer) if referrer else Location(path)
            raise SpecError([Diagnostic("error", str(exc), where)]) from None
        except FileNotFoundError:
            where = self.locate(referrer) if referrer else Location(path)
            raise SpecError([Diagnostic("error", f"file not found: {_shown(path)}", where)]) from None
        except (OSError, UnicodeDecodeError) as exc:
            where = self.locate(referrer) if referrer else Location(path)
            raise SpecError([Diagnostic("error", f"cannot read {path}: {exc}", where)]) from None
        self._texts[path] = text
        self._digests[path] = hashlib.sha256(data).hexdigest()
        document, shape_checked = self._parse(path, data, text)
        if _SURROGATE_ESCAPE.search(text):
            replaced: list[str] = []
            document = _without_lone_surrogates(document, "", replaced)
            message = "a lone surrogate escape (not a character) replaced by U+FFFD"
            self.warnings.extend(Diagnostic("warning", message, Location(path, at)) for at in replaced)
        try:
            if not shape_checked:
                check_shape(document, path)
        except SpecError as exc:
            raise SpecError([replace(d, location=self.locate(d.location)) for d in exc.diagnostics]) from None
        if swagger2.is_swagger2(document):
            document = self._swagger2.convert(path, document)
        self._documents[path] = document
        self._swagger2.link(path)
        if isinstance(document, dict) and isinstance(document.get("$self"), str):
            self._self_urls.setdefault(document["$self"].partition("#")[0], path)
        return document

    def _target_of(self, ref: str, base: Path) -> tuple[Path, list[str]] | None:
        """The local file and pointer parts a `$ref` written in `base` leads to, if any."""
        target = self._local_ref(ref, Location(base)) if isinstance(ref, str) else None
        if not isinstance(target, Ref):
            return None
        try:
            return target.file, split_pointer(target.pointer)
        except ValueError:
            return None

    def _parse(self, path: Path, data: bytes, text: str) -> tuple[Any, bool]:
        """The document, and whether its shape is known to pass `check_shape` already."""
        if path.suffix == ".json":
            try:
                return json.loads(text), False
            except json.JSONDecodeError as exc:
                location = Location(path, "", exc.lineno, exc.colno)
                raise SpecError([Diagnostic("error", f"invalid JSON: {exc.msg}", location)]) from None
            except RecursionError:
                raise SpecError(
                    [Diagnostic("error", f"the document nests deeper than {MAX_DEPTH} levels", Location(path))]
                ) from None
        # rapidyaml reads only trees (no anchors, no aliases), and here only trees no deeper
        # than MAX_DEPTH levels (its root is level 0) of at most MAX_EXPANDED_NODES nodes:
        # the shape check could find nothing in what it returns. Anything else PyYAML reads.
        document = native_yaml.load(data, text, SpecYamlLoader, MAX_DEPTH - 1, max_nodes=MAX_EXPANDED_NODES)
        if document is not native_yaml.NOT_NATIVE:
            return document, True
        try:
            return yaml.load(text, Loader=SpecYamlLoader), False
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            column = mark.column + 1 if mark else None
            problem = exc.problem or exc.context or "syntax error"
            location = Location(path, "", line, column)
            raise SpecError([Diagnostic("error", f"invalid YAML: {problem}", location)]) from None
        except yaml.YAMLError as exc:
            raise SpecError([Diagnostic("error", f"invalid YAML: {exc}", Location(path))]) from None
        except RecursionError:
            raise SpecError(
                [Diagnostic("error", f"the document nests deeper than {MAX_DEPTH} levels", Location(path))]
            ) from None

    def resolve_pointer(self, ref: Ref, referrer: Location | None = None) -> Any:
        """The value `ref` points at; `referrer` (located only if something is wrong) is the `$ref`."""
        found = self._targets.get(ref, _NOT_LOADED)  # every model that uses a schema asks again
        if found is not _NOT_LOADED:
            return found
        node = self.load(ref.file, referrer)
        try:
            parts = split_pointer(ref.pointer)
        except ValueError as exc:
            raise SpecError([Diagnostic("error", str(exc), self.locate(referrer or ref.location()))]) from None
        for part in parts:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                pointer = self._swagger2.source_pointer(ref.file, ref.pointer)  # as the file says it
                message = f"$ref target not found: {pointer!r} in {ref.file.name}"
                raise SpecError([Diagnostic("error", message, self.locate(referrer or ref.location()))])
        self._targets[ref] = node
        return node

    def locate(self, location: Location) -> Location:
        """The same location with the line and column of its node filled in, if found."""
        if location.line is not None:
            return location
        path = self._resolve(location.file)
        # In a Swagger 2.0 file, the converted node's 2.0 original.
        location = Location(location.file, self._swagger2.source_pointer(path, location.pointer))
        try:
            parts = split_pointer(location.pointer)
        except ValueError:
            parts = []
        text = self._texts.get(path)
        if path not in self._marks and text is not None:
            if path not in self._positions:
                self._positions[path] = JsonPositions(text) if path.suffix == ".json" else TextPositions(text)
            found = self._positions[path].locate(parts)
            if found is not None:
                return Location(location.file, location.pointer, found[0] + 1, found[1] + 1)
        if path not in self._marks:
            self._marks[path] = self._compose(path)
        node = self._marks[path]
        if node is None:
            return location
        mark = node.start_mark
        for part in parts:
            step = _child_node(node, part)
            if step is None:
                break
            # A mapping step reports the key's position: that is the line a person looks for.
            node, mark = step
        return Location(location.file, location.pointer, mark.line + 1, mark.column + 1)

    def _compose(self, path: Path) -> yaml.Node | None:
        text = self._texts.get(path)
        if text is None:
            return None
        try:
            return yaml.compose(text, Loader=SpecYamlLoader)
        except (yaml.YAMLError, RecursionError):
            return None


_SURROGATE_ESCAPE = re.compile(r"\\(u[dD][89a-fA-F]|U0000[dD][89a-fA-F])")
"""A JSON or YAML escape of a UTF-16 surrogate, which may stand alone (decoded UTF-8 holds none)."""
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value: Any, pointer: str, replaced: list[str]) -> Any:
    """`value` with every lone surrogate in its strings (keys too) replaced by U+FFFD: no
    file could hold them as UTF-8. The pointers of the strings changed go to `replaced`."""
    if isinstance(value, str):
        if _LONE_SURROGATE.search(value):
            replaced.append(pointer)
            return _LONE_SURROGATE.sub("\ufffd", value)
        return value
    if isinstance(value, list):
        return [_without_lone_surrogates(item, f"{pointer}/{i}", replaced) for i, item in enumerate(value)]
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            at = f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}"
            if isinstance(key, str) and _LONE_SURROGATE.search(key):
                replaced.append(at)
                key = _LONE_SURROGATE.sub("\ufffd", key)
            result[key] = _without_lone_surrogates(item, at, replaced)
        return result
    return value


def _shown(path: Path) -> str:
    """A path as a person would type it from here: relative when it is below the working directory."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_shape(document: Any, path: Path) -> None:
    """Refuse documents too deep to process, alias bombs, and aliases that contain themselves.

    One pass over the distinct nodes (shared YAML nodes are visited once), so even a
    billion-laughs document costs only as much as its text.
    """
    if not isinstance(document, (dict, list)):
        return
    heights: dict[int, int] = {}
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    too_big: str | None = None
    # Each node is visited twice: going down (its children pushed), then coming back up
    # (its height and expanded size from its children's); `children` keeps what the first
    # visit found for the second.
    children: dict[int, list[Any]] = {}
    stack: list[tuple[Any, bool, str]] = [(document, False, "")]
    while stack:
        node, done, pointer = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            containers = children.pop(key)
            heights[key] = 1 + max((heights[id(v)] for v in containers), default=0)
            size = 1 + len(node) - len(containers) + sum(sizes[id(v)] for v in containers)
            sizes[key] = min(size, MAX_EXPANDED_NODES + 1)
            if too_big is None and size > MAX_EXPANDED_NODES:
                too_big = pointer
            continue
        if key in heights:
            continue
        on_path.add(key)
        stack.append((node, True, pointer))
        items = node.items() if isinstance(node, dict) else enumerate(node)
        containers = children[key] = []
        for name, child in items:
            if not isinstance(child, (dict, list)):
                continue
            containers.append(child)
            child_key = id(child)
            if child_key in on_path:
                child_pointer = f"{pointer}/{str(name).replace('~', '~0').replace('/', '~1')}"
                raise SpecError([Diagnostic("error", "a YAML alias contains itself", Location(path, child_pointer))])
            if child_key not in heights:
                stack.append((child, False, f"{pointer}/{str(name).replace('~', '~0').replace('/', '~1')}"))
    if heights.get(id(document), 0) > MAX_DEPTH:
        where = Location(path, _deepest_pointer(document, heights))
        raise SpecError([Diagnostic("error", f"the document nests deeper than {MAX_DEPTH} levels", where)])
    if too_big is not None:
        message = f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} nodes; refusing (an alias bomb?)"
        raise SpecError([Diagnostic("error", message, Location(path, too_big))])


def _deepest_pointer(document: Any, heights: dict[int, int]) -> str:
    parts: list[str] = []
    node = document
    for _ in range(MAX_DEPTH):
        items = (
            list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
        )
        known = [(k, v) for k, v in items if isinstance(v, (dict, list)) and id(v) in heights]
        if not known:
            break
        key, node = max(known, key=lambda kv: heights[id(kv[1])])
        parts.append(str(key).replace("~", "~0").replace("/", "~1"))
    return "/" + "/".join(parts) if parts else ""


def _child_node(node: yaml.Node, part: str) -> tuple[yaml.Node, yaml.Mark] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return value, key.start_mark
    if isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
        item: yaml.Node = node.value[int(part)]
        return item, item.start_mark
    return None
