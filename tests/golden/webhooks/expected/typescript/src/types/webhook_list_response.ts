export type WebhookListResponse = string[];
