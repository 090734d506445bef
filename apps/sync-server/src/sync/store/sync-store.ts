import type { SyncMutation, SyncPullResponse, SyncPushResponse, SyncRecord } from '@hearth/schema';

/** Who a request comes from: the user of the token and the device it belongs to. */
export interface SyncIdentity {
  userId: string;
  deviceId: string;
}

/** A device as stored; the router adds whether it is the caller's own. */
export interface StoredDevice {
  id: string;
  name: string;
  createdAt: number;
  lastSeenAt: number | null;
}

/** What a push did, beyond the protocol's answer: where the user's changes now end, and how many it wrote. */
export interface AppliedPush extends SyncPushResponse {
  /** The user's latest change sequence number after the push (the cursor a poke announces). */
  cursor: number;
  /** Mutations that changed a record; 0 means nothing changed and nobody needs a poke. */
  applied: number;
  /** The versions written, in sequence order (what a poke may carry). */
  taken: SyncRecord[];
}

/** What a tombstone purge removed. */
export interface PurgeReport {
  tombstones: number;
  pairingCodes: number;
}

/**
 * Everything the sync API stores, behind one interface so that another database (PostgreSQL, for
 * several server processes) can replace SQLite without touching the protocol. Every method is scoped to
 * the user it is given; failures are `SyncError`s (a retryable database failure is `busy`, with nothing
 * written). Times are epoch milliseconds from the caller, so tests can move the clock.
 */
export interface SyncStore {
  /** The live device whose token hashes to `tokenHash`, noting when it was last seen; undefined if unknown or revoked. */
  authenticate(options: { tokenHash: string; nowMs: number }): Promise<SyncIdentity | undefined>;
  /**
   * Applies a device's batch in one transaction, all or nothing: mutations numbered at or below the
   * device's last applied id are skipped, every other one must carry a clock this device owns
   * (`foreign_clock` otherwise) and is compared by clock (last writer wins); the device's last id moves
   * to the batch's last. Each write takes the user's next sequence number.
   */
  applyPush(options: {
    identity: SyncIdentity;
    mutations: readonly SyncMutation[];
    nowMs: number;
  }): Promise<AppliedPush>;
  /**
   * One page of the user's records changed after `cursor`, oldest change first; `resync_required` when
   * the device may have missed a forgotten tombstone. A pull from cursor 0 marks where the device's
   * download began (pages after it stay valid through purges of older tombstones).
   */
  pull(options: { identity: SyncIdentity; cursor: number; limit: number; maxBytes: number }): Promise<SyncPullResponse>;
  /** The user's latest change sequence number. */
  currentCursor(options: { userId: string }): Promise<number>;
  /** Deletes tombstones older than the horizon (raising each user's purge marks) and expired pairing codes. */
  purge(options: { nowMs: number; horizonMs: number }): Promise<PurgeReport>;
  /** Creates a user with a first device, owning `clockId` when given (sync protocol: clocks bound to devices). */
  createUser(options: {
    deviceName: string;
    tokenHash: string;
    nowMs: number;
    clockId?: string | undefined;
  }): Promise<SyncIdentity>;
  /** The user's devices that are not revoked, oldest first. */
  listDevices(options: { userId: string }): Promise<StoredDevice[]>;
  /** Revokes one of the user's devices, releasing its clock ids; false when the user has no such live device. */
  revokeDevice(options: { userId: string; deviceId: string; nowMs: number }): Promise<boolean>;
  /** Stores a one-time pairing code (hashed) for the user. */
  createPairingCode(options: { identity: SyncIdentity; codeHash: string; expiresAt: number }): Promise<void>;
  /**
   * Consumes a live pairing code and creates the new device (owning `clockId` when given); undefined
   * when unknown, used or expired; `foreign_clock`, with the code kept, when another device owns the clock id.
   */
  redeemPairingCode(options: {
    codeHash: string;
    deviceName: string;
    tokenHash: string;
    nowMs: number;
    clockId?: string | undefined;
  }): Promise<SyncIdentity | undefined>;
}
