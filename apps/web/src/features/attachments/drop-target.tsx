import { useStrings } from '../../i18n/use-strings.ts';
import { attachButtonStrings } from './attach-button-strings.ts';

/** The visible target while files are dragged over the chat. */
export function DropTarget() {
  const s = useStrings(attachButtonStrings);
  return (
    <div className="drop-target" role="status">
      <p>{s.dropFiles}</p>
    </div>
  );
}
