/**
 * The provider API a request speaks, chosen by the path root: the fake answers each in its own format, so
 * tests check the request format of every provider against one server.
 */
export type FakeApi = 'openai' | 'anthropic' | 'gemini';

/** Where each API lives on the fake, as the real base URLs end: `/v1`, Anthropic's `/v1`, Gemini's `/v1beta`. */
export const apiRoots = {
  openai: '/v1',
  anthropic: '/anthropic/v1',
  gemini: '/gemini/v1beta',
} as const satisfies Record<FakeApi, string>;

/** Every API, longest root first so that a prefix never shadows another. */
export const fakeApis: readonly FakeApi[] = ['anthropic', 'gemini', 'openai'];
