export interface Region {
  /**
   * This is a boolean value that represents whether new Droplets can be created in this region.
   */
  available: boolean;
  /**
   * This attribute is set to an array which contains features available in this region
   */
  features: string[];
  /**
   * The display name of the region. This will be a full name that is used in the control panel and other interfaces.
   */
  name: string;
  /**
   * This attribute is set to an array which contains the identifying slugs for the sizes available in this region. sizes:read is required to view.
   */
  sizes: string[];
  /**
   * A human-readable string that is used as a unique identifier for each region.
   */
  slug: string;
}
