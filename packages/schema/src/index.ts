export {
  type AnthropicMessagesRequest,
  type AnthropicRequestBlock,
  anthropicMessagesRequestSchema,
  anthropicRequestBlockSchema,
} from './anthropic-messages-request.ts';
export {
  type AnthropicMessage,
  type AnthropicStreamEvent,
  type AnthropicUsage,
  anthropicContentBlockSchema,
  anthropicMessageSchema,
  anthropicStreamEventSchema,
  anthropicUsageSchema,
} from './anthropic-stream-event.ts';
export {
  type ArchiveCounts,
  type ArchiveHeader,
  type ArchiveTrailer,
  archiveCountsSchema,
  archiveFormatName,
  archiveFormatVersion,
  archiveHeaderSchema,
  archiveTrailerSchema,
} from './archive-line.ts';
export {
  type Attachment,
  attachmentMaxBytes,
  attachmentSchema,
  attachmentsPerMessageMax,
  type ContentHash,
  contentHashSchema,
} from './attachment.ts';
export {
  type BlobErrorBody,
  type BlobErrorCode,
  type BlobLackingRequest,
  type BlobLackingResponse,
  type BlobPutResponse,
  type BlobQuotaDetails,
  blobErrorBodySchema,
  blobErrorCodeSchema,
  blobErrorCodes,
  blobErrorStatus,
  blobLackingRequestSchema,
  blobLackingResponseSchema,
  blobPathPrefix,
  blobPutResponseSchema,
  blobQuotaDetailsSchema,
  blobsPerLackingQuery,
} from './blob-protocol.ts';
export {
  type Chat,
  chatSchema,
  chatTitleMaxLength,
  type ForkOrigin,
  forkOriginSchema,
  systemPromptMaxLength,
  type TitleSource,
  titleSourceSchema,
} from './chat.ts';
export {
  type ChatCompletionChunk,
  chatCompletionChunkSchema,
  type WireUsage,
  wireErrorSchema,
  wireTextSchema,
  wireUsageSchema,
} from './chat-completion-chunk.ts';
export {
  type ChatCompletionContentPart,
  type ChatCompletionMessage,
  type ChatCompletionRequest,
  chatCompletionContentPartSchema,
  chatCompletionMessageSchema,
  chatCompletionRequestSchema,
} from './chat-completion-request.ts';
export {
  type CompletionError,
  type CompletionErrorCode,
  completionErrorCodeSchema,
  completionErrorCodes,
  completionErrorSchema,
} from './completion-error.ts';
export { type Feedback, feedbackCommentMaxLength, feedbackSchema } from './feedback.ts';
export {
  type GeminiRequest,
  type GeminiRequestPart,
  geminiRequestPartSchema,
  geminiRequestSchema,
} from './gemini-request.ts';
export {
  type GeminiResponse,
  type GeminiUsage,
  geminiPartSchema,
  geminiResponseSchema,
  geminiUsageSchema,
} from './gemini-response.ts';
export {
  contextWindowSchema,
  type GenerationParams,
  generationParamsSchema,
  maxTokensSchema,
  temperatureSchema,
  thinkingBudgetSchema,
} from './generation-params.ts';
export { type HeaderMap, headerMapSchema, headerValueMapSchema } from './header-map.ts';
export { type DeviceId, deviceIdSchema, type HlcString, hlcSchema } from './hlc.ts';
export { type HttpUrl, httpUrlSchema } from './http-url.ts';
export { type Id, idSchema } from './id.ts';
export { importWorkerMessageSchema } from './import-worker-message.ts';
export { findUnkeepableKey } from './kept-keys.ts';
export { knownShape, type SchemaOf } from './known-fields.ts';
export { mcpRelayPathPrefix, mcpStdioPathPrefix } from './mcp-relay-contract.ts';
export { type McpSecret, mcpSecretSchema } from './mcp-secret.ts';
export {
  isMcpServerSettingKey,
  type McpConnection,
  type McpServer,
  type McpServerFields,
  type McpTransport,
  mcpConnectionSchema,
  mcpServerFieldsSchema,
  mcpServerSchema,
  mcpServerSettingKey,
  mcpServerSettingKeyRange,
  mcpTransportSchema,
} from './mcp-server.ts';
export { type McpStdioEntry, type McpStdioList, mcpStdioEntrySchema, mcpStdioListSchema } from './mcp-stdio-list.ts';
export {
  type ConnectionPath,
  connectionPathSchema,
  type Message,
  type MessageRole,
  type MessageStatus,
  messageRoleSchema,
  messageRoles,
  messageSchema,
  messageStatuses,
  messageStatusSchema,
} from './message.ts';
export {
  type ConnectionMode,
  connectionModeSchema,
  type ModelConfig,
  type ModelConfigFields,
  modelConfigFieldsSchema,
  modelConfigSchema,
  type ProviderKind,
  providerKindSchema,
  providerKinds,
} from './model-config.ts';
export { type ModelSecret, modelSecretSchema } from './model-secret.ts';
export {
  type AnthropicModelsPage,
  anthropicModelsPageSchema,
  type GeminiModelsPage,
  geminiModelsPageSchema,
  type ModelsList,
  modelsListSchema,
} from './models-list.ts';
export { type ProviderErrorBody, providerErrorBodySchema } from './provider-error-body.ts';
export { type RecordBase, recordBaseSchema } from './record-base.ts';
export { relayErrorHeader, relayPathPrefix, relayTokenHeader, relayUpstreamHeader } from './relay-contract.ts';
export {
  type RelayErrorBody,
  type RelayErrorCode,
  relayErrorBodySchema,
  relayErrorCodeSchema,
  relayErrorCodes,
  relayErrorStatus,
  relayErrorType,
} from './relay-error-body.ts';
export { accountKeyIdSchema, type SealedContent, sealedContentSchema } from './sealed-content.ts';
export {
  deviceLocalSettingKeys,
  isDeviceLocalSetting,
  type LocalePreference,
  localePreferenceSchema,
  type Setting,
  type SettingKey,
  type SettingValue,
  settingSchema,
  settingValueSchemas,
  type ThemePreference,
  themePreferenceSchema,
} from './setting.ts';
export { settingKeySchema } from './setting-key.ts';
export { finishReasonSchema, type StreamEvent, streamEventSchema } from './stream-event.ts';
export {
  type DeviceCredentials,
  deviceCredentialsSchema,
  type PairingCode,
  pairingCodeSchema,
  type RedeemPairingRequest,
  type RevokeDeviceRequest,
  redeemPairingRequestSchema,
  revokeDeviceRequestSchema,
  type SignUpRequest,
  type SyncDevice,
  signUpRequestSchema,
  syncDeviceSchema,
} from './sync-account.ts';
export {
  type SyncErrorCode,
  type SyncMutation,
  type SyncPoke,
  type SyncPullRequest,
  type SyncPullResponse,
  type SyncPushRequest,
  type SyncPushResponse,
  type SyncSequenceSpan,
  syncErrorCodeSchema,
  syncErrorCodes,
  syncLimits,
  syncMutationSchema,
  syncPokeSchema,
  syncProtocolVersion,
  syncPullRequestSchema,
  syncPullResponseSchema,
  syncPushRequestSchema,
  syncPushResponseSchema,
  syncSequenceSpanSchema,
} from './sync-protocol.ts';
export {
  chatVersionSchema,
  messageVersionSchema,
  modelConfigVersionSchema,
  type SyncRecord,
  type SyncTable,
  settingVersionSchema,
  syncRecordKey,
  syncRecordSchema,
  syncTableSchema,
  syncTables,
} from './sync-record.ts';
export { type SettingTombstone, settingTombstoneSchema, type Tombstone, tombstoneSchema } from './tombstone.ts';
export { type Usage, usageSchema } from './usage.ts';
export { type WireRecord, wireRecordKey, wireRecordSchema } from './wire-record.ts';
