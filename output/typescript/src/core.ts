/**
 * The request machinery every resource calls: URLs, parameters, bodies, credentials,
 * retries with backoff, timeouts and typed errors.
 */
import {
  APIConnectionError,
  APITimeoutError,
  SDKError,
  errorFor,
} from "./errors.js";
import { Page, PagePromise, type Paging } from "./pagination.js";

/** Per-call settings that override the client's. */
export interface RequestOptions {
  /** Milliseconds before one attempt is abandoned. */
  timeout?: number;
  /** How many times a failed call is tried again. */
  maxRetries?: number;
  /** Headers sent with this call (`null` removes a default one). */
  headers?: Record<string, string | null>;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** One way of sending credentials, from the API's `securitySchemes`. */
export interface Credential {
  key: string;
  kind: "bearer" | "basic" | "apiKey";
  location: "header" | "query" | "cookie";
  name: string;
  values: Array<string | undefined>;
}

export interface CoreOptions {
  baseURL: string;
  servers: Record<string, string>;
  timeout: number;
  maxRetries: number;
  defaultHeaders: Record<string, string>;
  fetch: typeof fetch;
  credentials: Credential[];
  security: string[][];
  idempotencyHeader: string;
}

/** How a query parameter is written when not `form` exploded: `[style, explode]`. */
export type QueryStyle = [string, boolean];

/** What a resource method asks of the client. */
export interface RequestSpec {
  method: string;
  path: string;
  pathParams?: Record<string, unknown>;
  query?: Record<string, unknown>;
  styles?: Record<string, QueryStyle>;
  headers?: Record<string, unknown>;
  cookies?: Record<string, unknown>;
  body?: unknown;
  bodyType?: "json" | "form" | "multipart" | "text" | "raw";
  contentType?: string;
  responseType?: "json" | "text" | "blob" | "none";
  security?: string[][];
  server?: string;
  options?: RequestOptions | undefined;
}

const RETRY_STATUSES = new Set([408, 409, 429, 500, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set([
  "GET",
  "HEAD",
  "OPTIONS",
  "PUT",
  "DELETE",
  "TRACE",
]);
/** Statuses that say the server did not act on the request. */
const NOT_ACTED_ON = new Set([408, 429]);
/** Connection errors that say the request was never sent. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const MAX_RETRY_DELAY = 8000;

/** An environment variable, where there is an environment (not in a browser). */
export function readEnv(name: string): string | undefined {
  const env = (
    globalThis as { process?: { env?: Record<string, string | undefined> } }
  ).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}

export class BaseClient {
  protected readonly core: CoreOptions;

  constructor(core: CoreOptions) {
    this.core = core;
  }

  async request<T>(spec: RequestSpec): Promise<T> {
    return (await this.send(spec)).data as T;
  }

  /** A list operation's first page: awaited, or iterated for every item. */
  requestPage<Item, Body>(
    spec: RequestSpec & { paging: Paging },
  ): PagePromise<Item, Body> {
    return new PagePromise(() =>
      Page.load<Item, Body>(this, spec, spec.paging),
    );
  }

  /** The parsed body of a successful response and its headers. */
  async send(spec: RequestSpec): Promise<{ data: unknown; headers: Headers }> {
    const options = spec.options ?? {};
    const maxRetries = options.maxRetries ?? this.core.maxRetries;
    const url = this.url(spec);
    const init: RequestInit = { method: spec.method };
    const headers = this.headers(spec, url);
    const body = encodeBody(spec, headers);
    if (body !== undefined) {
      init.body = body;
    }
    if (spec.method !== "GET" && this.core.idempotencyHeader) {
      headers.set(this.core.idempotencyHeader, idempotencyKey());
    }
    init.headers = headers;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.attempt(url, init, options);
      } catch (error) {
        const retry = this.mayRetry(spec.method, headers, !neverSent(error));
        if (attempt < maxRetries && retry && !options.signal?.aborted) {
          await sleep(retryDelay(attempt, undefined));
          continue;
        }
        throw error;
      }
      if (response.ok) {
        const data = await readBody(response, spec.responseType ?? "json");
        return { data, headers: response.headers };
      }
      const retry = this.mayRetry(spec.method, headers, true, response.status);
      if (attempt < maxRetries && retry && shouldRetry(response)) {
        await response.body?.cancel();
        await sleep(retryDelay(attempt, response.headers));
        continue;
      }
      const text = await response.text();
      throw errorFor(response.status, response.headers, parseBody(text));
    }
  }

  /**
   * Whether a failed attempt may be sent again: when it never reached the server, when
   * its method is idempotent or its status says the server did not act, or when an
   * idempotency key lets the server tell a repeat.
   */
  private mayRetry(
    method: string,
    headers: Headers,
    reached: boolean,
    status?: number,
  ): boolean {
    if (!reached || IDEMPOTENT_METHODS.has(method)) {
      return true;
    }
    if (status !== undefined && NOT_ACTED_ON.has(status)) {
      return true;
    }
    const header = this.core.idempotencyHeader;
    return header !== "" && headers.has(header);
  }

  private async attempt(
    url: URL,
    init: RequestInit,
    options: RequestOptions,
  ): Promise<Response> {
    const controller = new AbortController();
    const timeout = options.timeout ?? this.core.timeout;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const cancel = (): void => controller.abort();
    options.signal?.addEventListener("abort", cancel);
    try {
      return await this.core.fetch(url, {
        ...init,
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut) {
        throw new APITimeoutError();
      }
      if (options.signal?.aborted) {
        throw new SDKError("Request was aborted.");
      }
      throw new APIConnectionError(undefined, { cause: error });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", cancel);
    }
  }

  /** Where an operation is sent: its server's URL, else the client's. */
  baseURL(spec: RequestSpec): string {
    return spec.server
      ? (this.core.servers[spec.server] ?? this.core.baseURL)
      : this.core.baseURL;
  }

  private url(spec: RequestSpec): URL {
    const base = this.baseURL(spec);
    const path = spec.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(pathValue(spec.pathParams?.[name])),
    );
    const url = new URL(base.replace(/\/+$/, "") + path);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      const style = spec.styles?.[name] ?? ["form", true];
      appendQuery(url.searchParams, name, value, style);
    }
    return url;
  }

