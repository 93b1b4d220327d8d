import type { FirewallRuleTarget } from "./firewall_rule_target.js";

export interface InboundRule {
  /**
   * The type of traffic to be allowed. This may be one of `tcp`, `udp`, or `icmp`.
   */
  protocol: "tcp" | "udp" | "icmp";
  /**
   * The ports on which traffic will be allowed specified as a string containing a single port, a range (e.g. "8000-9000"), or "0" when all ports are open for a protocol. For ICMP rules this parameter will always return "0".
   */
  ports: string;
  sources: FirewallRuleTarget;
}

export interface OutboundRule {
  /**
   * The type of traffic to be allowed. This may be one of `tcp`, `udp`, or `icmp`.
   */
  protocol: "tcp" | "udp" | "icmp";
  /**
   * The ports on which traffic will be allowed specified as a string containing a single port, a range (e.g. "8000-9000"), or "0" when all ports are open for a protocol. For ICMP rules this parameter will always return "0".
   */
  ports: string;
  destinations: FirewallRuleTarget;
}

export interface Firewall {
  /**
   * A unique ID that can be used to identify and reference a firewall.
   */
  readonly id?: string;
  /**
   * A status string indicating the current state of the firewall. This can be "waiting", "succeeded", or "failed".
   */
  readonly status?: "waiting" | "succeeded" | "failed";
  /**
   * A time value given in ISO8601 combined date and time format that represents when the firewall was created.
   */
  readonly created_at?: string;
  /**
   * A human-readable name for a firewall. The name must begin with an alphanumeric character. Subsequent characters must either be alphanumeric characters, a period (.), or a dash (-).
   */
  name?: string;
  /**
   * An array containing the IDs of the Droplets assigned to the firewall.
   */
  droplet_ids?: number[] | null;
  /**
   * A flat array of tag names as strings to be applied to the resource. Tag names may be for either existing or new tags.
   */
  tags?: string[] | null;
  inbound_rules?: InboundRule[] | null;
  outbound_rules?: OutboundRule[] | null;
}
