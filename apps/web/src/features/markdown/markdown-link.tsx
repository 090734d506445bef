import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import { useStrings } from '../../i18n/use-strings.ts';
import { markdownStrings } from './markdown-strings.ts';
import { safeLinkHref } from './url-policy.ts';

type LinkProps = ComponentProps<'a'> & ExtraProps;

/** A link from model output: live only for http(s) and mailto, inert text for anything else. */
export function MarkdownLink({ node, href, title, children }: LinkProps) {
  const strings = useStrings(markdownStrings);
  // Footnote links jump within the page, but every message numbers its footnotes from 1 and so
  // repeats the same ids: keep the reference number as text and drop the back-links.
  if (node?.properties.dataFootnoteBackref !== undefined) return null;
  if (node?.properties.dataFootnoteRef !== undefined) return children;
  // urlTransform already dropped unsafe hrefs; checking again keeps this component safe on its own.
  const safe = href === undefined ? undefined : safeLinkHref(href);
  if (safe === undefined) {
    return (
      <span className="md-link-blocked" title={strings.linkBlocked}>
        {children}
      </span>
    );
  }
  const web = !safe.startsWith('mailto:');
  return (
    <a
      href={safe}
      title={title}
      target={web ? '_blank' : undefined}
      rel="noopener noreferrer nofollow"
      referrerPolicy="no-referrer"
    >
      {children}
    </a>
  );
}
