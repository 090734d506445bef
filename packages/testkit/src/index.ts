export { type AnthropicErrorBody, anthropicErrorBody } from './anthropic-error.ts';
export { modelOwner } from './api-router.ts';
export { type FakeUpstreamControl, fakeUpstreamControl } from './control-client.ts';
export { type RequestSummary, summarizeRequest } from './control-routes.ts';
export { upstreamCookie } from './exchange.ts';
export { apiRoots, type FakeApi } from './fake-api.ts';
export { type FakeUpstream, type FakeUpstreamOptions, startFakeUpstream } from './fake-upstream.ts';
export { type GeminiErrorBody, geminiErrorBody } from './gemini-error.ts';
export { hostileMarker, pixelPath } from './hostile-reply.ts';
export {
  type BigChatgptExportCounts,
  type BigChatgptExportOptions,
  bigChatgptConversationsStream,
  bigChatgptExportCounts,
  bigChatgptExportStream,
} from './import-fixtures/big-chatgpt-export.ts';
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
} from './import-fixtures/chatgpt-export.ts';
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
} from './import-fixtures/claude-export.ts';
export { truncatedCopy } from './import-fixtures/damaged-copies.ts';
export { enormousText, unicodeMessage, unicodeSamples } from './import-fixtures/fixture-text.ts';
export {
  type NextchatMessageSpec,
  nextchatBackup,
  nextchatBackupJson,
  nextchatBrokenSessions,
  nextchatEnormousBytes,
  nextchatSession,
  nextchatSessions,
  nextchatWallTimes,
} from './import-fixtures/nextchat-backup.ts';
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
} from './import-fixtures/open-webui-export.ts';
export { type FixtureMessage, type FixtureTree, sampleTree, shownBranch } from './import-fixtures/sample-tree.ts';
export { writeBigChatgptExport } from './import-fixtures/write-big-chatgpt-export.ts';
export { type ZipInput, type ZipWriterOptions, zipBytes, zipStream } from './import-fixtures/zip-writer.ts';
export {
  type FakeMcpServer,
  type FakeMcpServerOptions,
  type McpRecordedRequest,
  startFakeMcpServer,
} from './mcp/fake-mcp-server.ts';
export { fakeMcpCatalog, type McpToolRuns } from './mcp/mcp-catalog.ts';
export { stdioMcpServerScript } from './mcp/stdio-mcp-script.ts';
export { type OpenAiErrorBody, openAiErrorBody } from './openai-error.ts';
export type { PixelHit, RecordedRequest, RequestOutcome } from './recorded-request.ts';
export type { WireUsage } from './reply-plan.ts';
export type { RequestPredicate } from './request-log.ts';
export {
  defaultScenario,
  type ErrorBodyKind,
  type ReasoningField,
  resolveScenario,
  type Scenario,
} from './scenario.ts';
export { redirectTargetCanary, redirectTargetPath } from './scenario-failures.ts';
export { type FieldParse, isScenarioKey } from './scenario-fields.ts';
export { formatScenario, parseScenario, scenarioBaseUrl, scenarioPath } from './scenario-path.ts';
