// Streams of the generated TypeScript client (schemas/shared.yaml's, compiled to SDK_DIST)
// against a loopback server on 127.0.0.1: `chat.completions.create({ stream: true })` gives
// a `Stream` of parsed events, read as the Python client's `_streaming.py` reads them.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";

const sdk = await import(`${process.env.SDK_DIST}/index.js`);

let server;
let baseURL;
const seen = [];
let reply; // (request, response) => void, set by each test
let closed; // resolves when the server sees the client close the connection

before(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      const mine = closed; // a late close of an earlier test's response resolves its own
      response.on("close", () => mine.resolve(response.writableFinished));
      reply(request, response);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

function client() {
  seen.length = 0;
  closed = resolvers();
  return new sdk.Client({ apiKey: "t", inferenceBaseURL: baseURL, maxRetries: 0 });
}

function resolvers() {
  let resolve;
  const promise = new Promise((done) => (resolve = done));
  return { promise, resolve };
}

/** Whether the response had finished when its connection closed; fails after 2 s open. */
function connectionClosed() {
  const open = new Promise((_, reject) => {
    setTimeout(() => reject(new Error("the connection is still open")), 2000).unref();
  });
  return Promise.race([closed.promise, open]);
}

/** Writes `chunks` one after another, a few milliseconds apart, then ends (unless `hold`). */
function events(chunks, { type = "text/event-stream", hold = false } = {}) {
  return (request, response) => {
    response.writeHead(200, { "content-type": type, "x-request-id": "req_42" });
    let index = 0;
    const next = () => {
      if (index < chunks.length) {
        response.write(chunks[index++]);
        setTimeout(next, 5);
      } else if (!hold) {
        response.end();
      }
    };
    next();
  };
}

const chunk = (content) => JSON.stringify({ id: "c1", choices: [{ index: 0, delta: { content } }] });
const ask = { model: "m", messages: [{ role: "user", content: "hi" }] };

test("stream: true gives the parsed events; [DONE] ends them; comments and ids are skipped", async () => {
  const c = client();
  reply = events([
    ": a comment, then an event split across chunks\n",
    `id: 1\ndata: ${chunk("Hel")}`,
    "\n\n",
    `data: ${chunk("lo")}\r`, // a CRLF split between two chunks
    "\n\r\n",
    "data: [DONE]\n\n",
    `data: ${chunk("never read")}\n\n`,
  ]);
  const stream = await c.chat.completions.create({ ...ask, stream: true });
  assert.ok(stream instanceof sdk.Stream);
  const parts = [];
  for await (const event of stream) {
    parts.push(event.choices[0].delta.content);
  }
  assert.deepEqual(parts, ["Hel", "lo"]);
  assert.equal(seen[0].headers["accept"], "text/event-stream");
  assert.equal(JSON.parse(seen[0].body).stream, true);
});

test("without stream the same method returns the JSON response", async () => {
  const c = client();
  reply = (request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ id: "c2", choices: [] }));
  };
  const completion = await c.chat.completions.create(ask);
  assert.equal(completion.id, "c2");
  assert.equal(seen[0].headers["accept"], "application/json");
});

test("data lines join with newlines; an event the stream ends in the middle of is dropped", async () => {
  const c = client();
  reply = events(['data: {"id":\ndata: "multi",\ndata: "choices": []}\n\n', 'data: {"id": "cut"}\n']);
  const ids = [];
  for await (const event of await c.chat.completions.create({ ...ask, stream: true })) {
    ids.push(event.id);
  }
  assert.deepEqual(ids, ["multi"]);
});

test("an error event throws APIError with its message", async () => {
  const c = client();
  reply = events([`data: ${chunk("a")}\n\n`, 'event: error\ndata: {"error": {"message": "overloaded"}}\n\n']);
  const parts = [];
  await assert.rejects(
    (async () => {
      for await (const event of await c.chat.completions.create({ ...ask, stream: true })) {
        parts.push(event.choices[0].delta.content);
      }
    })(),
    (error) => {
      assert.ok(error instanceof sdk.APIError);
      assert.ok(error instanceof sdk.SDKError);
      assert.equal(error.message, "overloaded");
      return true;
    },
  );
  assert.deepEqual(parts, ["a"]);
});

test("an event whose data is not JSON throws APIResponseValidationError", async () => {
  const c = client();
  reply = events(["data: not json\n\n"]);
  const stream = await c.chat.completions.create({ ...ask, stream: true });
  await assert.rejects(
    (async () => {
      for await (const event of stream) assert.fail(`no event expected, got ${event}`);
    })(),
    sdk.APIResponseValidationError,
  );
});

test("stream.controller.abort() ends the loop quietly and closes the connection", async () => {
  const c = client();
  reply = events([`data: ${chunk("one")}\n\n`, `data: ${chunk("two")}\n\n`], { hold: true });
  const stream = await c.chat.completions.create({ ...ask, stream: true });
  const parts = [];
  for await (const event of stream) {
    parts.push(event.choices[0].delta.content);
    if (parts.length === 2) {
      stream.controller.abort();
    }
  }
  assert.deepEqual(parts, ["one", "two"]);
  assert.equal(await connectionClosed(), false); // closed by the client, the response unfinished
});

test("breaking out of the loop closes the connection too", async () => {
  const c = client();
  reply = events([`data: ${chunk("one")}\n\n`], { hold: true });
  for await (const event of await c.chat.completions.create({ ...ask, stream: true })) {
    assert.equal(event.choices[0].delta.content, "one");
    break;
  }
  assert.equal(await connectionClosed(), false);
});

test("the call's signal cancels a stream while it is read", async () => {
  const c = client();
  reply = events([`data: ${chunk("one")}\n\n`], { hold: true });
  const controller = new AbortController();
  const stream = await c.chat.completions.create({ ...ask, stream: true }, { signal: controller.signal });
  const parts = [];
  for await (const event of stream) {
    parts.push(event.choices[0].delta.content);
    controller.abort();
  }
  assert.deepEqual(parts, ["one"]);
  assert.equal(await connectionClosed(), false);
});

test("JSON Lines are read one value a line, by the response's media type", async () => {
  const c = client();
  reply = events([`${chunk("a")}\n\x1e${chunk("b")}\n\n`, chunk("c")], { type: "application/x-ndjson" });
  const parts = [];
  for await (const event of await c.chat.completions.create({ ...ask, stream: true })) {
    parts.push(event.choices[0].delta.content);
  }
  assert.deepEqual(parts, ["a", "b", "c"]);
});

test("withRawResponse() gives the stream with the response's status and headers", async () => {
  const c = client();
  reply = events([`data: ${chunk("x")}\n\n`]);
  const raw = await c.chat.completions.create({ ...ask, stream: true }).withRawResponse();
  assert.equal(raw.status, 200);
  assert.equal(raw.requestId, "req_42");
  assert.equal(raw.headers.get("content-type"), "text/event-stream");
  const parts = [];
  for await (const event of raw.data) parts.push(event.choices[0].delta.content);
  assert.deepEqual(parts, ["x"]);
});

test("an error status throws before any event is read", async () => {
  const c = client();
  reply = (request, response) => {
    response.writeHead(429, { "content-type": "application/json" });
    response.end(JSON.stringify({ message: "slow down" }));
  };
  await assert.rejects(c.chat.completions.create({ ...ask, stream: true }), sdk.RateLimitError);
});
