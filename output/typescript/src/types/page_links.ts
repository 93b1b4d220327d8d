import type { BackwardLinks } from "./backward_links.js";
import type { ForwardLinks } from "./forward_links.js";

export type Pages = ForwardLinks | BackwardLinks | unknown;

export interface PageLinks {
  pages?: Pages;
}
