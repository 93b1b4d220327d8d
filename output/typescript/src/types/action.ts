import type { Region } from "./region.js";

export interface Action {
  /**
   * A unique numeric ID that can be used to identify and reference an action.
   */
  id?: number;
  /**
   * A time value given in ISO8601 combined date and time format that represents when the action was completed.
   */
  completed_at?: string | null;
  region?: Region;
  /**
   * A human-readable string that is used as a unique identifier for each region.
   */
  region_slug?: string | null;
  /**
   * A unique identifier for the resource that the action is associated with.
   */
  resource_id?: number | null;
  /**
   * The type of resource that the action is associated with.
   */
  resource_type?: string;
  /**
   * A time value given in ISO8601 combined date and time format that represents when the action was initiated.
   */
  started_at?: string;
  /**
   * The current status of the action. This can be "in-progress", "completed", or "errored".
   */
  status?: "in-progress" | "completed" | "errored";
  /**
   * This is the type of action that the object represents. For example, this could be "transfer" to represent the state of an image transfer action.
   */
  type?: string;
}
