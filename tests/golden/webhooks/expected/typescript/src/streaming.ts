/**
 * Streamed responses: server-sent events, and JSON Lines, NDJSON and JSON text sequences
 * (one value a line), each event's data parsed as JSON as it arrives.
 */
import {
  APIConnectionError,
  APIError,
  APIResponseValidationError,
} from "./errors.js";

/** Media types of one JSON value per line, read with `JSONLinesDecoder`. */
const JSON_SEQUENCE_TYPES = new Set([
  "application/jsonl",
  "application/x-ndjson",
  "application/x-jsonlines",
  "application/json-seq",
]);

export interface ServerSentEvent {
  event: string | null;
  data: string;
  id: string | null;
  retry: number | null;
}

/**
 * Turns bytes, as they arrive in chunks of any size, into events.
 *
 * Follows the WHATWG rules: lines end in CR, LF or CRLF (even when a chunk ends between
 * CR and LF); `data:` lines join with newlines; `:` starts a comment; a blank line ends
 * an event; an event the stream ends in the middle of is dropped.
 */
export class SSEDecoder {
  readonly #text = new TextDecoder();
  #buffer = "";
  #event: string | null = null;
  #data: string[] = [];
  #id: string | null = null;
  #retry: number | null = null;

  feed(chunk: Uint8Array): ServerSentEvent[] {
    this.#buffer += this.#text.decode(chunk, { stream: true });
    const events: ServerSentEvent[] = [];
    const lineEnd = /\r\n|\r|\n/g;
    let position = 0;
    for (;;) {
      lineEnd.lastIndex = position;
      const match = lineEnd.exec(this.#buffer);
      if (match === null) {
        break;
      }
      if (match[0] === "\r" && match.index + 1 === this.#buffer.length) {
        break; // a CRLF may be split between two chunks
      }
      const line = this.#buffer.slice(position, match.index);
      position = match.index + match[0].length;
      const event = this.#line(line);
      if (event !== null) {
        events.push(event);
      }
    }
    this.#buffer = this.#buffer.slice(position);
    return events;
  }

  /** The events completed by the end of the stream: a final CR ends its line. */
  end(): ServerSentEvent[] {
    this.#buffer += this.#text.decode();
    if (!this.#buffer.endsWith("\r")) {
      return [];
    }
    const event = this.#line(this.#buffer.slice(0, -1));
    this.#buffer = "";
    return event !== null ? [event] : [];
  }

  #line(line: string): ServerSentEvent | null {
    if (line === "") {
      if (this.#data.length === 0 && this.#event === null) {
        return null;
      }
      const event = {
        event: this.#event,
        data: this.#data.join("\n"),
        id: this.#id,
        retry: this.#retry,
      };
      this.#event = null;
      this.#data = [];
      this.#retry = null;
      return event;
    }
    if (line.startsWith(":")) {
      return null;
    }
    const colon = line.indexOf(":");
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) {
      value = value.slice(1);
    }
    if (name === "data") {
      this.#data.push(value);
    } else if (name === "event") {
      this.#event = value;
    } else if (name === "id" && !value.includes("\0")) {
      this.#id = value;
    } else if (name === "retry" && /^\d+$/.test(value)) {
      this.#retry = Number(value);
    }
    return null;
  }
}

/**
 * JSON Lines, NDJSON and JSON text sequences (RFC 7464): one value a line, each given as
 * an event's data. Record separators and blank lines are dropped; a last line without its
 * line end still counts.
 */
export class JSONLinesDecoder {
  readonly #text = new TextDecoder();
  #buffer = "";

  feed(chunk: Uint8Array): ServerSentEvent[] {
    const lines = (
      this.#buffer + this.#text.decode(chunk, { stream: true })
    ).split("\n");
    this.#buffer = lines.pop() ?? "";
    return lines.flatMap((line) => JSONLinesDecoder.#event(line));
  }

  end(): ServerSentEvent[] {
    const events = JSONLinesDecoder.#event(this.#buffer + this.#text.decode());
    this.#buffer = "";
    return events;
  }

  static #event(line: string): ServerSentEvent[] {
    const data = line.replace(/^[\x1e \t\r]+|[\x1e \t\r]+$/g, "");
    return data ? [{ event: null, data, id: null, retry: null }] : [];
  }
}

/**
 * The events of a streamed response, parsed as they arrive: `for await` over it once.
 *
 * Leaving the loop early (`break`, a thrown error) closes the connection, and so does
 * `stream.controller.abort()` (or the call's `signal`), which ends the loop quietly.
 */
export class Stream<Item> implements AsyncIterable<Item> {
  #used = false;

  constructor(
    /** The HTTP response, its body read by the iteration. */
    readonly response: Response,
    /** Aborting it ends the stream and closes its connection. */
    readonly controller: AbortController,
    private readonly release: () => void = () => {},
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    if (this.#used) {
      throw new Error("a stream can be iterated only once");
    }
    this.#used = true;
    const type = this.response.headers.get("content-type") ?? "";
    const mediaType = type.split(";")[0]?.trim().toLowerCase() ?? "";
    const decoder = JSON_SEQUENCE_TYPES.has(mediaType)
      ? new JSONLinesDecoder()
      : new SSEDecoder();
    const reader = this.response.body?.getReader();
    let finished = false;
    try {
      for (;;) {
        const chunk = reader ? await reader.read() : { done: true as const };
        const events = chunk.done ? decoder.end() : decoder.feed(chunk.value);
        for (const event of events) {
          if (event.data.startsWith("[DONE]")) {
            finished = true;
            return;
          }
          yield this.value(event);
        }
        if (chunk.done) {
          finished = true;
          return;
        }
      }
    } catch (error) {
      if (this.controller.signal.aborted) {
        return; // cancelled by the caller
      }
      if (error instanceof APIError) {
        throw error;
      }
      throw new APIConnectionError("The stream broke off.", { cause: error });
    } finally {
      if (!finished) {
        this.controller.abort();
      }
      this.release();
    }
  }

  /** An event's value, or the error it reports. */
  private value(event: ServerSentEvent): Item {
    let data: unknown;
    try {
      data = JSON.parse(event.data) as unknown;
    } catch {
      if (event.event === "error") {
        throw new APIError(
          event.data || "error event",
          undefined,
          this.response.headers,
          event.data,
        );
      }
      throw new APIResponseValidationError(
        `stream event is not JSON: ${event.data.slice(0, 200)}`,
        this.response.status,
        this.response.headers,
        event.data,
      );
    }
    const error =
      data !== null && typeof data === "object" && !Array.isArray(data)
        ? (data as Record<string, unknown>)["error"]
        : undefined;
    if (event.event === "error" || (error !== undefined && error !== null)) {
      const details =
        error !== null && typeof error === "object" ? error : data;
      const message =
        details !== null && typeof details === "object"
          ? (details as Record<string, unknown>)["message"]
          : undefined;
      const text =
        typeof message === "string" && message
          ? message
          : typeof error === "string" && error
            ? error
            : JSON.stringify(error ?? data);
      throw new APIError(text, undefined, this.response.headers, data);
    }
    return data as Item;
  }
}
