import { useEffect, useState } from 'react';
import type { ShownMessage } from '../../db/branches-repository.ts';
import { clearMessageFocus, useMessageFocus } from '../../state/message-focus.ts';
import { focusStep } from './focus-step.ts';

interface FocusTargetOptions {
  chatId: string;
  messages: ShownMessage[];
  hasEarlier: boolean;
  loadingEarlier: boolean;
  onShowEarlier: (more: number) => void;
  /** Brings the message at this index of `messages` into view. */
  show: (index: number) => void;
}

/**
 * Honours a request to open the chat at one message (state/message-focus.ts, a search result): reads
 * older pages until the message is loaded, brings it into view, and clears the request. Returns the id
 * of the message to highlight (the last one brought into view).
 */
export function useFocusTarget({
  chatId,
  messages,
  hasEarlier,
  loadingEarlier,
  onShowEarlier,
  show,
}: FocusTargetOptions): string | null {
  const target = useMessageFocus((state) => (state.target?.chatId === chatId ? state.target : null));
  const [highlighted, setHighlighted] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    const step = focusStep({
      messageId: target.messageId,
      loadedIds: messages.map((entry) => entry.message.id),
      hasEarlier,
      loadingEarlier,
    });
    if (step.kind === 'show') {
      show(step.index);
      setHighlighted(target.messageId);
    } else if (step.kind === 'read-earlier') onShowEarlier(step.more);
    if (step.kind === 'show' || step.kind === 'give-up') clearMessageFocus(target.nonce);
  }, [target, messages, hasEarlier, loadingEarlier, onShowEarlier, show]);

  return highlighted;
}
