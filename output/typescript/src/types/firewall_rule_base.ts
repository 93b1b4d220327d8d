export interface FirewallRuleBase {
  /**
   * The type of traffic to be allowed. This may be one of `tcp`, `udp`, or `icmp`.
   */
  protocol: "tcp" | "udp" | "icmp";
  /**
   * The ports on which traffic will be allowed specified as a string containing a single port, a range (e.g. "8000-9000"), or "0" when all ports are open for a protocol. For ICMP rules this parameter will always return "0".
   */
  ports: string;
}
