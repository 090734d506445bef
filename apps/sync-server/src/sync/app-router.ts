import { serverInfoProcedure, signUpProcedure } from './account-procedures.ts';
import { listDevicesProcedure, revokeDeviceProcedure } from './device-procedures.ts';
import { liveProcedure } from './live-procedure.ts';
import { createPairingProcedure, redeemPairingProcedure } from './pairing-procedures.ts';
import { pullProcedure } from './pull-procedure.ts';
import { pushProcedure } from './push-procedure.ts';
import { t } from './trpc.ts';

/** The sync API, served at `/trpc` (docs/sync-protocol.md describes every call on the wire). */
export const appRouter = t.router({
  server: t.router({ info: serverInfoProcedure }),
  account: t.router({ signUp: signUpProcedure }),
  sync: t.router({ push: pushProcedure, pull: pullProcedure, live: liveProcedure }),
  devices: t.router({ list: listDevicesProcedure, revoke: revokeDeviceProcedure }),
  pairing: t.router({ create: createPairingProcedure, redeem: redeemPairingProcedure }),
});

/** The router's type, the only thing the web app imports from the server (`import type`). */
export type AppRouter = typeof appRouter;
