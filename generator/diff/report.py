"""The diff as text (a terminal), Markdown (a pull-request comment, a changelog) or JSON (a program)."""

from __future__ import annotations

import json

from .compare import Change, semver_bump

FORMATS = ("text", "markdown", "json")


def report(changes: list[Change], fmt: str) -> str:
    """JSON is a list of `{kind, path, message, breaking}`; text and Markdown end with the semver bump."""
    bump = semver_bump(changes)
    breaking = [c for c in changes if c.breaking]
    others = [c for c in changes if not c.breaking]
    if fmt == "json":
        items = [{"kind": c.kind, "path": c.path, "message": c.message, "breaking": c.breaking} for c in changes]
        return json.dumps(items, indent=2) + "\n"
    summary = f"{len(changes)} change{'s' if len(changes) != 1 else ''}, {len(breaking)} breaking: {bump} release"
    if fmt == "markdown":
        lines = [f"**SDK changes:** {summary}", ""]
        for title, group in (("Breaking", breaking), ("Other", others)):
            if group:
                lines += [f"### {title}", ""]
                lines += [f"- `{c.path}`: {c.message} ({c.kind})" for c in group]
                lines.append("")
        return "\n".join(lines)
    lines = []
    for title, group in (("breaking", breaking), ("other", others)):
        if group:
            lines.append(f"{title}:")
            lines += [f"  {c.kind:<24} {c.path}: {c.message}" for c in group]
    lines.append(f"sdkgen: {summary}")
    return "\n".join(lines) + "\n"


def changelog_entry(version: str, changes: list[Change]) -> str:
    """A section for `CHANGELOG.md`: the new version, then the Markdown report."""
    return f"## {version}\n\n{report(changes, 'markdown')}\n"
