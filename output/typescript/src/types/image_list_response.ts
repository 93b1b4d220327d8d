import type { Image } from "./image.js";
import type { MetaProperties } from "./meta_properties.js";
import type { PageLinks } from "./page_links.js";

export interface ImageListResponse {
  images: Image[];
  links?: PageLinks;
  /**
   * Information about the response itself.
   */
  meta: MetaProperties;
}
