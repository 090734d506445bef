import { describe, expect, it } from 'vitest';
import { createTokenCheck } from './relay-token.ts';

describe('createTokenCheck', () => {
  const check = createTokenCheck('correct horse battery staple');

  it('accepts the token and nothing else', () => {
    expect(check('correct horse battery staple')).toBe(true);
    for (const guess of [
      '',
      'correct horse',
      'correct horse battery staple ',
      'Correct horse battery staple',
      'x'.repeat(1000),
    ]) {
      expect(check(guess), guess).toBe(false);
    }
  });

  it('refuses a missing or repeated header', () => {
    expect(check(undefined)).toBe(false);
    expect(check(['correct horse battery staple', 'correct horse battery staple'])).toBe(false);
  });
});
