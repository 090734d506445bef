import { syncProtocolVersion } from '@hearth/schema';
import { describeIssues, type ValidationIssue } from './describe-issues.ts';
import { SyncError } from './sync-error.ts';

/** A schema's safe parse, as zod/mini schemas have it. */
interface SafeParser<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly ValidationIssue[] } };
}

/**
 * An input parser for a procedure: `precheck` refuses what needs no validation to refuse (another
 * protocol version, too many mutations), then the schema validates, and any problem is a SyncError
 * whose message names what was wrong. (Errors thrown here reach the client with their own code.)
 */
export function inputParser<T>(options: { schema: SafeParser<T>; precheck?: (raw: unknown) => void }) {
  const { schema, precheck } = options;
  return (raw: unknown): T => {
    precheck?.(raw);
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    throw new SyncError(
      'bad_request',
      `The request does not fit the sync protocol: ${describeIssues(parsed.error.issues, raw)}`,
      {
        issues: parsed.error.issues.slice(0, 20).map((issue) => ({
          path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
          message: issue.message,
        })),
      },
    );
  };
}

/** Refuses a request that names a protocol version this server does not speak. */
export function checkProtocolVersion(raw: unknown): void {
  const version = (raw as { protocolVersion?: unknown } | null)?.protocolVersion;
  if (version === undefined || version === syncProtocolVersion) return;
  throw new SyncError(
    'unsupported_version',
    `This server speaks sync protocol version ${syncProtocolVersion}, not ${String(JSON.stringify(version)).slice(0, 40)}. Update the app or the server.`,
    { supported: [syncProtocolVersion] },
  );
}
