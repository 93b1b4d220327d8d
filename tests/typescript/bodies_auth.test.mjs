// The generated TypeScript client of the golden `wire` spec (compiled to SDK_DIST) against a
// loopback server on 127.0.0.1: each security scheme, form and multipart bodies, query
// parameters in every style and cookie parameters, sent as the Python client sends them
// (tests/client/test_wire.py holds the same wire forms).
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";

const sdk = await import(`${process.env.SDK_DIST}/index.js`);

// Credentials come from the options alone: none from the environment.
for (const name of Object.keys(process.env)) {
  if (name.startsWith("WIRE_SDK_")) delete process.env[name];
}

let server;
let baseURL;
const seen = [];

before(async () => {
  server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const { method, url, headers } = request;
      seen.push({ method, url, headers, body: Buffer.concat(chunks).toString("latin1") });
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"ok": true}');
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

function client(options = { bearerAuth: "t" }) {
  seen.length = 0;
  return new sdk.Client({ baseURL, maxRetries: 0, ...options });
}

/** The query of a recorded request as [name, value] pairs, in order. */
function query(arrived) {
  return [...new URL(arrived.url, baseURL).searchParams];
}

function basic(username, password) {
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
}

// -- security schemes --------------------------------------------------------------------

test("each security scheme is sent where the spec says", async () => {
  const c = client({
    bearerAuth: "tok",
    basicAuthUsername: "AC123",
    basicAuthPassword: "secret",
    headerKey: "hk",
    queryKey: "qk",
    cookieKey: "ck",
    tokenAuth: "Token token=abc",
    oauth: "oa",
  });
  for (const method of ["default", "basic", "query", "cookie", "token", "oauth", "none"]) {
    await c.auth[method]();
  }
  const [byDefault, byBasic, byQuery, byCookie, byToken, byOAuth, none] = seen;
  assert.equal(byDefault.headers["authorization"], "Bearer tok"); // the first alternative
  assert.equal(byBasic.headers["authorization"], basic("AC123", "secret"));
  assert.deepEqual(query(byQuery), [["api_key", "qk"]]);
  assert.equal(byQuery.headers["authorization"], undefined);
  assert.equal(byCookie.headers["cookie"], "session=ck");
  assert.equal(byCookie.headers["authorization"], undefined);
  assert.equal(byToken.headers["authorization"], "Token token=abc"); // an apiKey header, as given
  assert.equal(byOAuth.headers["authorization"], "Bearer oa");
  // security: []
  assert.equal(none.headers["authorization"], undefined);
  assert.equal(none.headers["cookie"], undefined);
  assert.deepEqual(query(none), []);
  assert.ok(seen.every((arrived) => arrived.headers["x-api-key"] === undefined));
});

test("the next alternative is used when the first has no credentials", async () => {
  const c = client({ headerKey: "hk" });
  await c.auth.default();
  assert.equal(seen[0].headers["x-api-key"], "hk");
  assert.equal(seen[0].headers["authorization"], undefined);
});

test("a credential given as a function is called, and awaited, for each call", async () => {
  const tokens = ["first", "second"];
  let calls = 0;
  const c = client({
    bearerAuth: () => tokens[calls++],
    basicAuthUsername: "AC123",
    basicAuthPassword: async () => "from a vault",
  });
  await c.auth.default();
  await c.auth.default();
  await c.auth.basic();
  assert.deepEqual(
    seen.map((arrived) => arrived.headers["authorization"]),
    ["Bearer first", "Bearer second", basic("AC123", "from a vault")],
  );
  assert.equal(calls, 2); // only when its scheme is sent
});

test("a query parameter that carries a credential is logged as <redacted>", async () => {
  const logged = [];
  const c = client({ queryKey: "qk-secret", logLevel: "debug", logger: { debug: (m) => logged.push(m), info: (m) => logged.push(m) } });
  await c.auth.query();
  assert.deepEqual(query(seen[0]), [["api_key", "qk-secret"]]); // sent
  assert.equal(logged.length, 2);
  assert.ok(logged.every((line) => line.includes("api_key=%3Credacted%3E") && !line.includes("qk-secret")), logged.join("\n"));
});

test("a client without any credential the API requires is refused", () => {
  assert.throws(
    () => new sdk.Client({ baseURL }),
    (error) =>
      error instanceof sdk.SDKError &&
      error.message.includes("bearerAuth or basicAuthUsername and basicAuthPassword or headerKey"),
  );
  // One whole credential is enough, even one the default security does not send.
  assert.doesNotThrow(() => new sdk.Client({ baseURL, queryKey: "qk" }));
  // Half of one is not.
  assert.throws(() => new sdk.Client({ baseURL, basicAuthUsername: "AC123" }), sdk.SDKError);
});

// -- request bodies ----------------------------------------------------------------------

test("a form body follows its encoding object", async () => {
  const c = client();
  await c.bodies.form({
    to: "+15550001111",
    from_: "+15550002222",
    status_callback_event: ["initiated", "completed"],
    tags: ["a", "b"],
    metadata: { plan: "pro" },
    items: [{ price: "p1", quantity: 2 }, { price: "p2" }],
    send_at: "2026-01-02T03:04:05+00:00",
    smart: true,
  });
  const [arrived] = seen;
  assert.equal(arrived.headers["content-type"], "application/x-www-form-urlencoded");
  assert.deepEqual(
    [...new URLSearchParams(arrived.body)],
    [
      ["To", "+15550001111"],
      ["From", "+15550002222"],
      ["StatusCallbackEvent", "initiated"], // form, exploded: the field repeated
      ["StatusCallbackEvent", "completed"],
      ["Tags", "a,b"], // form, explode: false
      ["metadata[plan]", "pro"], // deepObject
      ["items[0][price]", "p1"],
      ["items[0][quantity]", "2"],
      ["items[1][price]", "p2"],
      ["SendAt", "2026-01-02T03:04:05+00:00"],
      ["Smart", "true"],
    ],
  );
});

test("several media types: multipart with a file, else JSON", async () => {
  const c = client();
  await c.bodies.either({ content: "hi" });
  await c.bodies.either({ content: "hi", file: new File(["data"], "a.txt") });
  const [without, withFile] = seen;
  assert.equal(without.headers["content-type"], "application/json");
  assert.deepEqual(JSON.parse(without.body), { content: "hi" });
  assert.match(withFile.headers["content-type"], /^multipart\/form-data; boundary=/);
  assert.ok(withFile.body.includes('name="file"; filename="a.txt"'), withFile.body);
  assert.ok(withFile.body.includes('name="content"'), withFile.body);
});

test("a multipart body sends a Blob as a file part and the other fields as text parts", async () => {
  const c = client();
  const bytes = Uint8Array.from([0, 1, 2, 0xff]);
  await c.bodies.either({ content: "hé", file: new File([bytes], "b.bin") });
  const [arrived] = seen;
  const boundary = arrived.headers["content-type"].split("boundary=")[1];
  const parts = arrived.body.split(`--${boundary}`).slice(1, -1);
  const byName = Object.fromEntries(
    parts.map((part) => [part.match(/name="([^"]+)"/)[1], part.split("\r\n\r\n")[1].slice(0, -2)]),
  );
  assert.equal(Buffer.from(byName.file, "latin1").toString("hex"), "000102ff");
  assert.equal(Buffer.from(byName.content, "latin1").toString("utf8"), "hé");
});

// -- parameters --------------------------------------------------------------------------

test("query parameters in every style", async () => {
  const c = client();
  await c.params.query({
    fields: ["id", "name"],
    ids: [1, 2],
    spaced: ["a", "b"],
    piped: ["a", "b"],
    filter: { plan: "pro" },
    point: { x: 1 },
    date_sent_before: "2026-01-31",
    date_sent_after: "2026-01-01",
    order: "asc",
  });
  const [arrived] = seen;
  assert.deepEqual(query(arrived), [
    ["fields", "id,name"], // form, explode: false
    ["ids", "1"], // form, exploded (the default)
    ["ids", "2"],
    ["spaced", "a b"],
    ["piped", "a|b"],
    ["filter[plan]", "pro"], // deepObject
    ["x", "1"], // an object, form exploded
    ["DateSent<", "2026-01-31"],
    ["DateSent>", "2026-01-01"],
    ["order", "asc"],
  ]);
  assert.equal(arrived.headers["authorization"], "Bearer t"); // not the ignored Authorization parameter
});

test("header and cookie parameters", async () => {
  const c = client();
  await c.params.headerCookie({ x_trace: ["a", "b"], x_flag: false, theme: "dark", prefs: ["x", "y"] });
  const [arrived] = seen;
  assert.equal(arrived.headers["x-trace"], "a,b");
  assert.equal(arrived.headers["x-flag"], "false");
  assert.equal(arrived.headers["cookie"], "theme=dark; prefs=x,y");
  // An object cookie in the form style: each property a cookie when exploded, else one
  // cookie of key,value pairs, as the Python client sends them (tests/client/test_wire.py).
  await c.params.headerCookie({ layout: { cols: 3, dense: true }, window: { w: 640, h: 480 } });
  assert.equal(seen[1].headers["cookie"], "cols=3; dense=true; window=w,640,h,480");
});

test("a cookie credential is sent only where the operation's security asks for it", async () => {
  const c = client({ bearerAuth: "t", cookieKey: "ck" });
  await c.params.headerCookie({ theme: "dark" });
  await c.auth.cookie();
  const [parameters, credential] = seen;
  assert.equal(parameters.headers["cookie"], "theme=dark"); // the operation's security sends no cookie
  assert.equal(credential.headers["cookie"], "session=ck");
});
