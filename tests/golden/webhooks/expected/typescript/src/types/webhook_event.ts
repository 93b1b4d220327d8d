import type { PetCreatedEvent } from "./pet_created_event.js";
import type { PetDeletedEvent } from "./pet_deleted_event.js";

/**
 * An event of one of the webhooks the API sends: `pet.created`, `pet.deleted`.
 */
export type WebhookEvent = PetCreatedEvent | PetDeletedEvent;
