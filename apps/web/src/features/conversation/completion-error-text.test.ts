import { type CompletionError, relayErrorCodes } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { completionErrorText } from './completion-error-text.ts';
import { conversationStrings } from './conversation-strings.ts';

const en = conversationStrings.en;
const zh = conversationStrings['zh-CN'];

const missingToken: CompletionError = {
  code: 'upstream_http',
  message: 'This relay requires its token in the x-relay-token header.',
  httpStatus: 401,
  relayCode: 'invalid_relay_token',
};

describe('completionErrorText', () => {
  it('words a missing relay token as the relay refusing, with where to set it, in both languages', () => {
    expect(completionErrorText(missingToken, en)).toEqual({
      title: 'The relay refused the request: its token is missing or wrong',
      detail: 'Set the relay token in Settings, under Relay. The relay’s operator can tell you what it is.',
    });
    const chinese = completionErrorText(missingToken, zh);
    expect(chinese.title).toBe('中继拒绝了请求：中继令牌缺失或错误');
    expect(chinese.detail).toContain('设置');
    // Never the provider's heading: the provider was not asked at all.
    expect(completionErrorText(missingToken, en).title).not.toContain('provider');
  });

  it('says when to retry a rate-limited request', () => {
    const limited: CompletionError = {
      code: 'upstream_http',
      message: 'Too many requests; try again in 17 s.',
      httpStatus: 429,
      relayCode: 'rate_limited',
      retryAfterSeconds: 17,
    };
    expect(completionErrorText(limited, en).detail).toMatch(/Retry in 17 s\.$/);
    expect(completionErrorText(limited, zh).detail).toMatch(/17 秒后重试。$/);
  });

  it("words the relay's failure to reach the provider as the relay's, not as the provider failing", () => {
    const unreachable: CompletionError = {
      code: 'network',
      message: 'Could not connect to the upstream api.example.com (ENOTFOUND).',
      httpStatus: 502,
      relayCode: 'upstream_unreachable',
    };
    expect(completionErrorText(unreachable, en).title).toBe('The relay could not reach the provider');
    expect(completionErrorText({ code: 'timeout', message: '', relayCode: 'upstream_timeout' }, en).title).toBe(
      'The relay timed out waiting for the provider',
    );
  });

  it.each(relayErrorCodes)('has words for the relay code %s in every language', (relayCode) => {
    const error: CompletionError = { code: 'upstream_http', message: 'English only', relayCode };
    for (const strings of [en, zh]) {
      const { title, detail } = completionErrorText(error, strings);
      expect(title.length).toBeGreaterThan(0);
      expect(detail.length).toBeGreaterThan(0);
      expect(detail).not.toContain('English only');
    }
  });

  it("reads a provider 5xx as the provider failing and a 4xx as it refusing, in the provider's words", () => {
    const failed: CompletionError = { code: 'upstream_http', message: 'The engine is overloaded.', httpStatus: 503 };
    expect(completionErrorText(failed, en)).toEqual({
      title: 'The provider failed (HTTP 503)',
      detail: 'The engine is overloaded.',
    });
    expect(completionErrorText(failed, zh).title).toBe('服务商出错（HTTP 503）');
    const refused: CompletionError = { code: 'upstream_http', message: 'Incorrect API key.', httpStatus: 401 };
    expect(completionErrorText(refused, en).title).toBe('The provider refused the request (HTTP 401)');
    expect(completionErrorText(refused, zh).title).toBe('服务商拒绝了请求（HTTP 401）');
  });

  it('keeps the other codes as they were', () => {
    expect(completionErrorText({ code: 'interrupted', message: 'Cut off.' }, en)).toEqual({
      title: 'The answer was cut off',
      detail: 'Cut off.',
    });
    expect(completionErrorText({ code: 'not_saved', message: 'x' }, en).detail).toBe(en.notSaved);
  });
});
