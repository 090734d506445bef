import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';

type TableProps = ComponentProps<'table'> & ExtraProps;

/** A table in its own horizontal scroller, so a wide table never widens the message. */
export function MarkdownTable({ children }: TableProps) {
  return (
    <div className="md-table-scroll">
      <table>{children}</table>
    </div>
  );
}
