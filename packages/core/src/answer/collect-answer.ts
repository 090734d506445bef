import type { StreamEvent } from '@hearth/schema';
import { type AnswerState, initialAnswerState } from './answer-state.ts';

export interface CollectAnswerOptions {
  events: AsyncIterable<StreamEvent>;
  /** Called after every event with the new state, so the page can show each delta at once. */
  onUpdate: (state: AnswerState) => void;
  /** Writes the state to storage; called at most once per `persistIntervalMs` while streaming, and at the end. */
  persist: (state: AnswerState) => Promise<void>;
  /** Aborted when the person pressed Stop: the answer ends as `stopped`, not as an error. */
  signal?: AbortSignal;
  persistIntervalMs?: number;
  now?: () => number;
}

/**
 * Folds a completion's events into an answer, showing every delta at once while writing to storage
 * only a few times a second. The final state is always persisted, whatever ended the stream.
 */
export async function collectAnswer(options: CollectAnswerOptions): Promise<AnswerState> {
  const now = options.now ?? Date.now;
  const interval = options.persistIntervalMs ?? 300;
  let state = initialAnswerState();
  let lastPersistAt = now();
  // Writes are chained so they land in order; a slow write never blocks rendering of later deltas.
  let writes: Promise<void> = Promise.resolve();
  const persistSoon = (snapshot: AnswerState) => {
    writes = writes.then(() => options.persist(snapshot));
  };

  try {
    for await (const event of options.events) {
      state = applyEvent(state, event);
      options.onUpdate(state);
      if (state.status === 'error') break;
      if (now() - lastPersistAt >= interval) {
        lastPersistAt = now();
        persistSoon(state);
      }
    }
  } catch (cause) {
    // The decoder reports failures as events; anything thrown here is a bug or a broken source,
    // and the words already received must still be kept.
    state = { ...state, status: 'error', error: { code: 'interrupted', message: errorText(cause) } };
  }
  state = finalState(state, options.signal?.aborted ?? false);
  options.onUpdate(state);
  persistSoon(state);
  await writes;
  return state;
}

function applyEvent(state: AnswerState, event: StreamEvent): AnswerState {
  switch (event.type) {
    case 'text-delta':
      return { ...state, status: 'streaming', content: state.content + event.text };
    case 'reasoning-delta':
      return { ...state, status: 'streaming', reasoning: state.reasoning + event.text };
    case 'usage':
      return { ...state, usage: event.usage };
    case 'finish':
      return { ...state, finishReason: event.reason };
    case 'error':
      return { ...state, status: 'error', error: event.error };
  }
}

function finalState(state: AnswerState, stopped: boolean): AnswerState {
  if (state.status === 'error') return state;
  return { ...state, status: stopped ? 'stopped' : 'done' };
}

function errorText(cause: unknown): string {
  return cause instanceof Error && cause.message ? cause.message : 'The answer stopped unexpectedly.';
}
