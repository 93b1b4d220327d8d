import type { GarbageCollection } from "./garbage_collection.js";

export interface GarbageCollectionStartResponse {
  garbage_collection?: GarbageCollection;
}
