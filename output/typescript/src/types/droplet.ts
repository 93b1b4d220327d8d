import type { DiskInfo } from "./disk_info.js";
import type { DropletNextBackupWindow } from "./droplet_next_backup_window.js";
import type { GPUInfo } from "./gpu_info.js";
import type { Image } from "./image.js";
import type { Kernel } from "./kernel.js";
import type { NetworkV4 } from "./network_v4.js";
import type { NetworkV6 } from "./network_v6.js";
import type { Region } from "./region.js";
import type { Size } from "./size.js";

/**
 * The details of the network that are configured for the Droplet instance. This is an object that contains keys for IPv4 and IPv6. The value of each of these is an array that contains objects describing an individual IP resource allocated to the Droplet. These will define attributes like the IP address, netmask, and gateway of the specific network depending on the type of network it is.
 */
export interface Networks {
  v4?: NetworkV4[];
  v6?: NetworkV6[];
}

export interface Droplet {
  /**
   * A unique identifier for each Droplet instance. This is automatically generated upon Droplet creation.
   */
  id: number;
  /**
   * An array of backup IDs of any backups that have been taken of the Droplet instance. Droplet backups are enabled at the time of the instance creation.<br>Requires `image:read` scope.
   */
  backup_ids: number[];
  /**
   * A time value given in ISO8601 combined date and time format that represents when the Droplet was created.
   */
  created_at: string;
  /**
   * The size of the Droplet's disk in gigabytes.
   */
  disk: number;
  /**
   * An array of features enabled on this Droplet.
   */
  features: string[];
  /**
   * The Droplet's image.<br>Requires `image:read` scope.
   */
  image: Image;
  /**
   * A boolean value indicating whether the Droplet has been locked, preventing actions by users.
   */
  locked: boolean;
  /**
   * Memory of the Droplet in megabytes.
   */
  memory: number;
  /**
   * The human-readable name set for the Droplet instance.
   */
  name: string;
  /**
   * The details of the network that are configured for the Droplet instance. This is an object that contains keys for IPv4 and IPv6. The value of each of these is an array that contains objects describing an individual IP resource allocated to the Droplet. These will define attributes like the IP address, netmask, and gateway of the specific network depending on the type of network it is.
   */
  networks: Networks;
  /**
   * The details of the Droplet's backups feature, if backups are configured for the Droplet. This object contains keys for the start and end times of the window during which the backup will start.
   */
  next_backup_window: DropletNextBackupWindow | null;
  region: Region;
  size: Size;
  /**
   * The unique slug identifier for the size of this Droplet.
   */
  size_slug: string;
  /**
   * An array of snapshot IDs of any snapshots created from the Droplet instance.<br>Requires `image:read` scope.
   */
  snapshot_ids: number[];
  /**
   * A status string indicating the state of the Droplet instance. This may be "new", "active", "off", or "archive".
   */
  status: "new" | "active" | "off" | "archive";
  /**
   * An array of Tags the Droplet has been tagged with.<br>Requires `tag:read` scope.
   */
  tags: string[];
  /**
   * The number of virtual CPUs.
   */
  vcpus: number;
  /**
   * A flat array including the unique identifier for each Block Storage volume attached to the Droplet.<br>Requires `block_storage:read` scope.
   */
  volume_ids: string[];
  /**
   * An array of objects containing information about the disks available to the Droplet.
   */
  disk_info?: DiskInfo[];
  /**
   * An object containing information about the GPU capabilities of Droplets created with this size.
   */
  gpu_info?: GPUInfo;
  /**
   * **Note**: All Droplets created after March 2017 use internal kernels by default. These Droplets will have this attribute set to `null`.
   *
   * The current [kernel](https://docs.digitalocean.com/products/droplets/how-to/kernel/) for Droplets with externally managed kernels. This will initially be set to the kernel of the base image when the Droplet is created.
   *
   * @deprecated
   */
  kernel?: Kernel | null;
  /**
   * A string specifying the UUID of the VPC to which the Droplet is assigned.<br>Requires `vpc:read` scope.
   */
  vpc_uuid?: string;
}
