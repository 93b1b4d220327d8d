import type { BaseClient, RequestOptions } from "../core.js";
import type { PagePromise } from "../pagination.js";
import type { Size } from "../types/size.js";
import type { SizeListResponse } from "../types/size_list_response.js";

export interface SizesListParams {
  /**
   * Number of items returned per page
   */
  per_page?: number;
  /**
   * Which 'page' of paginated results to return.
   */
  page?: number;
}

export class Sizes {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * List all Droplet sizes
   */
  list(
    params: SizesListParams = {},
    options?: RequestOptions,
  ): PagePromise<Size, SizeListResponse> {
    return this.#client.requestPage({
      method: "GET",
      path: "/v2/sizes",
      query: {
        per_page: params.per_page,
        page: params.page,
      },
      paging: {
        scheme: "page",
        param: "page",
        sizeParam: "per_page",
        items: ["sizes"],
      },
      options,
    });
  }
}
