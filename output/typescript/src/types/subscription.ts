import type { SubscriptionTierBase } from "./subscription_tier_base.js";

export interface Subscription {
  /**
   * The time at which the subscription was created.
   */
  readonly created_at?: string;
  tier?: SubscriptionTierBase;
  /**
   * The time at which the subscription was last updated.
   */
  readonly updated_at?: string;
}
