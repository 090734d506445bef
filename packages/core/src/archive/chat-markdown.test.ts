import type { Message } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { messageChange } from '../sync/test/sync-fixtures.ts';
import { chatMarkdown } from './chat-markdown.ts';

const labels = {
  untitled: 'New chat',
  systemPrompt: 'System prompt',
  roles: { system: 'System', user: 'You', assistant: 'Assistant' },
  reasoning: 'Reasoning',
  stopped: 'Stopped',
  failed: 'Failed',
  rating: (rating: number, comment: string) => `Rated ${rating}/5${comment ? `: ${comment}` : ''}`,
};

const message = (fields: Partial<Message>): Message => ({ ...messageChange().record, ...fields });

describe('chatMarkdown', () => {
  it('writes the conversation in order, under headings naming who wrote each message', () => {
    const markdown = chatMarkdown({
      chat: { title: 'Trip\nto Lisbon', systemPrompt: 'Be brief.\nUse lists.' },
      messages: [
        message({ role: 'user', content: 'Where should I eat?' }),
        message({
          role: 'assistant',
          model: 'gpt-4o-mini',
          reasoning: 'They asked about food.',
          content: '- **Alfama**\n- Bairro Alto',
          feedback: { rating: 4, comment: 'useful' },
        }),
        message({ role: 'assistant', model: null, content: 'Half', status: 'stopped' }),
        message({
          role: 'assistant',
          model: null,
          content: '',
          status: 'error',
          error: { code: 'network', message: 'offline' },
        }),
      ],
      labels,
    });
    expect(markdown).toBe(
      `${[
        '# Trip to Lisbon',
        '**System prompt:**\n\n> Be brief.\n> Use lists.',
        '## You',
        'Where should I eat?',
        '## Assistant · gpt-4o-mini',
        '<details>\n<summary>Reasoning</summary>\n\nThey asked about food.\n\n</details>',
        '- **Alfama**\n- Bairro Alto',
        '*Rated 4/5: useful*',
        '## Assistant',
        'Half',
        '*Stopped*',
        '## Assistant',
        '*Failed: offline*',
      ].join('\n\n')}\n`,
    );
  });

  it('names an untitled chat', () => {
    expect(chatMarkdown({ chat: { title: '', systemPrompt: '' }, messages: [], labels })).toBe('# New chat\n');
  });
});
