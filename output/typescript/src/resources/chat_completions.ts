import type { BaseClient, RequestOptions } from "../core.js";
import type { APIPromise } from "../response.js";
import type { Stream } from "../streaming.js";
import type { ChatCompletion } from "../types/chat_completion.js";
import type { ChatCompletionChunk } from "../types/chat_completion_chunk.js";
import type { ChatMessage } from "../types/chat_message.js";
import type { Stop, StreamOptions } from "../types/completion_create_params.js";

export interface ChatCompletionsCreateParams {
  /**
   * Model ID used to generate the response.
   */
  model: string;
  /**
   * A list of messages comprising the conversation so far.
   */
  messages: ChatMessage[];
  /**
   * The maximum number of tokens that can be generated in the completion. The token count of your prompt plus max_tokens cannot exceed the model's context length.
   */
  max_tokens?: number | null;
  /**
   * What sampling temperature to use, between 0 and 2. Higher values like 0.8 will make the output more random, while lower values like 0.2 will make it more focused and deterministic.
   */
  temperature?: number | null;
  /**
   * An alternative to sampling with temperature, called nucleus sampling, where the model considers the results of the tokens with top_p probability mass.
   */
  top_p?: number | null;
  /**
   * How many chat completion choices to generate for each input message.
   */
  n?: number | null;
  /**
   * Up to 4 sequences where the API will stop generating further tokens. The returned text will not contain the stop sequence.
   */
  stop?: Stop;
  /**
   * If set to true, the model response data will be streamed to the client as it is generated using server-sent events.
   */
  stream?: boolean | null;
  /**
   * Options for streaming response. Only set this when you set `stream` to true.
   */
  stream_options?: StreamOptions | null;
  /**
   * A unique identifier representing your end-user, which can help DigitalOcean to monitor and detect abuse.
   */
  user?: string;
}

export class ChatCompletions {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /**
   * Create a model response for the given chat conversation
   *
   * Creates a model response for the given chat conversation. With `stream: true` the response is sent as server-sent events, one `ChatCompletionChunk` per event, ending with `data: [DONE]`.
   */
  create(
    params: ChatCompletionsCreateParams & { stream: true },
    options?: RequestOptions,
  ): APIPromise<Stream<ChatCompletionChunk>>;
  create(
    params: ChatCompletionsCreateParams & { stream?: false | null },
    options?: RequestOptions,
  ): APIPromise<ChatCompletion>;
  create(
    params: ChatCompletionsCreateParams,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion | Stream<ChatCompletionChunk>>;
  create(
    params: ChatCompletionsCreateParams,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion | Stream<ChatCompletionChunk>> {
    return this.#client.request({
      method: "POST",
      path: "/v1/chat/completions",
      body: {
        model: params.model,
        messages: params.messages,
        max_tokens: params.max_tokens,
        temperature: params.temperature,
        top_p: params.top_p,
        n: params.n,
        stop: params.stop,
        stream: params.stream,
        stream_options: params.stream_options,
        user: params.user,
      },
      responseType: params.stream ? "stream" : "json",
      server: "inference",
      options,
    });
  }
}
