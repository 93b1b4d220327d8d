import type { BaseClient, RequestOptions } from "../core.js";

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
  ): Promise<string> {
    return this.#client.request({
      method: "PUT",
      path: "/beds/{bed_name}/notes",
      pathParams: {
        bed_name: bedName,
      },
      body: params.body,
      bodyType: "text",
      responseType: "text",
      options,
    });
  }
}
