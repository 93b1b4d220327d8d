import type { MetaProperties } from "./meta_properties.js";
import type { PageLinks } from "./page_links.js";
import type { VpcPeering } from "./vpc_peering.js";

export interface VpcPeeringListResponse {
  vpc_peerings?: VpcPeering[];
  links?: PageLinks;
  /**
   * Information about the response itself.
   */
  meta: MetaProperties;
}
