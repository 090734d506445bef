import { useState } from 'react';
import { removeMessage } from '../../actions/conversation-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import { messagesBelow } from '../../db/branches-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { ConfirmDialog } from '../chat-list/confirm-dialog.tsx';
import { conversationStrings } from './conversation-strings.ts';

/**
 * Deletes a message and everything below it. A message alone goes at once; when others would go with it
 * (later turns, other versions), the person is asked first, since some of them may be their own words.
 */
export function DeleteMessageButton({ messageId }: { messageId: string }) {
  const s = useStrings(conversationStrings);
  const [below, setBelow] = useState(0);
  const remove = () => void removeMessage(appStorage(), messageId).catch(() => undefined);
  const onClick = async () => {
    const count = await messagesBelow(appStorage().db, messageId);
    if (count === 0) remove();
    else setBelow(count);
  };
  return (
    <>
      <button type="button" className="message-action" onClick={() => void onClick().catch(() => undefined)}>
        {s.delete}
      </button>
      {below > 0 && (
        <ConfirmDialog
          title={s.deleteBelowTitle}
          body={s.deleteBelowBody(below)}
          confirmLabel={s.delete}
          cancelLabel={s.cancel}
          onConfirm={() => {
            setBelow(0);
            remove();
          }}
          onCancel={() => setBelow(0)}
        />
      )}
    </>
  );
}
