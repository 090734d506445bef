import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isAnyAnswerStreamingHere } from './actions/answer-sessions.ts';
import { watchSendQueue } from './actions/send-queue.ts';
import { App } from './app/app.tsx';
import { boot } from './app/boot.ts';
import { scheduleBlobSweep } from './attachments/blob-sweep-schedule.ts';
import { startAppUpdates } from './pwa/app-updates.ts';
import { startSearchIndexing } from './search/start-search-indexing.ts';
import { openPairing } from './state/ui-store.ts';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

boot().then(
  (storage) => {
    startAppUpdates({ isBusy: isAnyAnswerStreamingHere });
    watchSendQueue(storage);
    scheduleBlobSweep(storage.db);
    startSearchIndexing(storage);
    // Sync code (the tRPC client, the engine) loads after the first paint, and only matters when signed in.
    void import('./sync/sync-runner.ts').then(({ startSync }) => startSync(storage));
    const pairing = /^#pair=([A-Za-z0-9-]{4,64})$/.exec(window.location.hash);
    if (pairing?.[1]) {
      openPairing(pairing[1]);
      history.replaceState(null, '', window.location.pathname); // the code is single-use: keep it out of history
    }
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    // Without storage the app cannot keep anything safe; say so instead of showing a broken page.
    const name = error instanceof Error ? error.name : 'Error';
    root.textContent = `This browser did not let the app open its storage (${name}). Private windows and some storage settings block it.`;
    root.setAttribute('role', 'alert');
  },
);
