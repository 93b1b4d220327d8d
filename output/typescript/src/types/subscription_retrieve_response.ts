import type { Subscription } from "./subscription.js";

export interface SubscriptionRetrieveResponse {
  subscription?: Subscription;
}
