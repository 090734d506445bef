import { describe, expect, it } from 'vitest';
import { headerMapSchema } from './header-map.ts';
import { httpUrlSchema } from './http-url.ts';
import { modelConfigFieldsSchema } from './model-config.ts';

const valid = {
  name: 'Local',
  provider: 'ollama',
  baseUrl: ' http://127.0.0.1:11434/v1 ',
  modelId: 'llama3.2',
  headers: {},
  connection: 'auto',
} as const;

describe('model config fields', () => {
  it('accept a valid configuration and trim what was typed', () => {
    const parsed = modelConfigFieldsSchema.parse(valid);
    expect(parsed.baseUrl).toBe('http://127.0.0.1:11434/v1');
  });

  it.each([
    ['baseUrl', { baseUrl: 'not a url' }, 'Enter a full URL starting with http:// or https://'],
    ['baseUrl', { baseUrl: 'ftp://example.com' }, 'Enter a full URL starting with http:// or https://'],
    ['baseUrl', { baseUrl: 'javascript:alert(1)' }, 'Enter a full URL starting with http:// or https://'],
    ['modelId', { modelId: '   ' }, 'Enter a model id'],
    ['name', { name: '' }, 'Enter a name'],
    ['temperature', { temperature: 3 }, 'Temperature must be 2 or less'],
    ['maxTokens', { maxTokens: 1.5 }, 'Max tokens must be a whole number'],
    ['thinkingBudget', { thinkingBudget: 0 }, 'Thinking budget must be at least 1'],
  ])('refuse a bad %s with a message for that field', (field, change, message) => {
    const result = modelConfigFieldsSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toBe(message);
  });
});

describe('provider kinds', () => {
  it('accept the native providers and Azure, with a thinking budget', () => {
    for (const provider of ['anthropic', 'gemini', 'azure'] as const) {
      expect(modelConfigFieldsSchema.safeParse({ ...valid, provider, thinkingBudget: 2048 }).success).toBe(true);
    }
  });
});

describe('header map', () => {
  it('accepts ordinary extra headers', () => {
    expect(headerMapSchema.safeParse({ 'HTTP-Referer': 'https://x.example', 'X-Title': 'Hearth' }).success).toBe(true);
  });

  it.each([
    [{ 'Bad Name': 'x' }, '"Bad Name" is not a valid header name'],
    [{ Cookie: 'a=b' }, 'The Cookie header cannot be set here'],
    [{ host: 'evil' }, 'The host header cannot be set here'],
    [{ 'X-Injected': 'a\r\nSet-Cookie: x' }, 'The value of X-Injected may not contain line breaks'],
    [{ Authorization: 'Bearer sk-x' }, 'Put keys in the API key field, not in Authorization: it stays on this device'],
    [{ 'x-api-key': 'sk-x' }, 'Put keys in the API key field, not in x-api-key: it stays on this device'],
  ])('refuses %j', (headers, message) => {
    const result = headerMapSchema.safeParse(headers);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe('http url', () => {
  it('accepts http and https only', () => {
    expect(httpUrlSchema.safeParse('https://api.openai.com/v1').success).toBe(true);
    expect(httpUrlSchema.safeParse('http://[::1]:8080/v1').success).toBe(true);
    expect(httpUrlSchema.safeParse('file:///etc/passwd').success).toBe(false);
    expect(httpUrlSchema.safeParse('').success).toBe(false);
  });
});
