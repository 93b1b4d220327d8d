/**
 * The request machinery every resource calls: URLs, parameters, bodies, credentials,
 * retries with backoff, timeouts and typed errors.
 */
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  SDKError,
  errorFor,
} from "./errors.js";
import { Page, PagePromise, type Paging } from "./pagination.js";
import { APIPromise, rawResponse, type RawResponse } from "./response.js";
import { Stream } from "./streaming.js";

/** Per-call settings that override the client's. */
export interface RequestOptions {
  /**
   * Milliseconds before one attempt is abandoned: connecting, sending, and reading the
   * whole response (up to its headers for a stream of events or a download).
   */
  timeout?: number;
  /** How many times a failed call is tried again. */
  maxRetries?: number;
  /** Headers sent with this call (`null` removes a default one). */
  headers?: Record<string, string | null>;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** A call of an endpoint the SDK does not describe: its query, JSON body and options. */
export interface CallOptions extends RequestOptions {
  query?: Record<string, unknown>;
  body?: unknown;
}

/** A credential, or a function that gives it for each call (a token that is refreshed). */
export type CredentialValue = string | (() => string | Promise<string>);

/** One way of sending credentials, from the API's `securitySchemes`. */
export interface Credential {
  key: string;
  kind: "bearer" | "basic" | "apiKey";
  location: "header" | "query" | "cookie";
  name: string;
  values: Array<CredentialValue | undefined>;
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
  /** The error when the API's security needs credentials and none was given. */
  noCredentials?: string;
  idempotencyHeader: string;
  /** At most this many requests on the wire at once (`Infinity`: no limit). */
  maxInFlight: number;
  /** `debug`, `info` or anything else for off (the option, else the environment variable). */
  logLevel: string | undefined;
  logger: Logger;
}

/**
 * What the client logs: `debug` every request and response, `info` retries only. Headers
 * and bodies are never logged, and a query parameter that carries a credential is shown
 * as `<redacted>`.
 */
export type LogLevel = "debug" | "info" | "off";

/** Where the client's log goes (default: `console`). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
}

const LOG_LEVELS: Record<LogLevel, number> = { off: 0, info: 1, debug: 2 };

/** How a parameter is written when not in its location's default style: `[style, explode]`. */
export type QueryStyle = [string, boolean];

/** What a resource method asks of the client. */
export interface RequestSpec {
  method: string;
  path: string;
  pathParams?: Record<string, unknown>;
  /** Path parameters not `simple` and unexploded: `label`, `matrix`, or exploded. */
  pathStyles?: Record<string, QueryStyle>;
  query?: Record<string, unknown>;
  /** Query, header and cookie parameters not in their location's default style. */
  styles?: Record<string, QueryStyle>;
  headers?: Record<string, unknown>;
  cookies?: Record<string, unknown>;
  body?: unknown;
  bodyType?: "json" | "form" | "multipart" | "text" | "raw";
  /** A form body's fields not `form` exploded (its media type's `encoding` object). */
  encoding?: Record<string, QueryStyle>;
  /** A multipart body also offered as JSON: sent as JSON when no file is given. */
  jsonWithoutFiles?: boolean;
  contentType?: string;
  responseType?: ResponseType;
  /** A list that does not page: the result iterates the array in this field. */
  items?: string;
  security?: string[][];
  server?: string;
  options?: RequestOptions | undefined;
}

/**
 * How a response is read: JSON, text, nothing; `binary` gives the `Response` with its body
 * unread; `stream` gives a `Stream` of the events it carries.
 */
export type ResponseType = "json" | "text" | "binary" | "stream" | "none";

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

/** The level a text names (`debug`, `info`, in any case); `off` for anything else. */
function logLevelOf(value: string | undefined): LogLevel {
  const level = value?.toLowerCase();
  return level === "debug" || level === "info" ? level : "off";
}

/** An environment variable, where there is an environment (not in a browser). */
/**
 * The response, its body iterating the array in `field`: a list that does not page is
 * iterated for its items, as the Python client's model is (a non-enumerable property, so
 * the body's JSON is unchanged).
 */
function iterating(
  raw: RawResponse<unknown>,
  field: string,
): RawResponse<unknown> {
  const data = raw.data;
  if (data !== null && typeof data === "object") {
    Object.defineProperty(data, Symbol.iterator, {
      value: function* () {
        const found = (data as Record<string, unknown>)[field];
        yield* Array.isArray(found) ? found : [];
      },
      configurable: true,
      writable: true,
    });
  }
  return raw;
}

export function readEnv(name: string): string | undefined {
  const env = (
    globalThis as { process?: { env?: Record<string, string | undefined> } }
  ).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}

/**
 * A server URL with its `{variables}` filled: each `[value, allowed values]`, checked
 * against the spec's enum when it has one.
 */
export function serverURL(
  template: string,
  variables: Record<string, [string, string[]]>,
): string {
  let url = template;
  for (const [name, [value, allowed]] of Object.entries(variables)) {
    if (allowed.length > 0 && !allowed.includes(value)) {
      const one = allowed.map((item) => JSON.stringify(item)).join(", ");
      throw new SDKError(
        `${JSON.stringify(name)} must be one of ${one}, not ${JSON.stringify(value)}`,
      );
    }
    url = url.replaceAll(`{${name}}`, value);
  }
  return url;
}

export class BaseClient {
  protected readonly core: CoreOptions;
  private readonly logLevel: LogLevel;
  private readonly inFlight: InFlightLimit;

