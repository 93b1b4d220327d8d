// The Twilio api_v2010 TypeScript client (compiled to SDK_DIST) against a Prism mock of
// its spec. PLAN (written by tests/test_typescript_prism.py from the IR) lists every GET
// operation: how the client spells it, its arguments, the path it must reach and the
// fields of its answer as the package's TypeScript types and the spec's schema declare them.
//
// Prism checks each request against the spec; its `sl-violations` header lists what
// broke it (a `request` violation is the client's fault) and answers from the spec's
// examples, the same answer to every call of an operation.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const sdk = await import(`${process.env.SDK_DIST}/index.js`);
const plan = JSON.parse(readFileSync(process.env.PLAN, "utf8"));
const { account, baseURL } = plan;
const basic = `Basic ${Buffer.from(`${account}:token`).toString("base64")}`;

/** Every exchange of the current test: what was sent and what Prism said of it. */
const exchanges = [];
const tally = { calls: 0, typed: 0, pagesWalked: 0, drift: 0, brokenLinks: [] };

async function recordingFetch(input, init) {
  const response = await fetch(input, init);
  const violations = JSON.parse(response.headers.get("sl-violations") ?? "[]");
  exchanges.push({
    url: new URL(String(input)),
    authorization: new Headers(init?.headers).get("authorization"),
    status: response.status,
    request: violations.filter((v) => v.location[0] === "request"),
  });
  return response;
}

function client(options = { username: account, password: "token" }) {
  exchanges.length = 0;
  return new sdk.Client({ baseURL, maxRetries: 0, fetch: recordingFetch, ...options });
}

function resourceOf(root, op) {
  return op.resource.reduce((found, attribute) => found[attribute], root);
}

function call(root, op, args = op.args) {
  const resource = resourceOf(root, op);
  assert.equal(typeof resource[op.method], "function", `${op.name} is no method`);
  return resource[op.method](...args, ...(op.params ? [op.params] : []));
}

