import { BaseClient, readEnv } from "./core.js";
import type { CallOptions, CredentialValue, Logger, LogLevel } from "./core.js";
import type { APIPromise } from "./response.js";
import { Webhooks } from "./webhooks.js";
import { Webhooks as WebhooksResource } from "./resources/webhooks.js";

export interface ClientOptions {
  /**
   * Sent as the `token` credential; defaults to the `WEBHOOKS_SDK_API_KEY`
   * environment variable. A function is called for each call.
   */
  apiKey?: CredentialValue | undefined;
  /**
   * Where requests are sent; defaults to the `WEBHOOKS_SDK_BASE_URL`
   * environment variable.
   */
  baseURL?: string | undefined;
  /**
   * Milliseconds before one attempt is abandoned, its whole response read (up to its
   * headers for a stream or a download); default 60 seconds.
   */
  timeout?: number | undefined;
  /** How many times a failed call is tried again (default 2). */
  maxRetries?: number | undefined;
  /**
   * At most this many requests of the client on the wire at once; the others wait their
   * turn (default: no limit).
   */
  maxInFlight?: number | undefined;
  /** Headers sent with every call. */
  defaultHeaders?: Record<string, string> | undefined;
  /** The `fetch` to send requests with (default: the platform's). */
  fetch?: typeof fetch | undefined;
  /**
   * `debug` logs every request and response, `info` retries only (default: the
   * `WEBHOOKS_SDK_LOG` environment variable, else `off`). Credentials are never logged.
   */
  logLevel?: LogLevel | undefined;
  /** Where the log goes (default: `console`). */
  logger?: Logger | undefined;
  /**
   * The secret the API signs its webhooks with (`whsec_...`), for
   * `client.webhookEvents`; defaults to the `WEBHOOKS_SDK_WEBHOOK_SECRET` environment variable.
   */
  webhookSecret?: string | undefined;
}

/**
 * Pet Events
 */
export class Client {
  readonly webhooks: WebhooksResource;
  /** Check the signature of the webhooks the API sends, and read their events. */
  readonly webhookEvents: Webhooks;

  readonly #core: BaseClient;

  constructor(options: ClientOptions = {}) {
    const core = new BaseClient({
      baseURL:
        options.baseURL ??
        readEnv("WEBHOOKS_SDK_BASE_URL") ??
        "https://pets.example.com",
      servers: {},
      timeout: options.timeout ?? 60_000,
      maxRetries: options.maxRetries ?? 2,
      defaultHeaders: options.defaultHeaders ?? {},
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      credentials: [
        {
          key: "token",
          kind: "bearer",
          location: "header",
          name: "Authorization",
          values: [options.apiKey ?? readEnv("WEBHOOKS_SDK_API_KEY")],
        },
      ],
      security: [["token"]],
      noCredentials: "No credentials: pass apiKey; or set WEBHOOKS_SDK_API_KEY",
      idempotencyHeader: "Idempotency-Key",
      maxInFlight: options.maxInFlight ?? Infinity,
      logLevel: options.logLevel ?? readEnv("WEBHOOKS_SDK_LOG"),
      logger: options.logger ?? console,
    });
    this.#core = core;
    this.webhookEvents = new Webhooks(
      options.webhookSecret ?? readEnv("WEBHOOKS_SDK_WEBHOOK_SECRET"),
    );
    this.webhooks = new WebhooksResource(core);
  }

  /**
   * `GET path` of an endpoint the SDK does not describe (`path` relative to the base URL,
   * or a whole URL), with the client's credentials, retries and errors: the JSON body.
   */
  get<T = unknown>(path: string, options?: CallOptions): APIPromise<T> {
    return this.#call<T>("GET", path, options);
  }

  /** `POST path` of an endpoint the SDK does not describe, with `body` as JSON. */
  post<T = unknown>(path: string, options?: CallOptions): APIPromise<T> {
    return this.#call<T>("POST", path, options);
  }

  /** `PUT path` of an endpoint the SDK does not describe, with `body` as JSON. */
  put<T = unknown>(path: string, options?: CallOptions): APIPromise<T> {
    return this.#call<T>("PUT", path, options);
  }

  /** `PATCH path` of an endpoint the SDK does not describe, with `body` as JSON. */
  patch<T = unknown>(path: string, options?: CallOptions): APIPromise<T> {
    return this.#call<T>("PATCH", path, options);
  }

  /** `DELETE path` of an endpoint the SDK does not describe. */
  delete<T = unknown>(path: string, options?: CallOptions): APIPromise<T> {
    return this.#call<T>("DELETE", path, options);
  }

  #call<T>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): APIPromise<T> {
    const { query, body, ...requestOptions } = options;
    return this.#core.request<T>({
      method,
      path,
      query,
      body,
      options: requestOptions,
    });
  }
}
