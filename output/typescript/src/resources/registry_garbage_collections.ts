import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";
import type { PagePromise } from "../pagination.js";
import type { GarbageCollection } from "../types/garbage_collection.js";
import type { GarbageCollectionListResponse } from "../types/garbage_collection_list_response.js";
import type { GarbageCollectionStartResponse } from "../types/garbage_collection_start_response.js";

export interface RegistryGarbageCollectionsStartParams {
  /**
   * The type of garbage collection to perform.
   */
  type?:
    | "untagged manifests only"
    | "unreferenced blobs only"
    | "untagged manifests and unreferenced blobs";
}

export interface RegistryGarbageCollectionsListParams {
  /**
   * Number of items returned per page
   */
  per_page?: number;
  /**
   * Which 'page' of paginated results to return.
   */
  page?: number;
}

export class RegistryGarbageCollections {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * Start garbage collection
   */
  start(
    registryName: string,
    params: RegistryGarbageCollectionsStartParams = {},
    options?: RequestOptions,
  ): APIPromise<GarbageCollectionStartResponse> {
    return this.#client.request({
      method: "POST",
      path: "/v2/registry/{registry_name}/garbage-collection",
      pathParams: {
        registry_name: registryName,
      },
      body: {
        type: params.type,
      },
      options,
    });
  }

  /**
   * List garbage collections
   */
  list(
    registryName: string,
    params: RegistryGarbageCollectionsListParams = {},
    options?: RequestOptions,
  ): PagePromise<GarbageCollection, GarbageCollectionListResponse> {
    return this.#client.requestPage({
      method: "GET",
      path: "/v2/registry/{registry_name}/garbage-collections",
      pathParams: {
        registry_name: registryName,
      },
      query: {
        per_page: params.per_page,
        page: params.page,
      },
      paging: {
        scheme: "page",
        param: "page",
        sizeParam: "per_page",
        items: ["garbage_collections"],
      },
      options,
    });
  }
}
