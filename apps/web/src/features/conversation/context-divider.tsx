import { useStrings } from '../../i18n/use-strings.ts';
import { conversationStrings } from './conversation-strings.ts';

/** Where the model's memory starts: the messages above it are not sent with the next question. */
export function ContextDivider() {
  const s = useStrings(conversationStrings);
  // One named separator for assistive technology; the words and the second rule are for the eye.
  return (
    <div className="context-divider">
      <hr aria-label={s.contextStart} />
      <span aria-hidden="true">{s.contextStart}</span>
      <span className="context-rule" aria-hidden="true" />
    </div>
  );
}
