// The generated TypeScript client of the golden `wire` spec (compiled to SDK_DIST) against a
// loopback server on 127.0.0.1: downloads, raw responses, the attempt timeout, server
// variables and path parameter styles, as the Python client sends and reads them.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";

const sdk = await import(`${process.env.SDK_DIST}/index.js`);

let server;
let baseURL;
const seen = [];
const replies = []; // (request, response) => void, one per request, queued by a test

before(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      (replies.shift() ?? json({ ok: true }))(request, response);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

function client(options = {}) {
  seen.length = 0;
  replies.length = 0;
  return new sdk.Client({ bearerAuth: "t", baseURL, maxRetries: 0, ...options });
}

function json(value, headers = {}) {
  return (request, response) => {
    response.writeHead(200, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(value));
  };
}

/** Headers at once, the body `delay` milliseconds later. */
function slowBody(type, body, delay) {
  return (request, response) => {
    response.writeHead(200, { "content-type": type });
    response.flushHeaders();
    const timer = setTimeout(() => response.end(body), delay);
    response.on("close", () => clearTimeout(timer));
  };
}

const audio = Buffer.from([0xff, 0xfb, 0x90, 0x00, 0x01, 0x02, 0x03]);

test("a binary response is a Response: its bytes, its body stream, its headers", async () => {
  const c = client();
  const reply = (request, response) => {
    response.writeHead(200, { "content-type": "audio/mpeg", "content-length": audio.length });
    response.end(audio);
  };
  replies.push(reply, reply);
  const speech = await c.speech.create({ input: "hello" });
  assert.ok(speech instanceof Response);
  assert.equal(speech.headers.get("content-type"), "audio/mpeg");
  assert.deepEqual(Buffer.from(await speech.arrayBuffer()), audio);
  assert.equal(seen[0].headers["accept"], "audio/mpeg"); // asked as the spec answers
  assert.deepEqual(JSON.parse(seen[0].body), { input: "hello" });

  const streamed = await c.speech.create({ input: "again" });
  const chunks = [];
  for await (const chunk of streamed.body) chunks.push(chunk);
  assert.deepEqual(Buffer.concat(chunks), audio);
});

test("a download's body is read when asked, after the attempt's timeout has stopped", async () => {
  const c = client({ timeout: 150 });
  replies.push(slowBody("audio/mpeg", audio, 300));
  const speech = await c.speech.create({ input: "slow" });
  assert.deepEqual(Buffer.from(await (await speech.blob()).arrayBuffer()), audio);
});

test("withRawResponse() gives the parsed data with the status, headers and request id", async () => {
  const c = client();
  const file = { id: "f1", purpose: "batch", bytes: 3, sid: "x".repeat(34) };
  replies.push(json(file, { "x-request-id": "req_1" }), json(file));
  const raw = await c.files.retrieve("f1").withRawResponse();
  assert.equal(raw.status, 200);
  assert.equal(raw.requestId, "req_1");
  assert.equal(raw.headers.get("content-type"), "application/json");
  assert.deepEqual(raw.data, file);
  assert.ok(raw.response instanceof Response);
  assert.equal((await c.files.retrieve("f1")).id, "f1"); // awaited, the data alone
  assert.equal(seen.length, 2);
});

test("withRawResponse() throws the typed error of an error response", async () => {
  const c = client();
  replies.push((request, response) => {
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ message: "no such file" }));
  });
  await assert.rejects(c.files.retrieve("gone").withRawResponse(), (error) => {
    assert.ok(error instanceof sdk.NotFoundError);
    assert.equal(error.status, 404);
    return true;
  });
});

test("the timeout bounds the whole attempt: a body trickling in too slowly times out", async () => {
  const c = client({ timeout: 150 });
  replies.push(slowBody("application/json", JSON.stringify({ ok: true }), 1000));
  const started = Date.now();
  await assert.rejects(c.auth.default(), sdk.APITimeoutError);
  assert.ok(Date.now() - started < 900, "the attempt was not cut at its timeout");
});

