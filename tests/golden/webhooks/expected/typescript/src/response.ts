/**
 * What a method returns: an `APIPromise`, awaited for the parsed result, or asked with
 * `.withRawResponse()` for the HTTP response beside it (status, headers, request id).
 */

/** A call's parsed result and the response it came in. */
export interface RawResponse<T> {
  /** What awaiting the method gives. */
  data: T;
  /** The HTTP status of the response. */
  status: number;
  /** The response headers. */
  headers: Headers;
  /** The `x-request-id` header, when the server sent one. */
  requestId: string | null;
  /**
   * The `fetch` response: its body already read, unless the method streams events or
   * downloads a file (then `data` reads it).
   */
  response: Response;
}

/** The raw response of `response` carrying `data`. */
export function rawResponse<T>(response: Response, data: T): RawResponse<T> {
  return {
    data,
    status: response.status,
    headers: response.headers,
    requestId: response.headers.get("x-request-id"),
    response,
  };
}

/**
 * The request is sent when the method is called; `await` gives its parsed result, and
 * `withRawResponse()` gives the same result with the response's status and headers.
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #raw: Promise<RawResponse<T>>;

  constructor(raw: Promise<RawResponse<T>>) {
    this.#raw = raw;
  }

  /** The parsed result with the HTTP response it came in. */
  withRawResponse(): Promise<RawResponse<T>> {
    return this.#raw;
  }

  then<Result = T, Failure = never>(
    onFulfilled?: ((data: T) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Result | Failure> {
    return this.#raw.then((raw) => raw.data).then(onFulfilled, onRejected);
  }

  catch<Failure = never>(
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<T | Failure> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }
}
