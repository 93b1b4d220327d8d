import type { GarbageCollection } from "./garbage_collection.js";
import type { MetaProperties } from "./meta_properties.js";

export interface GarbageCollectionListResponse {
  garbage_collections?: GarbageCollection[];
  /**
   * Information about the response itself.
   */
  meta?: MetaProperties;
}
