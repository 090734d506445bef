/** Different in every page load, so stamps from two tabs or two sessions never collide. */
const session = Math.random().toString(36).slice(2, 10);
let counter = 0;

/**
 * A stamp for an outbox entry, new on every local write of its record: a push batch read earlier is
 * claimed only for entries whose stamp is still the one it read (take-push-batch.ts).
 */
export function newOutboxStamp(): string {
  counter += 1;
  return `${session}.${counter.toString(36)}`;
}
