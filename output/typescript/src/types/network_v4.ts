export interface NetworkV4 {
  /**
   * The gateway of the specified IPv4 network interface.
   *
   * For private interfaces, a gateway is not provided. This is denoted by returning `nil` as its value.
   */
  gateway?: string;
  /**
   * The IP address of the IPv4 network interface.
   */
  ip_address?: string;
  /**
   * The netmask of the IPv4 network interface.
   */
  netmask?: string;
  /**
   * The type of the IPv4 network interface.
   */
  type?: "public" | "private";
}
