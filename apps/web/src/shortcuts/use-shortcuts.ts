import { useEffect } from 'react';
import { runShortcut } from './shortcut-actions.ts';
import { type KeyPlace, matchShortcut } from './shortcut-map.ts';

const apple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** True on Apple devices, where ⌘ stands for Ctrl in shortcuts. */
export function isApple(): boolean {
  return apple;
}

/** Listens for the app's shortcuts (shortcut-map.ts) on the whole page while the app is shown. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Something with focus handled the key already (Enter in the composer, arrows in a version switcher).
      if (event.defaultPrevented) return;
      const id = matchShortcut(event, placeOf(event.target));
      if (id !== undefined && runShortcut(id)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

function placeOf(target: EventTarget | null): KeyPlace {
  const element = target instanceof Element ? target : null;
  const inTextField =
    element !== null &&
    (element.matches('input, textarea, select') || (element instanceof HTMLElement && element.isContentEditable));
  return {
    inTextField,
    inComposer: element?.matches('.composer textarea') ?? false,
    dialogOpen: document.querySelector('dialog[open]') !== null,
    apple,
  };
}
