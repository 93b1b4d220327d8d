/**
 * Meta information about the data set
 */
export interface APIMeta {
  /**
   * The current page
   */
  page?: number;
  /**
   * Total number of pages
   */
  pages?: number;
  /**
   * Total amount of items over all pages
   */
  total?: number;
}
