import type { MetaProperties } from "./meta_properties.js";
import type { PageLinks } from "./page_links.js";
import type { Size } from "./size.js";

export interface SizeListResponse {
  sizes?: Size[];
  links?: PageLinks;
  /**
   * Information about the response itself.
   */
  meta: MetaProperties;
}
