export interface PetDeletedEvent {
  event: "pet.deleted";
  pet_id: number;
}
