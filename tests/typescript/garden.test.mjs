// Wire tests of the golden `typescript_target` client (compiled to SDK_DIST): an API key in
// a header, an operation that sends no credentials, header and pipe-delimited query
// parameters, a text body and a text response.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";

const sdk = await import(`${process.env.SDK_DIST}/index.js`);

let server;
let baseURL;
const seen = [];
const replies = []; // [status, contentType, text] queued by a test

before(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      const [status, type, text] = replies.shift() ?? [200, "application/json", "[]"];
      response.writeHead(status, type ? { "content-type": type } : {});
      response.end(text);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

function client() {
  seen.length = 0;
  return new sdk.Client({ apiKey: "garden-key", baseURL, maxRetries: 0 });
}

test("an API key goes in its header; query styles and header parameters are sent", async () => {
  const c = client();
  replies.push([200, "application/json", JSON.stringify([{ name: "north" }])]);
  const beds = await c.beds.list({ kinds: ["herb", "flower"], sunny: true, x_request_source: "test" });
  assert.equal(beds[0].name, "north");
  assert.equal(seen[0].headers["x-garden-key"], "garden-key");
  assert.equal(seen[0].headers["x-request-source"], "test");
  const url = new URL(seen[0].url, baseURL);
  assert.equal(url.searchParams.get("kinds"), "herb|flower");
  assert.equal(url.searchParams.get("sunny"), "true");
});

test("an operation whose security is empty sends no credentials and reads no body", async () => {
  const c = client();
  replies.push([204, "", ""]);
  const result = await c.beds.plants.delete("north bed", 5);
  assert.equal(result, undefined);
  assert.equal(seen[0].method, "DELETE");
  assert.equal(seen[0].url, "/beds/north%20bed/plants/5");
  assert.equal(seen[0].headers["x-garden-key"], undefined);
});

test("a text body is sent as text and a text response read as a string", async () => {
  const c = client();
  replies.push([200, "text/plain", "water on Mondays"]);
  const notes = await c.beds.notes.update("north", { body: "water on Mondays" });
  assert.equal(notes, "water on Mondays");
  assert.equal(seen[0].headers["content-type"], "text/plain; charset=utf-8");
  assert.equal(seen[0].body, "water on Mondays");
});

test("a JSON body sends only the fields given", async () => {
  const c = client();
  replies.push([201, "application/json", JSON.stringify({ id: 1, name: "basil", kind: "herb" })]);
  const plant = await c.beds.plants.create("north", { name: "basil", kind: "herb" });
  assert.equal(plant.id, 1);
  assert.deepEqual(JSON.parse(seen[0].body), { name: "basil", kind: "herb" });
});

test("without an idempotency key a POST is tried again only where the server did not act", async () => {
  const c = new sdk.Client({ apiKey: "garden-key", baseURL, maxRetries: 2 });
  seen.length = 0;
  replies.push([503, "application/json", JSON.stringify({ message: "busy" })]);
  await assert.rejects(c.beds.plants.create("north", { name: "basil", kind: "herb" }), sdk.InternalServerError);
  assert.equal(seen.length, 1); // the server may have planted it: not sent again
  assert.equal(seen[0].headers["idempotency-key"], undefined);

  seen.length = 0;
  replies.push([429, "application/json", "{}"], [201, "application/json", JSON.stringify({ id: 2 })]);
  const plant = await c.beds.plants.create("north", { name: "basil", kind: "herb" });
  assert.equal(plant.id, 2);
  assert.equal(seen.length, 2); // a 429 was not acted on

  seen.length = 0;
  replies.push([503, "application/json", "{}"], [200, "application/json", "[]"]);
  await c.beds.list();
  assert.equal(seen.length, 2); // a GET is idempotent
});

test("a list that does not page iterates its items, as the Python model does; its JSON is unchanged", async () => {
  const c = client();
  const body = { object: "list", data: [{ name: "Ann", since: 2019 }, { name: "Bo" }] };
  replies.push([200, "application/json", JSON.stringify(body)]);
  const gardeners = await c.gardeners.list();
  assert.deepEqual([...gardeners].map((g) => g.name), ["Ann", "Bo"]);
  const names = [];
  for (const gardener of gardeners) names.push(gardener.name);
  assert.deepEqual(names, ["Ann", "Bo"]);
  assert.deepEqual(Object.keys(gardeners), ["object", "data"]); // the iterator is not a field
  assert.equal(JSON.stringify(gardeners), JSON.stringify(body));
  assert.equal(seen[0].url, "/gardeners");

  replies.push([200, "application/json", JSON.stringify(body)]);
  const { data } = await c.gardeners.list().withRawResponse();
  assert.equal([...data].length, 2); // the raw response's data iterates too

  replies.push([200, "application/json", JSON.stringify({ object: "list" })]);
  assert.deepEqual([...(await c.gardeners.list())], []); // a newer server's missing array: no items
});
