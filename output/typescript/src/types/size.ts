import type { DiskInfo } from "./disk_info.js";
import type { GPUInfo } from "./gpu_info.js";

export interface Size {
  /**
   * This is a boolean value that represents whether new Droplets can be created with this size.
   */
  available: boolean;
  /**
   * A string describing the class of Droplets created from this size. For example: Basic, General Purpose, CPU-Optimized, Memory-Optimized, or Storage-Optimized.
   */
  description: string;
  /**
   * The amount of disk space set aside for Droplets of this size. The value is represented in gigabytes.
   */
  disk: number;
  /**
   * The amount of RAM allocated to Droplets created of this size. The value is represented in megabytes.
   */
  memory: number;
  /**
   * This describes the price of the Droplet size as measured hourly. The value is measured in US dollars.
   */
  price_hourly: number;
  /**
   * This attribute describes the monthly cost of this Droplet size if the Droplet is kept for an entire month. The value is measured in US dollars.
   */
  price_monthly: number;
  /**
   * An array containing the region slugs where this size is available for Droplet creates. regions:read is required to view.
   */
  regions: string[];
  /**
   * A human-readable string that is used to uniquely identify each size.
   */
  slug: string;
  /**
   * The amount of transfer bandwidth that is available for Droplets created in this size. This only counts traffic on the public interface. The value is given in terabytes.
   */
  transfer: number;
  /**
   * The number of CPUs allocated to Droplets of this size.
   */
  vcpus: number;
  /**
   * An array of objects containing information about the disks available to Droplets created with this size.
   */
  disk_info?: DiskInfo[];
  /**
   * An object containing information about the GPU capabilities of Droplets created with this size.
   */
  gpu_info?: GPUInfo;
}
