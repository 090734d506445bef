import { type ChatgptNode, chatgptConversation, chatgptText } from './chatgpt-export.ts';
import { zipStream } from './zip-writer.ts';

export interface BigChatgptExportOptions {
  /** Messages that an import keeps (questions and answers), over all conversations. */
  messages: number;
  /** Kept messages per conversation; the last conversation takes what is left. Default 50. */
  messagesPerConversation?: number;
  /** The export ZIP around conversations.json, as ChatGPT sends it, rather than the JSON alone. */
  zip?: boolean;
}

/** What an import of the generated export must find. */
export interface BigChatgptExportCounts {
  conversations: number;
  messages: number;
}

const start = 1_700_000_000;
const filler = 'This generated message stands for an ordinary answer of a few sentences, with 世界 and 🦊 in it. ';

export function bigChatgptExportCounts(options: BigChatgptExportOptions): BigChatgptExportCounts {
  const per = options.messagesPerConversation ?? 50;
  return { conversations: Math.ceil(options.messages / per), messages: options.messages };
}

/** Conversation `index`: a root, a hidden system message, then alternating questions and answers. */
function conversation(index: number, kept: number): Record<string, unknown> {
  const id = `big-${index}`;
  const nodes: ChatgptNode[] = [
    { id: `${id}-root`, parent: null, role: null },
    { id: `${id}-system`, parent: `${id}-root`, role: 'system', hidden: true },
  ];
  let parent = `${id}-system`;
  for (let turn = 0; turn < kept; turn++) {
    const nodeId = `${id}-m${turn}`;
    const isQuestion = turn % 2 === 0;
    nodes.push({
      id: nodeId,
      parent,
      role: isQuestion ? 'user' : 'assistant',
      content: chatgptText(
        `${isQuestion ? 'Question' : 'Answer'} ${turn} of conversation ${index}. ${filler.repeat(2)}`,
      ),
      createTime: start + index * 3600 + turn * 10 + 0.5,
      ...(isQuestion ? {} : { model: 'gpt-4o' }),
    });
    parent = nodeId;
  }
  return chatgptConversation({
    id,
    title: `Generated conversation ${index}`,
    createTime: start + index * 3600,
    updateTime: start + index * 3600 + kept * 10,
    currentNode: parent,
    nodes,
  });
}

/**
 * ChatGPT's conversations.json for `messages` messages, written one conversation at a time as the
 * stream is read: nothing but the conversation being written is in memory, so 100,000 messages (and
 * far more) stream to a file or straight into a reader.
 */
export function bigChatgptConversationsStream(options: BigChatgptExportOptions): ReadableStream<Uint8Array> {
  const per = options.messagesPerConversation ?? 50;
  const { conversations } = bigChatgptExportCounts(options);
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (index === conversations) {
        controller.enqueue(encoder.encode(conversations === 0 ? '[]' : ']'));
        controller.close();
        return;
      }
      const kept = Math.min(per, options.messages - index * per);
      controller.enqueue(encoder.encode((index === 0 ? '[' : ',') + JSON.stringify(conversation(index, kept))));
      index += 1;
    },
  });
}

/** The generated export as a stream: conversations.json alone, or inside a streamed ZIP. */
export function bigChatgptExportStream(options: BigChatgptExportOptions): ReadableStream<Uint8Array> {
  const json = bigChatgptConversationsStream(options);
  if (!options.zip) return json;
  return zipStream([
    { name: 'user.json', data: '{"id":"user-generated"}' },
    { name: 'conversations.json', data: json },
    { name: 'chat.html', data: '<html></html>' },
  ]);
}
