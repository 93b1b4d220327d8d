/**
 * Auto-pagination: a list method's result is awaited for its first page, or iterated
 * (`for await`) for every item of every page, fetched as needed.
 *
 * Each list says how its API pages (`Paging`): page numbers, an offset, a cursor in the
 * query (from a response field or the items), a next URL in the body, or a `Link` header.
 * A next URL on the client's own origin is followed whole; one on another origin is never
 * requested: only its query is sent, to the operation's own path, so that no credentials
 * go to a host the client was not given.
 */
import type { BaseClient, RequestSpec } from "./core.js";
import { rawResponse, type RawResponse } from "./response.js";

/** How a list operation asks for its next page. */
export interface Paging {
  scheme: "page" | "offset" | "cursor" | "next_url" | "link_header";
  /** The query parameter that moves: `page`, `offset`, `after` ... */
  param?: string;
  sizeParam?: string;
  /** The response field of the next URL or cursor: `["meta", "next_page_url"]`. */
  nextField?: string[];
  /** The response field that says there is more: `has_more`, `more`, a `total`. */
  moreField?: string[];
  /** A query parameter sent `true` with every page (Box's `usemarker`). */
  flag?: string;
  /** The response field of the items (`[]`: the body is the list). */
  items: string[];
}

type Query = Record<string, unknown>;

function dig(raw: unknown, path: string[]): unknown {
  let found = raw;
  for (const name of path) {
    found = isRecord(found) ? found[name] : undefined;
  }
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function positiveInt(value: unknown): number | undefined {
  const number = Number.parseInt(String(value), 10);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function queryOf(url: string): Query {
  const query: Query = {};
  const params = new URL(url, "http://localhost").searchParams;
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? values[0] : values;
  }
  return query;
}

function linkNext(header: string | null): string | undefined {
  for (const part of header?.split(",") ?? []) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (match && /rel="?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2] ?? "")) {
      return match[1];
    }
  }
  return undefined;
}

function itemId(item: unknown): unknown {
  return isRecord(item) ? item["id"] : undefined;
}

export class Page<Item, Body> implements AsyncIterable<Item> {
  private constructor(
    private readonly client: BaseClient,
    private readonly spec: RequestSpec,
    private readonly paging: Paging,
    /** The parsed response of this page. */
    readonly body: Body,
    /** This page's items. */
    readonly items: Item[],
    private readonly headers: Headers,
  ) {}

  static async load<Item, Body>(
    client: BaseClient,
    spec: RequestSpec,
    paging: Paging,
  ): Promise<Page<Item, Body>> {
    return (await Page.loadRaw<Item, Body>(client, spec, paging)).data;
  }

  /** The page, with the HTTP response it came in. */
  static async loadRaw<Item, Body>(
    client: BaseClient,
    spec: RequestSpec,
    paging: Paging,
  ): Promise<RawResponse<Page<Item, Body>>> {
    const first =
      paging.flag && spec.query?.[paging.flag] === undefined
        ? { ...spec, query: { ...spec.query, [paging.flag]: "true" } }
        : spec;
    const raw = await client.send(first);
    const found = dig(raw.data, paging.items);
    const items = Array.isArray(found) ? (found as Item[]) : [];
    const body = raw.data as Body;
    const page = new Page(client, first, paging, body, items, raw.headers);
    return rawResponse(raw.response, page);
  }

  private query(name: string | undefined): unknown {
    return name ? this.spec.query?.[name] : undefined;
  }

  /** The query that asks for the next page, or null on the last page. */
  nextPageInfo(): Query | null {
    if (this.items.length === 0) {
      return null;
    }
    const { scheme } = this.paging;
    const param = this.paging.param ?? "";
    if (scheme === "page") {
      const number = this.nextPageNumber();
      return number === undefined ? null : { [param]: number };
    }
    if (scheme === "offset") {
      return this.nextOffset(param);
    }
    if (scheme === "cursor") {
      return this.nextCursor(param);
    }
    const url = this.nextURL();
    if (url === undefined) {
      return null;
    }
    const info = queryOf(url);
    const moves = Object.entries(info).some(
      ([name, value]) => String(this.query(name)) !== String(value),
    );
    return moves || this.nextPath() !== undefined ? info : null;
  }

  hasNextPage(): boolean {
    return this.nextPageInfo() !== null;
  }

  async getNextPage(): Promise<Page<Item, Body>> {
    const info = this.nextPageInfo();
    if (info === null) {
      throw new Error("there is no next page; check hasNextPage() first");
    }
    const path = this.nextPath();
    const query = { ...this.spec.query, ...info };
    const next = { ...this.spec, query, ...(path ? { path } : {}) };
    return Page.load<Item, Body>(this.client, next, this.paging);
  }

