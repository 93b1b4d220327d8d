import type { Droplet } from "./droplet.js";

export interface DropletRetrieveResponse {
  droplet?: Droplet;
}
