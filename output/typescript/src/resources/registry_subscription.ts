import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";
import type { SubscriptionRetrieveResponse } from "../types/subscription_retrieve_response.js";

export class RegistrySubscription {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * Get subscription information
   */
  retrieve(options?: RequestOptions): APIPromise<SubscriptionRetrieveResponse> {
    return this.#client.request({
      method: "GET",
      path: "/v2/registry/subscription",
      options,
    });
  }
}
