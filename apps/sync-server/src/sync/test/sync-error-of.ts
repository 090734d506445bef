import { TRPCClientError } from '@trpc/client';
import { TRPCError } from '@trpc/server';
import { SyncError } from '../sync-error.ts';

/** What a failed call reported: our code, the tRPC code and the message, from the server or a client. */
export interface ReportedError {
  syncCode: string | null;
  trpcCode: string;
  message: string;
  httpStatus?: number;
  details: unknown;
}

/** Awaits `promise`, expecting it to fail, and reports the error the way a client would read it. */
export async function errorOf(promise: Promise<unknown>): Promise<ReportedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { syncCode: string | null; code: string; httpStatus: number; details: unknown };
      return {
        syncCode: data.syncCode,
        trpcCode: data.code,
        message: error.message,
        httpStatus: data.httpStatus,
        details: data.details,
      };
    }
    if (error instanceof TRPCError) {
      const cause = error.cause instanceof SyncError ? error.cause : undefined;
      return { syncCode: cause?.code ?? null, trpcCode: error.code, message: error.message, details: cause?.details };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}
