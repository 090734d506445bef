import type { CompletionError, MessageStatus, Usage } from '@hearth/schema';

/** What is known of an answer while it arrives; folded into its message record when persisted. */
export interface AnswerState {
  content: string;
  reasoning: string;
  status: Extract<MessageStatus, 'pending' | 'streaming' | 'done' | 'stopped' | 'error'>;
  error: CompletionError | null;
  usage: Usage | null;
  finishReason: string | null;
}

/** The state of an answer before its first byte. */
export function initialAnswerState(): AnswerState {
  return { content: '', reasoning: '', status: 'pending', error: null, usage: null, finishReason: null };
}
