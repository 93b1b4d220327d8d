"""How the real APIs of the shared corpus (DigitalOcean, the 55 Twilio APIs, `apis/`) page: a
script, `python -m tests.paging_census [OUT.json]`, not a test.

Prints, per spec, its `GET` methods, how many are named `list`, how many page and by which
scheme, and the totals. With OUT.json it also writes every `GET` (and every paged method) as
`METHOD /path client.resource.method scheme:param:next:more:items` (`-` when it does not
page), so that two branches can be compared line by line.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from sdkgen.errors import SpecError
from sdkgen.ir.model import ApiIR
from sdkgen.pipeline import build

from .conftest import SHARED

CORPUS = SHARED / "corpus"


def rows_of(api: ApiIR) -> list[str]:
    rows = []
    for top in api.resources:
        for resource in top.walk():
            for op in resource.operations:
                paging = op.pagination
                if op.http_method != "get" and paging is None:
                    continue
                how = "-"
                if paging is not None:
                    parts = (paging.scheme, paging.param, ".".join(paging.next_field), ".".join(paging.more_field))
                    how = ":".join((*parts, paging.items_field))
                call = ".".join(("client", *resource.path, op.name))
                rows.append(f"{op.http_method.upper()} {op.path} {call} {how}")
    return rows


def main() -> None:
    specs = [CORPUS / "digitalocean" / "DigitalOcean-public.v2.bundled.yaml"]
    specs += sorted((CORPUS / "twilio").glob("*.yaml")) + sorted((CORPUS / "apis").glob("*.yaml"))
    table: dict[str, list[str] | str] = {}
    totals: Counter[str] = Counter()
    for spec in specs:
        try:
            api, _ = build(spec, "census_sdk")
        except SpecError:
            table[spec.name] = "refused"
            print(f"{spec.name}: refused")
            continue
        rows = table[spec.name] = rows_of(api)
        gets = sum(1 for r in rows if r.startswith("GET "))
        named = sum(1 for r in rows if r.split(" ")[2].endswith(".list"))
        schemes = Counter(r.rsplit(" ", 1)[1].split(":")[0] for r in rows if not r.endswith(" -"))
        totals.update({"specs": 1, "get": gets, "list": named, "paged": sum(schemes.values())})
        print(f"{spec.name}: {gets} GET, {named} list, {sum(schemes.values())} paged {dict(sorted(schemes.items()))}")
    print(f"total: {dict(totals)}")
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w", encoding="utf-8") as out:
            json.dump(table, out, indent=0)


if __name__ == "__main__":
    main()
