import type { BaseClient, RequestOptions } from "../core.js";
import type { PagePromise } from "../pagination.js";
import type { Region } from "../types/region.js";
import type { RegionListResponse } from "../types/region_list_response.js";

export interface RegionsListParams {
  /**
   * Number of items returned per page
   */
  per_page?: number;
  /**
   * Which 'page' of paginated results to return.
   */
  page?: number;
}

export class Regions {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * List all data center regions
   */
  list(
    params: RegionsListParams = {},
    options?: RequestOptions,
  ): PagePromise<Region, RegionListResponse> {
    return this.#client.requestPage({
      method: "GET",
      path: "/v2/regions",
      query: {
        per_page: params.per_page,
        page: params.page,
      },
      paging: {
        scheme: "page",
        param: "page",
        sizeParam: "per_page",
        items: ["regions"],
      },
      options,
    });
  }
}