  private headers(spec: RequestSpec, url: URL): Headers {
    const headers = new Headers({ Accept: "application/json" });
    for (const [name, value] of Object.entries(this.core.defaultHeaders)) {
      headers.set(name, value);
    }
    for (const [name, value] of Object.entries(spec.headers ?? {})) {
      if (value !== undefined && value !== null) {
        headers.set(name, scalarList(value).join(","));
      }
    }
    const cookies = Object.entries(spec.cookies ?? {})
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => `${name}=${scalarList(value).join(",")}`);
    this.authorize(spec.security ?? this.core.security, headers, url, cookies);
    if (cookies.length > 0) {
      headers.set("Cookie", cookies.join("; "));
    }
    for (const [name, value] of Object.entries(spec.options?.headers ?? {})) {
      if (value === null) {
        headers.delete(name);
      } else {
        headers.set(name, value);
      }
    }
    return headers;
  }

  /** Sends the first alternative of `security` whose credentials are all set. */
  private authorize(
    security: string[][],
    headers: Headers,
    url: URL,
    cookies: string[],
  ): void {
    const byKey = new Map(this.core.credentials.map((c) => [c.key, c]));
    const complete = (key: string): boolean =>
      byKey.get(key)?.values.every((value) => value !== undefined) ?? false;
    const chosen = security.find((keys) => keys.every(complete)) ?? [];
    for (const key of chosen) {
      const credential = byKey.get(key);
      if (credential === undefined) {
        continue;
      }
      const [first = "", second = ""] = credential.values;
      if (credential.kind === "bearer") {
        headers.set(credential.name, `Bearer ${first}`);
      } else if (credential.kind === "basic") {
        headers.set(credential.name, `Basic ${base64(`${first}:${second}`)}`);
      } else if (credential.location === "query") {
        url.searchParams.set(credential.name, first);
      } else if (credential.location === "cookie") {
        cookies.push(`${credential.name}=${first}`);
      } else {
        headers.set(credential.name, first);
      }
    }
  }
}

