export interface GarbageCollectionStartParams {
  /**
   * The type of garbage collection to perform.
   */
  type?:
    | "untagged manifests only"
    | "unreferenced blobs only"
    | "untagged manifests and unreferenced blobs";
}
