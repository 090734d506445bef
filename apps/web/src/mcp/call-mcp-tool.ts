import { type McpOutcome, withMcpSession } from './mcp-session.ts';
import type { McpTarget } from './mcp-target.ts';

/** A tool's answer: its text parts joined, and whether the tool itself reported an error. */
export interface McpToolAnswer {
  text: string;
  isError: boolean;
}

/**
 * Calls one tool with arguments in a session of its own. The tool-call loop builds on this; `signal` stops
 * the call (the SDK tells the server it was cancelled).
 */
export function callMcpTool(options: {
  target: McpTarget;
  name: string;
  arguments: Record<string, unknown>;
  signal?: AbortSignal;
}): Promise<McpOutcome<McpToolAnswer>> {
  return withMcpSession(options.target, async (client, requestOptions) => {
    const result = await client.callTool({ name: options.name, arguments: options.arguments }, undefined, {
      ...requestOptions,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const parts = Array.isArray(result.content) ? (result.content as { type: string; text?: unknown }[]) : [];
    const text = parts
      .filter((part) => part.type === 'text' && typeof part.text === 'string')
      .map((part) => part.text as string)
      .join('\n');
    return { text, isError: result.isError === true };
  });
}
