import type { Message } from '@hearth/schema';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { answerView, isAnyAnswerStreamingHere, subscribeToAnswer, subscribeToSessions } from './answer-sessions.ts';
import { oncePerFrame } from './once-per-frame.ts';
import { type ChatActivity, chatActivity, mergeAnswerView } from './shown-message.ts';

/** The message as it must be shown, re-rendering with its answer streaming here: once a frame at most. */
export function useShownMessage(stored: Message): Message {
  const subscribe = useCallback(
    (listener: () => void) => {
      const perFrame = oncePerFrame(listener);
      const unsubscribe = subscribeToAnswer(stored.id, perFrame.call);
      return () => {
        perFrame.cancel();
        unsubscribe();
      };
    },
    [stored.id],
  );
  const view = useSyncExternalStore(subscribe, () => answerView(stored.id));
  return useMemo(() => mergeAnswerView(stored, view), [stored, view]);
}

/** Whether the open chat is busy and which answer Stop ends; re-renders when an answer starts or ends. */
export function useChatActivity(chatId: string | null, messages: readonly Message[]): ChatActivity {
  const busy = useSyncExternalStore(subscribeToSessions, () => chatActivity(chatId, messages).busy);
  const streamingHereId = useSyncExternalStore(
    subscribeToSessions,
    () => chatActivity(chatId, messages).streamingHereId,
  );
  return { busy, streamingHereId };
}

/** Whether this tab streams any answer (the update waits for it), re-rendering when that changes. */
export function useAnyAnswerStreamingHere(): boolean {
  return useSyncExternalStore(subscribeToSessions, isAnyAnswerStreamingHere);
}
