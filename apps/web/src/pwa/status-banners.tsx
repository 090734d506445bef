import { useEffect, useRef, useState } from 'react';
import { useAnyAnswerStreamingHere } from '../actions/use-answer-view.ts';
import { useStrings } from '../i18n/use-strings.ts';
import { acceptUpdate, useUpdateStatus } from './app-updates.ts';
import { useOnlineStatus } from './online-status.ts';
import { pwaStrings } from './pwa-strings.ts';

/** Quiet notices at the top of the chat: offline, back online, and a waiting update. */
export function StatusBanners() {
  const s = useStrings(pwaStrings);
  const online = useOnlineStatus();
  const update = useUpdateStatus();
  // An update must wait while this tab streams an answer: it would reload the page mid-answer.
  const busy = useAnyAnswerStreamingHere();
  const [justReconnected, setJustReconnected] = useState(false);
  const wasOnline = useRef(online);

  useEffect(() => {
    if (online && !wasOnline.current) {
      setJustReconnected(true);
      const timer = setTimeout(() => setJustReconnected(false), 4_000);
      wasOnline.current = online;
      return () => clearTimeout(timer);
    }
    wasOnline.current = online;
    return undefined;
  }, [online]);

  return (
    <div className="status-banners" role="status">
      {!online && <p className="banner offline">{s.offline}</p>}
      {online && justReconnected && <p className="banner online">{s.backOnline}</p>}
      {update !== 'idle' && (
        <p className="banner update">
          {update === 'waiting' ? s.updateAvailable : s.updateActive}{' '}
          <button type="button" className="button" disabled={busy} onClick={() => acceptUpdate()}>
            {update === 'waiting' ? s.update : s.reload}
          </button>
          {busy && <span className="muted"> {s.updateAfterAnswer}</span>}
        </p>
      )}
    </div>
  );
}
