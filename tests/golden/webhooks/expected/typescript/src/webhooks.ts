/**
 * Webhooks the API sends: their Standard Webhooks signature checked, their body read.
 *
 * A signed webhook carries three headers (https://www.standardwebhooks.com):
 * `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, a
 * space-separated list of `v1,<base64 HMAC-SHA256>` over `<id>.<timestamp>.<body>`,
 * keyed with the secret that follows `whsec_` (base64). Several signatures are sent
 * while a secret is being rotated: one match is enough. A timestamp further than
 * `tolerance` seconds from now is refused, so that a recorded request cannot be
 * replayed later.
 */
import { SDKError } from "./errors.js";
import type { WebhookEvent } from "./types/webhook_event.js";

/** How far, in seconds, a webhook's timestamp may be from now (five minutes). */
export const DEFAULT_TOLERANCE = 300;
const SECRET_PREFIX = "whsec_";
const HEADERS = [
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
] as const;

/**
 * A webhook request's headers: the `fetch` API's `Headers`, or an object of them such
 * as Node's `request.headers` (names in any case).
 */
export type WebhookHeaders =
  Headers | Record<string, string | readonly string[] | undefined>;

/**
 * A webhook is not signed with the secret: a header missing, no signature matching,
 * or a timestamp outside the tolerance.
 */
export class InvalidWebhookSignatureError extends SDKError {
  override readonly name: string = "InvalidWebhookSignatureError";
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && value !== undefined) {
      return typeof value === "string" ? value : value.join(", ");
    }
  }
  return undefined;
}

function base64Bytes(text: string) {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    return undefined;
  }
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function subtleCrypto(): Promise<SubtleCrypto> {
  if (globalThis.crypto?.subtle) {
    return globalThis.crypto.subtle;
  }
  // Node 18 has Web Crypto in its `crypto` module only.
  const module = "node:crypto";
  const { webcrypto } = (await import(module)) as { webcrypto: Crypto };
  return webcrypto.subtle;
}

/**
 * Throw `InvalidWebhookSignatureError` unless `body` and `headers` were signed with
 * `secret`.
 */
export async function verifySignature(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
  options: { tolerance?: number; now?: number } = {},
): Promise<void> {
  const encoded = secret.startsWith(SECRET_PREFIX)
    ? secret.slice(SECRET_PREFIX.length)
    : secret;
  const keyBytes = base64Bytes(encoded);
  if (keyBytes === undefined) {
    throw new SDKError(
      "The webhook secret is not base64 (the part after `whsec_`)",
    );
  }
  const [id, timestamp, signatures] = HEADERS.map((name) =>
    header(headers, name),
  );
  const missing = HEADERS.filter((name) => !header(headers, name));
  if (!id || !timestamp || !signatures) {
    throw new InvalidWebhookSignatureError(
      `Missing webhook header(s): ${missing.join(", ")}`,
    );
  }
  const sentAt = /^-?\d+$/.test(timestamp.trim()) ? Number(timestamp) : NaN;
  if (Number.isNaN(sentAt)) {
    throw new InvalidWebhookSignatureError(
      `Invalid webhook-timestamp: ${JSON.stringify(timestamp)}`,
    );
  }
  const now = options.now ?? Date.now() / 1000;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (sentAt < now - tolerance) {
    throw new InvalidWebhookSignatureError("Webhook timestamp is too old");
  }
  if (sentAt > now + tolerance) {
    throw new InvalidWebhookSignatureError(
      "Webhook timestamp is too far in the future",
    );
  }
  const encoder = new TextEncoder();
  const payload = typeof body === "string" ? encoder.encode(body) : body;
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(prefix.length + payload.length);
  signed.set(prefix);
  signed.set(payload, prefix.length);
  const subtle = await subtleCrypto();
  const key = await subtle.importKey(
    "raw",
    keyBytes,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  for (const entry of signatures.split(" ")) {
    const comma = entry.indexOf(",");
    if (comma < 0 || entry.slice(0, comma) !== "v1") {
      continue;
    }
    const given = base64Bytes(entry.slice(comma + 1));
    // `verify` compares in constant time.
    if (given && (await subtle.verify("HMAC", key, given, signed))) {
      return;
    }
  }
  throw new InvalidWebhookSignatureError(
    "No webhook signature matches the secret",
  );
}

/**
 * `client.webhookEvents`: check and read the webhooks the API sends to your
 * server.
 */
export class Webhooks {
  readonly #secret: string | undefined;

  constructor(secret: string | undefined) {
    this.#secret = secret;
  }

  /**
   * Throw `InvalidWebhookSignatureError` unless the webhook is signed with the secret:
   * `options.secret`, else the client's `webhookSecret`, else the environment variable
   * `WEBHOOKS_SDK_WEBHOOK_SECRET`.
   */
  async verifySignature(
    body: string | Uint8Array,
    headers: WebhookHeaders,
    options: { secret?: string; tolerance?: number } = {},
  ): Promise<void> {
    const secret = options.secret || this.#secret;
    if (!secret) {
      throw new SDKError(
        "No webhook secret: pass { secret }, webhookSecret to the client, or set WEBHOOKS_SDK_WEBHOOK_SECRET",
      );
    }
    await verifySignature(body, headers, secret, {
      tolerance: options.tolerance ?? DEFAULT_TOLERANCE,
    });
  }

  /**
   * The webhook's event, its signature checked first with `options.secret`, the
   * client's `webhookSecret` or the environment variable `WEBHOOKS_SDK_WEBHOOK_SECRET`:
   * without any of them it throws `SDKError`, as a webhook from the network is never
   * read unchecked. The body is read as JSON, not validated (types only).
   */
  async unwrap(
    body: string | Uint8Array,
    headers: WebhookHeaders,
    options: { secret?: string } = {},
  ): Promise<WebhookEvent> {
    await this.verifySignature(body, headers, options);
    const text =
      typeof body === "string" ? body : new TextDecoder().decode(body);
    return JSON.parse(text) as WebhookEvent;
  }
}