function kindOf(value) {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

/**
 * Where a parsed answer differs from the interface the package declares for it: a key the
 * spec declares and the interface does not, or a value the property's type does not admit
 * although the spec's own schema does. An answer that breaks the spec itself (a key neither
 * declares, a value the spec's schema refuses: Twilio's examples quote some numbers) is the
 * spec's drift, which the client tolerates (types only): counted, not failed.
 */
function differences(value, shape, where) {
  if (kindOf(value) !== "object") {
    return [`${where}: ${kindOf(value)}, not an object`];
  }
  const found = [];
  for (const [key, item] of Object.entries(value)) {
    const field = shape[key];
    const kind = kindOf(item);
    if (field === undefined) {
      tally.drift += 1;
    } else if (!("ts" in field)) {
      found.push(`${where}.${key}: in the spec, not in the type`);
    } else if (field.ts !== null && !field.ts.includes(kind)) {
      if (field.spec === null || field.spec?.includes(kind)) {
        found.push(`${where}.${key}: ${kind}, declared ${field.ts.join(" | ")}; the spec admits it`);
      } else {
        tally.drift += 1;
      }
    }
  }
  return found;
}

function checkExchange(op, exchange, path = op.path) {
  assert.equal(exchange.url.pathname, path, `${op.name} reached another path`);
  assert.equal(exchange.authorization, basic, `${op.name} sent other credentials`);
  assert.deepEqual(exchange.request, [], `Prism rejected the request of ${op.name}`);
}

function checkTyped(op, result) {
  const found = [];
  if (op.pages) {
    assert.ok(Array.isArray(result.items), `${op.name}: a page has its items`);
    if (op.shape) found.push(...differences(result.body, op.shape, "body"));
    if (op.itemShape) {
      const at = op.items.join(".");
      result.items.forEach((item, index) => found.push(...differences(item, op.itemShape, `body.${at}.${index}`)));
    }
  } else if (op.shape) {
    found.push(...differences(result, op.shape, "body"));
  }
  assert.deepEqual(found, [], `${op.name}: the answer is not what the types say`);
  tally.typed += op.shape || op.itemShape ? 1 : 0;
}

for (const op of plan.operations) {
  test(`GET ${op.name}`, async () => {
    const c = client();
    if (op.redirect) {
      // No 2xx in the spec: the client throws an APIError with the 3xx Prism answered.
      await assert.rejects(call(c, op), (error) => {
        assert.ok(error instanceof sdk.APIError, String(error));
        assert.ok(error.status >= 300 && error.status < 400, `${op.name}: ${error.status}`);
        return true;
      });
    } else {
      const result = await call(c, op);
      assert.ok(result !== undefined && result !== null, `${op.name} returned nothing`);
      assert.equal(exchanges.length, 1);
      assert.ok(exchanges[0].status >= 200 && exchanges[0].status < 300);
      checkTyped(op, result);
    }
    checkExchange(op, exchanges.at(-1));
    tally.calls += 1;
  });
}

test("a list follows the next_page_uri of its answer, and stops when it no longer moves", async () => {
  // Prism answers every page with the same example. Where its next_page_uri asks for page
  // 1, the first page leads there, and the second page's link asks for itself: the walk
  // ends. Where it is null, the first page is the last.
  const lists = plan.operations.filter((op) => op.pages);
  let walked = 0;
  let linked = 0;
  for (const op of lists) {
    const first = await call(client(), op);
    if (first.body.next_page_uri == null) {
      assert.equal(first.hasNextPage(), false, op.name);
      const items = [];
      for await (const item of first) items.push(item);
      assert.equal(items.length, first.items.length);
      assert.equal(exchanges.length, 1, `${op.name}: no request after the last page`);
      continue;
    }
    linked += 1;
    assert.equal(first.hasNextPage(), true, op.name);
    const link = new URL(first.body.next_page_uri, baseURL);
    const second = await first.getNextPage().catch((error) => error);
    // The request for the next page is the link the answer gave: its path and its query.
    assert.equal(exchanges.length, 2);
    assert.equal(exchanges[1].url.pathname, link.pathname, op.name);
    assert.deepEqual([...exchanges[1].url.searchParams].sort(), [...link.searchParams].sort(), op.name);
    assert.equal(exchanges[1].authorization, basic);
    if (second instanceof sdk.UnprocessableEntityError) {
      // The spec's example link breaks the spec's own parameters (`StartTime=2008-01-02`
      // for a date-time): the client sent what the API said, Prism refuses it.
      tally.brokenLinks.push(op.name);
      continue;
    }
    assert.ok(!(second instanceof Error), `${op.name}: ${second}`);
    assert.deepEqual(exchanges[1].request, [], `Prism rejected the next page of ${op.name}`);
    assert.equal(second.hasNextPage(), false, `${op.name}: a link that does not move is the last`);
    const pages = [];
    for await (const page of first.iterPages()) pages.push(page.items.length);
    assert.deepEqual(pages, [first.items.length, second.items.length]);
    const items = [];
    for await (const item of await call(client(), op)) items.push(item);
    assert.equal(items.length, first.items.length + second.items.length, `${op.name}: every item of every page`);
    walked += 1;
  }
  tally.pagesWalked = walked;
  assert.equal(walked + tally.brokenLinks.length, linked);
  assert.ok(walked > 0 && lists.length > 20);
});

test("the credentials come from the environment when the options give none", async () => {
  const op = plan.operations.find((o) => !o.redirect && o.args.length > 0);
  process.env.TWILIO_API_SDK_USERNAME = account;
  process.env.TWILIO_API_SDK_PASSWORD = "token";
  try {
    await call(client({}), op);
    checkExchange(op, exchanges[0]);
  } finally {
    delete process.env.TWILIO_API_SDK_USERNAME;
    delete process.env.TWILIO_API_SDK_PASSWORD;
  }
});

test("without credentials the client is refused; a request without them gets Prism's 401: AuthenticationError", async () => {
  assert.throws(() => client({}), (error) => error instanceof sdk.SDKError && !(error instanceof sdk.APIError));
  // As a proxy that drops the header would send it: the client's credentials never reach Prism.
  const withoutAuthorization = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.delete("authorization");
    return recordingFetch(input, { ...init, headers });
  };
  const op = plan.operations.find((o) => !o.redirect && o.args.length > 0);
  await assert.rejects(call(client({ username: account, password: "token", fetch: withoutAuthorization }), op), (error) => {
    assert.ok(error instanceof sdk.AuthenticationError, String(error));
    assert.ok(error instanceof sdk.APIError && error instanceof sdk.SDKError);
    assert.equal(error.status, 401);
    return true;
  });
  assert.equal(exchanges[0].authorization, null);
});

test("a path parameter that breaks its pattern: Prism answers 422, UnprocessableEntityError", async () => {
  const op = plan.operations.find((o) => !o.redirect && o.args.length > 0);
  await assert.rejects(call(client(), op, ["nope", ...op.args.slice(1)]), (error) => {
    assert.ok(error instanceof sdk.UnprocessableEntityError, String(error));
    assert.equal(error.status, 422);
    assert.ok(
      error.body.validation.some((v) => v.location[0] === "path"),
      JSON.stringify(error.body),
    );
    return true;
  });
  console.log(
    `sweep: ${tally.calls} calls, ${tally.typed} answers checked against their types, ` +
      `${tally.pagesWalked} lists paged, ${tally.drift} values where the answer breaks the spec itself, ` +
      `next links the spec's own parameters refuse: ${tally.brokenLinks.join(", ") || "none"}`,
  );
});
