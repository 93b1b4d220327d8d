import type { MetaProperties } from "./meta_properties.js";
import type { PageLinks } from "./page_links.js";
import type { Snapshots } from "./snapshots.js";

export interface SnapshotListResponse {
  snapshots?: Snapshots[];
  links?: PageLinks;
  /**
   * Information about the response itself.
   */
  meta: MetaProperties;
}
