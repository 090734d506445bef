import type { Readable } from 'node:stream';
import {
  attachmentMaxBytes,
  blobErrorStatus,
  blobLackingRequestSchema,
  blobPathPrefix,
  contentHashSchema,
} from '@hearth/schema';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { scrubErrorMessage } from '../logging/scrub-text.ts';
import type { SyncServices } from '../sync/sync-context.ts';
import { applySyncCors } from '../sync/sync-cors.ts';
import { SyncError } from '../sync/sync-error.ts';
import { authenticateBlobRequest } from './blob-auth.ts';
import { BlobError } from './blob-error.ts';
import type { BlobServices } from './blob-services.ts';
import { quotaExceeded } from './sqlite-blob-store.ts';

// The client went away mid-upload: nobody reads the answer, and it is no fault of the server's.
const abortedCodes = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'ECONNABORTED']);
const blobMethods = 'GET, HEAD, PUT, POST';
// Errors of the disk under DATA_DIR after which a retry can succeed (space freed, the disk back).
const retryableDiskCodes = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EMFILE', 'ENFILE']);

/**
 * The blob store's HTTP API, beside `/trpc` (docs/sync-protocol.md §13): binary bodies, so plain HTTP
 * rather than tRPC. Every route takes the sync API's device token and sees only that user's blobs.
 */
export function blobRoutes(options: {
  sync: SyncServices;
  blobs: BlobServices;
  corsOrigins: ReadonlySet<string>;
}): FastifyPluginAsync {
  const { sync, blobs, corsOrigins } = options;
  const identify = (request: FastifyRequest) =>
    authenticateBlobRequest({ store: sync.store, authorization: request.headers.authorization, nowMs: sync.now() });
  const common = (request: FastifyRequest, reply: FastifyReply) => {
    applySyncCors({
      reply,
      origin: request.headers.origin,
      allowed: corsOrigins,
      preflight: false,
      methods: blobMethods,
    });
    reply.header('cache-control', 'no-store');
  };

  return async (app) => {
    // The bytes routes: the body is the blob, streamed to disk as it arrives (never parsed or buffered).
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
      scope.setErrorHandler(blobErrorHandler);

      scope.put<{ Params: { hash: string } }>(`${blobPathPrefix}/:hash`, async (request, reply) => {
        common(request, reply);
        const identity = await identify(request);
        const hash = hashOf(request.params.hash);
        const declared = declaredLength(request);
        if (declared !== undefined && declared > attachmentMaxBytes) throw tooLarge();
        const { store, options } = blobs;
        const held = await store.size({ userId: identity.userId, hash });
        if (held !== undefined) return reply.code(200).send({ hash, size: held, created: false });
        if (declared !== undefined) {
          const used = await store.usedBytes({ userId: identity.userId });
          if (used + declared > options.quotaBytes) {
            throw quotaExceeded({ usedBytes: used, limitBytes: options.quotaBytes, neededBytes: declared });
          }
        }
        const body = (request.body as Readable | undefined) ?? request.raw;
        const result = await store.put({
          userId: identity.userId,
          hash,
          body,
          maxBytes: attachmentMaxBytes,
          quotaBytes: options.quotaBytes,
          nowMs: sync.now(),
        });
        if (result.created) blobs.metrics.uploaded(result.size);
        return reply.code(result.created ? 201 : 200).send({ hash, size: result.size, created: result.created });
      });

      scope.route<{ Params: { hash: string } }>({
        method: 'HEAD',
        url: `${blobPathPrefix}/:hash`,
        handler: async (request, reply) => {
          common(request, reply);
          const identity = await identify(request);
          const hash = hashOf(request.params.hash);
          const size = await blobs.store.size({ userId: identity.userId, hash });
          if (size === undefined) throw notFound(hash);
          return reply.code(200).headers(bytesHeaders(size)).send();
        },
      });

      scope.route<{ Params: { hash: string } }>({
        method: 'GET',
        url: `${blobPathPrefix}/:hash`,
        exposeHeadRoute: false,
        handler: async (request, reply) => {
          common(request, reply);
          const identity = await identify(request);
          const hash = hashOf(request.params.hash);
          const blob = await blobs.store.open({ userId: identity.userId, hash });
          if (blob === undefined) throw notFound(hash);
          blobs.metrics.downloaded(blob.size);
          return reply.code(200).headers(bytesHeaders(blob.size)).send(blob.stream);
        },
      });

      scope.options(`${blobPathPrefix}/*`, async (request, reply) => {
        applySyncCors({
          reply,
          origin: request.headers.origin,
          allowed: corsOrigins,
          preflight: true,
          methods: blobMethods,
        });
        return reply.code(204).send();
      });
    });

    // The batch query, JSON in and out.
    await app.register(async (scope) => {
      scope.setErrorHandler(blobErrorHandler);
      scope.post(`${blobPathPrefix}/lacking`, async (request, reply) => {
        common(request, reply);
        const identity = await identify(request);
        const parsed = blobLackingRequestSchema.safeParse(request.body);
        if (!parsed.success) {
          throw new BlobError(
            'bad_request',
            `Send { "hashes": [...] }: at most 1000 SHA-256 hashes in lowercase hex (${parsed.error.issues[0]?.message ?? 'invalid'}).`,
          );
        }
        const lacking = await blobs.store.lacking({ userId: identity.userId, hashes: parsed.data.hashes });
        return reply.code(200).send({ lacking });
      });
    });
  };
}

