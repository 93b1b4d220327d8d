export interface SubscriptionTierBase {
  /**
   * A boolean indicating whether the subscription tier supports additional storage above what is included in the base plan at an additional cost per GiB used.
   */
  allow_storage_overage?: boolean;
  /**
   * The amount of outbound data transfer included in the subscription tier in bytes.
   */
  included_bandwidth_bytes?: number;
  /**
   * The number of repositories included in the subscription tier. `0` indicates that the subscription tier includes unlimited repositories.
   */
  included_repositories?: number;
  /**
   * The amount of storage included in the subscription tier in bytes.
   */
  included_storage_bytes?: number;
  /**
   * The monthly cost of the subscription tier in cents.
   */
  monthly_price_in_cents?: number;
  /**
   * The name of the subscription tier.
   */
  name?: string;
  /**
   * The slug identifier of the subscription tier.
   */
  slug?: string;
  /**
   * The price paid in cents per GiB for additional storage beyond what is included in the subscription plan.
   */
  storage_overage_price_in_cents?: number;
}
