import { BaseClient, readEnv, serverURL } from "./core.js";
import type { CallOptions, CredentialValue, Logger, LogLevel } from "./core.js";
import type { APIPromise } from "./response.js";
import { Beds } from "./resources/beds.js";
import { Gardeners } from "./resources/gardeners.js";

export interface ClientOptions {
  /**
   * Sent as the `apiKey` credential; defaults to the `TYPESCRIPT_TARGET_SDK_API_KEY`
   * environment variable. A function is called for each call.
   */
  apiKey?: CredentialValue | undefined;
  /**
   * Where requests are sent; defaults to the `TYPESCRIPT_TARGET_SDK_BASE_URL`
   * environment variable.
   */
  baseURL?: string | undefined;
  /**
   * The `{region}` of the server URL (one of `eu`, `us`); defaults to the
   * `TYPESCRIPT_TARGET_SDK_REGION` environment variable, then `eu`.
   */
  region?: "eu" | "us" | undefined;
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
   * `TYPESCRIPT_TARGET_SDK_LOG` environment variable, else `off`). Credentials are never logged.
   */
  logLevel?: LogLevel | undefined;
  /** Where the log goes (default: `console`). */
  logger?: Logger | undefined;
}

/**
 * Plants, beds and the gardeners who tend them.
 */
export class Client {
  readonly beds: Beds;
  readonly gardeners: Gardeners;

  readonly #core: BaseClient;

  constructor(options: ClientOptions = {}) {
    const variables = {
      region: options.region ?? readEnv("TYPESCRIPT_TARGET_SDK_REGION") ?? "eu",
    };
    const core = new BaseClient({
      baseURL:
        options.baseURL ??
        readEnv("TYPESCRIPT_TARGET_SDK_BASE_URL") ??
        serverURL("https://{region}.garden.example/v1", {
          region: [variables.region, ["eu", "us"]],
        }),
      servers: {},
      timeout: options.timeout ?? 60_000,
      maxRetries: options.maxRetries ?? 2,
      defaultHeaders: options.defaultHeaders ?? {},
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      credentials: [
        {
          key: "apiKey",
          kind: "apiKey",
          location: "header",
          name: "X-Garden-Key",
          values: [options.apiKey ?? readEnv("TYPESCRIPT_TARGET_SDK_API_KEY")],
        },
      ],
      security: [["apiKey"]],
      noCredentials:
        "No credentials: pass apiKey; or set TYPESCRIPT_TARGET_SDK_API_KEY",
      idempotencyHeader: "",
      maxInFlight: options.maxInFlight ?? Infinity,
      logLevel: options.logLevel ?? readEnv("TYPESCRIPT_TARGET_SDK_LOG"),
      logger: options.logger ?? console,
    });
    this.#core = core;
    this.beds = new Beds(core);
    this.gardeners = new Gardeners(core);
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
