import {
  type Attachment,
  anthropicMessagesRequestSchema,
  chatCompletionRequestSchema,
  geminiRequestSchema,
  type Message,
} from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import type { AttachmentContent } from '../attachments/attachment-content.ts';
import { newUserMessage } from '../records/new-records.ts';
import { testContext, testConversation, testModelConfig } from '../test/fixtures.ts';
import { buildChatRequest } from './build-chat-request.ts';

const hash = (digit: string) => digit.repeat(64);
const photo: Attachment = { hash: hash('a'), name: 'photo.png', mediaType: 'image/png', size: 68 };
const notes: Attachment = { hash: hash('b'), name: 'notes.md', mediaType: 'text/markdown', size: 20 };
const paper: Attachment = { hash: hash('c'), name: 'paper.pdf', mediaType: 'application/pdf', size: 900 };
const contents = new Map<string, AttachmentContent>([
  [photo.hash, { kind: 'image', mediaType: 'image/png', base64: 'iVBORw0KGgo=' }],
  [notes.hash, { kind: 'text', text: 'Some ``` fenced notes' }],
  [paper.hash, { kind: 'text', text: 'Abstract text', extractedFromPdf: true }],
]);

// An earlier question with a photo (answered), then the question to answer with a photo, notes and a PDF.
function conversation(): { messages: Message[] } {
  const { chat, messages } = testConversation([['what is this?', 'a cat', 'done']]);
  const first = messages[0];
  if (first) messages[0] = { ...first, attachments: [photo] };
  const question = newUserMessage(testContext(), {
    chatId: chat.id,
    content: 'and these?',
    parent: messages.at(-1) ?? null,
  });
  messages.push({ ...question, attachments: [photo, notes, paper] });
  return { messages };
}

const notesBlock = 'File “notes.md”:\n````\nSome ``` fenced notes\n````';
const paperBlock =
  'File “paper.pdf” (text extracted from the PDF; its layout and images are not included):\n```\nAbstract text\n```';
const lastText = `${notesBlock}\n\n${paperBlock}\n\nand these?`;

function build(provider: 'openai' | 'azure' | 'anthropic' | 'gemini', withContents = true) {
  return buildChatRequest({
    config: testModelConfig({ provider, baseUrl: 'https://example.test/v1', modelId: 'm' }),
    apiKey: 'key',
    chat: { systemPrompt: '', params: {} },
    ...conversation(),
    ...(withContents ? { attachments: contents } : {}),
  });
}

describe('attachments in each provider’s request', () => {
  it.each(['openai', 'azure'] as const)(
    '%s: images as data: URL parts before the text, files as fenced context',
    (provider) => {
      const body = chatCompletionRequestSchema.parse(JSON.parse(build(provider).init.body ?? ''));
      const image = { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } };
      expect(body.messages).toEqual([
        { role: 'user', content: [image, { type: 'text', text: 'what is this?' }] },
        { role: 'assistant', content: 'a cat' },
        { role: 'user', content: [image, { type: 'text', text: lastText }] },
      ]);
    },
  );

  it('Anthropic: image blocks with a base64 source before the text block', () => {
    const body = anthropicMessagesRequestSchema.parse(JSON.parse(build('anthropic').init.body ?? ''));
    const image = { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } };
    expect(body.messages).toEqual([
      { role: 'user', content: [image, { type: 'text', text: 'what is this?' }] },
      { role: 'assistant', content: 'a cat' },
      { role: 'user', content: [image, { type: 'text', text: lastText }] },
    ]);
  });

  it('Gemini: inline_data parts with mime_type and data before the text part', () => {
    const body = geminiRequestSchema.parse(JSON.parse(build('gemini').init.body ?? ''));
    const image = { inline_data: { mime_type: 'image/png', data: 'iVBORw0KGgo=' } };
    expect(body.contents).toEqual([
      { role: 'user', parts: [image, { text: 'what is this?' }] },
      { role: 'model', parts: [{ text: 'a cat' }] },
      { role: 'user', parts: [image, { text: lastText }] },
    ]);
  });

  it('sends a message that has only an image, with no empty text part', () => {
    const { chat } = testConversation([]);
    const alone = {
      ...newUserMessage(testContext(), { chatId: chat.id, content: '', parent: null }),
      attachments: [photo],
    };
    const body = geminiRequestSchema.parse(
      JSON.parse(
        buildChatRequest({
          config: testModelConfig({ provider: 'gemini', baseUrl: 'https://example.test/v1beta', modelId: 'm' }),
          apiKey: 'key',
          chat,
          messages: [alone],
          attachments: contents,
        }).init.body ?? '',
      ),
    );
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ inline_data: { mime_type: 'image/png', data: 'iVBORw0KGgo=' } }] },
    ]);
  });

  it('names a file it was given no content for instead of leaving it out silently', () => {
    const body = chatCompletionRequestSchema.parse(JSON.parse(build('openai', false).init.body ?? ''));
    expect(body.messages.at(-1)?.content).toBe(
      [
        '(The file “photo.png” was attached but could not be read.)',
        '(The file “notes.md” was attached but could not be read.)',
        '(The file “paper.pdf” was attached but could not be read.)',
        'and these?',
      ].join('\n\n'),
    );
  });
});
