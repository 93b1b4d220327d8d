import type { ActionLink } from "./action_link.js";
import type { Droplet } from "./droplet.js";

export interface Links {
  actions?: ActionLink[];
}

export interface DropletCreateResponse {
  droplet: Droplet;
  links: Links;
}
