import type { BaseClient, RequestOptions } from "../core.js";
import type { PagePromise } from "../pagination.js";
import type { SnapshotListResponse } from "../types/snapshot_list_response.js";
import type { Snapshots } from "../types/snapshots.js";

export interface SnapshotsResourceListParams {
  /**
   * Number of items returned per page
   */
  per_page?: number;
  /**
   * Which 'page' of paginated results to return.
   */
  page?: number;
  /**
   * Only list snapshots of Droplets or of volumes.
   */
  resource_type?: "droplet" | "volume";
}

export class SnapshotsResource {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * List all snapshots
   */
  list(
    params: SnapshotsResourceListParams = {},
    options?: RequestOptions,
  ): PagePromise<Snapshots, SnapshotListResponse> {
    return this.#client.requestPage({
      method: "GET",
      path: "/v2/snapshots",
      query: {
        per_page: params.per_page,
        page: params.page,
        resource_type: params.resource_type,
      },
      paging: {
        scheme: "page",
        param: "page",
        sizeParam: "per_page",
        items: ["snapshots"],
      },
      options,
    });
  }
}
