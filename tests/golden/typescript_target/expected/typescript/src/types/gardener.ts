export interface Gardener {
  name: string;
  since?: number;
}
