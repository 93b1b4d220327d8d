import type { Bed } from "./bed.js";

export type BedListResponse = Bed[];
