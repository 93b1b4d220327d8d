// Webhooks of the golden `webhooks` client (compiled to SDK_DIST): the Standard Webhooks
// signature checked by Web Crypto, the event read, and every way a webhook is refused.
// Signatures are made here with node:crypto, independently of the SDK; one is the
// Standard Webhooks reference vector.
import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { test } from "node:test";

const sdk = await import(`${process.env.SDK_DIST}/index.js`);

const KEY = randomBytes(24);
const SECRET = `whsec_${KEY.toString("base64")}`;
const ENV_VAR = "WEBHOOKS_SDK_WEBHOOK_SECRET";

function sign(body, { id = "msg_1", at = Math.floor(Date.now() / 1000), key = KEY } = {}) {
  const signature = createHmac("sha256", key).update(`${id}.${at}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": String(at), "webhook-signature": `v1,${signature}` };
}

function client(options = {}) {
  return new sdk.Client({ apiKey: "key", webhookSecret: SECRET, ...options });
}

const CREATED = JSON.stringify({ event: "pet.created", pet: { id: 7, name: "Rex" } });

test("a webhook posted to a loopback server is verified and read as its event", async () => {
  const c = client();
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
      try {
        // The body as bytes, the headers as Node gives them.
        const event = await c.webhookEvents.unwrap(new Uint8Array(Buffer.concat(chunks)), request.headers);
        received.push(event);
        response.writeHead(200).end();
      } catch (error) {
        received.push(error);
        response.writeHead(400).end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/hook`;
  try {
    const ok = await fetch(url, { method: "POST", body: CREATED, headers: sign(CREATED) });
    assert.equal(ok.status, 200);
    assert.deepEqual(received[0], { event: "pet.created", pet: { id: 7, name: "Rex" } });
    const forged = await fetch(url, {
      method: "POST",
      body: CREATED.replace("7", "8"),
      headers: sign(CREATED),
    });
    assert.equal(forged.status, 400);
    assert.ok(received[1] instanceof sdk.InvalidWebhookSignatureError);
    assert.equal(received[1].message, "No webhook signature matches the secret");
  } finally {
    server.close();
  }
});

test("the Standard Webhooks reference vector verifies, and fails a second later by its clock", async () => {
  const body = '{"test": 2432232314}';
  const headers = {
    "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
    "webhook-timestamp": "1614265330",
    "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  };
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  await sdk.verifySignature(body, headers, secret, { now: 1614265330 });
  await assert.rejects(sdk.verifySignature(body, headers, secret, { now: 1614265330 + 301 }), {
    name: "InvalidWebhookSignatureError",
    message: "Webhook timestamp is too old",
  });
});

test("a wrong secret, a changed body or another id is refused", async () => {
  const c = client();
  const other = sign(CREATED, { key: randomBytes(24) });
  await assert.rejects(c.webhookEvents.unwrap(CREATED, other), sdk.InvalidWebhookSignatureError);
  await assert.rejects(c.webhookEvents.unwrap(CREATED + " ", sign(CREATED)), sdk.InvalidWebhookSignatureError);
  const headers = { ...sign(CREATED), "webhook-id": "msg_2" };
  await assert.rejects(c.webhookEvents.unwrap(CREATED, headers), (error) => {
    assert.ok(error instanceof sdk.InvalidWebhookSignatureError);
    assert.ok(error instanceof sdk.SDKError);
    assert.equal(error.name, "InvalidWebhookSignatureError");
    return true;
  });
});

test("a timestamp outside the tolerance is refused, either way; a wider tolerance takes it", async () => {
  const c = client();
  const now = Math.floor(Date.now() / 1000);
  const old = sign(CREATED, { at: now - 310 });
  await assert.rejects(c.webhookEvents.unwrap(CREATED, old), { message: "Webhook timestamp is too old" });
  await assert.rejects(c.webhookEvents.unwrap(CREATED, sign(CREATED, { at: now + 310 })), {
    message: "Webhook timestamp is too far in the future",
  });
  await c.webhookEvents.verifySignature(CREATED, old, { tolerance: 600 });
  await assert.rejects(c.webhookEvents.unwrap(CREATED, { ...old, "webhook-timestamp": "soon" }), {
    message: 'Invalid webhook-timestamp: "soon"',
  });
});

test("missing headers are named; header names are read in any case, and from a Headers", async () => {
  const c = client();
  const headers = sign(CREATED);
  await assert.rejects(c.webhookEvents.unwrap(CREATED, { "webhook-id": "msg_1" }), {
    message: "Missing webhook header(s): webhook-timestamp, webhook-signature",
  });
  const shouted = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
  assert.equal((await c.webhookEvents.unwrap(CREATED, shouted)).event, "pet.created");
  assert.equal((await c.webhookEvents.unwrap(CREATED, new Headers(headers))).event, "pet.created");
});

test("while a secret rotates, one matching signature of several is enough; other versions are skipped", async () => {
  const c = client();
  const good = sign(CREATED);
  const stale = sign(CREATED, { key: randomBytes(24) })["webhook-signature"];
  const digest = good["webhook-signature"].slice(3);
  const signatures = `${stale} v1a,${digest} v1,not-base64! ${good["webhook-signature"]}`;
  const event = await c.webhookEvents.unwrap(CREATED, { ...good, "webhook-signature": signatures });
  assert.equal(event.pet.id, 7);
  // The same digest under another version is not a v1 signature.
  await assert.rejects(
    c.webhookEvents.unwrap(CREATED, { ...good, "webhook-signature": `v1a,${digest}` }),
    sdk.InvalidWebhookSignatureError,
  );
});

test("the secret: a call's, else the client's, else the environment; without one, SDKError", async () => {
  const headers = sign(CREATED);
  const wrong = `whsec_${randomBytes(24).toString("base64")}`;
  // A call's secret wins over the client's.
  await assert.rejects(client().webhookEvents.unwrap(CREATED, headers, { secret: wrong }));
  await client({ webhookSecret: wrong }).webhookEvents.unwrap(CREATED, headers, { secret: SECRET });
  // A secret without the whsec_ prefix is the key itself.
  await client({ webhookSecret: KEY.toString("base64") }).webhookEvents.unwrap(CREATED, headers);
  process.env[ENV_VAR] = SECRET;
  try {
    await client({ webhookSecret: undefined }).webhookEvents.unwrap(CREATED, headers);
  } finally {
    delete process.env[ENV_VAR];
  }
  await assert.rejects(client({ webhookSecret: undefined }).webhookEvents.unwrap(CREATED, headers), (error) => {
    assert.ok(error instanceof sdk.SDKError);
    assert.ok(!(error instanceof sdk.InvalidWebhookSignatureError));
    assert.match(error.message, new RegExp(`No webhook secret: .*${ENV_VAR}`));
    return true;
  });
  await assert.rejects(client({ webhookSecret: "whsec_%%%" }).webhookEvents.unwrap(CREATED, headers), {
    message: "The webhook secret is not base64 (the part after `whsec_`)",
  });
});

test("the API's own /webhooks endpoints keep client.webhooks; the helper is client.webhookEvents", () => {
  const c = client();
  assert.ok(c.webhookEvents instanceof sdk.Webhooks);
  assert.equal(typeof c.webhooks.list, "function");
  assert.equal(sdk.DEFAULT_TOLERANCE, 300);
});
