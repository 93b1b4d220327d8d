import type { Gardener } from "./gardener.js";

/**
 * Every gardener, in one response (the list does not page).
 */
export interface GardenerList {
  object: "list";
  data: Gardener[];
}
