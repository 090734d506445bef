import type { CompletionError } from '@hearth/schema';
import type { conversationStrings } from './conversation-strings.ts';

type ConversationStrings = (typeof conversationStrings)['en'];

/** A stored error in the person's words: what happened (title) and what to read or do next (detail). */
export function completionErrorText(error: CompletionError, s: ConversationStrings): { title: string; detail: string } {
  const retry = error.retryAfterSeconds === undefined ? '' : ` ${s.retryIn(error.retryAfterSeconds)}`;
  // The relay's own refusal or failure: worded here from its code, never from its (English) message.
  if (error.relayCode !== undefined) {
    const { title, advice } = s.relayErrors[error.relayCode];
    return { title, detail: `${advice}${retry}` };
  }
  // The provider's own 4xx/5xx: its words, under a heading that says whether it refused or failed.
  if (error.code === 'upstream_http' && error.httpStatus !== undefined) {
    const status = error.httpStatus;
    return {
      title: status >= 500 ? s.providerFailed(status) : s.providerRefused(status),
      detail: `${error.message}${retry}`,
    };
  }
  if (error.contextOverflow !== undefined) {
    const { neededTokens, contextWindow } = error.contextOverflow;
    return { title: s.tooLongTitle, detail: s.tooLongDetail(neededTokens, contextWindow) };
  }
  if (error.code === 'not_saved') return { title: s.errorCodes.not_saved, detail: s.notSaved };
  return { title: s.errorCodes[error.code], detail: error.message };
}
