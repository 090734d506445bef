import { lazy } from 'react';

// The views of attached files load on demand, when there is a file to show: the first page carries only
// the buttons that attach them (the first-load size budget, docs in README "Benchmarks").
const loadComposerAttachments = () => import('./composer-attachments.tsx');
const loadMessageAttachments = () => import('./message-attachments.tsx');

/** The composer's pending files and attach problems. */
export const LazyComposerAttachments = lazy(() =>
  loadComposerAttachments().then((module) => ({ default: module.ComposerAttachments })),
);

/** A sent message's files. */
export const LazyMessageAttachments = lazy(() =>
  loadMessageAttachments().then((module) => ({ default: module.MessageAttachments })),
);

/** The files an edit keeps (the same list as the composer's). */
export const LazyPendingAttachmentList = lazy(() =>
  import('./pending-attachment-list.tsx').then((module) => ({ default: module.PendingAttachmentList })),
);

/**
 * Fetches the attachment code when the page is idle (views, the code that stores a file and the one that
 * reads files for a request; not PDF.js), so files attach and show at once later, offline too.
 */
export function preloadAttachmentViews(): void {
  Promise.all([
    loadComposerAttachments(),
    loadMessageAttachments(),
    import('../../attachments/attach-files.ts'),
    import('../../attachments/request-attachments.ts'),
  ]).catch(() => undefined);
}
