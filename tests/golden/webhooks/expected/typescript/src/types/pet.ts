export interface Pet {
  id: number;
  name?: string;
}
