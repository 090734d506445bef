import { hashSecret, isWellFormedToken } from './device-token.ts';
import { SyncError } from './sync-error.ts';
import { t } from './trpc.ts';
import { syncErrorOf, toTrpcError } from './trpc-error-mapping.ts';

/**
 * Every sync procedure starts here: a SyncError thrown anywhere below (a check, the store) leaves as
 * the tRPC error of its code, so its HTTP status is right, not a 500.
 */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = syncErrorOf(result.error);
  if (cause !== undefined) throw toTrpcError(cause);
  return result;
});

/** A procedure for a signed-in device: the token's user and device are `ctx.identity`. */
export const deviceProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const { token, services } = ctx;
  const identity = isWellFormedToken(token)
    ? await services.store.authenticate({ tokenHash: hashSecret(token), nowMs: services.now() })
    : undefined;
  if (identity === undefined) {
    throw new SyncError(
      'unauthorized',
      token === undefined
        ? 'Sign in: send this device’s token as `Authorization: Bearer <token>`.'
        : 'This device token is unknown or was revoked. Sign in again.',
    );
  }
  return next({ ctx: { identity } });
});

/** A procedure anyone may call, limited per client address, for creating devices (sign-up, pairing). */
export const accountProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const decision = ctx.services.accountLimiter.take(ctx.clientKey);
  if (!decision.allowed) {
    throw new SyncError('rate_limited', `Too many attempts; try again in ${decision.retryAfterSeconds} s.`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  return next();
});
