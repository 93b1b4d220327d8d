import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";
import type {
  InboundRule,
  OutboundRule,
} from "../types/firewall_create_params.js";
import type { FirewallCreateResponse } from "../types/firewall_create_response.js";

export interface FirewallsCreateParams {
  /**
   * A human-readable name for a firewall. The name must begin with an alphanumeric character. Subsequent characters must either be alphanumeric characters, a period (.), or a dash (-).
   */
  name: string;
  /**
   * An array containing the IDs of the Droplets assigned to the firewall.
   */
  droplet_ids?: number[] | null;
  /**
   * A flat array of tag names as strings to be applied to the resource. Tag names may be for either existing or new tags.
   */
  tags?: string[] | null;
  inbound_rules?: InboundRule[] | null;
  outbound_rules?: OutboundRule[] | null;
}

export class Firewalls {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * Create a new firewall
   */
  create(
    params: FirewallsCreateParams,
    options?: RequestOptions,
  ): APIPromise<FirewallCreateResponse> {
    return this.#client.request({
      method: "POST",
      path: "/v2/firewalls",
      body: {
        name: params.name,
        droplet_ids: params.droplet_ids,
        tags: params.tags,
        inbound_rules: params.inbound_rules,
        outbound_rules: params.outbound_rules,
      },
      options,
    });
  }
}
