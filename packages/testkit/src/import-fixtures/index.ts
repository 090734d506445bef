// The import fixtures without anything Node-only, for a page or worker bundle (the benchmark's tab).
export {
  type BigChatgptExportCounts,
  type BigChatgptExportOptions,
  bigChatgptConversationsStream,
  bigChatgptExportCounts,
  bigChatgptExportStream,
} from './big-chatgpt-export.ts';
export {
  type ChatgptConversationSpec,
  type ChatgptNode,
  chatgptBrokenConversations,
  chatgptConversation,
  chatgptConversations,
  chatgptExportJson,
  chatgptExportZip,
  chatgptPartsConversation,
  chatgptText,
  chatgptTree,
  chatgptUnicodeConversation,
  enormousMessageBytes,
} from './chatgpt-export.ts';
export {
  type ClaudeMessageSpec,
  claudeBrokenConversations,
  claudeConversation,
  claudeConversations,
  claudeEnormousBytes,
  claudeExportJson,
  claudeExportZip,
  claudeMessage,
  claudePartsConversation,
  claudeRootParent,
  claudeTree,
  claudeUnicodeConversation,
} from './claude-export.ts';
export { truncatedCopy } from './damaged-copies.ts';
export { enormousText, unicodeMessage, unicodeSamples } from './fixture-text.ts';
export {
  type NextchatMessageSpec,
  nextchatBackup,
  nextchatBackupJson,
  nextchatBrokenSessions,
  nextchatEnormousBytes,
  nextchatSession,
  nextchatSessions,
  nextchatWallTimes,
} from './nextchat-backup.ts';
export {
  type OpenWebUiMessageSpec,
  openWebUiBrokenChats,
  openWebUiChat,
  openWebUiChats,
  openWebUiEnormousBytes,
  openWebUiExportJson,
  openWebUiPartsChat,
  openWebUiTree,
  openWebUiUnicodeChat,
} from './open-webui-export.ts';
export { type FixtureMessage, type FixtureTree, sampleTree, shownBranch } from './sample-tree.ts';
export { type ZipInput, type ZipWriterOptions, zipBytes, zipStream } from './zip-writer.ts';
