import type { BranchVersions } from './branch-versions.ts';
import { ConversationTree } from './conversation-tree.ts';
import { compareMessages } from './message-order.ts';
import { pickParent, type TreeMessage } from './parent-rule.ts';
import { newestLeafUnder } from './shown-branch.ts';

/** A message as the reader sees it: its place in the tree, and its chat (a parent must be in the same one). */
export interface BranchMessage extends TreeMessage {
  readonly chatId: string;
}

/**
 * Lookups into the live messages of one chat, which an index answers without reading the whole chat
 * (the web app's Dexie implementation uses [chatId+createdAt] and [chatId+parentId]).
 */
export interface BranchSource<M extends BranchMessage> {
  /** The newest `count` messages of the chat, in conversation order. */
  newest(count: number): Promise<M[]>;
  /** Live messages by id, in any chat (undefined for one missing or deleted), in the order asked. */
  get(ids: readonly string[]): Promise<(M | undefined)[]>;
  /** The messages of the chat whose `parentId` is one of these ids. */
  naming(parentIds: readonly string[]): Promise<M[]>;
  /** The message just before or just after this one in the chat's conversation order. */
  beside(message: M, side: 'before' | 'after'): Promise<M | undefined>;
  /** Every message of the chat, for the few reads that need the whole tree. */
  all(): Promise<M[]>;
}

/** One message of the page of the branch on screen. */
export interface ShownEntry<M> {
  message: M;
  /** Its parent: the same for every version of it, so its place on screen. */
  parent: M | undefined;
  versions: BranchVersions;
}

type Side = 'before' | 'after';
type Lookup<M> =
  | { kind: 'get'; id: string }
  | { kind: 'naming'; id: string }
  | { kind: 'beside'; message: M; side: Side }
  | { kind: 'newest' }
  | { kind: 'whole' };

/** Thrown by a computation that needs lookups it has not got yet: the reader does them and runs it again. */
class Need<M> {
  constructor(readonly lookups: Lookup<M>[]) {}
}

// How far down a message the reader walks before it reads the whole chat instead.
const walkBudget = 64;

/**
 * The tree of one chat read through a `BranchSource`: the branch on screen, a message's parent and
 * versions, the newest message below one. It gives exactly what `ConversationTree` gives over all the
 * chat's messages (the same `pickParent`), at the cost of what it reads: a long chat opens by reading
 * its newest page, not all of it. The tree is worked out in memory from what has been read; when that
 * is not enough, the reader looks up what is missing (all at once where it can) and works it out again,
 * so it waits on nothing but the source: IndexedDB transactions and Dexie's live queries, which lose
 * track of a read after too many other awaits, stay whole. One reader per read; it keeps what it read.
 */
export class BranchReader<M extends BranchMessage> {
  readonly #source: BranchSource<M>;
  readonly #chatId: string;
  readonly #byId = new Map<string, M | undefined>();
  readonly #namers = new Map<string, M[]>();
  readonly #beside = { before: new Map<string, M | undefined>(), after: new Map<string, M | undefined>() };
  /** The newest messages of the chat, in conversation order: a suffix of the whole order. */
  #window: M[] = [];
  /** Where each message of the window stands in it: a long page looks its neighbours up without a scan. */
  #windowIndex = new Map<string, number>();
  #newestKnown = false;
  #tree: ConversationTree<M> | undefined;

  constructor(source: BranchSource<M>, chatId: string) {
    this.#source = source;
    this.#chatId = chatId;
  }

  /** Reads the newest `count` messages at once, so walking up a recent branch needs no more lookups. */
  async prefetch(count: number): Promise<void> {
    const newest = await this.#source.newest(Math.max(1, count));
    this.#remember(newest, true);
  }

  /** The parent of a message of this chat (undefined for a first message). */
  parentOf(message: M): Promise<M | undefined> {
    return this.#settle(() => this.#parentOf(message));
  }

  /** The children of a message (its next messages, every version), or the first messages for undefined. */
  childrenOf(message: M | undefined): Promise<M[]> {
    return this.#settle(() => this.#childrenOf(message));
  }

