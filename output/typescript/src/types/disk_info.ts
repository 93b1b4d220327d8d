export interface Size {
  /**
   * The amount of space allocated to the disk.
   */
  amount?: number;
  /**
   * The unit of measure for the disk size.
   */
  unit?: string;
}

export interface DiskInfo {
  size?: Size;
  /**
   * The type of disk. All Droplets contain a `local` disk. Additionally, GPU Droplets can also have a `scratch` disk for non-persistent data.
   */
  type?: "local" | "scratch";
}
