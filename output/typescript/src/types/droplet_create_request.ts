export type Image = string | number;

export type SshKey = string | number;

export interface DropletCreateRequest {
  /**
   * The human-readable string you wish to use when displaying the Droplet name. The name, if set to a domain name managed in the DigitalOcean DNS management system, will configure a PTR record for the Droplet. The name set during creation will also determine the hostname for the Droplet in its internal configuration.
   */
  name: string;
  /**
   * The slug identifier for the region that you wish to deploy the Droplet in. If the specific datacenter is not not important, a slug prefix (e.g. `nyc`) can be used to deploy the Droplet in any of the that region's locations (`nyc1`, `nyc2`, or `nyc3`). If the region is omitted from the create request completely, the Droplet may deploy in any region.
   */
  region?: string;
  /**
   * The slug identifier for the size that you wish to select for this Droplet.
   */
  size: string;
  /**
   * The image ID of a public or private image or the slug identifier for a public image. This image will be the base image for your Droplet.<br>Requires `image:read` scope.
   */
  image: Image;
  /**
   * An array containing the IDs or fingerprints of the SSH keys that you wish to embed in the Droplet's root account upon creation.
   */
  ssh_keys?: SshKey[];
  /**
   * A boolean indicating whether automated backups should be enabled for the Droplet.
   */
  backups?: boolean;
  /**
   * A boolean indicating whether to enable IPv6 on the Droplet.
   */
  ipv6?: boolean;
  /**
   * A boolean indicating whether to install the DigitalOcean agent for monitoring.
   */
  monitoring?: boolean;
  /**
   * A flat array of tag names as strings to apply to the Droplet after it is created. Tag names can either be existing or new tags.<br>Requires `tag:create` scope.
   */
  tags?: string[] | null;
  /**
   * A string containing 'user data' which may be used to configure the Droplet on first boot, often a 'cloud-config' file or Bash script. It must be plain text and may not exceed 64 KiB in size.
   */
  user_data?: string;
  /**
   * An array of IDs for block storage volumes that will be attached to the Droplet once created. The volumes must not already be attached to an existing Droplet.
   */
  volumes?: string[];
  /**
   * A string specifying the UUID of the VPC to which the Droplet will be assigned. If excluded, the Droplet will be assigned to your account's default VPC for the region.
   */
  vpc_uuid?: string;
  /**
   * A boolean indicating whether to install the DigitalOcean agent used for providing access to the Droplet web console in the control panel.
   */
  with_droplet_agent?: boolean;
}