  /** This page and every page after it. */
  async *iterPages(): AsyncGenerator<Page<Item, Body>> {
    let page: Page<Item, Body> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const page of this.iterPages()) {
      yield* page.items;
    }
  }

  private nextURL(): string | undefined {
    const url =
      this.paging.scheme === "next_url"
        ? dig(this.body, this.paging.nextField ?? [])
        : linkNext(this.headers.get("link"));
    return typeof url === "string" && url ? url : undefined;
  }

  /** The next URL's path when it is another path on the client's origin. */
  private nextPath(): string | undefined {
    const url = this.nextURL();
    if (url === undefined) {
      return undefined;
    }
    const base = new URL(this.client.baseURL(this.spec));
    const next = new URL(url, base);
    if (next.origin !== base.origin) {
      return undefined;
    }
    const prefix = base.pathname.replace(/\/+$/, "");
    if (!next.pathname.startsWith(`${prefix}/`)) {
      return undefined;
    }
    const path = next.pathname.slice(prefix.length);
    return path !== this.spec.path ? path : undefined;
  }

  private nextOffset(param: string): Query | null {
    const start = positiveInt(this.query(param)) ?? 0;
    const following = start + this.items.length;
    const more = dig(this.body, this.paging.moreField ?? []);
    if (typeof more === "boolean") {
      return more ? { [param]: following } : null;
    }
    return typeof more === "number" && following < more
      ? { [param]: following }
      : null;
  }

  private nextCursor(param: string): Query | null {
    const { moreField = [], nextField = [], flag } = this.paging;
    if (moreField.length > 0 && dig(this.body, moreField) !== true) {
      return null;
    }
    const cursor =
      nextField.length > 0
        ? dig(this.body, nextField)
        : moreField.length > 0
          ? itemId(this.items[this.items.length - 1])
          : this.itemCursor(param);
    if (
      (typeof cursor !== "string" && typeof cursor !== "number") ||
      cursor === ""
    ) {
      return null;
    }
    if (String(cursor) === String(this.query(param))) {
      return null; // a cursor that does not move would loop forever
    }
    return flag ? { [param]: cursor, [flag]: "true" } : { [param]: cursor };
  }

  /**
   * A cursor from the items alone (Discord's `after`/`before`): a page shorter than the
   * size asked for is the last; else the highest id (the lowest for `before`).
   */
  private itemCursor(param: string): unknown {
    const size = positiveInt(this.query(this.paging.sizeParam));
    if (size !== undefined && this.items.length < size) {
      return undefined;
    }
    const ids = this.items.map(itemId);
    const backwards = param.toLowerCase() === "before";
    if (ids.every((id) => /^\d+$/.test(String(id)))) {
      const numbers = ids.map((id) => BigInt(String(id)));
      const chosen = numbers.reduce((a, b) =>
        backwards ? (b < a ? b : a) : b > a ? b : a,
      );
      return ids[numbers.indexOf(chosen)];
    }
    return backwards ? ids[0] : ids[ids.length - 1];
  }

  /**
   * The next page's number, or undefined on the last page: from `has_next` where the
   * response has one, else `links.pages.next`, else `meta.total`, else a full page
   * means more.
   */
  private nextPageNumber(): number | undefined {
    const param = this.paging.param ?? "";
    const current = positiveInt(this.query(param)) ?? 1;
    const moreField = this.paging.moreField ?? [];
    if (moreField.length > 0) {
      return dig(this.body, moreField) === true ? current + 1 : undefined;
    }
    const pages = dig(this.body, ["links", "pages"]);
    if (
      isRecord(pages) &&
      ["next", "last", "prev", "first"].some((key) => key in pages)
    ) {
      const next = pages["next"];
      if (typeof next !== "string") {
        return undefined;
      }
      const number = queryOf(next)[param];
      if (number === undefined) {
        return current + 1;
      }
      const found = positiveInt(Array.isArray(number) ? number[0] : number);
      // A next link that does not move forward would loop forever: stop instead.
      return found !== undefined && found > current ? found : undefined;
    }
    const perPage = positiveInt(this.query(this.paging.sizeParam));
    const total = dig(this.body, ["meta", "total"]);
    if (typeof total === "number") {
      const size = perPage ?? this.items.length;
      return current * size < total ? current + 1 : undefined;
    }
    return perPage !== undefined && this.items.length >= perPage
      ? current + 1
      : undefined;
  }
}

/**
 * What a list method returns: `await` it for the first page, or `for await` over it for
 * every item of every page.
 */
export class PagePromise<Item, Body>
  implements PromiseLike<Page<Item, Body>>, AsyncIterable<Item>
{
  private first: Promise<RawResponse<Page<Item, Body>>> | undefined;

  constructor(
    private readonly load: () => Promise<RawResponse<Page<Item, Body>>>,
  ) {}

  /** The first page with the HTTP response it came in. */
  withRawResponse(): Promise<RawResponse<Page<Item, Body>>> {
    this.first ??= this.load();
    return this.first;
  }

  private page(): Promise<Page<Item, Body>> {
    return this.withRawResponse().then((raw) => raw.data);
  }

  then<Result = Page<Item, Body>, Failure = never>(
    onFulfilled?:
      ((page: Page<Item, Body>) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Result | Failure> {
    return this.page().then(onFulfilled, onRejected);
  }

  catch<Failure = never>(
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Page<Item, Body> | Failure> {
    return this.page().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Page<Item, Body>> {
    return this.page().finally(onFinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    yield* await this.page();
  }
}
