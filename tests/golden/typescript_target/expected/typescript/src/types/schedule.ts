export interface Schedule {
  every_days: number;
  at?: string;
}
