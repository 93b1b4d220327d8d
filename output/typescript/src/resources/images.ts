import type { BaseClient, RequestOptions } from "../core.js";
import type { PagePromise } from "../pagination.js";
import type { Image } from "../types/image.js";
import type { ImageListResponse } from "../types/image_list_response.js";

export interface ImagesListParams {
  /**
   * Number of items returned per page
   */
  per_page?: number;
  /**
   * Which 'page' of paginated results to return.
   */
  page?: number;
  /**
   * Only list distribution images or application images.
   */
  type?: "application" | "distribution";
  /**
   * Only list the account's own images.
   */
  private?: boolean;
  /**
   * Only list images with this tag.
   */
  tag_name?: string;
}

export class Images {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * List all images
   */
  list(
    params: ImagesListParams = {},
    options?: RequestOptions,
  ): PagePromise<Image, ImageListResponse> {
    return this.#client.requestPage({
      method: "GET",
      path: "/v2/images",
      query: {
        per_page: params.per_page,
        page: params.page,
        type: params.type,
        private: params.private,
        tag_name: params.tag_name,
      },
      paging: {
        scheme: "page",
        param: "page",
        sizeParam: "per_page",
        items: ["images"],
      },
      options,
    });
  }
}
