export interface VpcPeering {
  /**
   * A unique ID that can be used to identify and reference the VPC peering.
   */
  readonly id?: string;
  /**
   * A time value given in ISO8601 combined date and time format.
   */
  readonly created_at?: string;
  /**
   * The name of the VPC peering. Must be unique within the team and may only contain alphanumeric characters and dashes.
   */
  name?: string;
  /**
   * The current status of the VPC peering.
   */
  readonly status?: "PROVISIONING" | "ACTIVE" | "DELETING";
  /**
   * An array of the two peered VPCs IDs.
   */
  vpc_ids?: string[];
}
