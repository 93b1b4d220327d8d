import type { Droplet } from "./droplet.js";
import type { MetaProperties } from "./meta_properties.js";
import type { PageLinks } from "./page_links.js";

export interface DropletListResponse {
  droplets?: Droplet[];
  links?: PageLinks;
  /**
   * Information about the response itself.
   */
  meta: MetaProperties;
}
