import { describe, expect, it } from 'vitest';
import { focusStep } from './focus-step.ts';

const ids = (count: number, from = 0) => Array.from({ length: count }, (_, at) => `m${from + at}`);

describe('focusStep', () => {
  it('shows the message once it is among the loaded ones', () => {
    expect(focusStep({ messageId: 'm7', loadedIds: ids(50), hasEarlier: true, loadingEarlier: false })).toEqual({
      kind: 'show',
      index: 7,
    });
  });

  it('waits while a read is under way, even when the message is already there', () => {
    expect(focusStep({ messageId: 'm7', loadedIds: ids(50), hasEarlier: true, loadingEarlier: true })).toEqual({
      kind: 'wait',
    });
  });

  it('reads further up, doubling what is loaded, while the branch goes on', () => {
    expect(focusStep({ messageId: 'old', loadedIds: ids(50), hasEarlier: true, loadingEarlier: false })).toEqual({
      kind: 'read-earlier',
      more: 50,
    });
    expect(focusStep({ messageId: 'old', loadedIds: ids(800), hasEarlier: true, loadingEarlier: false })).toEqual({
      kind: 'read-earlier',
      more: 800,
    });
    expect(focusStep({ messageId: 'old', loadedIds: ids(3), hasEarlier: true, loadingEarlier: false })).toEqual({
      kind: 'read-earlier',
      more: 50,
    });
  });

  it('gives up when the whole branch is loaded and the message is not on it', () => {
    expect(focusStep({ messageId: 'elsewhere', loadedIds: ids(20), hasEarlier: false, loadingEarlier: false })).toEqual(
      { kind: 'give-up' },
    );
  });
});
