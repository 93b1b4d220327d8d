/**
 * A message in the chat conversation.
 */
export interface ChatMessage {
  /**
   * The role of the message author.
   */
  role: "system" | "developer" | "user" | "assistant" | "tool";
  /**
   * The contents of the message.
   */
  content?: string | null;
  /**
   * Tool call that this message is responding to (tool messages only).
   */
  tool_call_id?: string;
}
