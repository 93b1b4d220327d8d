/**
 * The linked actions can be used to check the status of a Droplet's create event.
 */
export interface ActionLink {
  /**
   * A unique numeric ID that can be used to identify and reference an action.
   */
  id?: number;
  /**
   * A URL that can be used to access the action.
   */
  href?: string;
  /**
   * A string specifying the type of the related action.
   */
  rel?: string;
}
