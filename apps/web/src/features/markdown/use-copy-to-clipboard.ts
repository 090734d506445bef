import { useCallback, useEffect, useRef, useState } from 'react';

export type CopyStatus = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard and reports the outcome for a short while. */
export function useCopyToClipboard(resetAfterMs = 2000): { status: CopyStatus; copy: (text: string) => void } {
  const [status, setStatus] = useState<CopyStatus>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(
    (text: string) => {
      const show = (next: CopyStatus) => {
        setStatus(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setStatus('idle'), resetAfterMs);
      };
      // Missing outside secure contexts (plain http on a LAN address): say so instead of throwing.
      const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
      if (!clipboard) {
        show('failed');
        return;
      }
      clipboard.writeText(text).then(
        () => show('copied'),
        () => show('failed'),
      );
    },
    [resetAfterMs],
  );

  return { status, copy };
}
