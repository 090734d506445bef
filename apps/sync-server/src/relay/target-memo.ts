import type { UpstreamTarget } from './upstream-target.ts';

/** An upstream header's value as parsed and allowed: its target, and whether the operator exempted it. */
export interface AllowedTarget {
  target: UpstreamTarget;
  exempt: boolean;
}

// A person's app sends one or two base URLs, a busy relay a few dozen; past this the oldest is forgotten.
const maxEntries = 256;

/**
 * Upstream header values that passed the target checks, so that a client's every request does not parse
 * and classify the same URL again. The checks depend only on the value and the operator's settings,
 * fixed at startup, so an entry stays true; refusals are not kept (they are rare, and keeping them would
 * let anyone fill the memo). The DNS check of a name still runs at every connect.
 */
export class TargetMemo {
  private readonly entries = new Map<string, AllowedTarget>();

  /** The remembered target of a header value, if it passed before. */
  get(value: string): AllowedTarget | undefined {
    return this.entries.get(value);
  }

  /** How many values are remembered (for tests of the memory bound). */
  get size(): number {
    return this.entries.size;
  }

  /** Remembers a header value that passed. */
  remember(value: string, allowed: AllowedTarget): void {
    if (this.entries.size >= maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(value, allowed);
  }
}
