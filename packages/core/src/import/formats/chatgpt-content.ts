import type { ImportNotes } from '../import-notes.ts';
import { fenced, paragraphs, quoted, readableJson } from '../readable-text.ts';
import { asObject, asString, type JsonObject } from '../source-fields.ts';

/** What one ChatGPT message's `content` becomes. */
export interface ChatgptContent {
  text: string;
  /** Model reasoning (`thoughts`), handed to the answer that follows it. */
  reasoning: string;
  /** `user_editable_context`: the person's custom instructions, which act as the chat's system prompt. */
  instructions: string;
  /** Content that only labels something else (`reasoning_recap`, "Thought for 8 seconds"). */
  label: boolean;
}

const none: ChatgptContent = { text: '', reasoning: '', instructions: '', label: false };

/**
 * ChatGPT content parts as Markdown a person can read: images as "[Image: file-…]", code the model ran
 * and its output in fenced blocks, quotes and browsing results as quoted text, anything unknown as its
 * text when it has some. Nothing is dropped silently: unknown kinds are counted in the notes.
 */
export function chatgptContent(content: JsonObject, notes: ImportNotes): ChatgptContent {
  const type = asString(content.content_type) ?? 'text';
  switch (type) {
    case 'text':
      return { ...none, text: stringParts(content.parts).join('\n') };
    case 'multimodal_text':
      return { ...none, text: multimodalText(content.parts, notes) };
    case 'code':
      return { ...none, text: fenced(asString(content.text) ?? '', codeLanguage(content.language)) };
    case 'execution_output':
      return { ...none, text: paragraphs(['Output:', fenced(asString(content.text) ?? '')]) };
    case 'tether_browsing_display':
      return { ...none, text: browsingText(content) };
    case 'tether_quote':
      return { ...none, text: quoteText(content) };
    case 'thoughts':
      return { ...none, reasoning: thoughtsText(content.thoughts) };
    case 'reasoning_recap':
    // What ChatGPT remembers about the person: context for the model, never shown in a conversation.
    case 'model_editable_context':
      return { ...none, label: true };
    case 'user_editable_context':
      return {
        ...none,
        instructions: paragraphs([asString(content.user_profile) ?? '', asString(content.user_instructions) ?? '']),
      };
    case 'system_error':
      return { ...none, text: `[Error: ${paragraphs([asString(content.name) ?? '', asString(content.text) ?? ''])}]` };
    default:
      return { ...none, text: unknownText(type, content, notes) };
  }
}

function stringParts(parts: unknown): string[] {
  return Array.isArray(parts) ? parts.filter((part): part is string => typeof part === 'string') : [];
}

function multimodalText(parts: unknown, notes: ImportNotes): string {
  if (!Array.isArray(parts)) return '';
  const pieces: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      pieces.push(part);
      continue;
    }
    const object = asObject(part);
    if (object === null) continue;
    const kind = asString(object.content_type) ?? '';
    if (kind === 'image_asset_pointer') {
      pieces.push(`[Image: ${assetName(object.asset_pointer)}]`);
      notes.add('attachment_as_text');
    } else if (kind === 'audio_transcription') {
      pieces.push(asString(object.text) ?? '');
    } else if (kind.endsWith('asset_pointer')) {
      pieces.push(`[${kind.includes('video') ? 'Video' : 'Audio'}: ${assetName(object.asset_pointer)}]`);
      notes.add('attachment_as_text');
    } else {
      pieces.push(unknownText(kind, object, notes));
    }
  }
  return paragraphs(pieces);
}

/** "file-service://file-abc" names the file "file-abc"; the scheme only says where ChatGPT kept it. */
function assetName(pointer: unknown): string {
  const text = asString(pointer) ?? 'unknown';
  const at = text.indexOf('://');
  return at < 0 ? text : text.slice(at + 3);
}

function codeLanguage(language: unknown): string {
  const text = asString(language) ?? '';
  return text === 'unknown' ? '' : text;
}

function browsingText(content: JsonObject): string {
  const result = asString(content.result) ?? '';
  const summary = asString(content.summary) ?? '';
  if (result === '' && summary === '') return '';
  return paragraphs(['Browsing result:', quoted(paragraphs([summary, result]))]);
}

function quoteText(content: JsonObject): string {
  const title = asString(content.title) ?? asString(content.domain) ?? '';
  const url = asString(content.url) ?? '';
  const source = url === '' ? title : `[${title || url}](${url})`;
  return paragraphs([quoted(asString(content.text) ?? ''), source === '' ? '' : `— ${source}`]);
}

function thoughtsText(thoughts: unknown): string {
  if (!Array.isArray(thoughts)) return '';
  return paragraphs(
    thoughts.map((thought) => {
      const object = asObject(thought) ?? {};
      const summary = asString(object.summary) ?? '';
      return paragraphs([summary === '' ? '' : `**${summary}**`, asString(object.content) ?? '']);
    }),
  );
}

/** A content kind this reader does not know: its text if it has one, else its fields, marked as such. */
function unknownText(type: string, content: JsonObject, notes: ImportNotes): string {
  notes.add('unknown_content_as_text');
  const text = asString(content.text) ?? asString(content.result) ?? stringParts(content.parts).join('\n');
  if (text !== '') return text;
  const { content_type: _type, ...rest } = content;
  return paragraphs([`[${type}]`, Object.keys(rest).length > 0 ? fenced(readableJson(rest), 'json') : '']);
}
