import type { Action } from "./action.js";
import type { MetaProperties } from "./meta_properties.js";
import type { PageLinks } from "./page_links.js";

export interface ActionListResponse {
  actions?: Action[];
  links?: PageLinks;
  /**
   * Information about the response itself.
   */
  meta: MetaProperties;
}