  constructor(core: CoreOptions) {
    this.core = core;
    this.logLevel = logLevelOf(core.logLevel);
    if (!(core.maxInFlight >= 1)) {
      throw new SDKError("maxInFlight must be 1 or more");
    }
    this.inFlight = new InFlightLimit(core.maxInFlight);
    // Refused like the Python client: every alternative of the API's security sends a
    // credential (none is `{}`), and not one credential was given whole.
    const required =
      core.security.length > 0 &&
      core.security.every((keys) => keys.length > 0);
    const given = core.credentials.some((credential) =>
      credential.values.every((value) => value !== undefined),
    );
    if (required && !given) {
      throw new SDKError(core.noCredentials ?? "No credentials");
    }
  }

  /** Sends the request now; the result is awaited, or asked `withRawResponse()`. */
  request<T>(spec: RequestSpec): APIPromise<T> {
    const sent = this.send(spec);
    const field = spec.items;
    const result =
      field === undefined ? sent : sent.then((raw) => iterating(raw, field));
    return new APIPromise(result as Promise<RawResponse<T>>);
  }

  /** A list operation's first page: awaited, or iterated for every item. */
  requestPage<Item, Body>(
    spec: RequestSpec & { paging: Paging },
  ): PagePromise<Item, Body> {
    return new PagePromise(() =>
      Page.loadRaw<Item, Body>(this, spec, spec.paging),
    );
  }

