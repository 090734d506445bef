import type { ChatCompletionChunk, StreamEvent } from '@hearth/schema';
import { validateChunkData } from './chunk-data.ts';
import { type ChunkTemplate, learnChunkTemplate } from './chunk-template.ts';

/** The templates learned from one stream. */
export interface ChunkTemplates {
  /** The delta event `data` stands for, if a known template fits it. */
  match(data: string): StreamEvent | undefined;
  /** Offers a payload the slow path validated, to learn from. */
  learn(data: string, chunk: ChatCompletionChunk): void;
}

// Answer and reasoning chunks each get one. Templates pay off for small chunks repeated many times; a stream
// whose chunks never repeat (a per-chunk nonce) stops paying for learning after a few tries.
const maxTemplates = 2;
const maxLearningAttempts = 64;
const maxTemplateDataLength = 4096;

const validateOrUndefined = (data: string): ChatCompletionChunk | undefined => {
  const result = validateChunkData(data);
  return result.success ? result.value : undefined;
};

/** An empty set of templates for a new stream. */
export function createChunkTemplates(): ChunkTemplates {
  const templates: ChunkTemplate[] = [];
  let attemptsLeft = maxLearningAttempts;
  return {
    match(data) {
      for (let i = 0; i < templates.length; i++) {
        const event = templates[i]?.match(data);
        if (event === undefined) continue;
        // Reasoning and answer chunks rarely alternate; the last template used is tried first.
        if (i > 0) templates.unshift(...templates.splice(i, 1));
        return event;
      }
      return undefined;
    },
    learn(data, chunk) {
      if (attemptsLeft === 0 || data.length > maxTemplateDataLength) return;
      attemptsLeft--;
      const template = learnChunkTemplate(data, chunk, validateOrUndefined);
      if (!template) return;
      templates.unshift(template);
      templates.length = Math.min(templates.length, maxTemplates);
    },
  };
}
