import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";
import type { Kind } from "../types/kind.js";
import type { Plant } from "../types/plant.js";

export interface BedsPlantsCreateParams {
  name: string;
  kind: Kind;
  labels?: { [key: string]: string };
}

export class BedsPlants {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * Plant something
   */
  create(
    bedName: string,
    params: BedsPlantsCreateParams,
    options?: RequestOptions,
  ): APIPromise<Plant> {
    return this.#client.request({
      method: "POST",
      path: "/beds/{bed_name}/plants",
      pathParams: {
        bed_name: bedName,
      },
      body: {
        name: params.name,
        kind: params.kind,
        labels: params.labels,
      },
      options,
    });
  }

  retrieve(
    bedName: string,
    plantId: number,
    options?: RequestOptions,
  ): APIPromise<Plant> {
    return this.#client.request({
      method: "GET",
      path: "/beds/{bed_name}/plants/{plant_id}",
      pathParams: {
        bed_name: bedName,
        plant_id: plantId,
      },
      options,
    });
  }

  delete(
    bedName: string,
    plantId: number,
    options?: RequestOptions,
  ): APIPromise<void> {
    return this.#client.request({
      method: "DELETE",
      path: "/beds/{bed_name}/plants/{plant_id}",
      pathParams: {
        bed_name: bedName,
        plant_id: plantId,
      },
      responseType: "none",
      security: [],
      options,
    });
  }
}
