import type { ProviderProtocol } from '../provider/provider-protocol.ts';
import { errorEventError } from './provider-error-message.ts';
import { createProviderStage, type ProviderStage } from './provider-stage.ts';
import { errorEvent } from './stream-errors.ts';

/**
 * The reader of one stream's events: `event: error` the same for every provider (the relay cuts any stream
 * with one; OpenAI-compatible proxies and Anthropic send them too), everything else by the provider's stage.
 */
export function createSseMessageReader(protocol: ProviderProtocol = 'openai'): ProviderStage {
  const stage = createProviderStage(protocol);
  return {
    read(message, out) {
      if (message.event === 'error') {
        out.push(errorEvent(errorEventError(message.data)));
        return 'error';
      }
      return stage.read(message, out);
    },
    end: (out) => stage.end(out),
  };
}
