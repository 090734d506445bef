import { type Chat, chatSchema, type Message, messageSchema, type SyncRecord } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { keepUnknownFields } from '../records/keep-unknown-fields.ts';
import { newAssistantMessage, newChat, newUserMessage, type RecordContext } from '../records/new-records.ts';
import { referenceSimulation } from '../sync/test/reference-simulation.ts';
import type { SimulatedDevice } from '../sync/test/simulated-device.ts';
import { knownFieldsOnly } from '../sync/test/unknown-fields.ts';
import { BranchReader } from './branch-reader.ts';
import { ConversationTree } from './conversation-tree.ts';
import { parentForSend, parentForVersion } from './placement.ts';
import { shownBranch } from './shown-branch.ts';
import { MemoryBranchSource } from './test/memory-branch-source.ts';

const hour = 3_600_000;

// What an app version from before branches knows: no parentId, no shownLeafId. It keeps every field it
// does not know when it writes a new version of a record, as the foundation guarantees.
const olderMessageSchema = z.omit(messageSchema, { parentId: true });
const olderChatSchema = z.omit(chatSchema, { shownLeafId: true });

function liveChat(live: readonly SyncRecord[]): Chat {
  const chat = live.find((change) => change.table === 'chats' && !change.record.deleted)?.record;
  if (chat === undefined) throw new Error('a chat on this device');
  return chat as Chat;
}

function liveMessages(live: readonly SyncRecord[], chatId: string): Message[] {
  return live.flatMap((change) =>
    change.table === 'messages' && !change.record.deleted && change.record.chatId === chatId ? [change.record] : [],
  );
}

function liveRecords(device: SimulatedDevice): SyncRecord[] {
  return device.store.records().filter((change) => !change.record.deleted);
}

/** What a device shows of the chat: its tree (every message under its parent) and the branch on screen. */
function view(device: SimulatedDevice) {
  const live = liveRecords(device);
  const chat = liveChat(live);
  const tree = new ConversationTree(liveMessages(live, chat.id));
  return {
    tree,
    parents: tree.ordered.map((message) => [message.content, tree.parentOf(message.id)?.content ?? null]),
    shown: shownBranch(tree, chat.shownLeafId).map((message) => message.content),
  };
}

/** A finished answer, as the app stores it once the stream ended. */
function answered(context: RecordContext, input: { chatId: string; parent: Message | null; text: string }): Message {
  return {
    ...newAssistantMessage(context, { chatId: input.chatId, model: 'm', parent: input.parent }),
    content: input.text,
    status: 'done',
  };
}

/** The chat's next version as this app writes it: showing `shownLeafId`, unknown fields kept. */
function showing(context: RecordContext, chat: Chat, shownLeafId: string): SyncRecord {
  return {
    table: 'chats',
    record: keepUnknownFields(chatSchema, chat, { ...chat, shownLeafId, updatedAt: context.clock.tick() }),
  };
}

/** The app's reader of a chat's tree, over what this device holds. */
function readerOf(live: readonly SyncRecord[], chatId: string): BranchReader<Message> {
  return new BranchReader(new MemoryBranchSource(liveMessages(live, chatId), chatId), chatId);
}

/** Regenerate as the app does it: a new answer beside `answerText`'s, and the chat showing it. */
function regenerate(device: SimulatedDevice, answerText: string, text: string): Promise<void> {
  return device.apply(async (live, context) => {
    const chat = liveChat(live);
    const old = liveMessages(live, chat.id).find((message) => message.content === answerText);
    if (old === undefined) throw new Error(`no answer ${answerText}`);
    const parent = await parentForVersion(readerOf(live, chat.id), old);
    const answer = answered(context, { chatId: chat.id, parent, text });
    return [{ table: 'messages', record: answer }, showing(context, chat, answer.id)];
  });
}

/** Sending as the app does it: a question and its answer at the end of the branch on screen. */
function send(device: SimulatedDevice, question: string, text: string): Promise<void> {
  return device.apply(async (live, context) => {
    const chat = liveChat(live);
    const parent = await parentForSend(readerOf(live, chat.id), chat.shownLeafId);
    const asked = newUserMessage(context, { chatId: chat.id, content: question, parent });
    const answer = answered(context, { chatId: chat.id, parent: asked, text });
    return [
      { table: 'messages', record: asked },
      { table: 'messages', record: answer },
      showing(context, chat, answer.id),
    ];
  });
}

