import type { Firewall } from "./firewall.js";

export interface FirewallCreateResponse {
  firewall?: Firewall;
}
