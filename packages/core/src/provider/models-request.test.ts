import { describe, expect, it } from 'vitest';
import { buildModelsRequest, hasModelList, parseModelsPage, sortedModelIds } from './models-request.ts';

const request = (provider: 'custom' | 'anthropic' | 'gemini', cursor?: string) =>
  buildModelsRequest({ config: { provider, baseUrl: 'http://127.0.0.1:1234/v1/', headers: {} }, apiKey: 'k', cursor });

describe('models list requests', () => {
  it('is a GET of <base>/models with the key in the provider’s own header', () => {
    expect(request('custom')).toEqual({
      url: 'http://127.0.0.1:1234/v1/models',
      init: { method: 'GET', headers: { Authorization: 'Bearer k' } },
    });
    expect(request('anthropic').init.headers).toEqual({
      'x-api-key': 'k',
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
    });
    expect(request('gemini').init.headers).toEqual({ 'x-goog-api-key': 'k' });
  });

  it('asks the native APIs for big pages, and for the page after the cursor', () => {
    expect(request('anthropic').url).toBe('http://127.0.0.1:1234/v1/models?limit=1000');
    expect(request('anthropic', 'claude-x').url).toBe('http://127.0.0.1:1234/v1/models?limit=1000&after_id=claude-x');
    expect(request('gemini').url).toBe('http://127.0.0.1:1234/v1/models?pageSize=1000');
    expect(request('gemini', 'tok+en').url).toBe('http://127.0.0.1:1234/v1/models?pageSize=1000&pageToken=tok%2Ben');
  });

  it('is offered by every provider but Azure, whose deployments it cannot list', () => {
    expect(hasModelList('openai')).toBe(true);
    expect(hasModelList('gemini')).toBe(true);
    expect(hasModelList('azure')).toBe(false);
  });
});

describe('models list pages', () => {
  it('reads OpenAI’s list and the bare array Together sends, and refuses other shapes', () => {
    expect(parseModelsPage('openai', { object: 'list', data: [{ id: 'b' }, { id: 'a' }] })).toEqual({
      success: true,
      value: { ids: ['b', 'a'] },
    });
    expect(parseModelsPage('custom', [{ id: 'meta-llama/Llama-3' }])).toEqual({
      success: true,
      value: { ids: ['meta-llama/Llama-3'] },
    });
    expect(parseModelsPage('openai', { models: ['a'] })).toEqual({
      success: false,
      error: 'The provider’s model list is not in the OpenAI format.',
    });
    expect(parseModelsPage('openai', '<html>').success).toBe(false);
  });

  it('reads Anthropic’s pages, following last_id while has_more', () => {
    const page = { data: [{ id: 'claude-a', type: 'model', display_name: 'A' }], has_more: true, last_id: 'claude-a' };
    expect(parseModelsPage('anthropic', page)).toEqual({
      success: true,
      value: { ids: ['claude-a'], next: 'claude-a' },
    });
    expect(parseModelsPage('anthropic', { ...page, has_more: false })).toEqual({
      success: true,
      value: { ids: ['claude-a'] },
    });
    expect(parseModelsPage('anthropic', { data: 'x' }).success).toBe(false);
  });

  it('reads Gemini’s pages: ids without `models/`, only models that generate content, the next page token', () => {
    const page = {
      models: [
        { name: 'models/gemini-2.5-flash', supportedGenerationMethods: ['generateContent', 'countTokens'] },
        { name: 'models/text-embedding-004', supportedGenerationMethods: ['embedContent'] },
      ],
      nextPageToken: 'next-1',
    };
    expect(parseModelsPage('gemini', page)).toEqual({
      success: true,
      value: { ids: ['gemini-2.5-flash'], next: 'next-1' },
    });
    expect(parseModelsPage('gemini', {})).toEqual({ success: true, value: { ids: [] } });
    expect(parseModelsPage('gemini', { models: [{ id: 'x' }] }).success).toBe(false);
  });

  it('reads each provider’s context windows where its list gives them, and ignores odd values', () => {
    const openRouter = {
      data: [
        { id: 'a/with', context_length: 128_000 },
        { id: 'b/none' },
        { id: 'c/odd', context_length: '4k' },
        { id: 'groq', context_window: 131_072 },
        { id: 'mistral', max_context_length: 32_768 },
      ],
    };
    expect(parseModelsPage('openrouter', openRouter)).toEqual({
      success: true,
      value: {
        ids: ['a/with', 'b/none', 'c/odd', 'groq', 'mistral'],
        contextWindows: { 'a/with': 128_000, groq: 131_072, mistral: 32_768 },
      },
    });
    expect(
      parseModelsPage('anthropic', { data: [{ id: 'claude-a', max_input_tokens: 200_000, max_tokens: 64_000 }] }),
    ).toEqual({
      success: true,
      value: { ids: ['claude-a'], contextWindows: { 'claude-a': 200_000 } },
    });
    const gemini = { models: [{ name: 'models/gemini-x', inputTokenLimit: 1_048_576, outputTokenLimit: 65_536 }] };
    expect(parseModelsPage('gemini', gemini)).toEqual({
      success: true,
      value: { ids: ['gemini-x'], contextWindows: { 'gemini-x': 1_048_576 } },
    });
  });

  it('sorts ids and keeps each once', () => {
    expect(sortedModelIds(['b', 'a', 'b'])).toEqual(['a', 'b']);
  });
});
