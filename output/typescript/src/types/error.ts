export interface Error {
  /**
   * A short identifier corresponding to the HTTP status code returned. For example, the ID for a response returning a 404 status code would be "not_found."
   */
  id: string;
  /**
   * A message providing additional information about the error, including details to help resolve it when possible.
   */
  message: string;
  /**
   * Optionally, some endpoints may include a request ID that should be provided when reporting bugs or opening support tickets to help identify the issue.
   */
  request_id?: string;
}
