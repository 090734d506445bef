import type { ImportCounts } from '@hearth/core';
import type { Strings } from '../../i18n/use-strings.ts';

/** Every word of export, import, Markdown and print, in each language the app speaks. */
export interface ArchiveStrings {
  section: string;
  exportHeading: string;
  exportHint: string;
  exportAll: string;
  compress: string;
  exporting: string;
  exportProgress: (written: number, expected: number) => string;
  cancelExport: string;
  exported: (records: number, fileName: string) => string;
  exportCancelled: string;
  exportFailed: string;
  importHeading: string;
  importHint: string;
  chooseFile: string;
  reading: (fileName: string) => string;
  readingLabel: string;
  formatName: (format: string) => string;
  foundIn: (fileName: string, format: string) => string;
  exportedBy: (date: string, app: string, version: string) => string;
  foundChats: (chats: number, messages: number) => string;
  foundModelConfigs: (count: number) => string;
  foundSettings: (count: number) => string;
  foundDeletions: (count: number) => string;
  alreadyHere: (counts: ImportCounts) => string;
  nothingNew: string;
  note: (kind: string, count: number) => string;
  atomicity: string;
  importButton: string;
  cancel: string;
  importing: string;
  importProgress: (handled: number, total: number) => string;
  stop: string;
  imported: (counts: ImportCounts) => string;
  skipped: (records: number) => string;
  stoppedAfter: (chats: number) => string;
  storageFull: string;
  storageFailed: string;
  fileChanged: string;
  done: string;
  nothingWritten: string;
  fileErrors: {
    unrecognized: string;
    truncated: (line: number | undefined) => string;
    malformedLine: (line: number, reason: string) => string;
    conversation: (title: string, issue: string) => string;
    countMismatch: (table: string, expected: number, actual: number) => string;
    gzipDamaged: string;
    missingEntry: (entry: string) => string;
    newerVersion: (version: number, supported: number) => string;
    malformed: string;
  };
  lineReasons: Record<'not_json' | 'not_utf8' | 'line_too_long' | 'after_end', string>;
  unreadableFile: string;
  unexpected: (message: string) => string;
  printView: string;
  printAgain: string;
  closePrint: string;
  markdown: {
    untitled: string;
    systemPrompt: string;
    roles: { system: string; user: string; assistant: string };
    reasoning: string;
    stopped: string;
    failed: string;
    rating: (rating: number, comment: string) => string;
  };
}

const n = (value: number, locale: string) => value.toLocaleString(locale);
const en = (value: number, one: string, many: string) => `${n(value, 'en')} ${value === 1 ? one : many}`;
const zh = (value: number) => n(value, 'zh-CN');

