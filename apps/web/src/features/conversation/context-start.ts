import { fitChatContext } from '@hearth/core';
import type { Chat, Message, ModelConfig } from '@hearth/schema';

/**
 * The oldest message the model is sent from the messages on screen, when older ones are left out to fit
 * its context window: the chat draws "Earlier messages are not sent" above it. Null when everything on
 * screen is sent (the cut, if any, is above the page), or when nothing can be sent. The fit is the one the
 * request makes (`fitChatContext` walks back from the newest message), so a page of the branch gives the
 * same cut as the whole branch whenever the cut is on the page.
 */
export function contextStartId(options: {
  messages: readonly Message[];
  chat: Pick<Chat, 'systemPrompt' | 'params'>;
  config: ModelConfig | undefined;
}): string | null {
  const { messages, chat, config } = options;
  if (!config || messages.length === 0) return null;
  const fit = fitChatContext({ config, chat, messages });
  if (!fit.fits || fit.leftOut === 0) return null;
  return fit.messages[0]?.id ?? null;
}
