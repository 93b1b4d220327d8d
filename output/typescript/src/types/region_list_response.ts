import type { MetaProperties } from "./meta_properties.js";
import type { PageLinks } from "./page_links.js";
import type { Region } from "./region.js";

export interface RegionListResponse {
  regions?: Region[];
  links?: PageLinks;
  /**
   * Information about the response itself.
   */
  meta: MetaProperties;
}
