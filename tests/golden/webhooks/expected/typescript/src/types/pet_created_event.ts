import type { Pet } from "./pet.js";

export interface PetCreatedEvent {
  event: "pet.created";
  pet: Pet;
}
