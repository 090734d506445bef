import { type ChangeEvent, useRef, useSyncExternalStore } from 'react';
import { attachFilesLater } from '../../attachments/attach-files-later.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { attachButtonStrings } from './attach-button-strings.ts';

const coarsePointer = '(pointer: coarse)';

// A phone or tablet: the camera gets a button of its own there.
function subscribeToPointer(onChange: () => void): () => void {
  const query = window.matchMedia(coarsePointer);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The composer's file picker and, on touch devices, the camera: each a button over a hidden file input. */
export function AttachButtons({ chatId, disabled }: { chatId: string | null; disabled: boolean }) {
  const s = useStrings(attachButtonStrings);
  const picker = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const touch = useSyncExternalStore(subscribeToPointer, () => window.matchMedia(coarsePointer).matches);

  const onChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Cleared so that choosing the same file again (after removing it) is a change too.
    event.target.value = '';
    if (files.length > 0) attachFilesLater(chatId, files);
  };

  return (
    <>
      <button
        type="button"
        className="button attach-button"
        aria-label={s.attachFiles}
        title={s.attachFiles}
        disabled={disabled}
        onClick={() => picker.current?.click()}
      >
        <span aria-hidden="true">📎</span>
      </button>
      <input ref={picker} type="file" multiple hidden tabIndex={-1} aria-label={s.attachFiles} onChange={onChosen} />
      {touch && (
        <>
          <button
            type="button"
            className="button attach-button"
            aria-label={s.takePhoto}
            title={s.takePhoto}
            disabled={disabled}
            onClick={() => camera.current?.click()}
          >
            <span aria-hidden="true">📷</span>
          </button>
          <input
            ref={camera}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            tabIndex={-1}
            aria-label={s.takePhoto}
            onChange={onChosen}
          />
        </>
      )}
    </>
  );
}
