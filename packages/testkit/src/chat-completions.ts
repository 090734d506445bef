import { isRecord, parseChatRequest } from './chat-request.ts';
import { type CompletionIdentity, wholeCompletion } from './completion-chunks.ts';
import { type Exchange, sendJson } from './exchange.ts';
import { openAiErrorBody } from './openai-error.ts';
import { openAiStreamFormat } from './openai-format.ts';
import { planReply } from './reply-plan.ts';
import { streamCompletion } from './stream-completion.ts';

/**
 * Answers `POST /chat/completions`: 400 for a bad body, else a stream or a whole `chat.completion`. A
 * `deployment` (Azure's) is the model when the body names none.
 */
export async function handleChatCompletions(exchange: Exchange, options: { deployment?: string } = {}): Promise<void> {
  const { record, scenario, origin } = exchange;
  const { body } = record;
  const withModel =
    options.deployment !== undefined && isRecord(body) && body.model === undefined
      ? { ...body, model: options.deployment }
      : body;
  const parsed = parseChatRequest(withModel);
  if (!parsed.success) {
    const { message, param } = parsed.error;
    sendJson(exchange, 400, openAiErrorBody({ status: 400, message, param, code: null }));
    return;
  }
  const request = parsed.value;
  const plan = planReply({ scenario, request, origin, requestId: record.id });
  const identity: CompletionIdentity = {
    id: `chatcmpl-fake${String(record.id).padStart(6, '0')}`,
    created: Math.floor(record.receivedAt / 1000),
    model: request.model,
  };
  if (request.stream && !scenario.jsonMode) {
    await streamCompletion({ exchange, plan, format: openAiStreamFormat({ identity, plan, request, scenario }) });
    return;
  }
  sendJson(
    exchange,
    200,
    wholeCompletion({ identity, plan, reasoningField: scenario.reasoningField, usage: scenario.usage }),
  );
}
