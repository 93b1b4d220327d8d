import type { Action } from "./action.js";

export interface ActionRetrieveResponse {
  action?: Action;
}
