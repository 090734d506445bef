import { recoverAbandonedAnswers } from '../db/messages-repository.ts';
import type { Storage } from '../db/storage.ts';
import { liveAnswerIds } from './answer-locks.ts';
import { answerView } from './answer-sessions.ts';

/**
 * Marks answers left in flight by a tab that died mid-stream as failed, their text kept. An answer is
 * alive while some tab holds its Web Lock, or streams in this one.
 */
export async function recoverAbandonedAnswersOnOpen(storage: Storage): Promise<number> {
  const live = await liveAnswerIds();
  return recoverAbandonedAnswers(storage, (id) => live.has(id) || answerView(id)?.running === true);
}
