import type { BranchMessage, BranchSource } from '../branch-reader.ts';
import { compareMessages } from '../message-order.ts';

/** A BranchSource over messages in memory (of any chats), counting what it hands out. */
export class MemoryBranchSource<M extends BranchMessage> implements BranchSource<M> {
  /** Messages handed out so far, and whether the whole chat was read. */
  read = 0;
  readWhole = false;
  readonly #all: readonly M[];
  readonly #chat: readonly M[];

  constructor(messages: readonly M[], chatId: string) {
    this.#all = messages;
    this.#chat = messages.filter((message) => message.chatId === chatId).sort(compareMessages);
  }

  async newest(count: number): Promise<M[]> {
    return this.#count(count <= 0 ? [] : this.#chat.slice(-count));
  }

  async get(ids: readonly string[]): Promise<(M | undefined)[]> {
    const found = ids.map((id) => this.#all.find((message) => message.id === id));
    this.read += found.filter((message) => message !== undefined).length;
    return found;
  }

  async naming(parentIds: readonly string[]): Promise<M[]> {
    return this.#count(
      this.#chat.filter((message) => message.parentId != null && parentIds.includes(message.parentId)),
    );
  }

  async beside(message: M, side: 'before' | 'after'): Promise<M | undefined> {
    const found =
      side === 'before'
        ? this.#chat.findLast((other) => compareMessages(other, message) < 0)
        : this.#chat.find((other) => compareMessages(other, message) > 0);
    return this.#count(found === undefined ? [] : [found])[0];
  }

  async all(): Promise<M[]> {
    this.readWhole = true;
    return this.#count([...this.#chat]);
  }

  #count(messages: M[]): M[] {
    this.read += messages.length;
    return messages;
  }
}
