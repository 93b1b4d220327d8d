export interface ForwardLinks {
  /**
   * URI of the last page of the results.
   */
  last?: string;
  /**
   * URI of the next page of the results.
   */
  next?: string;
}
