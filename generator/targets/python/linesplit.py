"""Black's split of one over-long statement (its line generator's transforms), for the
leaves `lineparse.py` makes; see there for the shapes it knows."""

from __future__ import annotations

from collections.abc import Iterator

from .lineparse import (
    CLOSING,
    COMMA_PRIORITY,
    DOT_PRIORITY,
    MATCH,
    OPENING,
    CannotSplit,
    Leaf,
    Line,
    Unsupported,
    one_sequence,
    tokens,
)

__all__ = ["Unsupported", "layout_unit", "split_statement"]


def _line(leaves: list[Leaf], depth: int, inside: bool = False, track: str = "all") -> Line:
    line = Line(depth, inside)
    if track in ("all", "top"):
        line.extend(leaves)
    elif track == "head":
        inside_ids = _inside_matching(leaves)
        for leaf in leaves:
            line.append(leaf, id(leaf) in inside_ids)
    else:
        line.leaves.extend(leaves)
    return line


def _inside_matching(leaves: list[Leaf]) -> set[int]:
    ids: set[int] = set()
    stack: list[list[Leaf]] = []
    for leaf in leaves:
        if leaf.kind in OPENING:
            stack.append([leaf])
        elif leaf.kind in CLOSING and stack and stack[-1][0].kind == MATCH[leaf.kind]:
            level = stack.pop()
            level.append(leaf)
            ids.update(id(x) for x in level)
        if stack and leaf.kind not in OPENING:
            stack[-1].append(leaf)
    return ids


def _short(line: Line, length: int) -> bool:
    return len(str(line)) <= length


def _rebuild(line: Line) -> Line:
    """The same leaves tracked afresh (black's `Line.clone` + `append_leaves`)."""
    copy = _line([Leaf(x.kind, x.value, x.prefix, x.bracket) for x in line.leaves], line.depth, line.inside)
    copy.split_rhs = line.split_rhs
    return copy


def transform(line: Line, length: int, force_parens: bool = False) -> Iterator[Line]:
    """black's `transform_line` without its string and comment transformers."""
    line_str = str(line)
    if not line.split_rhs and not line.magic and len(line_str) <= length:
        yield line
        return
    transformers = (
        ["lhs"] if line.is_def and not _return_type_magic(line) else ["delimiter", "rhs"] if line.inside else ["rhs"]
    )
    for name in transformers:
        try:
            result = _run(line, name, length, force_parens, line_str)
        except CannotSplit:
            continue
        yield from result
        return
    yield line


def _return_type_magic(line: Line) -> bool:
    inside, leaves = False, []
    for leaf in line.leaves:
        if leaf.value == ":":
            inside = False
        if inside:
            leaves.append(leaf)
        if leaf.value == "->":
            inside = True
    return bool(leaves) and _line(leaves, line.depth, track="head").magic


def _run(line: Line, name: str, length: int, force_parens: bool, line_str: str) -> list[Line]:
    optional = [b for b in line.invisible if b.depth == 0]
    if name == "lhs":
        pieces = list(_lhs(line))
    elif name == "delimiter":
        pieces = list(_delimiter_split(line))
    else:
        pieces = list(_rhs_with_omits(line, length, force_parens))
    result: list[Line] = []
    for piece in pieces:
        if str(piece) == line_str:
            raise CannotSplit("unchanged")
        result.extend(transform(piece, length, force_parens))
    if (
        force_parens
        or name != "rhs"
        or not line.invisible
        or any(b.value for b in optional)
        or _short(result[0], length)
    ):
        return result
    second = _run(_rebuild(line), name, length, True, line_str)
    if all(_short(piece, length) for piece in second):
        return second
    return result


def _build(leaves: list[Leaf], original: Line, opening: Leaf, component: str) -> Line:
    if component != "body":
        return _line(leaves, original.depth, False, "head" if component == "head" else "none")
    leaves = list(leaves)
    if (
        leaves
        and original.is_def
        and opening.value == "("
        and not any(x.value == "," and x.depth == opening.depth + 1 for x in leaves)
    ):
        if any(x.value == "," for x in leaves) and any(x.value == "=" for x in leaves):
            raise Unsupported("comma in a default value or an annotation")
        if leaves[-1].value != ",":
            leaves.append(Leaf("OP", ",", ""))
    result = _line(leaves, original.depth + 1, True)
    if opening.value in ("(", "[", "{", "") and result.leaves:
        last = result.leaves[-1]
        trailing = last.value == ","
        try:
            priority = result.max_priority(last if trailing else None)
        except CannotSplit:
            priority = 0
        if priority == COMMA_PRIORITY and (trailing or opening.bracket in ("atom", "invisible")):
            result.split_rhs = True
    return result


def _succeeded(head: Line, body: Line, tail: Line) -> None:
    tail_len = len(str(tail).strip())
    if not body.leaves:
        if tail_len == 0:
            raise CannotSplit("empty")
        if tail_len < 3:
            raise CannotSplit("short tail")