test("an attempt that timed out in its body is tried again, with a fresh timeout", async () => {
  const c = client({ timeout: 150, maxRetries: 1 });
  replies.push(slowBody("application/json", JSON.stringify({ ok: false }), 1000), json({ ok: true }));
  assert.deepEqual(await c.auth.default(), { ok: true });
  assert.equal(seen.length, 2);
});

/** A client whose `fetch` records each URL it is asked for, then asks the loopback server. */
function routed(options = {}) {
  const urls = [];
  const fetchVia = (url, init) => {
    urls.push(String(url));
    const found = new URL(url);
    return fetch(`${baseURL}${found.pathname}${found.search}`, init);
  };
  seen.length = 0;
  replies.length = 0;
  return { urls, c: new sdk.Client({ bearerAuth: "t", maxRetries: 0, fetch: fetchVia, ...options }) };
}

test("the server URL's variables default to the spec's; each is a client option", async () => {
  const defaults = routed();
  await defaults.c.auth.default();
  assert.equal(defaults.urls[0], "https://us.api.example.com/v1/auth/default");
  const chosen = routed({ region: "eu", version: "v2" });
  await chosen.c.auth.default();
  assert.equal(chosen.urls[0], "https://eu.api.example.com/v2/auth/default");
});

test("a server variable is read from its environment variable when not given", async () => {
  process.env.WIRE_SDK_REGION = "eu";
  try {
    const { urls, c } = routed();
    await c.auth.default();
    assert.equal(urls[0], "https://eu.api.example.com/v1/auth/default");
  } finally {
    delete process.env.WIRE_SDK_REGION;
  }
});

test("a value outside the variable's enum is refused; baseURL replaces the whole URL", async () => {
  assert.throws(
    () => routed({ region: "mars" }),
    (error) => {
      assert.ok(error instanceof sdk.SDKError);
      assert.equal(error.message, '"region" must be one of "us", "eu", not "mars"');
      return true;
    },
  );
  const c = client({ region: "mars" }); // not checked: the URL is not used
  await c.auth.default();
  assert.equal(seen[0].url, "/auth/default");
});

test("an operation's own server takes its own variables and base URL option", async () => {
  const zoneA = routed();
  await zoneA.c.uploads.create();
  assert.equal(zoneA.urls[0], "https://a.upload.example.com/uploads");
  const zoneB = routed({ zone: "b" });
  await zoneB.c.uploads.create();
  assert.equal(zoneB.urls[0], "https://b.upload.example.com/uploads");
  process.env.WIRE_SDK_UPLOAD_BASE_URL = `${baseURL}/from-env`;
  try {
    const c = client();
    await c.uploads.create();
    assert.equal(seen[0].url, "/from-env/uploads");
  } finally {
    delete process.env.WIRE_SDK_UPLOAD_BASE_URL;
  }
  const direct = client({ uploadBaseURL: `${baseURL}/up` });
  await direct.uploads.create();
  assert.equal(seen[0].url, "/up/uploads");
});

test("path parameters in the simple, label and matrix styles, exploded or not, as the Python client", async () => {
  const c = client();
  await c.params.path([1, 2], ["a", "b/c"], ["x", "y"], { r: 1, g: 2 });
  assert.equal(seen[0].url, "/params/path/1,2/.a,b%2Fc/;matrix=x;matrix=y/r=1,g=2");
  await c.params.path([3], ["d"], ["z"], { only: 0 });
  assert.equal(seen[1].url, "/params/path/3/.d/;matrix=z/only=0");
  await assert.rejects(c.params.path([], ["a"], ["b"], {}), /the path parameter "pet-id" must not be empty/);
});

test("header parameters are simple: a list joined with commas", async () => {
  const c = client();
  await c.params.headerCookie({ x_trace: ["a", "b"], x_flag: false, theme: "dark", prefs: ["x", "y"] });
  assert.equal(seen[0].headers["x-trace"], "a,b");
  assert.equal(seen[0].headers["x-flag"], "false");
  assert.equal(seen[0].headers["cookie"], "theme=dark; prefs=x,y");
});
