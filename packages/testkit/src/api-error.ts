import { anthropicErrorBody } from './anthropic-error.ts';
import type { FakeApi } from './fake-api.ts';
import { geminiErrorBody } from './gemini-error.ts';
import { openAiErrorBody } from './openai-error.ts';

/** A failure as an API sends it: its JSON body, and the message alone (for text and HTML bodies). */
export interface ApiError {
  body: unknown;
  message: string;
}

/** The error body of `api` for a status; `message` and `code` (OpenAI's) fall back to realistic ones. */
export function apiError(
  api: FakeApi,
  options: { status: number; message?: string | null; code?: string | null; requestId?: number },
): ApiError {
  switch (api) {
    case 'openai': {
      const body = openAiErrorBody(options);
      return { body, message: body.error.message };
    }
    case 'anthropic': {
      const body = anthropicErrorBody(options);
      return { body, message: body.error.message };
    }
    case 'gemini': {
      const body = geminiErrorBody(options);
      return { body, message: body.error.message };
    }
  }
}
