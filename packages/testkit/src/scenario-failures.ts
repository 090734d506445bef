import { apiError } from './api-error.ts';
import { type Exchange, sendJson, sendText, writeHead } from './exchange.ts';
import { hostileMarker } from './hostile-reply.ts';

/** Where `redirect` points by default: a path on this server that answers with a canary, so a followed redirect shows. */
export const redirectTargetPath = '/redirect-target';

/** The canary the redirect target answers with; it must never reach a client of a relay. */
export const redirectTargetCanary = 'redirect-target-canary';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

// A page with a script in it: served through a relay, it must not be able to run as the app's origin.
const htmlPage = `<!doctype html>
<html><head><title>Fake upstream page</title></head>
<body><h1>Not an API answer</h1><script>window.${hostileMarker}='html-page'</script></body></html>
`;

// What a proxy in front of a provider typically sends, so the app's error display meets one.
const errorPage = (status: number, message: string) => `<html>
<head><title>${status} Error</title></head>
<body><center><h1>${status} Error</h1></center><p>${escapeHtml(message)}</p><hr><center>nginx</center></body>
</html>
`;

/** Answers with the scenario's redirect, HTML page or failure status; false when the scenario asks for none. */
export function sendScenarioFailure(exchange: Exchange): boolean {
  const { scenario, origin } = exchange;
  if (scenario.redirect !== null) {
    const location = scenario.redirectTo ?? `${origin}${redirectTargetPath}`;
    writeHead(exchange, scenario.redirect, { location, 'content-type': 'text/plain; charset=utf-8' });
    exchange.res.end(`Redirecting to ${location}`);
    return true;
  }
  if (scenario.html) {
    sendText(exchange, { status: 200, contentType: 'text/html; charset=utf-8', body: htmlPage });
    return true;
  }
  if (scenario.status === null) return false;
  const error = apiError(exchange.api, {
    status: scenario.status,
    message: scenario.message,
    requestId: exchange.record.id,
  });
  switch (scenario.errorBody) {
    case 'json':
      sendJson(exchange, scenario.status, error.body);
      return true;
    case 'text':
      sendText(exchange, { status: scenario.status, contentType: 'text/plain; charset=utf-8', body: error.message });
      return true;
    case 'html':
      sendText(exchange, {
        status: scenario.status,
        contentType: 'text/html; charset=utf-8',
        body: errorPage(scenario.status, error.message),
      });
      return true;
  }
}
