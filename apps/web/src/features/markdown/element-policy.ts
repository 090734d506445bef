import type { AllowElement } from 'react-markdown';

// Raw HTML never gets here (react-markdown turns it into text: no rehype-raw). This is a second
// wall in case a plugin ever emits an active element or an event-handler attribute.
const forbiddenTags: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'link',
  'meta',
  'base',
  'form',
  'template',
  'foreignObject',
  'animate',
  'animateMotion',
  'animateTransform',
  'set',
  'use',
]);

/** react-markdown's allowElement: drops active elements and any element with an on* attribute. */
export const allowElement: AllowElement = (element) =>
  !forbiddenTags.has(element.tagName) && !Object.keys(element.properties).some((key) => /^on/i.test(key));
