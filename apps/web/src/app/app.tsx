import { lazy, Suspense, useEffect } from 'react';
import { ChatList } from '../features/chat-list/chat-list.tsx';
import { ChatView } from '../features/conversation/chat-view.tsx';
import { preloadMarkdown } from '../features/markdown/lazy-markdown.tsx';
import { useUiStore } from '../state/ui-store.ts';
import { usePreferences } from './use-preferences.ts';

// Settings are opened rarely; their code loads on first use so the first page stays small.
const SettingsDialog = lazy(() => import('../features/settings/settings-dialog.tsx'));

/** The whole page: chat list, open chat, and the settings dialog when open. */
export function App() {
  usePreferences();
  const settingsOpen = useUiStore((state) => state.settingsOpen);
  // The markdown renderer is not needed for the first paint, but the first answer should not wait for it.
  useEffect(() => {
    const idle = requestIdleCallback(preloadMarkdown, { timeout: 3_000 });
    return () => cancelIdleCallback(idle);
  }, []);
  return (
    <div className="app">
      <ChatList />
      <ChatView />
      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog />
        </Suspense>
      )}
    </div>
  );
}
