export { type AnswerState, initialAnswerState } from './answer/answer-state.ts';
export { type CollectAnswerOptions, collectAnswer } from './answer/collect-answer.ts';
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
export { newDeviceId } from './ids/device-id.ts';
export { uuidV7 } from './ids/uuid-v7.ts';
export {
  buildChatCompletionBody,
  buildChatRequest,
  type ChatRequestInput,
  type ProviderRequest,
} from './provider/build-chat-request.ts';
export { joinUrl } from './provider/join-url.ts';
export { buildModelsRequest, type ModelIdsResult, parseModelIds } from './provider/models-request.ts';
export { providerHeaders } from './provider/provider-headers.ts';
export { type ProviderPreset, presetFor, providerPresets } from './provider/provider-presets.ts';
export {
  type RelayEndpoint,
  relayTokenHeader,
  relayUpstreamHeader,
  routeThroughRelay,
} from './provider/route-through-relay.ts';
export { selectHistory } from './provider/select-history.ts';
export { titleFromMessage } from './records/chat-title.ts';
export {
  newAssistantMessage,
  newChat,
  newModelConfig,
  newUserMessage,
  type RecordContext,
} from './records/new-records.ts';
export { completionEventsFromResponse } from './stream/completion-events-from-response.ts';
export { decodeCompletionStream } from './stream/decode-completion-stream.ts';
export { extractProviderErrorMessage } from './stream/provider-error-message.ts';
export { type StreamCompletionOptions, streamCompletion } from './stream/stream-completion.ts';
export { type CompletionStreamOptions, defaultMaxLineBytes } from './stream/stream-options.ts';
