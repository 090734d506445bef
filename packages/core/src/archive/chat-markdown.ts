import type { Chat, Message, MessageRole } from '@hearth/schema';

/** The words of a Markdown export, in the person's language. */
export interface ChatMarkdownLabels {
  untitled: string;
  systemPrompt: string;
  roles: Record<MessageRole, string>;
  reasoning: string;
  stopped: string;
  failed: string;
  rating: (rating: number, comment: string) => string;
}

export interface ChatMarkdownInput {
  chat: Pick<Chat, 'title' | 'systemPrompt'>;
  /** The conversation as shown, in order. */
  messages: readonly Message[];
  labels: ChatMarkdownLabels;
}

/**
 * One chat as a Markdown document: the title, the system prompt, then each message under a heading
 * naming who wrote it (and the model), its reasoning folded away, and its state when it did not finish.
 * Message text is Markdown already and goes in as it is.
 */
export function chatMarkdown({ chat, messages, labels }: ChatMarkdownInput): string {
  const parts = [`# ${oneLine(chat.title) || labels.untitled}`];
  if (chat.systemPrompt.trim()) parts.push(`**${labels.systemPrompt}:**\n\n${quote(chat.systemPrompt)}`);
  for (const message of messages) {
    const model = message.role === 'assistant' && message.model ? ` · ${oneLine(message.model)}` : '';
    parts.push(`## ${labels.roles[message.role]}${model}`);
    if (message.reasoning.trim()) {
      parts.push(`<details>\n<summary>${labels.reasoning}</summary>\n\n${message.reasoning.trim()}\n\n</details>`);
    }
    if (message.content.trim()) parts.push(message.content.trim());
    if (message.status === 'stopped') parts.push(`*${labels.stopped}*`);
    if (message.status === 'error') {
      parts.push(`*${labels.failed}${message.error?.message ? `: ${oneLine(message.error.message)}` : ''}*`);
    }
    if (message.feedback) parts.push(`*${labels.rating(message.feedback.rating, oneLine(message.feedback.comment))}*`);
  }
  return `${parts.join('\n\n')}\n`;
}

// A heading or an emphasis ends at a line break; one in a title or a model name would spill out of it.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function quote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}
