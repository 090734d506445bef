import { type ComponentProps, useEffect, useRef, useState } from 'react';
import type { ExtraProps } from 'react-markdown';
import { useStrings } from '../../i18n/use-strings.ts';
import { markdownStrings } from './markdown-strings.ts';
import { imageUrlDecision } from './url-policy.ts';

type ImageProps = ComponentProps<'img'> & ExtraProps;

/**
 * An image from model output. Nothing is fetched until the user asks (a remote image is a tracking
 * pixel as easily as a picture); URLs that are not http(s) never load at all and show their alt text.
 */
export function MarkdownImage({ src, alt, title }: ImageProps) {
  const strings = useStrings(markdownStrings);
  const [requested, setRequested] = useState(false);
  const image = useRef<HTMLImageElement>(null);
  const decision = typeof src === 'string' ? imageUrlDecision(src) : undefined;
  const altText = alt ?? '';

  useEffect(() => {
    // The button the user pressed is gone; keep keyboard focus on what replaced it.
    if (requested) image.current?.focus({ preventScroll: true });
  }, [requested]);

  if (!decision || decision.kind === 'blocked') {
    return (
      <span className="md-image-blocked" title={strings.imageBlocked}>
        {altText}
      </span>
    );
  }
  if (requested) {
    return (
      <img
        ref={image}
        className="md-image"
        src={decision.src}
        alt={altText}
        title={title}
        referrerPolicy="no-referrer"
        loading="lazy"
        decoding="async"
        tabIndex={-1}
      />
    );
  }
  return (
    <button
      type="button"
      className="md-image-load"
      onClick={(event) => {
        // Inside a link (a badge), loading the image must not also follow the link.
        event.preventDefault();
        event.stopPropagation();
        setRequested(true);
      }}
    >
      {strings.loadImage(altText, decision.host)}
    </button>
  );
}