function neverSent(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  const inner = cause instanceof Error ? cause.cause : undefined;
  const code = [cause, inner].map((found) =>
    typeof found === "object" && found !== null && "code" in found
      ? String(found.code)
      : "",
  );
  return code.some((found) => NOT_SENT.has(found));
}

function pathValue(value: unknown): string {
  return scalarList(value).join(",");
}

function scalarList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) =>
    typeof item === "object" && item !== null
      ? JSON.stringify(item)
      : String(item),
  );
}

function appendQuery(
  params: URLSearchParams,
  name: string,
  value: unknown,
  [style, explode]: QueryStyle,
): void {
  if (value === undefined || value === null) {
    return;
  }
  if (style === "deepObject" && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined && item !== null) {
        params.append(`${name}[${key}]`, scalarList(item).join(","));
      }
    }
    return;
  }
  if (Array.isArray(value)) {
    if (style === "form" && explode) {
      for (const item of scalarList(value)) {
        params.append(name, item);
      }
      return;
    }
    const separator =
      style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
    params.append(name, scalarList(value).join(separator));
    return;
  }
  params.append(name, scalarList(value)[0] ?? "");
}

/** Drops the fields left undefined, so that only what was given is sent. */
function defined(body: unknown): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return body;
  }
  if (body instanceof Blob || ArrayBuffer.isView(body)) {
    return body;
  }
  return Object.fromEntries(
    Object.entries(body).filter(([, value]) => value !== undefined),
  );
}

function encodeBody(spec: RequestSpec, headers: Headers): BodyInit | undefined {
  if (spec.body === undefined) {
    return undefined;
  }
  const body = defined(spec.body);
  switch (spec.bodyType ?? "json") {
    case "form": {
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(body as object)) {
        appendQuery(form, name, value, ["form", true]);
      }
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      return form;
    }
    case "multipart": {
      const form = new FormData();
      for (const [name, value] of Object.entries(body as object)) {
        for (const item of Array.isArray(value) ? value : [value]) {
          form.append(name, item instanceof Blob ? item : scalarList(item)[0]);
        }
      }
      return form;
    }
    case "text":
      headers.set("Content-Type", "text/plain");
      return String(body);
    case "raw":
      headers.set("Content-Type", "application/octet-stream");
      return body as BodyInit;
    default:
      headers.set("Content-Type", spec.contentType ?? "application/json");
      return JSON.stringify(body);
  }
}

async function readBody(
  response: Response,
  type: "json" | "text" | "blob" | "none",
): Promise<unknown> {
  if (type === "none") {
    await response.body?.cancel();
    return undefined;
  }
  if (type === "blob") {
    return response.blob();
  }
  const text = await response.text();
  return type === "text" ? text : parseBody(text);
}

function parseBody(text: string): unknown {
  if (text === "") {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function shouldRetry(response: Response): boolean {
  const asked = response.headers.get("x-should-retry");
  if (asked === "true" || asked === "false") {
    return asked === "true";
  }
  return RETRY_STATUSES.has(response.status);
}

/** Milliseconds to wait: what `Retry-After` asks (up to a minute), else backoff. */
function retryDelay(attempt: number, headers: Headers | undefined): number {
  const milliseconds = Number(headers?.get("retry-after-ms"));
  if (milliseconds > 0 && milliseconds <= 60_000) {
    return milliseconds;
  }
  const retryAfter = headers?.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const wait = Number.isNaN(seconds)
      ? Date.parse(retryAfter) - Date.now()
      : seconds * 1000;
    if (wait >= 0 && wait <= 60_000) {
      return wait;
    }
  }
  const backoff = Math.min(500 * 2 ** attempt, MAX_RETRY_DELAY);
  return backoff * (1 - Math.random() * 0.25);
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function idempotencyKey(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } })
    .crypto;
  if (crypto?.randomUUID) {
    return crypto.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}
