// End-to-end encryption (docs/encryption.md), apart from the main entry point: the word lists and
// Argon2id are loaded only by the code that encrypts, never by the app's first page.

export {
  type AccountKey,
  type CryptoKey,
  importAccountKey,
  newRawAccountKey,
  type RawAccountKey,
} from './account-key.ts';
export { fromBase64Url, toBase64Url } from './base64url.ts';
export {
  importKeyRing,
  type KeyRing,
  newKeyRing,
  rotateKeyRing,
  unwrapKeyRing,
  type WrappedKeyRing,
  wrapKeyRing,
} from './key-ring.ts';
export { pad, padmeLength, unpad } from './padme.ts';
export {
  defaultRecoveryKeyCost,
  deriveRecoveryKey,
  isRecoveryPhrase,
  newRecoveryPhrase,
  type RecoveryKeyCost,
  type RecoveryPhraseLanguage,
} from './recovery-phrase.ts';
export { type OpenFailure, OpenRecordError, openRecord, type SealedRecordIdentity, sealRecord } from './seal-record.ts';
