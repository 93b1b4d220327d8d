/**
 * Every error the client throws extends `SDKError`; an error response of the API is an
 * `APIError` of the class its status names (`NotFoundError` for a 404 ...).
 */
export class SDKError extends Error {
  override readonly name: string = "SDKError";
}

export class APIError extends SDKError {
  override readonly name: string = "APIError";

  constructor(
    message: string,
    /** The HTTP status; undefined when no response came. */
    readonly status: number | undefined = undefined,
    /** The response headers. */
    readonly headers: Headers | undefined = undefined,
    /** The response body, parsed when it is JSON. */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

/** The request never got a response: the connection failed. */
export class APIConnectionError extends APIError {
  override readonly name: string = "APIConnectionError";

  constructor(message = "Connection error.", options?: { cause?: unknown }) {
    super(message);
    if (options?.cause !== undefined) {
      Object.defineProperty(this, "cause", { value: options.cause });
    }
  }
}

/**
 * A successful response whose body is not what the API describes (a stream event that
 * is not JSON).
 */
export class APIResponseValidationError extends APIError {
  override readonly name: string = "APIResponseValidationError";
}

/** The request took longer than the client's `timeout`. */
export class APITimeoutError extends APIConnectionError {
  override readonly name: string = "APITimeoutError";

  constructor(message = "Request timed out.") {
    super(message);
  }
}

export class BadRequestError extends APIError {
  override readonly name: string = "BadRequestError";
}

export class AuthenticationError extends APIError {
  override readonly name: string = "AuthenticationError";
}

export class PermissionDeniedError extends APIError {
  override readonly name: string = "PermissionDeniedError";
}

export class NotFoundError extends APIError {
  override readonly name: string = "NotFoundError";
}

export class ConflictError extends APIError {
  override readonly name: string = "ConflictError";
}

export class UnprocessableEntityError extends APIError {
  override readonly name: string = "UnprocessableEntityError";
}

export class RateLimitError extends APIError {
  override readonly name: string = "RateLimitError";
}

export class InternalServerError extends APIError {
  override readonly name: string = "InternalServerError";
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error an error response stands for, by its status. */
export function errorFor(
  status: number,
  headers: Headers,
  body: unknown,
): APIError {
  const message = `${status} ${messageOf(body)}`.trim();
  const ErrorClass =
    BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new ErrorClass(message, status, headers, body);
}

function messageOf(body: unknown): string {
  if (typeof body === "string") {
    return body.slice(0, 500);
  }
  if (body !== null && typeof body === "object") {
    const fields = body as Record<string, unknown>;
    const found = fields["message"] ?? fields["error"] ?? fields["detail"];
    if (typeof found === "string") {
      return found;
    }
    if (found !== null && typeof found === "object") {
      const inner = (found as Record<string, unknown>)["message"];
      if (typeof inner === "string") {
        return inner;
      }
    }
    return JSON.stringify(body).slice(0, 500);
  }
  return "";
}