/** Starts a chat with one answered question on device 0 and syncs everyone. */
async function sharedChat(skewsMs: number[]) {
  const { simulation } = await referenceSimulation({ skewsMs });
  const [first] = simulation.devices;
  if (first === undefined) throw new Error('devices');
  await first.apply(async (_live, context) => [{ table: 'chats', record: newChat(context, { title: 'shared' }) }]);
  await send(first, 'question', 'first answer');
  await simulation.settle();
  return simulation;
}

describe('conversation trees syncing', () => {
  it('two devices that regenerate the same answer offline both keep both answers, and show the same tree', async () => {
    // The second device's wall clock is an hour behind: its new answer must still come after the question.
    const simulation = await sharedChat([0, -hour]);
    const [laptop, phone] = simulation.devices;
    if (laptop === undefined || phone === undefined) throw new Error('devices');
    await simulation.run({ kind: 'offline', device: 0, offline: true });
    await simulation.run({ kind: 'offline', device: 1, offline: true });
    await regenerate(laptop, 'first answer', 'laptop answer');
    await simulation.run({ kind: 'wait', ms: 1_000 });
    await regenerate(phone, 'first answer', 'phone answer');
    await simulation.settle();
    expect(await simulation.check()).toEqual([]);

    const [onLaptop, onPhone] = [view(laptop), view(phone)];
    for (const { tree } of [onLaptop, onPhone]) {
      const question = tree.ordered.find((message) => message.content === 'question');
      expect(
        tree
          .childrenOf(question?.id ?? '')
          .map((answer) => answer.content)
          .sort(),
      ).toEqual(['first answer', 'laptop answer', 'phone answer']);
    }
    expect(onPhone.parents).toEqual(onLaptop.parents);
    expect(onPhone.shown).toEqual(onLaptop.shown);
    // One of the two shows (the chat's last write wins), on both devices alike.
    expect(['laptop answer', 'phone answer']).toContain(onLaptop.shown.at(-1));
  });

  it('an older app appending to the chat and editing it does not break the newer app’s tree', async () => {
    const { simulation } = await referenceSimulation({ skewsMs: [0, 0] });
    const [newer, older] = simulation.devices;
    if (newer === undefined || older === undefined) throw new Error('devices');
    await newer.apply(async (_live, context) => [{ table: 'chats', record: newChat(context, { title: 'shared' }) }]);
    await send(newer, 'q1', 'a1');
    await regenerate(newer, 'a1', 'a1 again');
    await simulation.settle();
    await simulation.run({ kind: 'wait', ms: 1_000 });

    // The older app shows every message in creation order and appends after the last; it renames the
    // chat and edits an answer, seeing only the fields it knows and keeping the rest.
    await older.apply(async (live, context) => {
      const chat = liveChat(live);
      const question = knownFieldsOnly(
        olderMessageSchema,
        newUserMessage(context, { chatId: chat.id, content: 'q2', parent: null }),
      );
      const answer = knownFieldsOnly(
        olderMessageSchema,
        answered(context, { chatId: chat.id, parent: null, text: 'a2' }),
      );
      const edited = liveMessages(live, chat.id).find((message) => message.content === 'a1 again');
      if (edited === undefined) throw new Error('the answer to edit');
      const renamed = { ...knownFieldsOnly(olderChatSchema, chat), title: 'renamed', updatedAt: context.clock.tick() };
      const rewritten = { ...knownFieldsOnly(olderMessageSchema, edited), content: 'a1 again, edited' };
      return [
        { table: 'messages', record: question },
        { table: 'messages', record: answer },
        { table: 'chats', record: keepUnknownFields(olderChatSchema, chat, renamed) },
        {
          table: 'messages',
          record: keepUnknownFields(olderMessageSchema, edited, { ...rewritten, updatedAt: context.clock.tick() }),
        },
      ];
    });
    await simulation.settle();
    expect(await simulation.check()).toEqual([]);

    const onNewer = view(newer);
    // Both versions of the first answer are still there; the older app's turn continues the branch shown.
    const q1 = onNewer.tree.ordered.find((message) => message.content === 'q1');
    expect(onNewer.tree.childrenOf(q1?.id ?? '').map((message) => message.content)).toEqual(['a1', 'a1 again, edited']);
    expect(onNewer.shown).toEqual(['q1', 'a1 again, edited', 'q2', 'a2']);
    expect(view(older).parents).toEqual(onNewer.parents);

    // And the newer app goes on from there.
    await send(newer, 'q3', 'a3');
    await simulation.settle();
    expect(await simulation.check()).toEqual([]);
    expect(view(newer).shown).toEqual(['q1', 'a1 again, edited', 'q2', 'a2', 'q3', 'a3']);
    expect(view(older).shown).toEqual(view(newer).shown);
  });
});
