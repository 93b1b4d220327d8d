import type { MetaProperties } from "./meta_properties.js";

export interface MetaResponse {
  /**
   * Information about the response itself.
   */
  meta: MetaProperties;
}
