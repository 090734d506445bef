import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitContext } from './fit-context.ts';

interface Turn {
  role: 'user' | 'assistant';
  tokens: number;
}

const fit = (messages: Turn[], budget: { contextWindow: number; answerReserve: number }, fixedTokens = 0) =>
  fitContext({
    fixedTokens,
    messages,
    cost: (turn) => turn.tokens,
    startsTurn: (turn) => turn.role === 'user',
    budget,
  });

const turnArb = fc.record({
  role: fc.constantFrom('user' as const, 'assistant' as const),
  tokens: fc.integer({ min: 0, max: 500 }),
});
// A conversation whose newest message is the question being answered.
const conversationArb = fc
  .tuple(fc.array(turnArb, { maxLength: 40 }), fc.integer({ min: 0, max: 500 }))
  .map(([turns, last]) => [...turns, { role: 'user' as const, tokens: last }]);
const budgetArb = fc.record({
  contextWindow: fc.integer({ min: 0, max: 6_000 }),
  answerReserve: fc.integer({ min: 0, max: 1_000 }),
});

describe('fitContext', () => {
  it('sends everything when everything fits', () => {
    const messages: Turn[] = [
      { role: 'user', tokens: 10 },
      { role: 'assistant', tokens: 10 },
      { role: 'user', tokens: 10 },
    ];
    expect(fit(messages, { contextWindow: 100, answerReserve: 50 }, 20)).toEqual({
      fits: true,
      messages,
      leftOut: 0,
      tokens: 50,
    });
  });

  it('keeps the newest messages that fit and never starts with an answer', () => {
    const messages: Turn[] = [
      { role: 'user', tokens: 30 },
      { role: 'assistant', tokens: 30 },
      { role: 'user', tokens: 30 },
      { role: 'assistant', tokens: 10 },
      { role: 'user', tokens: 10 },
    ];
    // 45 tokens of room: the last two (20) and the one before (30) would not fit together with the system prompt.
    const result = fit(messages, { contextWindow: 100, answerReserve: 50 }, 5);
    expect(result).toEqual({ fits: true, messages: messages.slice(3).slice(1), leftOut: 4, tokens: 15 });
  });

  it('says so when the newest question alone does not fit', () => {
    const result = fit(
      [
        { role: 'user', tokens: 10 },
        { role: 'user', tokens: 60 },
      ],
      { contextWindow: 100, answerReserve: 50 },
      5,
    );
    expect(result).toEqual({ fits: false, neededTokens: 115, contextWindow: 100 });
  });

  it('keeps what follows the newest question with it (an answer being continued)', () => {
    const messages: Turn[] = [
      { role: 'user', tokens: 30 },
      { role: 'user', tokens: 10 },
      { role: 'assistant', tokens: 10 },
    ];
    expect(fit(messages, { contextWindow: 40, answerReserve: 0 })).toMatchObject({
      fits: true,
      messages: messages.slice(1),
    });
    expect(fit(messages, { contextWindow: 15, answerReserve: 0 })).toMatchObject({ fits: false, neededTokens: 20 });
  });

  it('sends a suffix with the newest question, within the budget, unless the question alone exceeds it', () => {
    fc.assert(
      fc.property(conversationArb, budgetArb, fc.integer({ min: 0, max: 300 }), (messages, budget, fixed) => {
        const result = fit(messages, budget, fixed);
        const newest = messages.at(-1) as Turn;
        const available = budget.contextWindow - budget.answerReserve - fixed;
        if (!result.fits) {
          expect(newest.tokens).toBeGreaterThan(available);
          expect(result.neededTokens).toBe(newest.tokens + budget.answerReserve + fixed);
          return;
        }
        const sent = result.messages;
        // A suffix: exactly the last `sent.length` messages, in order.
        expect(sent).toEqual(messages.slice(messages.length - sent.length));
        expect(result.leftOut).toBe(messages.length - sent.length);
        expect(sent.at(-1)).toBe(newest);
        // Cut messages never leave an answer first; an untouched conversation is sent as it is.
        if (result.leftOut > 0) expect(sent[0]?.role).toBe('user');
        const tokens = sent.reduce((sum, turn) => sum + turn.tokens, 0);
        expect(tokens).toBeLessThanOrEqual(available);
        expect(result.tokens).toBe(tokens + fixed);
        // Greedy: the message just before the cut (with its question) would not have fitted.
        if (result.leftOut > 0) {
          const before = messages[result.leftOut - 1] as Turn;
          if (before.role === 'user') expect(tokens + before.tokens).toBeGreaterThan(available);
        }
      }),
    );
  });
});
