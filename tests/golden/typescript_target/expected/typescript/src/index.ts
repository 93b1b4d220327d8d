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
export { Beds } from "./resources/beds.js";
export { BedsNotes } from "./resources/beds_notes.js";
export { BedsPlants } from "./resources/beds_plants.js";
export { Gardeners } from "./resources/gardeners.js";
export type { Bed } from "./types/bed.js";
export type { BedListResponse } from "./types/bed_list_response.js";
export type { Error } from "./types/error.js";
export type { Gardener } from "./types/gardener.js";
export type { GardenerList } from "./types/gardener_list.js";
export type { Kind } from "./types/kind.js";
export type { Plant } from "./types/plant.js";
export type { PlantCreateParams } from "./types/plant_create_params.js";
export type { Schedule } from "./types/schedule.js";