  /** The parsed body of a successful response, with the response. */
  async send(spec: RequestSpec): Promise<RawResponse<unknown>> {
    const options = spec.options ?? {};
    const maxRetries = options.maxRetries ?? this.core.maxRetries;
    const type = spec.responseType ?? "json";
    const url = this.url(spec);
    const init: RequestInit = { method: spec.method };
    const headers = await this.headers(spec, url);
    const body = encodeBody(spec, headers);
    if (body !== undefined) {
      init.body = body;
    }
    if (spec.method !== "GET" && this.core.idempotencyHeader) {
      headers.set(this.core.idempotencyHeader, idempotencyKey());
    }
    init.headers = headers;
    for (let attempt = 0; ; attempt++) {
      const deadline = new Deadline(
        options.timeout ?? this.core.timeout,
        options.signal,
      );
      let response: Response | undefined;
      let retryAfter: Headers | undefined;
      let why: string;
      const started = Date.now();
      this.log(
        "debug",
        () =>
          `Request: ${spec.method} ${this.loggable(url)}${attempt ? ` (retry ${attempt})` : ""}`,
      );
      try {
        await this.inFlight.acquire();
        try {
          response = await this.core.fetch(url, {
            ...init,
            signal: deadline.controller.signal,
          });
        } finally {
          this.inFlight.release();
        }
        this.logResponse(spec.method, url, response, started);
        why = `status ${response.status}`;
        if (response.ok) {
          return rawResponse(
            response,
            await readBody(response, type, deadline),
          );
        }
        const retry = this.mayRetry(
          spec.method,
          headers,
          true,
          response.status,
        );
        if (attempt < maxRetries && retry && shouldRetry(response)) {
          await response.body?.cancel();
          retryAfter = response.headers;
        } else {
          const text = await response.text();
          throw errorFor(response.status, response.headers, parseBody(text));
        }
      } catch (error) {
        if (error instanceof APIError && error.status !== undefined) {
          throw error; // an error response, already judged above
        }
        const failure = deadline.failure(error);
        const reached = response !== undefined || !neverSent(error);
        const retry = this.mayRetry(spec.method, headers, reached);
        if (!(attempt < maxRetries && retry && !options.signal?.aborted)) {
          throw failure;
        }
        why = failure.name;
      } finally {
        deadline.end(
          response?.ok === true && (type === "stream" || type === "binary"),
        );
      }
      const delay = retryDelay(attempt, retryAfter);
      this.log(
        "info",
        () =>
          `Retrying ${spec.method} ${this.loggable(url)} in ${(delay / 1000).toFixed(2)} s after ${why}`,
      );
      await sleep(delay);
    }
  }

  /** Logs the message (made only when it is logged) at `level`, if the client's level allows. */
  private log(level: "debug" | "info", message: () => string): void {
    if (LOG_LEVELS[level] <= LOG_LEVELS[this.logLevel]) {
      this.core.logger[level](message());
    }
  }

  private logResponse(
    method: string,
    url: URL,
    response: Response,
    started: number,
  ): void {
    this.log("debug", () => {
      const seconds = ((Date.now() - started) / 1000).toFixed(3);
      const requestId =
        response.headers.get("x-request-id") ??
        response.headers.get("request-id");
      return `Response: ${method} ${this.loggable(url)} ${response.status} ${response.statusText} in ${seconds} s (request id ${requestId})`;
    });
  }

