/**
 * Information about the response itself.
 */
export interface MetaProperties {
  /**
   * Number of objects returned by the request.
   */
  total?: number;
}
