"""The width black gives a line (`black.strings.str_width`), without importing black.

Black measures a line in terminal columns: two for a character of East Asian width W or
F (and the emoji shown so), one for any other. Its table comes from `wcwidth` for a fixed
Unicode version, which the Python running the generator need not share, so the ranges are
written out here as black 26.10.1 has them; `tests/test_textwidth.py` compares this with
black's `char_width` for every code point, and fails when black's table changes.
Every character is at least one column wide, so a line is never narrower than its length.
"""

from __future__ import annotations

from bisect import bisect_right

_WIDE = """
1100-115f 231a-231b 2329-232a 23e9-23ec 23f0 23f3 25fd-25fe 2614-2615 2630-2637
2648-2653 267f 268a-268f 2693 26a1 26aa-26ab 26bd-26be 26c4-26c5 26ce 26d4 26ea
26f2-26f3 26f5 26fa 26fd 2705 270a-270b 2728 274c 274e 2753-2755 2757 2795-2797
27b0 27bf 2b1b-2b1c 2b50 2b55 2e80-2e99 2e9b-2ef3 2f00-2fd5 2ff0-3029 3030-303e
3041-3096 309b-30ff 3105-312f 3131-318e 3190-31e5 31ef-321e 3220-3247 3250-a48c
a490-a4c6 a960-a97c ac00-d7a3 f900-faff fe10-fe19 fe30-fe52 fe54-fe66 fe68-fe6b
ff01-ff60 ffe0-ffe6 16fe0-16fe3 16ff2-16ff6 17000-18cd5 18cff-18d1e 18d80-18df2
1aff0-1aff3 1aff5-1affb 1affd-1affe 1b000-1b122 1b132 1b150-1b152 1b155 1b164-1b167
1b170-1b2fb 1d300-1d356 1d360-1d376 1f004 1f0cf 1f18e 1f191-1f19a 1f200-1f202
1f210-1f23b 1f240-1f248 1f250-1f251 1f260-1f265 1f300-1f320 1f32d-1f335 1f337-1f37c
1f37e-1f393 1f3a0-1f3ca 1f3cf-1f3d3 1f3e0-1f3f0 1f3f4 1f3f8-1f3fa 1f400-1f43e 1f440
1f442-1f4fc 1f4ff-1f53d 1f54b-1f54e 1f550-1f567 1f57a 1f595-1f596 1f5a4 1f5fb-1f64f
1f680-1f6c5 1f6cc 1f6d0-1f6d2 1f6d5-1f6d8 1f6dc-1f6df 1f6eb-1f6ec 1f6f4-1f6fc
1f7e0-1f7eb 1f7f0 1f90c-1f93a 1f93c-1f945 1f947-1f9ff 1fa70-1fa7c 1fa80-1fa8a
1fa8e-1fac6 1fac8 1facd-1fadc 1fadf-1faea 1faef-1faf8 20000-2fffd 30000-3fffd
"""
"""The ranges (first-last, hexadecimal, inclusive) of the characters two columns wide."""


def _ranges(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for item in text.split():
        first, _, last = item.partition("-")
        starts.append(int(first, 16))
        ends.append(int(last or first, 16))
    return starts, ends


_STARTS, _ENDS = _ranges(_WIDE)
FIRST_WIDE = _STARTS[0]


def char_width(char: str) -> int:
    """Black's width of one character: 2 or 1."""
    code = ord(char)
    if code < FIRST_WIDE:
        return 1
    index = bisect_right(_STARTS, code) - 1
    return 2 if index >= 0 and code <= _ENDS[index] else 1


def str_width(line: str) -> int:
    """Black's width of `line`."""
    if line.isascii():
        return len(line)
    return len(line) + sum(1 for char in line if ord(char) >= FIRST_WIDE and char_width(char) == 2)
