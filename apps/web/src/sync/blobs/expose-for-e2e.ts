import { downloadBlob } from './active-blob-downloader.ts';

/**
 * TEMPORARY, for e2e/tests/attachments-sync.spec.ts only, until the attachment UI (composer, thumbnails)
 * shows attachments and so downloads them itself: the two-device test calls `hearthDownloadBlob` as the
 * view of an attachment would. Remove this file and its call in sync-runner.ts once the test drives the UI.
 * It gives a script in the page nothing it could not already do: the page holds the device token anyway.
 */
export function exposeDownloadBlobForE2e(): void {
  (globalThis as { hearthDownloadBlob?: typeof downloadBlob }).hearthDownloadBlob = downloadBlob;
}
