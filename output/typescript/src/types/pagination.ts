import type { PageLinks } from "./page_links.js";

export interface Pagination {
  links?: PageLinks;
}
