import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";
import type { PagePromise } from "../pagination.js";
import type { Action } from "../types/action.js";
import type { ActionListResponse } from "../types/action_list_response.js";
import type { ActionRetrieveResponse } from "../types/action_retrieve_response.js";

export interface ActionsListParams {
  /**
   * Number of items returned per page
   */
  per_page?: number;
  /**
   * Which 'page' of paginated results to return.
   */
  page?: number;
}

export class Actions {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * List all actions
   */
  list(
    params: ActionsListParams = {},
    options?: RequestOptions,
  ): PagePromise<Action, ActionListResponse> {
    return this.#client.requestPage({
      method: "GET",
      path: "/v2/actions",
      query: {
        per_page: params.per_page,
        page: params.page,
      },
      paging: {
        scheme: "page",
        param: "page",
        sizeParam: "per_page",
        items: ["actions"],
      },
      options,
    });
  }

  /**
   * Retrieve an existing action
   */
  retrieve(
    actionId: number,
    options?: RequestOptions,
  ): APIPromise<ActionRetrieveResponse> {
    return this.#client.request({
      method: "GET",
      path: "/v2/actions/{action_id}",
      pathParams: {
        action_id: actionId,
      },
      options,
    });
  }
}
