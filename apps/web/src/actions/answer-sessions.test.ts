import { initialAnswerState } from '@hearth/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerSession } from './answer-session.ts';
import {
  answerSessionCounts,
  answerView,
  isAnyAnswerStreamingHere,
  runAnswerSession,
  stopChatAnswers,
  streamingAnswerIn,
  subscribeToAnswer,
  subscribeToSessions,
} from './answer-sessions.ts';
import { type AnswerHarness, answerHarness } from './test/answer-harness.ts';

let h: AnswerHarness;

beforeEach(() => {
  h = answerHarness();
});

afterEach(async () => {
  expect(answerSessionCounts().running).toBe(0);
  expect((await h.locks.query()).held).toEqual([]);
});

/** A session whose work waits until the test lets it end, handing the test the session. */
function openSession(id: string, chatId = 'chat') {
  let release: () => void = () => undefined;
  let opened: (session: AnswerSession) => void = () => undefined;
  const session = new Promise<AnswerSession>((resolve) => {
    opened = resolve;
  });
  const done = runAnswerSession({ id, chatId }, (running) => {
    opened(running);
    return new Promise<void>((resolve) => {
      release = resolve;
    });
  });
  return { session, done, end: () => release() };
}

describe('answer sessions', () => {
  it('are registered and hold their lock from the start, and are released with it when the work ends', async () => {
    const run = openSession('a1');
    // Registered at once, before any await: Stop is offered from the first moment.
    expect(streamingAnswerIn('chat')).toBe('a1');
    await run.session;
    expect((await h.locks.query()).held?.map((lock) => lock.name)).toEqual(['hearth-answer:a1']);
    expect(isAnyAnswerStreamingHere()).toBe(true);
    run.end();
    await run.done;
    expect(streamingAnswerIn('chat')).toBeNull();
  });

  it('are released even when their work throws', async () => {
    const failing = runAnswerSession({ id: 'a2', chatId: 'chat' }, async () => {
      throw new Error('storage gone');
    });
    await expect(failing).rejects.toThrow('storage gone');
    // Nothing final was ever shown, so nothing is kept: the record tells what happened.
    expect(answerView('a2')).toBeUndefined();
  });

  it('tell their subscribers about every delta, and about starting and ending', async () => {
    const seen: string[] = [];
    const unsubscribe = subscribeToAnswer('a3', () => seen.push(answerView('a3')?.state.content ?? '(none)'));
    let sessionChanges = 0;
    const unsubscribeSessions = subscribeToSessions(() => {
      sessionChanges += 1;
    });
    const run = openSession('a3');
    const session = await run.session;
    session.show({ ...initialAnswerState(), status: 'streaming', content: 'He' });
    session.show({ ...initialAnswerState(), status: 'done', content: 'Hey' });
    run.end();
    await run.done;
    unsubscribe();
    unsubscribeSessions();
    expect(seen).toEqual(['', 'He', 'Hey', 'Hey']);
    expect(sessionChanges).toBe(2);
    expect(answerView('a3')).toMatchObject({ running: false, state: { content: 'Hey' } });
  });

  it('run once per answer, and stopping a chat stops only its own answers', async () => {
    const mine = openSession('a4', 'mine');
    const other = openSession('a5', 'other');
    await runAnswerSession({ id: 'a4', chatId: 'mine' }, async () => {
      throw new Error('a second run must not start');
    });
    const [minesession, othersession] = await Promise.all([mine.session, other.session]);
    stopChatAnswers('mine');
    expect(minesession.signal.aborted).toBe(true);
    expect(othersession.signal.aborted).toBe(false);
    mine.end();
    other.end();
    await Promise.all([mine.done, other.done]);
  });
});
