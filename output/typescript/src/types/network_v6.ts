export interface NetworkV6 {
  /**
   * The gateway of the specified IPv6 network interface.
   */
  gateway?: string;
  /**
   * The IP address of the IPv6 network interface.
   */
  ip_address?: string;
  /**
   * The netmask of the IPv6 network interface.
   */
  netmask?: number;
  /**
   * The type of the IPv6 network interface.
   *
   * **Note**: IPv6 private networking is not currently supported.
   */
  type?: "public";
}
