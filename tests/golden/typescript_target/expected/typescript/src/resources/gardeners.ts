import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";
import type { Gardener } from "../types/gardener.js";
import type { GardenerList } from "../types/gardener_list.js";

export class Gardeners {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  list(
    options?: RequestOptions,
  ): APIPromise<GardenerList & Iterable<Gardener>> {
    return this.#client.request({
      method: "GET",
      path: "/gardeners",
      items: "data",
      options,
    });
  }
}
