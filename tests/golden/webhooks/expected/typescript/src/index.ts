export { Client } from "./client.js";
export type { ClientOptions } from "./client.js";
export type {
  CredentialValue,
  Logger,
  LogLevel,
  RequestOptions,
} from "./core.js";
export { Page, PagePromise } from "./pagination.js";
export { APIPromise } from "./response.js";
export type { RawResponse } from "./response.js";
export { Stream } from "./streaming.js";
export {
  APIConnectionError,
  APIError,
  APIResponseValidationError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SDKError,
  UnprocessableEntityError,
} from "./errors.js";
export {
  DEFAULT_TOLERANCE,
  InvalidWebhookSignatureError,
  verifySignature,
  Webhooks,
} from "./webhooks.js";
export type { WebhookHeaders } from "./webhooks.js";
export { Webhooks as WebhooksResource } from "./resources/webhooks.js";
export type { Pet } from "./types/pet.js";
export type { PetCreatedEvent } from "./types/pet_created_event.js";
export type { PetDeletedEvent } from "./types/pet_deleted_event.js";
export type { WebhookEvent } from "./types/webhook_event.js";
export type { WebhookListResponse } from "./types/webhook_list_response.js";
