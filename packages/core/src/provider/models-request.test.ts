import { describe, expect, it } from 'vitest';
import { buildModelsRequest, parseModelIds } from './models-request.ts';

describe('models list', () => {
  it('is a GET of <base>/models with the key', () => {
    const request = buildModelsRequest({
      config: { baseUrl: 'http://127.0.0.1:1234/v1/', headers: {} },
      apiKey: 'k',
    });
    expect(request).toEqual({
      url: 'http://127.0.0.1:1234/v1/models',
      init: { method: 'GET', headers: { Authorization: 'Bearer k' } },
    });
  });

  it('parses ids sorted and de-duplicated, and refuses other shapes', () => {
    expect(parseModelIds({ object: 'list', data: [{ id: 'b' }, { id: 'a' }, { id: 'b' }] })).toEqual({
      success: true,
      value: ['a', 'b'],
    });
    expect(parseModelIds({ models: ['a'] }).success).toBe(false);
    expect(parseModelIds('<html>').success).toBe(false);
  });
});
