import type { Kind } from "./kind.js";

export interface PlantCreateParams {
  name: string;
  kind: Kind;
  labels?: { [key: string]: string };
}
