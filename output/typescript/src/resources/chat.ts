import type { BaseClient, RequestOptions } from "../core.js";
import { ChatCompletions } from "./chat_completions.js";

export class Chat {
  readonly completions: ChatCompletions;
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
    this.completions = new ChatCompletions(client);
  }
}
