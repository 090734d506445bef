import { enormousText, unicodeMessage } from './fixture-text.ts';
import { type FixtureTree, sampleTree } from './sample-tree.ts';
import { type ZipInput, zipBytes } from './zip-writer.ts';

/**
 * Fixtures in the shape of ChatGPT's data export, written from public descriptions of it:
 * `conversations.json` is a list of conversations, each a `mapping` of node id to
 * `{ id, message, parent, children }`, with `current_node` the last node of the shown branch and times in
 * seconds with a fraction.
 */

/** One node of a fixture conversation. `message: null` is the structural root every conversation has. */
export interface ChatgptNode {
  id: string;
  parent: string | null;
  role: 'system' | 'user' | 'assistant' | 'tool' | null;
  content?: Record<string, unknown>;
  /** Seconds; null as ChatGPT writes for its root system message. */
  createTime?: number | null;
  hidden?: boolean;
  model?: string;
  authorName?: string;
  recipient?: string;
}

export interface ChatgptConversationSpec {
  id: string;
  title: string | null;
  createTime: number | null;
  updateTime: number | null;
  currentNode: string | null;
  nodes: ChatgptNode[];
  defaultModel?: string;
}

export function chatgptText(text: string): Record<string, unknown> {
  return { content_type: 'text', parts: [text] };
}

/** A conversation object as the export writes it: children lists are derived from the parents. */
export function chatgptConversation(spec: ChatgptConversationSpec): Record<string, unknown> {
  const mapping: Record<string, unknown> = {};
  for (const node of spec.nodes) {
    mapping[node.id] = {
      id: node.id,
      message:
        node.role === null
          ? null
          : {
              id: node.id,
              author: { role: node.role, name: node.authorName ?? null, metadata: {} },
              create_time: node.createTime ?? null,
              update_time: null,
              content: node.content ?? chatgptText(''),
              status: 'finished_successfully',
              end_turn: node.role === 'assistant' ? true : null,
              weight: 1,
              metadata: {
                ...(node.hidden ? { is_visually_hidden_from_conversation: true } : {}),
                ...(node.model ? { model_slug: node.model } : {}),
              },
              recipient: node.recipient ?? 'all',
            },
      parent: node.parent,
      children: spec.nodes.filter((child) => child.parent === node.id).map((child) => child.id),
    };
  }
  return {
    title: spec.title,
    create_time: spec.createTime,
    update_time: spec.updateTime,
    mapping,
    moderation_results: [],
    current_node: spec.currentNode,
    plugin_ids: null,
    conversation_id: spec.id,
    conversation_template_id: null,
    gizmo_id: null,
    is_archived: false,
    default_model_slug: spec.defaultModel ?? 'gpt-4o',
    id: spec.id,
  };
}

/** The shared branching tree under ChatGPT's structural root and its hidden, empty system message. */
export function chatgptTree(tree: FixtureTree): Record<string, unknown> {
  const nodes: ChatgptNode[] = [
    { id: `${tree.id}-root`, parent: null, role: null },
    { id: `${tree.id}-system`, parent: `${tree.id}-root`, role: 'system', hidden: true },
    ...tree.messages.map(
      (message): ChatgptNode => ({
        id: message.id,
        parent: message.parent ?? `${tree.id}-system`,
        role: message.role,
        content: chatgptText(message.text),
        createTime: message.at / 1000,
        ...(message.role === 'assistant' ? { model: 'gpt-4o' } : {}),
      }),
    ),
  ];
  return chatgptConversation({
    id: tree.id,
    title: tree.title,
    createTime: tree.createdAt / 1000,
    updateTime: tree.updatedAt / 1000,
    currentNode: tree.shownLeaf,
    nodes,
  });
}

const partsStart = 1_715_000_000.25;

/**
 * A linear conversation through every kind of content part: custom instructions, an image, reasoning
 * ("thoughts" and its "Thought for…" label), code run by the python tool and its output, browsing (one
 * result visible, one hidden), a quote, and content kinds the reader cannot know.
 */
