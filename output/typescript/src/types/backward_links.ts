export interface BackwardLinks {
  /**
   * URI of the first page of the results.
   */
  first?: string;
  /**
   * URI of the previous page of the results.
   */
  prev?: string;
}
