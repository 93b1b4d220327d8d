import type { BaseClient, RequestOptions } from "../core.js";
import type { PagePromise } from "../pagination.js";
import type { VpcPeering } from "../types/vpc_peering.js";
import type { VpcPeeringListResponse } from "../types/vpc_peering_list_response.js";

export interface VpcPeeringsListParams {
  /**
   * Number of items returned per page
   */
  per_page?: number;
  /**
   * Which 'page' of paginated results to return.
   */
  page?: number;
  /**
   * Only list VPC peerings in this region.
   */
  region?: string;
}

export class VpcPeerings {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * List all VPC peerings
   */
  list(
    params: VpcPeeringsListParams = {},
    options?: RequestOptions,
  ): PagePromise<VpcPeering, VpcPeeringListResponse> {
    return this.#client.requestPage({
      method: "GET",
      path: "/v2/vpc_peerings",
      query: {
        per_page: params.per_page,
        page: params.page,
        region: params.region,
      },
      paging: {
        scheme: "page",
        param: "page",
        sizeParam: "per_page",
        items: ["vpc_peerings"],
      },
      options,
    });
  }
}
