/**
 * Every error the client throws extends `SDKError`; an error response of the API is an
 * `APIError` of the class its status names (`NotFoundError` for a 404 ...).
 */
export class SDKError extends Error {
  override readonly name: string = "SDKError";
}

/**
 * An error of the API. What the server said is read from the usual error envelopes:
 * `{"error": {...}}`, `{"errors": [...]}`, a flat `{"message": ...}`, RFC 7807 problem
 * details (`title`, `detail`, `type`) and OAuth 2's `error_description`.
 */
export class APIError extends SDKError {
  override readonly name: string = "APIError";
  /** The server's code for the error, such as `invalid_api_key`. */
  readonly code: string | undefined;
  /** The request parameter the error is about, when the server names one. */
  readonly param: string | undefined;
  /** The error's kind (an RFC 7807 problem's `type` URI, for one). */
  readonly type: string | undefined;
  /** The id the server gave the request: quote it when reporting a problem. */
  readonly requestId: string | undefined;

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
    const details = errorDetails(body);
    this.code = details.code;
    this.param = details.param;
    this.type = details.type;
    this.requestId =
      details.requestId ??
      headers?.get("x-request-id") ??
      headers?.get("request-id") ??
      undefined;
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
  const found = errorDetails(body).message;
  if (found !== undefined) {
    return found;
  }
  return body !== null && typeof body === "object"
    ? JSON.stringify(body).slice(0, 500)
    : "";
}

/** What an error body says, from whichever common envelope it uses. */
interface ErrorDetails {
  message?: string | undefined;
  code?: string | undefined;
  param?: string | undefined;
  type?: string | undefined;
  requestId?: string | undefined;
}

function errorDetails(body: unknown): ErrorDetails {
  const outer = record(body);
  if (outer === undefined) {
    return {
      message: typeof body === "string" ? text(body.slice(0, 500)) : undefined,
    };
  }
  const error = outer["error"];
  const inner = record(error) ?? outer;
  const errors = inner["errors"];
  const head: unknown = Array.isArray(errors) ? errors[0] : undefined;
  const first =
    record(head) ?? (typeof head === "string" ? { message: head } : {});
  let code = inner["code"] ?? first["code"];
  if (
    code === undefined &&
    typeof error === "string" &&
    "error_description" in outer
  ) {
    code = error; // OAuth 2: `{"error": "invalid_grant", "error_description": ...}`
  }
  return {
    message:
      problemMessage(inner) ??
      text(inner["message"]) ??
      text(first["message"]) ??
      text(first["detail"]) ??
      text(inner["error_description"]) ??
      text(error),
    code: text(code),
    param: text(inner["param"] ?? first["param"] ?? first["field"]),
    type: text(inner["type"] ?? first["type"]),
    requestId: text(inner["request_id"] ?? outer["request_id"]),
  };
}

/** An RFC 7807 problem's `title: detail` (or either alone). */
function problemMessage(problem: Record<string, unknown>): string | undefined {
  const title = text(problem["title"]);
  const detail = text(problem["detail"]);
  if (title !== undefined && detail !== undefined) {
    return `${title}: ${detail}`;
  }
  return (
    detail ?? ("status" in problem || "type" in problem ? title : undefined)
  );
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") {
    return value === "" ? undefined : value;
  }
  return typeof value === "number" ? String(value) : undefined;
}