/** Headers of a blob's bytes: never rendered as this origin's page, whatever they hold. */
function bytesHeaders(size: number): Record<string, string> {
  return {
    'content-type': 'application/octet-stream',
    'content-length': String(size),
    'content-disposition': 'attachment',
    'content-security-policy': "sandbox; default-src 'none'",
  };
}

function hashOf(text: string): string {
  if (contentHashSchema.safeParse(text).success) return text;
  throw new BlobError('bad_request', 'A blob is named by the SHA-256 of its bytes: 64 lowercase hex characters.');
}

function declaredLength(request: FastifyRequest): number | undefined {
  const header = request.headers['content-length'];
  return header === undefined || !/^\d+$/.test(header) ? undefined : Number(header);
}

function tooLarge(): BlobError {
  return new BlobError('too_large', `A file may be at most ${attachmentMaxBytes / (1024 * 1024)} MB.`, {
    limit: attachmentMaxBytes,
  });
}

function notFound(hash: string): BlobError {
  return new BlobError('not_found', `This account holds no file ${hash} on the sync server.`);
}

/** Every failure of a blob route as `{ error: { code, message, details } }` with the code's status. */
function blobErrorHandler(this: unknown, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = asBlobError(error);
  if (known === undefined) {
    request.log.error({ err: error }, 'blob request failed');
    return reply.code(500).send({
      error: {
        code: 'internal_error',
        message: `The server failed to answer; see its logs for request ${request.id}.`,
      },
    });
  }
  // A body refused before it was read whole: close the connection rather than read the rest of it.
  if (request.method === 'PUT' && known.code !== 'hash_mismatch') reply.header('connection', 'close');
  request.log.info({ blobError: known.code }, 'blob request refused');
  return reply
    .code(blobErrorStatus[known.code])
    .send({ error: { code: known.code, message: known.message, details: known.details } });
}

function asBlobError(error: FastifyError): BlobError | undefined {
  if (error instanceof BlobError) return error;
  if (error instanceof SyncError && error.code === 'busy') return new BlobError('busy', error.message, error.details);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && retryableDiskCodes.has(code)) {
    return new BlobError('busy', 'The sync server could not write to its disk; nothing was kept. Try again later.', {
      reason: code === 'ENOSPC' || code === 'EDQUOT' ? 'full' : 'io',
    });
  }
  if (typeof code === 'string' && abortedCodes.has(code)) {
    return new BlobError(
      'bad_request',
      'The upload ended before the whole file arrived; nothing was kept. Send it again.',
    );
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new BlobError('bad_request', scrubErrorMessage(error.message));
  }
  return undefined;
}