export function chatgptPartsConversation(): Record<string, unknown> {
  return chatgptConversation({
    id: 'conv-parts',
    title: 'Every kind of part',
    createTime: partsStart,
    updateTime: partsStart + 100,
    currentNode: 'final',
    nodes: [
      { id: 'root', parent: null, role: null },
      { id: 'system', parent: 'root', role: 'system', hidden: true, createTime: null },
      {
        id: 'instructions',
        parent: 'system',
        role: 'user',
        hidden: true,
        content: {
          content_type: 'user_editable_context',
          user_profile: 'I am a botanist.',
          user_instructions: 'Answer briefly.',
        },
      },
      {
        id: 'memory',
        parent: 'instructions',
        role: 'assistant',
        content: { content_type: 'model_editable_context', model_set_context: '1. Is a botanist.' },
      },
      {
        id: 'image-question',
        parent: 'memory',
        role: 'user',
        createTime: partsStart + 1,
        content: {
          content_type: 'multimodal_text',
          parts: [
            {
              content_type: 'image_asset_pointer',
              asset_pointer: 'file-service://file-abc123',
              size_bytes: 1234,
              width: 10,
              height: 10,
            },
            'What is in this picture?',
          ],
        },
      },
      {
        id: 'thoughts',
        parent: 'image-question',
        role: 'assistant',
        createTime: partsStart + 2,
        content: { content_type: 'thoughts', thoughts: [{ summary: 'Looking', content: 'It shows a leaf.' }] },
      },
      {
        id: 'recap',
        parent: 'thoughts',
        role: 'assistant',
        createTime: partsStart + 3,
        content: { content_type: 'reasoning_recap', content: 'Thought for 3 seconds' },
      },
      {
        id: 'code',
        parent: 'recap',
        role: 'assistant',
        recipient: 'python',
        model: 'o3',
        createTime: partsStart + 4,
        content: { content_type: 'code', language: 'python', text: 'print(1 + 1)' },
      },
      {
        id: 'output',
        parent: 'code',
        role: 'tool',
        authorName: 'python',
        createTime: partsStart + 5,
        content: { content_type: 'execution_output', text: '2' },
      },
      {
        id: 'answer',
        parent: 'output',
        role: 'assistant',
        model: 'o3',
        createTime: partsStart + 6,
        content: chatgptText('It is a leaf, and 1 + 1 is 2.'),
      },
      {
        id: 'browse-question',
        parent: 'answer',
        role: 'user',
        createTime: partsStart + 7,
        content: chatgptText('Look it up.'),
      },
      {
        id: 'browsing',
        parent: 'browse-question',
        role: 'tool',
        authorName: 'browser',
        createTime: partsStart + 8,
        content: { content_type: 'tether_browsing_display', result: 'Leaves are organs of plants.', summary: '' },
      },
      {
        id: 'browsing-hidden',
        parent: 'browsing',
        role: 'tool',
        authorName: 'browser',
        hidden: true,
        createTime: partsStart + 9,
        content: { content_type: 'tether_browsing_display', result: 'internal', summary: '' },
      },
      {
        id: 'quote',
        parent: 'browsing-hidden',
        role: 'tool',
        authorName: 'browser',
        createTime: partsStart + 10,
        content: {
          content_type: 'tether_quote',
          url: 'https://example.org/leaf',
          domain: 'example.org',
          text: 'A leaf is green.',
          title: 'Leaf',
        },
      },
      {
        id: 'unknown-with-text',
        parent: 'quote',
        role: 'assistant',
        createTime: partsStart + 11,
        content: { content_type: 'future_widget', text: 'Widget text' },
      },
      {
        id: 'unknown-without-text',
        parent: 'unknown-with-text',
        role: 'assistant',
        createTime: partsStart + 12,
        content: { content_type: 'future_chart', data: { points: [1, 2] } },
      },
      {
        id: 'final',
        parent: 'unknown-without-text',
        role: 'assistant',
        createTime: partsStart + 13,
        content: chatgptText('Done.'),
      },
    ],
  });
}

/** The size of the enormous message in `chatgptUnicodeConversation`. */
export const enormousMessageBytes = 3 * 1024 * 1024;

const unicodeStart = 1_716_000_000.5;

/** No title, unicode everywhere, an empty question, a message without a time and one of some MB. */
export function chatgptUnicodeConversation(): Record<string, unknown> {
  return chatgptConversation({
    id: 'conv-unicode',
    title: null,
    createTime: unicodeStart,
    updateTime: unicodeStart + 50,
    currentNode: 'after-empty',
    nodes: [
      { id: 'u-root', parent: null, role: null },
      {
        id: 'u-question',
        parent: 'u-root',
        role: 'user',
        createTime: unicodeStart + 1,
        content: chatgptText(unicodeMessage),
      },
      {
        id: 'u-enormous',
        parent: 'u-question',
        role: 'assistant',
        createTime: unicodeStart + 2,
        content: chatgptText(enormousText(enormousMessageBytes)),
      },
      { id: 'u-empty', parent: 'u-enormous', role: 'user', createTime: unicodeStart + 3, content: chatgptText('') },
      {
        id: 'after-empty',
        parent: 'u-empty',
        role: 'assistant',
        createTime: null,
        content: chatgptText('After the empty one.'),
      },
    ],
  });
}

/** The three fixture conversations: branches, every kind of part, unicode and sizes. */
export function chatgptConversations(): Record<string, unknown>[] {
  return [chatgptTree(sampleTree), chatgptPartsConversation(), chatgptUnicodeConversation()];
}

/** The conversations as `conversations.json` text. */
export function chatgptExportJson(conversations: readonly unknown[] = chatgptConversations()): string {
  return JSON.stringify(conversations);
}

/** The export ZIP: conversations.json beside the other files ChatGPT puts in it, an image among them. */
export function chatgptExportZip(conversationsJson: string = chatgptExportJson()): Promise<Uint8Array> {
  const entries: ZipInput[] = [
    { name: 'user.json', data: '{"id":"user-1","email":"someone@example.org"}' },
    { name: 'file-abc123-leaf.png', data: new Uint8Array(2048).fill(7), compress: false },
    { name: 'conversations.json', data: conversationsJson },
    { name: 'message_feedback.json', data: '[]' },
    { name: 'chat.html', data: '<html><body>chats</body></html>' },
  ];
  return zipBytes(entries);
}

/** The second conversation has lost its `mapping`: the file must be refused, naming it. */
export function chatgptBrokenConversations(): Record<string, unknown>[] {
  const conversations = chatgptConversations();
  const { mapping: _lost, ...broken } = conversations[1] as Record<string, unknown>;
  conversations[1] = broken;
  return conversations;
}
