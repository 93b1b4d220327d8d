import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";
import type { WebhookListResponse } from "../types/webhook_list_response.js";

export class Webhooks {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  list(options?: RequestOptions): APIPromise<WebhookListResponse> {
    return this.#client.request({
      method: "GET",
      path: "/webhooks",
      options,
    });
  }
}
