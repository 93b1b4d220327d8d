// Wire tests of a generated TypeScript client (schemas/shared.yaml's), compiled to
// SDK_DIST, against a loopback server on 127.0.0.1: what goes out and what comes back.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";

const sdk = await import(`${process.env.SDK_DIST}/index.js`);

let server;
let baseURL;
const seen = [];
const script = []; // responses queued by a test: [status, headers, body, delayMs]
let active = 0; // requests arrived and not yet answered
let peak = 0; // the most at once, since a test last reset it

before(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    active++;
    peak = Math.max(peak, active);
    request.on("end", () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      const [status, headers, reply, delay] = script.shift() ?? [200, {}, {}, 0];
      setTimeout(() => {
        response.writeHead(status, { "content-type": "application/json", ...headers });
        active--;
        response.end(JSON.stringify(reply));
      }, delay ?? 0);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

function client(options = {}) {
  seen.length = 0;
  script.length = 0;
  return new sdk.Client({ apiKey: "secret-token", baseURL, maxRetries: 0, ...options });
}

test("a JSON call sends its body and returns the parsed response", async () => {
  const c = client();
  script.push([202, {}, { droplet: { id: 7, name: "web" } }]);
  const created = await c.droplets.create({ name: "web", region: "nyc3", size: "s-1vcpu-1gb", image: "ubuntu" });
  assert.equal(created.droplet.id, 7);
  assert.equal(seen[0].method, "POST");
  assert.equal(seen[0].url, "/v2/droplets");
  assert.equal(seen[0].headers["content-type"], "application/json");
  assert.deepEqual(JSON.parse(seen[0].body), { name: "web", region: "nyc3", size: "s-1vcpu-1gb", image: "ubuntu" });
});

test("path parameters are positional and encoded; query parameters go in the URL", async () => {
  const c = client();
  script.push([200, {}, { droplet: { id: 1 } }], [200, {}, { droplets: [], links: {}, meta: { total: 0 } }]);
  await c.droplets.retrieve(42);
  await c.droplets.list({ page: 2, per_page: 5, tag_name: "a b" });
  assert.equal(seen[0].url, "/v2/droplets/42");
  const url = new URL(seen[1].url, baseURL);
  assert.equal(url.pathname, "/v2/droplets");
  assert.equal(url.searchParams.get("page"), "2");
  assert.equal(url.searchParams.get("per_page"), "5");
  assert.equal(url.searchParams.get("tag_name"), "a b");
});

test("the credential is sent as the IR's auth says", async () => {
  const c = client();
  await c.regions.list();
  assert.equal(seen[0].headers["authorization"], "Bearer secret-token");
});

test("the credential is read from the environment when not given", async () => {
  process.env.DIGITALOCEAN_ACCESS_TOKEN = "from-env";
  try {
    seen.length = 0;
    const c = new sdk.Client({ baseURL, maxRetries: 0 });
    await c.regions.list();
    assert.equal(seen[0].headers["authorization"], "Bearer from-env");
  } finally {
    delete process.env.DIGITALOCEAN_ACCESS_TOKEN;
  }
});

test("a 503 is tried again after what Retry-After asks, with the same idempotency key", async () => {
  const c = client({ maxRetries: 2 });
  script.push([503, { "retry-after": "0" }, { message: "busy" }], [202, {}, { droplet: { id: 3 } }]);
  const created = await c.droplets.create({ name: "a", region: "nyc3", size: "s", image: "ubuntu" });
  assert.equal(created.droplet.id, 3);
  assert.equal(seen.length, 2);
  assert.ok(seen[0].headers["idempotency-key"]);
  assert.equal(seen[0].headers["idempotency-key"], seen[1].headers["idempotency-key"]);
});

test("logging: debug gives each request and response, info the retries only, never a credential", async () => {
  const logged = [];
  const logger = {
    debug: (message) => logged.push(["debug", message]),
    info: (message) => logged.push(["info", message]),
  };
  const call = async (options) => {
    logged.length = 0;
    const c = client({ maxRetries: 1, logger, ...options });
    script.push([503, { "retry-after": "0", "x-request-id": "req_9" }, {}], [200, {}, { droplet: { id: 1 } }]);
    await c.droplets.retrieve(5);
    return logged.map(([level, message]) => [level, message.replace(/in \d+\.\d+ s/, "in T s")]);
  };
  const url = `${baseURL}/v2/droplets/5`;
  assert.deepEqual(await call({ logLevel: "debug" }), [
    ["debug", `Request: GET ${url}`],
    ["debug", `Response: GET ${url} 503 Service Unavailable in T s (request id req_9)`],
    ["info", `Retrying GET ${url} in T s after status 503`],
    ["debug", `Request: GET ${url} (retry 1)`],
    ["debug", `Response: GET ${url} 200 OK in T s (request id null)`],
  ]);
  assert.deepEqual(await call({ logLevel: "info" }), [["info", `Retrying GET ${url} in T s after status 503`]]);
  assert.deepEqual(await call({}), []); // off by default
  process.env.SHARED_SDK_LOG = "INFO";
  try {
    assert.equal((await call({})).length, 1); // the environment variable, in any case
    assert.deepEqual(await call({ logLevel: "off" }), []); // the option wins
  } finally {
    delete process.env.SHARED_SDK_LOG;
  }
});

test("maxInFlight caps the requests on the wire; the others wait their turn", async () => {
  const ids = [1, 2, 3, 4, 5];
  for (const [maxInFlight, expected] of [[2, 2], [undefined, 5]]) {
    const c = client({ maxInFlight });
    script.push(...ids.map((id) => [200, {}, { droplet: { id } }, 200]));
    peak = 0;
    const found = await Promise.all(ids.map((id) => c.droplets.retrieve(id)));
    assert.deepEqual(found.map((answer) => answer.droplet.id).sort(), ids); // every call answered
    assert.deepEqual(seen.map((arrived) => arrived.url).sort(), ids.map((id) => `/v2/droplets/${id}`));
    assert.equal(peak, expected);
  }
  assert.throws(() => client({ maxInFlight: 0 }), sdk.SDKError);
});

test("get, post ... call an endpoint the SDK does not describe, with its credentials, retries and errors", async () => {
  const c = client({ maxRetries: 1 });
  script.push(
    [200, {}, { ok: 1 }],
    [503, { "retry-after": "0" }, {}],
    [201, {}, { made: true }],
    [404, {}, { message: "gone" }],
  );
  assert.deepEqual(await c.get("/v2/new-endpoint", { query: { limit: 10 } }), { ok: 1 });
  assert.deepEqual(await c.post("/v2/new-endpoint", { body: { x: 1 }, headers: { "X-Extra": "1" } }), { made: true });
  await assert.rejects(c.delete(`${baseURL}/v2/elsewhere`), sdk.NotFoundError); // a whole URL
  assert.deepEqual(
    seen.map((arrived) => [arrived.method, arrived.url]),
    [
      ["GET", "/v2/new-endpoint?limit=10"],
      ["POST", "/v2/new-endpoint"],
      ["POST", "/v2/new-endpoint"],
      ["DELETE", "/v2/elsewhere"],
    ],
  );
  assert.ok(seen.every((arrived) => arrived.headers["authorization"] === "Bearer secret-token"));
  assert.deepEqual(JSON.parse(seen[1].body), { x: 1 });
  assert.equal(seen[1].headers["x-extra"], "1");
  assert.equal(seen[1].headers["idempotency-key"], seen[2].headers["idempotency-key"]);
});

test("a 404 throws NotFoundError, an APIError and an SDKError", async () => {
  const c = client();
  script.push([404, {}, { id: "not_found", message: "The resource was not found." }]);
  await assert.rejects(c.droplets.retrieve(9), (error) => {
    assert.ok(error instanceof sdk.NotFoundError);
    assert.ok(error instanceof sdk.APIError);
    assert.ok(error instanceof sdk.SDKError);
    assert.equal(error.status, 404);
    assert.equal(error.body.id, "not_found");
    assert.match(error.message, /not found/);
    return true;
  });
});

test("an error's code, param, type and request id are read from the usual envelopes", async () => {
  const c = client();
  const cases = [
    // {"error": {...}} (OpenAI, Stripe)
    [{ "x-request-id": "req_1" }, { error: { message: "Bad key.", code: "invalid_api_key", param: "key", type: "auth" } }],
    // {"errors": [...]} (GitHub, Shopify)
    [{}, { errors: [{ message: "Name is taken.", field: "name", code: "taken" }], request_id: "req_2" }],
    // RFC 7807 problem details
    [{ "request-id": "req_3" }, { type: "https://example.com/probs/out-of-credit", title: "Out of credit", detail: "Balance 30", status: 400 }],
    // OAuth 2
    [{}, { error: "invalid_grant", error_description: "The code expired." }],
  ];
  const found = [];
  for (const [headers, body] of cases) {
    script.push([400, headers, body]);
    await assert.rejects(c.droplets.retrieve(1), (error) => {
      assert.ok(error instanceof sdk.BadRequestError);
      found.push([error.message, error.code, error.param, error.type, error.requestId]);
      return true;
    });
  }
  assert.deepEqual(found, [
    ["400 Bad key.", "invalid_api_key", "key", "auth", "req_1"],
    ["400 Name is taken.", "taken", "name", undefined, "req_2"],
    ["400 Out of credit: Balance 30", undefined, undefined, "https://example.com/probs/out-of-credit", "req_3"],
    ["400 The code expired.", "invalid_grant", undefined, undefined, undefined],
  ]);
});

test("an attempt longer than the timeout throws APITimeoutError", async () => {
  const c = client({ timeout: 100 });
  script.push([200, {}, {}, 1000]);
  await assert.rejects(c.regions.list(), (error) => {
    assert.ok(error instanceof sdk.APITimeoutError);
    assert.ok(error instanceof sdk.SDKError);
    return true;
  });
});

test("a list pages: await gives the first page, for await walks every item of every page", async () => {
  const c = client();
  const pageOne = {
    droplets: [{ id: 1 }, { id: 2 }],
    links: { pages: { next: `${baseURL}/v2/droplets?page=2&per_page=2`, last: "x" } },
    meta: { total: 3 },
  };
  const pageTwo = { droplets: [{ id: 3 }], links: { pages: { prev: "x", first: "x" } }, meta: { total: 3 } };
  script.push([200, {}, pageOne], [200, {}, pageTwo]);
  const ids = [];
  for await (const droplet of c.droplets.list({ per_page: 2, tag_name: "web" })) {
    ids.push(droplet.id);
  }
  assert.deepEqual(ids, [1, 2, 3]);
  assert.equal(seen.length, 2);
  const second = new URL(seen[1].url, baseURL);
  assert.equal(second.searchParams.get("page"), "2");
  assert.equal(second.searchParams.get("tag_name"), "web"); // the caller's query is kept

  seen.length = 0;
  script.push([200, {}, pageOne], [200, {}, pageTwo]);
  const first = await c.droplets.list({ per_page: 2 });
  assert.deepEqual(first.items.map((d) => d.id), [1, 2]);
  assert.equal(first.body.meta.total, 3);
  assert.equal(first.hasNextPage(), true);
  const pages = [];
  for await (const page of first.iterPages()) {
    pages.push(page.items.length);
  }
  assert.deepEqual(pages, [2, 1]);
  assert.equal(seen.length, 2);
});

test("a list's withRawResponse() gives its first page with the response's status and headers", async () => {
  const c = client();
  const page = { droplets: [{ id: 1 }], links: {}, meta: { total: 1 } };
  script.push([200, { "x-request-id": "req_7" }, page]);
  const raw = await c.droplets.list({ per_page: 1 }).withRawResponse();
  assert.equal(raw.status, 200);
  assert.equal(raw.requestId, "req_7");
  assert.ok(raw.data instanceof sdk.Page);
  assert.deepEqual(raw.data.items, [{ id: 1 }]);
  assert.equal(raw.data.hasNextPage(), false);
});
