import type { ModelConfig } from '@hearth/schema';
import { testStorage } from '../../../test/test-storage.ts';
import { saveModelConfig } from '../../db/model-configs-repository.ts';
import { setSetting } from '../../db/settings-repository.ts';
import type { Storage } from '../../db/storage.ts';
import { useUiStore } from '../../state/ui-store.ts';
import type { AnswerView } from '../answer-session.ts';
import { answerView, subscribeToAnswer } from '../answer-sessions.ts';
import { installBrowserServices } from '../browser-services.ts';
import { fakeLocks } from './fake-locks.ts';
import { type FakeProvider, fakeProvider } from './fake-provider.ts';

/** A fresh database, a fake provider and fake browser services, installed for the actions under test. */
export interface AnswerHarness {
  storage: Storage;
  provider: FakeProvider;
  locks: LockManager;
  /** Flip to take the browser offline. */
  online: boolean;
  /** How often the app said an answer was stored. */
  storedAnswers: number;
  /**
   * Adds a model configuration (the default one when it is the first), with generated titles turned off:
   * the fake provider answers only what a test drives, and a title request would be one more. Title tests
   * turn them on.
   */
  addModel(): Promise<ModelConfig>;
}

/** Installs a new harness; call in `beforeEach`. */
export function answerHarness(): AnswerHarness {
  const harness: AnswerHarness = {
    storage: testStorage(),
    provider: fakeProvider(),
    locks: fakeLocks(),
    online: true,
    storedAnswers: 0,
    addModel: async () => {
      await setSetting(harness.storage, 'generateTitles', false);
      return saveModelConfig(harness.storage, {
        fields: {
          name: 'Fake',
          provider: 'custom',
          baseUrl: 'https://provider.test/v1',
          modelId: 'fake-model',
          headers: {},
          connection: 'direct',
        },
        apiKey: 'sk-test',
      });
    },
  };
  installBrowserServices({
    locks: harness.locks,
    isOnline: () => harness.online,
    fetchFor: harness.provider.fetchFor,
    onAnswerStored: () => {
      harness.storedAnswers += 1;
    },
  });
  useUiStore.setState({ selectedChatId: null, drafts: {}, editingMessageId: null });
  return harness;
}

/** Resolves once this tab's view of an answer satisfies `check`, re-checking at every change of it. */
export function whenAnswer(messageId: string, check: (view: AnswerView | undefined) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const test = () => {
      if (!check(answerView(messageId))) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = subscribeToAnswer(messageId, test);
    test();
  });
}

/** Resolves once the answer is no longer streaming in this tab (its record is final by then). */
export function answerEnded(messageId: string): Promise<void> {
  return whenAnswer(messageId, (view) => view?.running !== true);
}
