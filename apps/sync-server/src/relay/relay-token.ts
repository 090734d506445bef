import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * A check of a presented relay token against the configured one. Both are hashed first, so the compare
 * takes the same time whatever the length or content of a guess.
 */
export function createTokenCheck(token: string): (presented: string | string[] | undefined) => boolean {
  const expected = digest(token);
  return (presented) => {
    if (typeof presented !== 'string') return false;
    return timingSafeEqual(digest(presented), expected);
  };
}
