import { type AnswerState, initialAnswerState } from '@hearth/core';
import type { CompletionError } from '@hearth/schema';
import { answerLockName } from './answer-locks.ts';
import type { BrowserServices } from './browser-services.ts';

/** What this tab knows of an answer beyond its record. A new object at every change, so views can compare. */
export interface AnswerView {
  /** The answer as it stands, every delta applied. */
  readonly state: AnswerState;
  /** True until the stream ended, whatever ended it. */
  readonly running: boolean;
  /** Set while the browser refuses to store the record: what is on screen is then all there is. */
  readonly notSaved: CompletionError | null;
}

/** The answer a session belongs to. */
export interface AnswerRef {
  id: string;
  chatId: string;
}

/**
 * One answer in flight in this tab. It alone holds the request's abort controller, the live state shown
 * at every delta, whether its record could be stored, and the Web Lock that tells other tabs it is alive.
 */
export class AnswerSession {
  readonly id: string;
  readonly chatId: string;
  readonly #controller = new AbortController();
  readonly #onChange: () => void;
  #view: AnswerView = { state: initialAnswerState(), running: true, notSaved: null };

  constructor(answer: AnswerRef, onChange: () => void) {
    this.id = answer.id;
    this.chatId = answer.chatId;
    this.#onChange = onChange;
  }

  /** Aborted once the person pressed Stop (or the answer's chat went away). */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** What the page shows of the answer right now. */
  get view(): AnswerView {
    return this.#view;
  }

  /** Shows the newest state of the answer (called at every delta). */
  show(state: AnswerState): void {
    this.#update({ ...this.#view, state });
  }

  /** Records how the latest write of the record went: null when stored, else the problem to show. */
  recordWrite(notSaved: CompletionError | null): void {
    if (notSaved === null && this.#view.notSaved === null) return;
    this.#update({ ...this.#view, notSaved });
  }

  /** Stops the answer: the upstream request is aborted and the text so far ends as `stopped`. */
  stop(): void {
    this.#controller.abort();
  }

  /** Runs `work` holding the answer's Web Lock, so a reload or another tab can tell it from an abandoned one. */
  async holdLock(locks: BrowserServices['locks'], work: (session: AnswerSession) => Promise<void>): Promise<void> {
    await locks.request(answerLockName(this.id), () => work(this));
  }

  /** Ends the session and returns its last view; the registry announces it once it has settled it. */
  end(): AnswerView {
    this.#view = { ...this.#view, running: false };
    return this.#view;
  }

  #update(view: AnswerView): void {
    this.#view = view;
    this.#onChange();
  }
}
