import {
  nextchatBackupJson,
  nextchatBrokenSessions,
  nextchatEnormousBytes,
  nextchatWallTimes,
  unicodeMessage,
} from '@hearth/testkit';
import { describe, expect, it } from 'vitest';
import {
  chatWith,
  fileOf,
  messageWith,
  noteCount,
  parentsOf,
  readAll,
  readError,
  validRecords,
} from '../import-test-support.ts';

describe('NextChat backup', () => {
  it('reads the sessions of the chat store and nothing else of the backup', async () => {
    const chats = await readAll(fileOf(nextchatBackupJson()));
    expect(chats.map((chat) => [chat.source, chat.sourceId, chat.title])).toEqual([
      ['nextchat', 'nc-linear', 'Linear chat'],
      ['nextchat', 'nc-parts', 'Images and unicode'],
    ]);
  });

  it('makes a linear chat with the mask as system prompt and preset, and the shown leaf last', async () => {
    const chat = chatWith(await readAll(fileOf(nextchatBackupJson())), 'nc-linear');
    expect(chat.systemPrompt).toBe('You are a gardener.');
    expect(parentsOf(chat)).toEqual({
      'mask:ctx-example': null,
      'nc-q1': 'mask:ctx-example',
      'nc-a1': 'nc-q1',
      'nc-q2': 'nc-a1',
      'nc-a2': 'nc-q2',
    });
    expect(chat.shownLeafSourceId).toBe('nc-a2');
    expect(noteCount(chat, 'preset_message_kept')).toBe(1);
    expect(chat.createdAt).toBe(1_715_340_000_000);
    expect(chat.updatedAt).toBe(1_715_350_000_000);
    expect(messageWith(chat, 'nc-a1').model).toBe('gpt-4o');
    expect(messageWith(chat, 'nc-a2').model).toBe('gpt-4o-mini');
  });

  it('reads locale dates as wall-clock time for ids, and keeps the time before an unreadable one', async () => {
    const chat = chatWith(await readAll(fileOf(nextchatBackupJson())), 'nc-linear');
    expect(messageWith(chat, 'nc-q1').idTimeMs).toBe(nextchatWallTimes.enUs);
    expect(messageWith(chat, 'nc-a1').idTimeMs).toBe(nextchatWallTimes.zhCn);
    expect(messageWith(chat, 'nc-q2').idTimeMs).toBe(nextchatWallTimes.deDe);
    const offset = new Date(nextchatWallTimes.enUs).getTimezoneOffset() * 60_000;
    expect(messageWith(chat, 'nc-q1').createdAt).toBe(nextchatWallTimes.enUs + offset);
    expect(messageWith(chat, 'nc-a2').createdAt).toBe(messageWith(chat, 'nc-q2').createdAt);
    expect(noteCount(chat, 'time_guessed')).toBe(1);
  });

  it('writes images as notes without their data, and keeps unicode and an enormous message', async () => {
    const chat = chatWith(await readAll(fileOf(nextchatBackupJson())), 'nc-parts');
    expect(messageWith(chat, 'ncp-image').content).toBe(
      `${unicodeMessage}\n\n[Image]\n\n[Image: https://example.org/leaf.png]`,
    );
    expect(noteCount(chat, 'attachment_as_text')).toBe(2);
    expect(noteCount(chat, 'empty_message_skipped')).toBe(1);
    expect(messageWith(chat, 'ncp-enormous').parentSourceId).toBe('ncp-image');
    expect(new TextEncoder().encode(messageWith(chat, 'ncp-enormous').content).length).toBeGreaterThanOrEqual(
      nextchatEnormousBytes,
    );
  });

  it('makes valid records whose ids do not depend on the time zone of the device', async () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const west = validRecords(await readAll(fileOf(nextchatBackupJson())));
      process.env.TZ = 'Asia/Shanghai';
      const east = validRecords(await readAll(fileOf(nextchatBackupJson())));
      const ids = (records: typeof west) => records.map(({ chat, messages }) => [chat.id, messages.map((m) => m.id)]);
      expect(ids(east)).toEqual(ids(west));
      // The instants differ (each device reads the local time in its own zone); the ids do not.
      expect(east[0]?.messages[1]?.createdAt).not.toBe(west[0]?.messages[1]?.createdAt);
      const q1 = west[0]?.messages.find((message) => message.content === 'How do I water a fern?');
      expect(Number.parseInt(q1?.id.replaceAll('-', '').slice(0, 12) ?? '', 16)).toBe(nextchatWallTimes.enUs);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('refuses the whole backup when a session has lost its messages, naming it', async () => {
    const error = await readError(fileOf(nextchatBackupJson(nextchatBrokenSessions())));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatchObject({ conversation: 1, id: 'nc-parts', field: 'messages' });
  });
});
