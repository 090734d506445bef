import { z } from 'zod/mini';

const textPartsSchema = z.array(z.object({ text: z.string() }));

/** A part of a turn: words, or bytes inline (an image) in base64 with their MIME type. */
export const geminiRequestPartSchema = z.union([
  z.object({ text: z.string() }),
  z.object({ inline_data: z.object({ mime_type: z.string(), data: z.string() }) }),
]);
export type GeminiRequestPart = z.infer<typeof geminiRequestPartSchema>;

/** The body of a Gemini `streamGenerateContent` request, as the app sends it. */
export const geminiRequestSchema = z.object({
  /** Gemini calls the assistant `model`. */
  contents: z
    .array(z.object({ role: z.enum(['user', 'model']), parts: z.array(geminiRequestPartSchema) }))
    .check(z.minLength(1)),
  systemInstruction: z.optional(z.object({ parts: textPartsSchema })),
  generationConfig: z.optional(
    z.object({
      temperature: z.optional(z.number()),
      maxOutputTokens: z.optional(z.int()),
      thinkingConfig: z.optional(z.object({ includeThoughts: z.boolean(), thinkingBudget: z.optional(z.int()) })),
    }),
  ),
});
export type GeminiRequest = z.infer<typeof geminiRequestSchema>;
