import type { ChatMessage } from './types';

/** Rough token count (~4 characters per token), used by the mock and when a server omits `usage`. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
  return estimateTokens(messages.map((m) => m.content).join(''));
}