def _lhs(line: Line) -> Iterator[Line]:
    head: list[Leaf] = []
    body: list[Leaf] = []
    tail: list[Leaf] = []
    current, matching = head, None
    for leaf in line.leaves:
        if current is body and leaf.kind in CLOSING and leaf.opening is matching:
            current = tail if body else head
        current.append(leaf)
        if current is head and leaf.kind == "(":
            matching, current = leaf, body
    if matching is None or not tail:
        raise CannotSplit("no brackets")
    parts = (
        _build(head, line, matching, "head"),
        _build(body, line, matching, "body"),
        _build(tail, line, matching, "tail"),
    )
    _succeeded(*parts)
    yield from (part for part in parts if part.leaves)


class RHS:
    def __init__(self, head: Line, body: Line, tail: Line, opening: Leaf, closing: Leaf) -> None:
        self.head, self.body, self.tail, self.opening, self.closing = head, body, tail, opening, closing


def _first_rhs(line: Line, omit: set[int]) -> RHS:
    tail: list[Leaf] = []
    body: list[Leaf] = []
    head: list[Leaf] = []
    current = tail
    opening = closing = None
    for leaf in reversed(line.leaves):
        if current is body and leaf is opening:
            current = head if body else tail
        current.append(leaf)
        if current is tail and leaf.kind in CLOSING and id(leaf) not in omit:
            opening, closing, current = leaf.opening, leaf, body
    if opening is None or closing is None or not head:
        raise CannotSplit("no brackets")
    tail.reverse()
    body.reverse()
    head.reverse()
    parts = (
        _build(head, line, opening, "head"),
        _build(body, line, opening, "body"),
        _build(tail, line, opening, "tail"),
    )
    _succeeded(*parts)
    return RHS(*parts, opening, closing)


def _rhs_with_omits(line: Line, length: int, force_parens: bool) -> Iterator[Line]:
    prefix_lengths: dict[int, int] = {}
    current = 4 * line.depth
    for leaf in line.leaves:
        prefix_lengths[id(leaf)] = current
        current += len(leaf.prefix) + len(leaf.value)
    for omit in _trailers_to_omit(line, length):
        if omit:
            target = next((x.opening for x in reversed(line.leaves) if x.kind in CLOSING and id(x) not in omit), None)
            if target is not None and target.value and prefix_lengths.get(id(target), 0) > length:
                continue
        lines = list(_rhs(_first_rhs(line, omit), line, length, force_parens, omit))
        if _short(lines[0], length):
            yield from lines
            return
    yield from _rhs(_first_rhs(line, set()), line, length, force_parens, set())


def _rhs(rhs: RHS, line: Line, length: int, force_parens: bool, omit: set[int]) -> Iterator[Line]:
    if not force_parens and rhs.opening.bracket == "invisible" and not rhs.opening.value and not rhs.closing.value:
        if _can_omit(rhs, length):
            omit = {id(rhs.closing), *omit}
            try:
                oop = _first_rhs(line, omit)
                if _prefer_oop(oop, rhs, length):
                    yield from _rhs(oop, line, length, force_parens, omit)
                    return
            except CannotSplit:
                if not _can_be_split(rhs.body) and not _short(rhs.body, length):
                    raise
    if rhs.opening.bracket == "invisible":
        rhs.opening.value, rhs.closing.value = "(", ")"
    for part in (rhs.head, rhs.body, rhs.tail):
        if part.leaves:
            yield part


def _prefer_oop(oop: RHS, rhs: RHS, length: int) -> bool:
    head = rhs.head.leaves
    if not (len(head) >= 2 and head[-2].value == "="):
        return True
    if not any(x.kind in OPENING or x.kind in CLOSING for x in head[:-1]):
        return True
    if not _short(rhs.head, length - 1):
        return True
    if rhs.head.magic:
        return True
    equals = [x.value for x in head].count("=")
    if equals > 1 and equals > [x.value for x in oop.head.leaves].count("="):
        return False
    for leaf in reversed(oop.head.leaves):
        if leaf.value == "=":
            break
        if leaf.kind in CLOSING:
            return True
    return any(x.value == "=" for x in oop.head.leaves) and _short(oop.head, length)


def _can_be_split(line: Line) -> bool:
    leaves = line.leaves
    if len(leaves) < 2:
        return False
    if leaves[0].kind == "STRING" and leaves[1].value == ".":
        raise Unsupported("string method")
    return True


def _can_omit(rhs: RHS, length: int) -> bool:
    line = rhs.body
    if not line.delimiters:
        return True
    priority = line.max_priority()
    count = line.count(priority)
    if count > 1:
        return False
    if priority == DOT_PRIORITY:
        return True
    first, second = line.leaves[0], line.leaves[1]
    if first.kind in OPENING and second.kind not in CLOSING and _can_omit_opening(line, first, length):
        return True
    penultimate, last = line.leaves[-2], line.leaves[-1]
    if last.kind in (")", "}") or (last.kind == "]" and last.opening is not None and last.opening.bracket != "sub"):
        if penultimate.kind in OPENING:
            return False
        if _can_omit_closing(line, last, length):
            return True
    return False


