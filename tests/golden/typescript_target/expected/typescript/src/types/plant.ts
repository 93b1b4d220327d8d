import type { Kind } from "./kind.js";
import type { Schedule } from "./schedule.js";

export type Watering = Schedule | "by-hand" | "rain-only";

/**
 * A plant in a bed.
 *
 * Its `id` is given by the server.
 */
export interface Plant {
  readonly id: number;
  /**
   * What the gardener calls it.
   */
  name: string;
  kind: Kind;
  /**
   * Measured height; null until measured.
   */
  height_cm?: number | null;
  tags?: string[];
  labels?: { [key: string]: string };
  companions?: Plant[];
  watering?: Watering;
  "planted-on"?: string;
  /**
   * @deprecated
   */
  legacy_code?: string;
}
