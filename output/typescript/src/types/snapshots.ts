export interface Snapshots {
  /**
   * The unique identifier for the snapshot.
   */
  id: string;
  /**
   * A time value given in ISO8601 combined date and time format that represents when the snapshot was created.
   */
  created_at: string;
  /**
   * The minimum size in GB required for a volume or Droplet to use this snapshot.
   */
  min_disk_size: number;
  /**
   * A human-readable name for the snapshot.
   */
  name: string;
  /**
   * An array of the regions that the snapshot is available in. The regions are represented by their identifying slug values.
   */
  regions: string[];
  /**
   * The unique identifier for the resource that the snapshot originated from.
   */
  resource_id: string;
  /**
   * The type of resource that the snapshot originated from.
   */
  resource_type: "droplet" | "volume";
  /**
   * The billable size of the snapshot in gigabytes.
   */
  size_gigabytes: number;
  /**
   * An array of Tags the snapshot has been tagged with.
   *
   * Requires `tag:read` scope.
   */
  tags?: string[] | null;
}