  /** The newest message at or below `message`: the leaf its branch shows down to. */
  newestUnder(message: M): Promise<M> {
    return this.#settle(() => this.#newestUnder(message));
  }

  /** The last message of the branch on screen (undefined in an empty chat); see `shownBranch`. */
  shownLeaf(shownLeafId: string | null | undefined): Promise<M | undefined> {
    return this.#settle(() => this.#shownLeaf(shownLeafId));
  }

  /**
   * The newest `limit` messages of the branch on screen, oldest first, each with its parent and
   * versions, and whether the branch goes further up: what `shownBranch` and `versionsOf` give.
   */
  async shownPage(
    shownLeafId: string | null | undefined,
    limit: number,
  ): Promise<{ messages: ShownEntry<M>[]; hasEarlier: boolean }> {
    const { page, hasEarlier } = await this.#settle(() => {
      const walked: { message: M; parent: M | undefined }[] = [];
      for (let message = this.#shownLeaf(shownLeafId); message !== undefined; ) {
        if (walked.length === limit) return { page: walked.reverse(), hasEarlier: true };
        const parent = this.#parentOf(message);
        walked.push({ message, parent });
        message = parent;
      }
      return { page: walked.reverse(), hasEarlier: false };
    });
    // The versions of every message on the page, whose lookups are done together.
    const versions = await this.#settle(() =>
      allOrNeeds(
        page.map(
          ({ message }) =>
            () =>
              this.#versionsOf(message),
        ),
      ),
    );
    return { messages: page.map((entry, at) => ({ ...entry, versions: versions[at] as BranchVersions })), hasEarlier };
  }

  #parentOf(message: M): M | undefined {
    const named = message.parentId == null ? undefined : this.#message(message.parentId);
    // The message just before it is looked up only when the rule falls back to it.
    const fallsBack = message.parentId !== null && pickParent(message, named, undefined) === undefined;
    return pickParent(message, named, fallsBack ? this.#next(message, 'before') : undefined);
  }

  #childrenOf(message: M | undefined): M[] {
    if (message === undefined) return [...this.#whole().childrenOf(null)];
    // A child names it, or follows it through the fallback: then it is the message just after it.
    const named = this.#naming(message.id);
    const after = this.#next(message, 'after');
    const candidates = after === undefined || named.some((child) => child.id === after.id) ? named : [...named, after];
    const children = allOrNeeds(candidates.map((candidate) => () => this.#parentOf(candidate)));
    return candidates.filter((_, at) => children[at]?.id === message.id).sort(compareMessages);
  }

  #newestUnder(message: M): M {
    let newest = message;
    const pending = [message];
    for (let visited = 0, next = pending.pop(); next !== undefined; visited++, next = pending.pop()) {
      if (visited > walkBudget) return newestLeafUnder(this.#whole(), message.id) ?? message;
      if (compareMessages(next, newest) > 0) newest = next;
      pending.push(...this.#childrenOf(next));
    }
    return newest;
  }

  #shownLeaf(shownLeafId: string | null | undefined): M | undefined {
    const from = shownLeafId == null ? undefined : this.#message(shownLeafId);
    if (from !== undefined) return this.#newestUnder(from);
    if (!this.#newestKnown) throw new Need<M>([{ kind: 'newest' }]);
    return this.#window.at(-1);
  }

  #versionsOf(message: M): BranchVersions {
    const siblings = this.#childrenOf(this.#parentOf(message));
    const at = siblings.findIndex((sibling) => sibling.id === message.id);
    return {
      index: at + 1,
      count: siblings.length,
      previousId: siblings[at - 1]?.id ?? null,
      nextId: siblings[at + 1]?.id ?? null,
    };
  }

  /** A live message of this chat by id (undefined when it is missing, deleted or in another chat). */
  #message(id: string): M | undefined {
    if (!this.#byId.has(id)) throw new Need<M>([{ kind: 'get', id }]);
    const message = this.#byId.get(id);
    return message?.chatId === this.#chatId ? message : undefined;
  }

  #naming(parentId: string): M[] {
    const namers = this.#namers.get(parentId);
    if (namers === undefined) throw new Need<M>([{ kind: 'naming', id: parentId }]);
    return namers;
  }

  #next(message: M, side: Side): M | undefined {
    const at = this.#windowIndex.get(message.id) ?? -1;
    // The window ends with the chat's newest message, so nothing comes after its last one.
    if (at >= 0 && (side === 'after' || at > 0)) return this.#window[side === 'after' ? at + 1 : at - 1];
    const known = this.#beside[side];
    if (!known.has(message.id)) throw new Need<M>([{ kind: 'beside', message, side }]);
    return known.get(message.id);
  }

  /** The whole tree, read once: for the first messages (a null parent is in no index) and deep walks. */
  #whole(): ConversationTree<M> {
    if (this.#tree === undefined) throw new Need<M>([{ kind: 'whole' }]);
    return this.#tree;
  }

  // Runs `compute` until it has everything it needs, doing the lookups it asks for in between.
  async #settle<T>(compute: () => T): Promise<T> {
    // Always wait once, even with everything at hand: an async step that only sometimes waits makes Dexie
    // lose the transaction it runs in (dexie/Dexie.js#1186); the global Promise is Dexie's inside one.
    await Promise.resolve();
    for (;;) {
      try {
        return compute();
      } catch (error) {
        if (!(error instanceof Need)) throw error;
        await this.#lookUp(error.lookups as Lookup<M>[]);
      }
    }
  }

  async #lookUp(lookups: readonly Lookup<M>[]): Promise<void> {
    const ids = [...new Set(lookups.flatMap((lookup) => (lookup.kind === 'get' ? [lookup.id] : [])))];
    const parents = [...new Set(lookups.flatMap((lookup) => (lookup.kind === 'naming' ? [lookup.id] : [])))];
    const besides = lookups.flatMap((lookup) => (lookup.kind === 'beside' ? [lookup] : []));
    const none: M[] = [];
    const [found, namers, neighbours, newest, whole] = await Promise.all([
      ids.length === 0 ? [] : this.#source.get(ids),
      parents.length === 0 ? none : this.#source.naming(parents),
      Promise.all(besides.map(({ message, side }) => this.#source.beside(message, side))),
      lookups.some((lookup) => lookup.kind === 'newest') ? this.#source.newest(1) : undefined,
      lookups.some((lookup) => lookup.kind === 'whole') ? this.#source.all() : undefined,
    ]);
    for (const [at, id] of ids.entries()) this.#byId.set(id, found[at]);
    for (const id of parents) this.#namers.set(id, []);
    for (const child of namers) if (child.parentId != null) this.#namers.get(child.parentId)?.push(child);
    const seen: M[] = [...namers];
    for (const [at, { message, side }] of besides.entries()) {
      const next = neighbours[at];
      this.#beside[side].set(message.id, next);
      if (next !== undefined) seen.push(next);
    }
    this.#remember(seen, false);
    if (newest !== undefined) this.#remember(newest, true);
    if (whole !== undefined) this.#tree = new ConversationTree(whole);
  }

  // `newest`: the messages are the newest of the chat (a read of at least one), so they extend the window.
  #remember(messages: readonly M[], newest: boolean): void {
    for (const message of messages) this.#byId.set(message.id, message);
    if (!newest) return;
    if (messages.length >= this.#window.length) {
      this.#window = [...messages];
      this.#windowIndex = new Map(messages.map((known, at) => [known.id, at]));
    }
    this.#newestKnown = true;
  }
}

/** Runs every computation, gathering what all of them still need, so the lookups are done together. */
function allOrNeeds<T>(computations: readonly (() => T)[]): T[] {
  const lookups: Lookup<never>[] = [];
  const results = computations.map((compute) => {
    try {
      return compute();
    } catch (error) {
      if (!(error instanceof Need)) throw error;
      lookups.push(...(error.lookups as Lookup<never>[]));
      return undefined;
    }
  });
  if (lookups.length > 0) throw new Need(lookups);
  return results as T[];
}
