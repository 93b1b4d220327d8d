import { BaseClient, readEnv } from "./core.js";
import type { CallOptions, CredentialValue, Logger, LogLevel } from "./core.js";
import type { APIPromise } from "./response.js";
import { Actions } from "./resources/actions.js";
import { Chat } from "./resources/chat.js";
import { Droplets } from "./resources/droplets.js";
import { Firewalls } from "./resources/firewalls.js";
import { Images } from "./resources/images.js";
import { Regions } from "./resources/regions.js";
import { Registry } from "./resources/registry.js";
import { Sizes } from "./resources/sizes.js";
import { SnapshotsResource } from "./resources/snapshots.js";
import { VpcPeerings } from "./resources/vpc_peerings.js";

export interface ClientOptions {
  /**
   * Sent as the `bearer_auth` credential; defaults to the `DIGITALOCEAN_ACCESS_TOKEN`
   * environment variable. A function is called for each call.
   */
  apiKey?: CredentialValue | undefined;
  /**
   * Where requests are sent; defaults to the `SHARED_SDK_BASE_URL`
   * environment variable.
   */
  baseURL?: string | undefined;
  /**
   * Where the operations of the `inference` server are sent; defaults to the
   * `SHARED_SDK_INFERENCE_BASE_URL` environment variable.
   */
  inferenceBaseURL?: string | undefined;
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
   * `SHARED_SDK_LOG` environment variable, else `off`). Credentials are never logged.
   */
  logLevel?: LogLevel | undefined;
  /** Where the log goes (default: `console`). */
  logger?: Logger | undefined;
}

/**
 * The shared models of the DigitalOcean API and its inference service: Droplets, regions, sizes, images, actions, pagination links and streamed chat completions.
 */
export class Client {
  readonly actions: Actions;
  readonly chat: Chat;
  readonly droplets: Droplets;
  readonly firewalls: Firewalls;
  readonly images: Images;
  readonly regions: Regions;
  readonly registry: Registry;
  readonly sizes: Sizes;
  readonly snapshots: SnapshotsResource;
  readonly vpcPeerings: VpcPeerings;

  readonly #core: BaseClient;

  constructor(options: ClientOptions = {}) {
    const core = new BaseClient({
      baseURL:
        options.baseURL ??
        readEnv("SHARED_SDK_BASE_URL") ??
        "https://api.digitalocean.com",
      servers: {
        inference:
          options.inferenceBaseURL ??
          readEnv("SHARED_SDK_INFERENCE_BASE_URL") ??
          "https://inference.do-ai.run",
      },
      timeout: options.timeout ?? 60_000,
      maxRetries: options.maxRetries ?? 2,
      defaultHeaders: options.defaultHeaders ?? {},
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      credentials: [
        {
          key: "bearer_auth",
          kind: "bearer",
          location: "header",
          name: "Authorization",
          values: [options.apiKey ?? readEnv("DIGITALOCEAN_ACCESS_TOKEN")],
        },
      ],
      security: [["bearer_auth"]],
      noCredentials:
        "No credentials: pass apiKey; or set DIGITALOCEAN_ACCESS_TOKEN",
      idempotencyHeader: "Idempotency-Key",
      maxInFlight: options.maxInFlight ?? Infinity,
      logLevel: options.logLevel ?? readEnv("SHARED_SDK_LOG"),
      logger: options.logger ?? console,
    });
    this.#core = core;
    this.actions = new Actions(core);
    this.chat = new Chat(core);
    this.droplets = new Droplets(core);
    this.firewalls = new Firewalls(core);
    this.images = new Images(core);
    this.regions = new Regions(core);
    this.registry = new Registry(core);
    this.sizes = new Sizes(core);
    this.snapshots = new SnapshotsResource(core);
    this.vpcPeerings = new VpcPeerings(core);
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
