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
export { Actions } from "./resources/actions.js";
export { Chat } from "./resources/chat.js";
export { ChatCompletions } from "./resources/chat_completions.js";
export { Droplets } from "./resources/droplets.js";
export { Firewalls } from "./resources/firewalls.js";
export { Images } from "./resources/images.js";
export { Regions } from "./resources/regions.js";
export { Registry } from "./resources/registry.js";
export { RegistryGarbageCollections } from "./resources/registry_garbage_collections.js";
export { RegistrySubscription } from "./resources/registry_subscription.js";
export { Sizes } from "./resources/sizes.js";
export { SnapshotsResource } from "./resources/snapshots.js";
export { VpcPeerings } from "./resources/vpc_peerings.js";
export type { Action } from "./types/action.js";
export type { ActionLink } from "./types/action_link.js";
export type { ActionListResponse } from "./types/action_list_response.js";
export type { ActionRetrieveResponse } from "./types/action_retrieve_response.js";
export type { APILinks } from "./types/api_links.js";
export type { APIMeta } from "./types/api_meta.js";
export type { BackwardLinks } from "./types/backward_links.js";
export type { ChatCompletion } from "./types/chat_completion.js";
export type { ChatCompletionChunk } from "./types/chat_completion_chunk.js";
export type { ChatCompletionRequest } from "./types/chat_completion_request.js";
export type { ChatCompletionTokenLogprob } from "./types/chat_completion_token_logprob.js";
export type { ChatMessage } from "./types/chat_message.js";
export type { CompletionCreateParams } from "./types/completion_create_params.js";
export type { CompletionUsage } from "./types/completion_usage.js";
export type { DiskInfo } from "./types/disk_info.js";
export type { Droplet } from "./types/droplet.js";
export type { DropletCreateParams } from "./types/droplet_create_params.js";
export type { DropletCreateRequest } from "./types/droplet_create_request.js";
export type { DropletCreateResponse } from "./types/droplet_create_response.js";
export type { DropletListResponse } from "./types/droplet_list_response.js";
export type { DropletNextBackupWindow } from "./types/droplet_next_backup_window.js";
export type { DropletRetrieveResponse } from "./types/droplet_retrieve_response.js";
export type { Error } from "./types/error.js";
export type { Firewall } from "./types/firewall.js";
export type { FirewallCreateParams } from "./types/firewall_create_params.js";
export type { FirewallCreateResponse } from "./types/firewall_create_response.js";
export type { FirewallRuleBase } from "./types/firewall_rule_base.js";
export type { FirewallRuleTarget } from "./types/firewall_rule_target.js";
export type { ForwardLinks } from "./types/forward_links.js";
export type { GarbageCollection } from "./types/garbage_collection.js";
export type { GarbageCollectionListResponse } from "./types/garbage_collection_list_response.js";
export type { GarbageCollectionStartParams } from "./types/garbage_collection_start_params.js";
export type { GarbageCollectionStartResponse } from "./types/garbage_collection_start_response.js";
export type { GPUInfo } from "./types/gpu_info.js";
export type { Image } from "./types/image.js";
export type { ImageListResponse } from "./types/image_list_response.js";
export type { Kernel } from "./types/kernel.js";
export type { MetaProperties } from "./types/meta_properties.js";
export type { MetaResponse } from "./types/meta_response.js";
export type { NetworkV4 } from "./types/network_v4.js";
export type { NetworkV6 } from "./types/network_v6.js";
export type { PageLinks } from "./types/page_links.js";
export type { Pagination } from "./types/pagination.js";
export type { Region } from "./types/region.js";
export type { RegionListResponse } from "./types/region_list_response.js";
export type { Size } from "./types/size.js";
export type { SizeListResponse } from "./types/size_list_response.js";
export type { SnapshotListResponse } from "./types/snapshot_list_response.js";
export type { Snapshots } from "./types/snapshots.js";
export type { Subscription } from "./types/subscription.js";
export type { SubscriptionRetrieveResponse } from "./types/subscription_retrieve_response.js";
export type { SubscriptionTierBase } from "./types/subscription_tier_base.js";
export type { VpcPeering } from "./types/vpc_peering.js";
export type { VpcPeeringListResponse } from "./types/vpc_peering_list_response.js";
