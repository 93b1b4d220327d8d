import type { Plant } from "./plant.js";

export interface Bed {
  name?: string;
  plants?: Plant[];
  children?: Bed[];
}
