import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import { useStrings } from '../../i18n/use-strings.ts';
import { markdownStrings } from './markdown-strings.ts';

type InputProps = ComponentProps<'input'> & ExtraProps;

/** A GFM task-list checkbox: read-only, with a name so screen readers do not meet a bare control. */
export function TaskCheckbox({ type, checked }: InputProps) {
  const strings = useStrings(markdownStrings);
  // Markdown creates no other inputs; anything else is not rendered.
  if (type !== 'checkbox') return null;
  return <input type="checkbox" checked={checked === true} disabled readOnly aria-label={strings.task} />;
}
