import { browserServices } from './browser-services.ts';

/** The Web Lock held while an answer streams, so every tab can tell a live answer from an abandoned one. */
export function answerLockName(messageId: string): string {
  return `hearth-answer:${messageId}`;
}

/** The ids of answers some open tab is streaming right now. */
export async function liveAnswerIds(): Promise<Set<string>> {
  const snapshot = await browserServices().locks.query();
  const prefix = answerLockName('');
  const names = (snapshot.held ?? []).map((lock) => lock.name ?? '');
  return new Set(names.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length)));
}