export const archiveStrings: Strings<ArchiveStrings> = {
  en: {
    section: 'Export and import',
    exportHeading: 'Export',
    exportHint:
      'One file with every chat and message, their branches, reasoning, usage and feedback, your model configurations (without API keys) and synced settings. Keep it somewhere safe: a browser may clear its storage.',
    exportAll: 'Export everything',
    compress: 'Compress (gzip)',
    exporting: 'Exporting',
    exportProgress: (written, expected) => `${n(written, 'en')} of about ${n(expected, 'en')} records`,
    cancelExport: 'Cancel export',
    exported: (records, fileName) => `Exported ${en(records, 'record', 'records')} to ${fileName}.`,
    exportCancelled: 'Export cancelled; no file was saved.',
    exportFailed: 'The export failed; no file was saved.',
    importHeading: 'Import',
    importHint: 'A Hearth archive, or an export of another chat app. You see what it holds before anything is written.',
    chooseFile: 'Choose a file to import',
    reading: (fileName) => `Reading ${fileName}…`,
    readingLabel: 'Reading the file',
    formatName: (format) =>
      ({
        hearth: 'Hearth archive',
        chatgpt: 'ChatGPT export',
        claude: 'Claude export',
        'open-webui': 'Open WebUI export',
        nextchat: 'NextChat backup',
      })[format] ?? format,
    foundIn: (fileName, format) => `${fileName} (${format}) holds:`,
    exportedBy: (date, app, version) => `Exported on ${date} by ${app} ${version}.`,
    foundChats: (chats, messages) => `${en(chats, 'chat', 'chats')} with ${en(messages, 'message', 'messages')}`,
    foundModelConfigs: (count) =>
      `${en(count, 'model configuration', 'model configurations')}, without API keys: add those in Models`,
    foundSettings: (count) => en(count, 'setting', 'settings'),
    foundDeletions: (count) => `${en(count, 'deletion', 'deletions')} of earlier records, which stay deleted`,
    alreadyHere: (counts) =>
      `Already here, so skipped: ${en(counts.chats, 'chat', 'chats')}, ${en(counts.messages, 'message', 'messages')}, ${en(
        counts.modelConfigs + counts.settings + counts.deletions,
        'other record',
        'other records',
      )}.`,
    nothingNew: 'Everything in this file is already here: importing it adds nothing.',
    note: (kind, count) =>
      ({
        hidden_message_skipped: `${en(count, 'hidden message', 'hidden messages')} left out`,
        tool_message_as_text: `${en(count, 'tool message', 'tool messages')} kept as text`,
        attachment_as_text: `${en(count, 'attachment', 'attachments')} kept as a description`,
        empty_message_skipped: `${en(count, 'empty message', 'empty messages')} left out`,
        newer_record_skipped: `${en(count, 'record', 'records')} from a newer version of Hearth, which this version cannot read, left out`,
        reasoning_from_thoughts: `${en(count, 'piece of thinking', 'pieces of thinking')} kept as reasoning`,
        instructions_as_system_prompt: `${en(count, 'set of custom instructions', 'sets of custom instructions')} kept as the system prompt`,
        unknown_content_as_text: `${en(count, 'part of an unknown kind', 'parts of unknown kinds')} kept as text`,
        unknown_content_skipped: `${en(count, 'part of an unknown kind', 'parts of unknown kinds')} with nothing readable left out`,
        unknown_role_skipped: `${en(count, 'message from an unknown author', 'messages from unknown authors')} left out`,
        orphan_message_as_root: `${en(count, 'message whose earlier message is missing', 'messages whose earlier message is missing')} kept as the start of a branch`,
        preset_message_kept: `${en(count, 'preset message', 'preset messages')} kept`,
        time_guessed: `${en(count, 'message without a time', 'messages without a time')} placed after the one before`,
      })[kind] ?? `${kind}: ${n(count, 'en')}`,
    atomicity:
      'Chats are written one at a time, each with all its messages. If the import stops, the chats already written are complete, and importing the same file again adds the rest.',
    importButton: 'Import',
    cancel: 'Cancel',
    importing: 'Importing',
    importProgress: (handled, total) => `${n(handled, 'en')} of ${n(total, 'en')} records`,
    stop: 'Stop importing',
    imported: (counts) =>
      `Imported ${en(counts.chats, 'chat', 'chats')} and ${en(counts.messages, 'message', 'messages')}${
        counts.modelConfigs + counts.settings + counts.deletions > 0
          ? `, and ${en(counts.modelConfigs + counts.settings + counts.deletions, 'other record', 'other records')}`
          : ''
      }.`,
    skipped: (records) => `Skipped ${en(records, 'record', 'records')} already here.`,
    stoppedAfter: (chats) =>
      `The import stopped: ${en(chats, 'chat was', 'chats were')} imported completely. Import the same file again to add the rest.`,
    storageFull: 'The browser’s storage is full.',
    storageFailed: 'The browser refused to store the import.',
    fileChanged: 'The file could not be read a second time.',
    done: 'Done',
    nothingWritten: 'Nothing was written.',
    fileErrors: {
      unrecognized: 'This file is neither a Hearth archive nor an export this app can read.',
      truncated: (line) =>
        `The file ends too early${line === undefined ? '' : ` (after line ${n(line, 'en')})`}: it was probably cut off while downloading or copying.`,
      malformedLine: (line, reason) => `Line ${n(line, 'en')} of the file is damaged: ${reason}.`,
      conversation: (title, issue) => `The conversation “${title}” cannot be read: ${issue}.`,
      countMismatch: (table, expected, actual) =>
        `The file says it holds ${n(expected, 'en')} ${table} records, but it holds ${n(actual, 'en')}: it was changed or cut.`,
      gzipDamaged:
        'The compressed data in the file is damaged or cut short: it was changed, or cut off while downloading or copying.',
      missingEntry: (entry) => `The ZIP file has no ${entry} in it.`,
      newerVersion: (version, supported) =>
        `This archive was made by a newer version of Hearth (format ${version}; this app reads up to ${supported}). Update the app, then import it again.`,
      malformed: 'The file is damaged.',
    },
    lineReasons: {
      not_json: 'it is not valid JSON',
      not_utf8: 'it is not text',
      line_too_long: 'it is far too long',
      after_end: 'it comes after the end of the archive',
    },
    unreadableFile: 'The file could not be read. It may have been moved or changed: choose it again.',
    unexpected: (message) => `The import failed unexpectedly (${message}).`,
    printView: 'Print view',
    printAgain: 'Print again',
    closePrint: 'Close print view',
    markdown: {
      untitled: 'New chat',
      systemPrompt: 'System prompt',
      roles: { system: 'System', user: 'You', assistant: 'Assistant' },
      reasoning: 'Reasoning',
      stopped: 'Stopped',
      failed: 'Failed',
      rating: (rating, comment) => `Rated ${rating}/5${comment ? `: ${comment}` : ''}`,
    },
  },
  'zh-CN': {
    section: '导出与导入',
    exportHeading: '导出',
    exportHint:
      '一个文件，包含所有对话与消息（含分支、推理过程、用量和评价）、模型配置（不含 API 密钥）以及同步的设置。请妥善保存：浏览器可能会清除其存储。',
    exportAll: '导出全部',
    compress: '压缩（gzip）',
    exporting: '正在导出',
    exportProgress: (written, expected) => `${zh(written)} / 约 ${zh(expected)} 条记录`,
    cancelExport: '取消导出',
    exported: (records, fileName) => `已导出 ${zh(records)} 条记录到 ${fileName}。`,
    exportCancelled: '导出已取消，未保存任何文件。',
    exportFailed: '导出失败，未保存任何文件。',
    importHeading: '导入',
    importHint: 'Hearth 归档，或其他聊天应用的导出文件。写入任何内容之前，你会先看到其中有什么。',
    chooseFile: '选择要导入的文件',
    reading: (fileName) => `正在读取 ${fileName}…`,
    readingLabel: '正在读取文件',
    formatName: (format) =>
      ({
        hearth: 'Hearth 归档',
        chatgpt: 'ChatGPT 导出',
        claude: 'Claude 导出',
        'open-webui': 'Open WebUI 导出',
        nextchat: 'NextChat 备份',
      })[format] ?? format,
    foundIn: (fileName, format) => `${fileName}（${format}）包含：`,
    exportedBy: (date, app, version) => `由 ${app} ${version} 于 ${date} 导出。`,
    foundChats: (chats, messages) => `${zh(chats)} 个对话，共 ${zh(messages)} 条消息`,
    foundModelConfigs: (count) => `${zh(count)} 个模型配置，不含 API 密钥：请在“模型”中补充`,
    foundSettings: (count) => `${zh(count)} 项设置`,
    foundDeletions: (count) => `${zh(count)} 条先前记录的删除，这些记录保持删除`,
    alreadyHere: (counts) =>
      `已存在，将跳过：${zh(counts.chats)} 个对话、${zh(counts.messages)} 条消息、${zh(
        counts.modelConfigs + counts.settings + counts.deletions,
      )} 条其他记录。`,
    nothingNew: '此文件中的所有内容都已存在：导入不会添加任何内容。',
    note: (kind, count) =>
      ({
        hidden_message_skipped: `略过 ${zh(count)} 条隐藏消息`,
        tool_message_as_text: `${zh(count)} 条工具消息以文本保留`,
        attachment_as_text: `${zh(count)} 个附件以文字说明保留`,
        empty_message_skipped: `略过 ${zh(count)} 条空消息`,
        newer_record_skipped: `略过 ${zh(count)} 条来自更新版本 Hearth、此版本无法读取的记录`,
        reasoning_from_thoughts: `${zh(count)} 段思考过程作为推理保留`,
        instructions_as_system_prompt: `${zh(count)} 组自定义指令作为系统提示保留`,
        unknown_content_as_text: `${zh(count)} 个未知类型的内容以文本保留`,
        unknown_content_skipped: `略过 ${zh(count)} 个无可读内容的未知类型内容`,
        unknown_role_skipped: `略过 ${zh(count)} 条作者未知的消息`,
        orphan_message_as_root: `${zh(count)} 条缺少前一条消息的消息作为分支开头保留`,
        preset_message_kept: `保留 ${zh(count)} 条预设消息`,
        time_guessed: `${zh(count)} 条没有时间的消息排在前一条之后`,
      })[kind] ?? `${kind}：${zh(count)}`,
    atomicity:
      '对话逐个写入，每个对话连同其全部消息一起写入。如果导入中途停止，已写入的对话都是完整的；再次导入同一文件即可补上其余部分。',
    importButton: '导入',
    cancel: '取消',
    importing: '正在导入',
    importProgress: (handled, total) => `${zh(handled)} / ${zh(total)} 条记录`,
    stop: '停止导入',
    imported: (counts) =>
      `已导入 ${zh(counts.chats)} 个对话和 ${zh(counts.messages)} 条消息${
        counts.modelConfigs + counts.settings + counts.deletions > 0
          ? `，以及 ${zh(counts.modelConfigs + counts.settings + counts.deletions)} 条其他记录`
          : ''
      }。`,
    skipped: (records) => `跳过了 ${zh(records)} 条已存在的记录。`,
    stoppedAfter: (chats) => `导入已停止：${zh(chats)} 个对话已完整导入。再次导入同一文件即可补上其余部分。`,
    storageFull: '浏览器存储空间已满。',
    storageFailed: '浏览器拒绝保存导入的内容。',
    fileChanged: '无法再次读取该文件。',
    done: '完成',
    nothingWritten: '未写入任何内容。',
    fileErrors: {
      unrecognized: '此文件既不是 Hearth 归档，也不是本应用能读取的导出文件。',
      truncated: (line) =>
        `文件提前结束${line === undefined ? '' : `（在第 ${zh(line)} 行之后）`}：可能在下载或复制时被截断了。`,
      malformedLine: (line, reason) => `文件第 ${zh(line)} 行已损坏：${reason}。`,
      conversation: (title, issue) => `无法读取对话“${title}”：${issue}。`,
      countMismatch: (table, expected, actual) =>
        `文件声明包含 ${zh(expected)} 条 ${table} 记录，实际为 ${zh(actual)} 条：文件已被修改或截断。`,
      gzipDamaged: '文件中的压缩数据已损坏或不完整：文件被修改过，或在下载、复制时被截断了。',
      missingEntry: (entry) => `ZIP 文件中没有 ${entry}。`,
      newerVersion: (version, supported) =>
        `此归档由更新版本的 Hearth 创建（格式 ${version}；本应用最高读取 ${supported}）。请更新应用后再导入。`,
      malformed: '文件已损坏。',
    },
    lineReasons: {
      not_json: '不是有效的 JSON',
      not_utf8: '不是文本',
      line_too_long: '内容过长',
      after_end: '位于归档结尾之后',
    },
    unreadableFile: '无法读取该文件。它可能已被移动或修改：请重新选择。',
    unexpected: (message) => `导入意外失败（${message}）。`,
    printView: '打印视图',
    printAgain: '再次打印',
    closePrint: '关闭打印视图',
    markdown: {
      untitled: '新对话',
      systemPrompt: '系统提示词',
      roles: { system: '系统', user: '你', assistant: '助手' },
      reasoning: '推理过程',
      stopped: '已停止',
      failed: '失败',
      rating: (rating, comment) => `评分 ${rating}/5${comment ? `：${comment}` : ''}`,
    },
  },
};
