import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";

export interface BedsNotesUpdateParams {
  body?: string;
}

export class BedsNotes {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  update(
    bedName: string,
    params: BedsNotesUpdateParams = {},
    options?: RequestOptions,
  ): APIPromise<string> {
    return this.#client.request({
      method: "PUT",
      path: "/beds/{bed_name}/notes",
      pathParams: {
        bed_name: bedName,
      },
      headers: {
        Accept: "text/plain",
      },
      body: params.body,
      bodyType: "text",
      responseType: "text",
      options,
    });
  }
}
