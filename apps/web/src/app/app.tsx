import { lazy, Suspense, useEffect } from 'react';
import { ChatList } from '../features/chat-list/chat-list.tsx';
import { ChatView } from '../features/conversation/chat-view.tsx';
import { ShortcutListDialog } from '../features/shortcuts/shortcut-list-dialog.tsx';
import { StatusBanners } from '../pwa/status-banners.tsx';
import { useShortcuts } from '../shortcuts/use-shortcuts.ts';
import { useUiStore } from '../state/ui-store.ts';
import { preloadLazyCode } from './preload-lazy-code.ts';
import { usePreferences } from './use-preferences.ts';

// Settings are opened rarely; their code loads on first use so the first page stays small.
const SettingsDialog = lazy(() => import('../features/settings/settings-dialog.tsx'));

/** The whole page: chat list, open chat, the settings dialog and the shortcut list when open; the shortcuts. */
export function App() {
  usePreferences();
  useShortcuts();
  const settingsOpen = useUiStore((state) => state.settingsOpen);
  useEffect(preloadLazyCode, []);
  return (
    <div className="app">
      <ChatList />
      <div className="main-column">
        <StatusBanners />
        <ChatView />
      </div>
      <ShortcutListDialog />
      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog />
        </Suspense>
      )}
    </div>
  );
}
