export interface FirewallRuleTarget {
  /**
   * An array of strings containing the IPv4 addresses, IPv6 addresses, IPv4 CIDRs, and/or IPv6 CIDRs to which the firewall will allow traffic.
   */
  addresses?: string[];
  /**
   * An array containing the IDs of the Droplets to which the firewall will allow traffic.
   */
  droplet_ids?: number[];
  /**
   * An array containing the IDs of the Kubernetes clusters to which the firewall will allow traffic.
   */
  kubernetes_ids?: string[];
  /**
   * An array containing the IDs of the load balancers to which the firewall will allow traffic.
   */
  load_balancer_uids?: string[];
  /**
   * A flat array of tag names as strings to be applied to the resource. Tag names must exist in order to be referenced in a request.
   *
   * Requires `tag:create` and `tag:read` scopes.
   */
  tags?: string[] | null;
}