  /** The URL with the value of each query parameter that carries a credential hidden. */
  private loggable(url: URL): string {
    const secret = this.core.credentials
      .filter((credential) => credential.location === "query")
      .map((credential) => credential.name);
    const shown = new URL(url.href);
    for (const name of secret) {
      if (shown.searchParams.has(name)) {
        shown.searchParams.set(name, "<redacted>");
      }
    }
    return shown.href;
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

  /** Where an operation is sent: its server's URL, else the client's. */
  baseURL(spec: RequestSpec): string {
    return spec.server
      ? (this.core.servers[spec.server] ?? this.core.baseURL)
      : this.core.baseURL;
  }

  private url(spec: RequestSpec): URL {
    const base = this.baseURL(spec);
    const path = spec.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const style = spec.pathStyles?.[name] ?? ["simple", false];
      return pathValue(name, spec.pathParams?.[name], style);
    });
    const url = /^https?:\/\//i.test(path)
      ? new URL(path)
      : new URL(base.replace(/\/+$/, "") + path);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      const style = spec.styles?.[name] ?? ["form", true];
      appendQuery(url.searchParams, name, value, style);
    }
    return url;
  }

  private async headers(spec: RequestSpec, url: URL): Promise<Headers> {
    const headers = new Headers({ Accept: "application/json" });
    for (const [name, value] of Object.entries(this.core.defaultHeaders)) {
      headers.set(name, value);
    }
    for (const [name, value] of Object.entries(spec.headers ?? {})) {
      if (value !== undefined && value !== null) {
        const explode = spec.styles?.[name]?.[1] ?? false;
        headers.set(name, simpleParts(value, explode, false).join(","));
      }
    }
    if (spec.responseType === "stream") {
      headers.set("Accept", "text/event-stream");
    }
    // Cookies in the form style, as a query is (an exploded object is a cookie a
    // property); the values of one name joined by commas.
    const jar = new URLSearchParams();
    for (const [name, value] of Object.entries(spec.cookies ?? {})) {
      appendQuery(jar, name, value, spec.styles?.[name] ?? ["form", true]);
    }
    const cookies = [...new Set(jar.keys())].map(
      (name) => `${name}=${jar.getAll(name).join(",")}`,
    );
    await this.authorize(
      spec.security ?? this.core.security,
      headers,
      url,
      cookies,
    );
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

  /**
   * Sends the first alternative of `security` whose credentials are all set; a credential
   * given as a function is called (and awaited) for each call.
   */
  private async authorize(
    security: string[][],
    headers: Headers,
    url: URL,
    cookies: string[],
  ): Promise<void> {
    const byKey = new Map(this.core.credentials.map((c) => [c.key, c]));
    const complete = (key: string): boolean =>
      byKey.get(key)?.values.every((value) => value !== undefined) ?? false;
    const chosen = security.find((keys) => keys.every(complete)) ?? [];
    for (const key of chosen) {
      const credential = byKey.get(key);
      if (credential === undefined) {
        continue;
      }
      const [first = "", second = ""] = await Promise.all(
        credential.values.map((value) =>
          typeof value === "function" ? value() : value,
        ),
      );
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

/**
 * At most `limit` requests on the wire (up to their response's headers); the others wait
 * their turn, first come first served.
 */
class InFlightLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot to the first waiting request, else frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next === undefined) {
      this.active--;
    } else {
      next();
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

/**
 * A path parameter, percent-encoded in its style, so that no value can change the rest
 * of the path: `simple` (`a,b`; exploded, an object's `k=v,n=1`), `label` (`.a,b`;
 * exploded `.a.b`) or `matrix` (`;x=a,b`; exploded `;x=a;x=b`, an object's `;k=v`).
 */
function pathValue(
  name: string,
  value: unknown,
  [style, explode]: QueryStyle,
): string {
  const parts = simpleParts(value, explode, true);
  if (value === undefined || value === null || parts.join("") === "") {
    throw new SDKError(`the path parameter "${name}" must not be empty`);
  }
  if (style === "label") {
    return `.${parts.join(".")}`;
  }
  if (style === "matrix") {
    return explode && isObject(value)
      ? parts.map((part) => `;${part}`).join("")
      : parts.map((part) => `;${name}=${part}`).join("");
  }
  return parts.join(",");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The parts of a `simple`, `label` or `matrix` value (percent-encoded for a path when
 * `encode`): an array's items, an object's keys and values (`k=v` each when exploded).
 */
function simpleParts(
  value: unknown,
  explode: boolean,
  encode: boolean,
): string[] {
  const quoted = (part: unknown): string =>
    encode
      ? encodeURIComponent(scalarList(part)[0] ?? "")
      : (scalarList(part)[0] ?? "");
  if (isObject(value)) {
    const entries = Object.entries(value).filter(
      ([, item]) => item !== undefined,
    );
    if (explode) {
      return entries.map(([key, item]) => `${quoted(key)}=${quoted(item)}`);
    }
    return [
      entries.flatMap(([key, item]) => [quoted(key), quoted(item)]).join(","),
    ];
  }
  if (Array.isArray(value)) {
    const parts = value.map(quoted);
    return explode ? parts : [parts.join(",")];
  }
  return [quoted(value)];
}

function scalarList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) =>
    typeof item === "object" && item !== null
      ? JSON.stringify(item)
      : String(item),
  );
}

/** An object's entries (not an array's, not a Blob's); undefined for anything else. */
function entriesOf(value: unknown): [string, unknown][] | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return undefined;
  }
  if (value instanceof Blob || ArrayBuffer.isView(value)) {
    return undefined;
  }
  return Object.entries(value).filter(
    ([, item]) => item !== undefined && item !== null,
  );
}

