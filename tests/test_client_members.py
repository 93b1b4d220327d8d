"""A top-level resource never hides a member of the client: `/copy`, `/close`, `/post` or a
path named like a credential argument (`/password` beside basic auth) would make
`client.copy` the resource, leaving `with_options`'s twin, `close()` (and so `with Client()`)
or the client's `post` unreachable, and a credential property without a setter. Such a
resource takes a trailing underscore (`client.copy_`), with a located warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sdkgen.ir.naming import CLIENT_MEMBERS
from sdkgen.pipeline import generate_files

SPEC = """
openapi: 3.0.3
info: {title: Members, version: "1"}
servers: [{url: "https://api.example.com"}]
components:
  securitySchemes:
    basic: {type: http, scheme: basic}
security: [{basic: []}]
paths:
  /copy/{id}:
    get:
      operationId: getCopy
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object}}}}}
  /close:
    post:
      operationId: closeAll
      responses: {"204": {description: ok}}
  /password/reset:
    post:
      operationId: resetPassword
      responses: {"204": {description: ok}}
  /patch/notes:
    get:
      operationId: listPatchNotes
      responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}}
  /posts:
    get:
      operationId: listPosts
      responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}}
"""

# Every public member of a generated client that is not a resource or a credential, and
# whether it must be callable: the IR's list is checked against what the template makes.
PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
from members_sdk import AsyncClient, Client

for cls in (Client, AsyncClient):
    client = cls(username="u", password="p")
    own = set()
    for name in dir(client):
        value = getattr(client, name)
        if not name.startswith("_") and not type(value).__module__.startswith("members_sdk.resources"):
            own.add(name)
    print(cls.__name__, " ".join(sorted(own)))
    print(cls.__name__, "resources", " ".join(sorted(
        n for n in dir(client) if type(getattr(client, n)).__module__.startswith("members_sdk.resources")
    )))
    assert client.password == "p" and callable(client.close) and callable(client.copy)
"""


def test_a_resource_named_like_a_member_of_the_client_takes_a_trailing_underscore(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    generated = generate_files(spec, "members_sdk", targets=("python", "typescript"))
    assert sorted(r.attribute for r in generated.api.resources) == ["close_", "copy_", "password_", "patch_", "posts"]
    assert [r.class_name for r in generated.api.resources if r.attribute == "copy_"] == ["Copy"]
    warnings = [d.message for d in generated.warnings]
    assert "resource copy would hide the client's own copy; GET /copy/{id} is on client.copy_" in warnings
    assert "resource password would hide the client's own password; POST /password/reset is on client.password_" in (
        warnings
    )
    assert [d.location.pointer for d in generated.warnings if "client.close_" in d.message] == ["/paths/~1close/post"]
    for relative, content in generated.files.items():
        path = tmp_path / "out" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "out" / "python")], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    for kind in ("Client", "AsyncClient"):
        own = next(line for line in lines if line.startswith(kind + " ") and " resources" not in line)
        assert set(own.split()[1:]) == CLIENT_MEMBERS | {"username", "password"}, kind
        assert f"{kind} resources close_ copy_ password_ patch_ posts" in lines
    # The TypeScript client has `get` ... `delete` of its own: `patch_` keeps its underscore there.
    client_ts = generated.files["typescript/src/client.ts"].decode()
    assert "  readonly patch_: Patch;" in client_ts and "  patch<T = unknown>(" in client_ts
    assert "  readonly copy: Copy;" in client_ts  # no `copy` of its own: plain camel case
