import { describe, expect, it } from 'vitest';
import { extractProviderErrorMessage } from './provider-error-message.ts';

describe('extractProviderErrorMessage', () => {
  it.each([
    [
      'OpenAI {error: {message}}',
      '{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}}',
    ],
    ['{error: "..."}', '{"error":"Incorrect API key provided."}'],
    ['{message}', '{"message":"Incorrect API key provided."}'],
    ['{detail}', '{"detail":"Incorrect API key provided."}'],
    [
      'Gemini [{error: {message}}]',
      '[{"error":{"code":400,"message":"Incorrect API key provided.","status":"INVALID_ARGUMENT"}}]',
    ],
    [
      'Anthropic {type: "error", error: {type, message}}',
      '{"type":"error","error":{"type":"authentication_error","message":"Incorrect API key provided."},"request_id":"req_1"}',
    ],
    [
      'Gemini native {error: {code, message, status}}',
      '{"error":{"code":400,"message":"Incorrect API key provided.","status":"INVALID_ARGUMENT","details":[]}}',
    ],
    ['JSON with padding', '\n  {"error":{"message":"  Incorrect API key provided. "}}\n'],
    ['short plain text', 'Incorrect API key provided.\n'],
  ])('reads the provider message from %s', (_, body) => {
    expect(extractProviderErrorMessage(body, 401, 'Unauthorized')).toBe('Incorrect API key provided.');
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['an HTML fragment', '<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>'],
    ['an empty body', ''],
    ['JSON of another shape', '{"status":"failed","code":17}'],
    ['JSON with an empty message', '{"error":{"message":"   "}}'],
    ['long plain text', 'x'.repeat(2000)],
    ['truncated JSON', '{"error":{"message":"cut'],
  ])('falls back to the status for %s', (_, body) => {
    expect(extractProviderErrorMessage(body, 502, 'Bad Gateway')).toBe('The provider answered 502 Bad Gateway.');
  });

  it('names the status when HTTP/2 leaves the status text empty', () => {
    expect(extractProviderErrorMessage('', 429, '')).toBe('The provider answered 429 Too Many Requests.');
    expect(extractProviderErrorMessage('', 599, '')).toBe('The provider answered 599.');
  });

  it('shortens an enormous JSON message', () => {
    const message = extractProviderErrorMessage(JSON.stringify({ error: { message: 'y'.repeat(5000) } }), 400, '');
    expect(message).toHaveLength(1001);
    expect(message.endsWith('…')).toBe(true);
  });
});
