export { type AnswerState, initialAnswerState } from './answer/answer-state.ts';
export { type CollectAnswerOptions, collectAnswer } from './answer/collect-answer.ts';
export { type ArchiveWriter, type ArchiveWriterOptions, createArchiveWriter } from './archive/archive-writer.ts';
export { type ChatMarkdownInput, type ChatMarkdownLabels, chatMarkdown } from './archive/chat-markdown.ts';
export {
  type ArchiveEntry,
  defaultMaxArchiveLineLength,
  type ReadArchiveOptions,
  readArchive,
} from './archive/read-archive.ts';
export {
  type AttachmentContent,
  type AttachmentContents,
  fileContextBlock,
} from './attachments/attachment-content.ts';
export {
  type AttachmentKind,
  attachmentKind,
  storedMediaType,
  visionMediaTypes,
} from './attachments/attachment-kind.ts';
export { contentHash } from './attachments/content-hash.ts';
export { blobsNamedBy } from './attachments/named-blobs.ts';
export { BranchReader, type BranchSource } from './branches/branch-reader.ts';
export { type BranchVersions, versionsOf } from './branches/branch-versions.ts';
export { ConversationTree } from './branches/conversation-tree.ts';
export { forkBranch } from './branches/fork-branch.ts';
export { compareMessages, createdAtAfter } from './branches/message-order.ts';
export { parentForSend, parentForVersion } from './branches/placement.ts';
export { branchTo, newestLeafUnder, shownBranch } from './branches/shown-branch.ts';
export { subtreeOf } from './branches/subtree.ts';
export { defaultMaxClockDriftMs, isTooFarInFuture } from './clock/clock-drift.ts';
export {
  compareHlc,
  type Hlc,
  type HlcParseResult,
  hlcWallMs,
  maxHlcCounter,
  parseHlc,
  serializeHlc,
} from './clock/hlc.ts';
export { HybridClock, type HybridClockOptions } from './clock/hybrid-clock.ts';
export { attachmentTokens, imageTokens } from './context/attachment-tokens.ts';
export {
  type ChatContextInput,
  chatContextBudget,
  fitChatContext,
  messageTokens,
  questionOverflow,
} from './context/chat-context.ts';
export { contextWindowOf, knownContextWindow } from './context/context-window.ts';
export type { ContextBudget, FitContextResult } from './context/fit-context.ts';
export { estimateTextTokens } from './context/token-estimate.ts';
export { newDeviceId } from './ids/device-id.ts';
export { uuidV7 } from './ids/uuid-v7.ts';
export { detectForeignExport } from './import/detect-foreign-export.ts';
export type { ForeignExportFormat } from './import/foreign-formats.ts';
export { ImportFileError, type ImportFileErrorCode } from './import/import-file-error.ts';
export type {
  ImportedChat,
  ImportedMessage,
  ImportNote,
  ImportNoteKind,
  ImportSource,
} from './import/imported-chat.ts';
export { importedChatRecords } from './import/imported-chat-records.ts';
export { type ReadForeignExportOptions, readForeignExport } from './import/read-foreign-export.ts';
export { archiveGroups, unreadableRecordNote } from './import-pipeline/archive-groups.ts';
export {
  emptyImportCounts,
  type ImportCountKind,
  type ImportCounts,
  type ImportGroup,
} from './import-pipeline/import-group.ts';
export type { ImportPresence, ImportStore, ImportStoreAccess } from './import-pipeline/import-store.ts';
export { type ImportedChatRecords, importedChatGroup } from './import-pipeline/imported-chat-group.ts';
export { type ImportPreview, previewImport } from './import-pipeline/preview-import.ts';
export { type ImportReport, type WriteImportOptions, writeImport } from './import-pipeline/write-import.ts';
export {
  classifyMcpFailure,
  type McpFailureFacts,
  type McpProblem,
  type McpProblemCode,
  mcpProblemCodes,
} from './mcp/mcp-problem.ts';
export {
  buildChatRequest,
  type ChatRequestInput,
  type ProviderChatRequest,
  type ProviderRequest,
} from './provider/build-chat-request.ts';
export { acceptsThinkingBudget } from './provider/generation-settings.ts';
export { joinUrl } from './provider/join-url.ts';
export {
  buildModelsRequest,
  hasModelList,
  type ModelsPageResult,
  parseModelsPage,
  sortedModelIds,
} from './provider/models-request.ts';
export { type ProviderPreset, presetById, presetOf, providerPresets } from './provider/provider-presets.ts';
export type { ProviderProtocol } from './provider/provider-protocol.ts';
export { type RelayEndpoint, routeThroughRelay } from './provider/route-through-relay.ts';
export { isSentToModel, selectHistory } from './provider/select-history.ts';
export { answerInFlightStatuses, isAnswerInFlight } from './records/answer-in-flight.ts';
export { titleFromMessage } from './records/chat-title.ts';
export { keepUnknownFields } from './records/keep-unknown-fields.ts';
export {
  newAssistantMessage,
  newChat,
  newModelConfig,
  newUserMessage,
  type RecordContext,
} from './records/new-records.ts';
export { indexTerms, searchIndexVersion } from './search/index-terms.ts';
export { type IndexLookup, parseSearchQuery, type SearchQuery } from './search/search-query.ts';
export { type SnippetPart, searchSnippet } from './search/search-snippet.ts';
export { textMatches } from './search/text-matches.ts';
export { completionEventsFromResponse } from './stream/completion-events-from-response.ts';
export { decodeCompletionStream } from './stream/decode-completion-stream.ts';
export { failedResponseError } from './stream/provider-error-message.ts';
export { type StreamCompletionOptions, streamCompletion } from './stream/stream-completion.ts';
export { type CompletionStreamOptions, defaultMaxLineBytes } from './stream/stream-options.ts';
export { applyPoke, type PokeOutcome } from './sync/apply-poke.ts';
export { type BackoffOptions, backoffDelay, defaultBackoff } from './sync/backoff.ts';
export { completePushBatch } from './sync/complete-push-batch.ts';
export { jsonByteLength, utf8ByteLength } from './sync/json-size.ts';
export {
  applyPulledPage,
  applyRemoteRecords,
  latestClock,
  newestPerRecord,
  readableRecord,
  releaseHeldRecords,
  shouldTakeRemote,
} from './sync/merge-remote.ts';
export { newOutboxStamp } from './sync/outbox-stamp.ts';
export { parsePullResponse, parsePushResponse } from './sync/parse-sync-response.ts';
export { type PullReport, pullChanges } from './sync/pull-changes.ts';
export { defaultPushLimits, type PushLimits } from './sync/push-limits.ts';
export { type PushReport, pushPending } from './sync/push-pending.ts';
export { recordLocalChanges } from './sync/record-local-change.ts';
export { isDeviceLocal, type RecordRef, recordRef, refKey } from './sync/record-ref.ts';
export { dropUnlisted, type ResyncReport, resync } from './sync/resync.ts';
export {
  type SyncClientErrorCode,
  SyncStorageError,
  SyncTransportError,
  syncClientErrorCodes,
  toStorageError,
  toTransportError,
} from './sync/sync-client-error.ts';
export type { SyncContext } from './sync/sync-context.ts';
export { failureCode, SyncEngine, type SyncEngineOptions } from './sync/sync-engine.ts';
export { type SyncFailureCode, type SyncFailurePolicy, syncFailurePolicies } from './sync/sync-failure.ts';
export { fullSync, runSyncRound, type SyncRoundReport, type SyncWork } from './sync/sync-round.ts';
export type { SyncStatus } from './sync/sync-status.ts';
export {
  initialSyncState,
  type LocalStore,
  type OutboxAccess,
  type OutboxRef,
  readSyncState,
  type SyncState,
  type SyncStoreAccess,
} from './sync/sync-store.ts';
export { hostTimer, type SyncTimer } from './sync/sync-timer.ts';
export type { SyncClock, SyncTransport } from './sync/sync-transport.ts';
export { type PushBatch, type RejectedRecord, takePushBatch } from './sync/take-push-batch.ts';
export { cleanTitle } from './titles/clean-title.ts';
export { buildTitleRequest, titleInstruction } from './titles/title-request.ts';
