import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";
import type { PagePromise } from "../pagination.js";
import type { Droplet } from "../types/droplet.js";
import type { Image, SshKey } from "../types/droplet_create_params.js";
import type { DropletCreateResponse } from "../types/droplet_create_response.js";
import type { DropletListResponse } from "../types/droplet_list_response.js";
import type { DropletRetrieveResponse } from "../types/droplet_retrieve_response.js";

export interface DropletsListParams {
  /**
   * Number of items returned per page
   */
  per_page?: number;
  /**
   * Which 'page' of paginated results to return.
   */
  page?: number;
  /**
   * Only list Droplets with this tag.
   */
  tag_name?: string;
  /**
   * Only list Droplets with this exact name.
   */
  name?: string;
  /**
   * Only list Droplets of this kind; GPU Droplets are left out unless asked for.
   */
  type?: "droplets" | "gpus";
}

export interface DropletsCreateParams {
  /**
   * The human-readable string you wish to use when displaying the Droplet name. The name, if set to a domain name managed in the DigitalOcean DNS management system, will configure a PTR record for the Droplet. The name set during creation will also determine the hostname for the Droplet in its internal configuration.
   */
  name: string;
  /**
   * The slug identifier for the region that you wish to deploy the Droplet in. If the specific datacenter is not not important, a slug prefix (e.g. `nyc`) can be used to deploy the Droplet in any of the that region's locations (`nyc1`, `nyc2`, or `nyc3`). If the region is omitted from the create request completely, the Droplet may deploy in any region.
   */
  region?: string;
  /**
   * The slug identifier for the size that you wish to select for this Droplet.
   */
  size: string;
  /**
   * The image ID of a public or private image or the slug identifier for a public image. This image will be the base image for your Droplet.<br>Requires `image:read` scope.
   */
  image: Image;
  /**
   * An array containing the IDs or fingerprints of the SSH keys that you wish to embed in the Droplet's root account upon creation.
   */
  ssh_keys?: SshKey[];
  /**
   * A boolean indicating whether automated backups should be enabled for the Droplet.
   */
  backups?: boolean;
  /**
   * A boolean indicating whether to enable IPv6 on the Droplet.
   */
  ipv6?: boolean;
  /**
   * A boolean indicating whether to install the DigitalOcean agent for monitoring.
   */
  monitoring?: boolean;
  /**
   * A flat array of tag names as strings to apply to the Droplet after it is created. Tag names can either be existing or new tags.<br>Requires `tag:create` scope.
   */
  tags?: string[] | null;
  /**
   * A string containing 'user data' which may be used to configure the Droplet on first boot, often a 'cloud-config' file or Bash script. It must be plain text and may not exceed 64 KiB in size.
   */
  user_data?: string;
  /**
   * An array of IDs for block storage volumes that will be attached to the Droplet once created. The volumes must not already be attached to an existing Droplet.
   */
  volumes?: string[];
  /**
   * A string specifying the UUID of the VPC to which the Droplet will be assigned. If excluded, the Droplet will be assigned to your account's default VPC for the region.
   */
  vpc_uuid?: string;
  /**
   * A boolean indicating whether to install the DigitalOcean agent used for providing access to the Droplet web console in the control panel.
   */
  with_droplet_agent?: boolean;
}

export class Droplets {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * List all Droplets
   *
   * Lists every Droplet in the account, a page at a time, optionally filtered by tag, name or type.
   */
  list(
    params: DropletsListParams = {},
    options?: RequestOptions,
  ): PagePromise<Droplet, DropletListResponse> {
    return this.#client.requestPage({
      method: "GET",
      path: "/v2/droplets",
      query: {
        per_page: params.per_page,
        page: params.page,
        tag_name: params.tag_name,
        name: params.name,
        type: params.type,
      },
      paging: {
        scheme: "page",
        param: "page",
        sizeParam: "per_page",
        items: ["droplets"],
      },
      options,
    });
  }

  /**
   * Create a new Droplet
   *
   * Creates a Droplet. The response code, 202 Accepted, means the request was accepted for processing; the `actions` in the response's `links` report the create event.
   */
  create(
    params: DropletsCreateParams,
    options?: RequestOptions,
  ): APIPromise<DropletCreateResponse> {
    return this.#client.request({
      method: "POST",
      path: "/v2/droplets",
      body: {
        name: params.name,
        region: params.region,
        size: params.size,
        image: params.image,
        ssh_keys: params.ssh_keys,
        backups: params.backups,
        ipv6: params.ipv6,
        monitoring: params.monitoring,
        tags: params.tags,
        user_data: params.user_data,
        volumes: params.volumes,
        vpc_uuid: params.vpc_uuid,
        with_droplet_agent: params.with_droplet_agent,
      },
      options,
    });
  }

  /**
   * Retrieve an existing Droplet
   */
  retrieve(
    dropletId: number,
    options?: RequestOptions,
  ): APIPromise<DropletRetrieveResponse> {
    return this.#client.request({
      method: "GET",
      path: "/v2/droplets/{droplet_id}",
      pathParams: {
        droplet_id: dropletId,
      },
      options,
    });
  }

  /**
   * Delete an existing Droplet
   */
  delete(dropletId: number, options?: RequestOptions): APIPromise<void> {
    return this.#client.request({
      method: "DELETE",
      path: "/v2/droplets/{droplet_id}",
      pathParams: {
        droplet_id: dropletId,
      },
      responseType: "none",
      options,
    });
  }
}
