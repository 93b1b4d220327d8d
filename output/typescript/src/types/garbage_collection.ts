export interface GarbageCollection {
  /**
   * The number of blobs deleted as a result of this garbage collection.
   */
  blobs_deleted?: number;
  /**
   * The time the garbage collection was created.
   */
  created_at?: string;
  /**
   * The number of bytes freed as a result of this garbage collection.
   */
  freed_bytes?: number;
  /**
   * The name of the container registry.
   */
  registry_name?: string;
  /**
   * The current status of this garbage collection.
   */
  status?:
    | "requested"
    | "waiting for write JWTs to expire"
    | "scanning manifests"
    | "deleting unreferenced blobs"
    | "cancelling"
    | "failed"
    | "succeeded"
    | "cancelled";
  /**
   * The time the garbage collection was last updated.
   */
  updated_at?: string;
  /**
   * A string specifying the UUID of the garbage collection.
   */
  uuid?: string;
}