def _can_omit_opening(line: Line, first: Leaf, length: int) -> bool:
    remainder, total = False, 4 * line.depth
    for leaf in line.leaves:
        if leaf.kind in CLOSING and leaf.opening is first:
            remainder = True
        if remainder:
            total += len(leaf.prefix) + len(leaf.value)
            if total > length:
                return False
            if leaf.kind in OPENING:
                remainder = False
    return True


def _can_omit_closing(line: Line, last: Leaf, length: int) -> bool:
    total, seen_other = 4 * line.depth, False
    for leaf in line.leaves:
        total += len(leaf.prefix) + len(leaf.value)
        if leaf is last.opening:
            if seen_other or total <= length:
                return True
        elif leaf.kind in OPENING:
            seen_other = True
    return False


def _closes_a_magic_comma(previous: Leaf | None, leaf: Leaf, leaves: list[Leaf]) -> bool:
    """Whether `leaf` closes a bracket after a trailing comma that black keeps (a magic
    comma, not a one-tuple's): no trailer can be omitted past it."""
    return (
        previous is not None
        and previous.value == ","
        and leaf.opening is not None
        and not one_sequence(leaf.opening, leaf, leaves)
    )


def _trailers_to_omit(line: Line, length: int) -> Iterator[set[int]]:
    omit: set[int] = set()
    if not line.magic:
        yield omit
    total = 4 * line.depth
    opening: Leaf | None = None
    closing: Leaf | None = None
    inner: set[int] = set()
    leaves = line.leaves
    for index in range(len(leaves) - 1, -1, -1):
        leaf = leaves[index]
        total += len(leaf.prefix) + len(leaf.value)
        if total > length:
            break
        previous = leaves[index - 1] if index > 0 else None
        if opening is not None:
            if leaf is opening:
                opening = None
            elif leaf.kind in CLOSING:
                if _closes_a_magic_comma(previous, leaf, leaves):
                    break
                inner.add(id(leaf))
        elif leaf.kind in CLOSING:
            if previous is not None and previous.kind in OPENING:
                inner.add(id(leaf))
                continue
            if closing is not None:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield omit
            if _closes_a_magic_comma(previous, leaf, leaves):
                break
            if leaf.value:
                opening, closing = leaf.opening, leaf


def _delimiter_split(line: Line) -> Iterator[Line]:
    if not line.leaves:
        raise CannotSplit("empty")
    last = line.leaves[-1]
    priority = line.max_priority(last)
    if priority == DOT_PRIORITY and line.count(priority) == 1:
        raise CannotSplit("single attribute")
    pieces: list[list[Leaf]] = [[]]
    delimiters = line.delimiters
    for leaf in line.leaves:
        pieces[-1].append(leaf)
        if delimiters.get(id(leaf)) == priority:
            pieces.append([])
    for leaves in pieces[:-1]:
        yield _line(leaves, line.depth, line.inside)
    current = _line(pieces[-1], line.depth, line.inside)
    if current.leaves:
        if priority == COMMA_PRIORITY and current.leaves[-1].value != ",":
            if any(x.value == "*" for x in line.leaves):
                raise Unsupported("trailing comma after a bare star depends on the target versions")
            current.append(Leaf("OP", ",", ""), True)
        yield current


def split_statement(text: str, length: int) -> str:
    """`text`, one statement at indentation 0, as black lays it out at `length` columns,
    or `Unsupported`."""
    line = _line(tokens(text), 0, False, "top")
    pieces = list(transform(line, length))
    for piece in pieces:
        for leaf in piece.leaves[:-1]:
            if leaf.bracket == "invisible" and leaf.value:
                # Made visible by a split black then did not take: its second pass (run
                # on output that changed) drops them again and lays the line out anew.
                raise Unsupported("optional parentheses left on one line")
    return "\n".join(str(piece) for piece in pieces)


def layout_unit(text: str, length: int) -> str:
    """What `black.format_str(text)` returns at `length` columns for one statement the
    templates printed (decorators and a `pass` body allowed), or `Unsupported`."""
    lines = text.rstrip("\n").split("\n")
    decorators: list[str] = []
    while lines and lines[0].startswith("@"):
        decorator = lines.pop(0)
        if len(decorator) > length or not decorator[1:].isidentifier():
            raise Unsupported("decorator")
        decorators.append(decorator)
    body: list[str] = []
    if len(lines) > 1 and lines[-1] == "    pass":
        body.append(lines.pop())
    if not lines or lines[0].startswith(" "):
        raise Unsupported("indentation")
    return "\n".join([*decorators, split_statement("\n".join(lines) + "\n", length), *body]) + "\n"