/** `name[key]=v`, nested as deep as the value: `name[key][0][field]=v`. */
function appendDeep(
  params: URLSearchParams,
  name: string,
  value: unknown,
): void {
  const entries = entriesOf(value);
  if (entries !== undefined) {
    for (const [key, item] of entries) {
      appendDeep(params, `${name}[${key}]`, item);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) =>
      appendDeep(params, `${name}[${index}]`, item),
    );
  } else if (value !== undefined && value !== null) {
    params.append(name, String(value));
  }
}

/**
 * A query parameter, a form field: `[a, b]` as `x=a&x=b` (form, exploded), `x=a,b`,
 * `x=a b`, `x=a|b`, `x[0]=a&x[1]=b` (deepObject); `{k: v}` as `k=v` (form, exploded),
 * `x=k,v`, `x[k]=v` (deepObject).
 */
function appendQuery(
  params: URLSearchParams,
  name: string,
  value: unknown,
  [style, explode]: QueryStyle,
): void {
  if (value === undefined || value === null) {
    return;
  }
  if (style === "deepObject") {
    appendDeep(params, name, value);
    return;
  }
  const entries = entriesOf(value);
  if (entries !== undefined) {
    if (explode) {
      for (const [key, item] of entries) {
        params.append(key, scalarList(item).join(","));
      }
    } else {
      params.append(
        name,
        entries.flatMap(([key, item]) => [key, ...scalarList(item)]).join(","),
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    if (explode) {
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

/** Whether a body's fields hold a file (a Blob), alone or in a list. */
function hasFile(body: unknown): boolean {
  return Object.values(body as object).some((value) =>
    (Array.isArray(value) ? value : [value]).some(
      (item) => item instanceof Blob,
    ),
  );
}

function encodeBody(spec: RequestSpec, headers: Headers): BodyInit | undefined {
  if (spec.body === undefined) {
    return undefined;
  }
  const body = defined(spec.body);
  let bodyType = spec.bodyType ?? "json";
  if (bodyType === "multipart" && spec.jsonWithoutFiles && !hasFile(body)) {
    bodyType = "json";
  }
  switch (bodyType) {
    case "form": {
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(body as object)) {
        appendQuery(form, name, value, spec.encoding?.[name] ?? ["form", true]);
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
      headers.set("Content-Type", "text/plain; charset=utf-8"); // a string is sent as UTF-8
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
  type: ResponseType,
  deadline: Deadline,
): Promise<unknown> {
  switch (type) {
    case "none":
      await response.body?.cancel();
      return undefined;
    case "binary":
      return response;
    case "stream":
      return new Stream(response, deadline.controller, () => deadline.end());
    case "text":
      return response.text();
    default:
      return parseBody(await response.text());
  }
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

/**
 * One attempt's time limit and cancellation: its `AbortController` aborts when the
 * timeout passes or the caller's `signal` aborts.
 */
class Deadline {
  readonly controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #signal: AbortSignal | undefined;
  readonly #cancel = (): void => this.controller.abort();
  #timedOut = false;

  constructor(timeout: number, signal: AbortSignal | undefined) {
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.controller.abort();
    }, timeout);
    this.#signal = signal;
    if (signal?.aborted) {
      this.controller.abort();
    }
    signal?.addEventListener("abort", this.#cancel, { once: true });
  }

  /**
   * Stops the clock; unless the caller still reads the body (a stream or a download),
   * the caller's `signal` lets go of the attempt too.
   */
  end(bodyLeft = false): void {
    clearTimeout(this.#timer);
    if (!bodyLeft) {
      this.#signal?.removeEventListener("abort", this.#cancel);
    }
  }

  /** The error an attempt that threw stands for. */
  failure(error: unknown): SDKError {
    if (this.#timedOut) {
      return new APITimeoutError();
    }
    if (error instanceof SDKError) {
      return error;
    }
    if (this.#signal?.aborted) {
      return new SDKError("Request was aborted.");
    }
    return new APIConnectionError(undefined, { cause: error });
  }
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
