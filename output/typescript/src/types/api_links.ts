/**
 * Information about how to reach other pages
 */
export interface Pages {
  /**
   * First page
   */
  first?: string;
  /**
   * Last page
   */
  last?: string;
  /**
   * Next page
   */
  next?: string;
  /**
   * Previous page
   */
  previous?: string;
}

/**
 * Links to other pages
 */
export interface APILinks {
  /**
   * Information about how to reach other pages
   */
  pages?: Pages;
}
