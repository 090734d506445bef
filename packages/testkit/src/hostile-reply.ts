/**
 * The global every hostile payload tries to set; a browser test asserts `window[hostileMarker]` stays
 * undefined, which fails the moment any payload runs.
 */
export const hostileMarker = '__hearthHostile';

/** The path of the tracker image that hostile answers embed. */
export const pixelPath = '/pixel.png';

/** A markdown answer full of things that must never run or load on their own. */
export function hostileReply(options: { origin: string; requestId: number }): string {
  const mark = (how: string) => `window.${hostileMarker}='${how}'`;
  return [
    'Here is a perfectly normal answer.',
    '',
    `<script>${mark('script')}</script>`,
    '',
    `<img src=x onerror="${mark('img-onerror')}">`,
    '',
    '[click](javascript:alert(1))',
    '',
    `<svg xmlns="http://www.w3.org/2000/svg" onload="${mark('svg-onload')}"><circle r="4"/></svg>`,
    '',
    `<div style="position:fixed;inset:0;background:red" onmouseover="${mark('div-onmouseover')}">raw <b>HTML</b></div>`,
    '',
    `<iframe src="javascript:parent.${mark('iframe')}"></iframe>`,
    '',
    `<a href="javascript:${mark('link')}">a raw HTML link</a>`,
    '',
    `![tracker](${options.origin}${pixelPath}?request=${options.requestId})`,
    '',
    'The end.',
  ].join('\n');
}
