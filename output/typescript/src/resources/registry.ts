import type { BaseClient, RequestOptions } from "../core.js";
import { RegistryGarbageCollections } from "./registry_garbage_collections.js";
import { RegistrySubscription } from "./registry_subscription.js";

export class Registry {
  readonly garbageCollections: RegistryGarbageCollections;
  readonly subscription: RegistrySubscription;
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
    this.garbageCollections = new RegistryGarbageCollections(client);
    this.subscription = new RegistrySubscription(client);
  }
}
