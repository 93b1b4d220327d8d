import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";
import type { BedListResponse } from "../types/bed_list_response.js";
import type { Kind } from "../types/kind.js";
import { BedsNotes } from "./beds_notes.js";
import { BedsPlants } from "./beds_plants.js";

export interface BedsListParams {
  sunny?: boolean;
  kinds?: Kind[];
  x_request_source?: string;
}

export class Beds {
  readonly notes: BedsNotes;
  readonly plants: BedsPlants;
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
    this.notes = new BedsNotes(client);
    this.plants = new BedsPlants(client);
  }

  /**
   * List the beds
   */
  list(
    params: BedsListParams = {},
    options?: RequestOptions,
  ): APIPromise<BedListResponse> {
    return this.#client.request({
      method: "GET",
      path: "/beds",
      query: {
        sunny: params.sunny,
        kinds: params.kinds,
      },
      headers: {
        "X-Request-Source": params.x_request_source,
      },
      styles: {
        kinds: ["pipeDelimited", false],
      },
      options,
    });
  }
}
