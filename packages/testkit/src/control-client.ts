import type { RequestSummary } from './control-routes.ts';
import type { FakeApi } from './fake-api.ts';
import type { PixelHit } from './recorded-request.ts';
import type { Scenario } from './scenario.ts';
import { scenarioBaseUrl } from './scenario-path.ts';

/** A fake upstream running in another process (e.g. started by Playwright), driven over its control API. */
export interface FakeUpstreamControl {
  readonly origin: string;
  baseUrl(scenario?: Partial<Scenario>, api?: FakeApi): string;
  requests(): Promise<RequestSummary[]>;
  pixelHits(): Promise<PixelHit[]>;
  reset(): Promise<void>;
  /** Polls the request list until one matches; rejects after `timeoutMs`. */
  waitForRequest(predicate?: (request: RequestSummary) => boolean, timeoutMs?: number): Promise<RequestSummary>;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`Fake upstream control call ${url} failed with ${response.status}`);
  return (await response.json()) as T;
}

/** Drives the fake upstream at `origin` through `/_control/*`. */
export function fakeUpstreamControl(origin: string): FakeUpstreamControl {
  const control = `${origin.replace(/\/+$/, '')}/_control`;
  const requests = () => getJson<RequestSummary[]>(`${control}/requests`);
  return {
    origin,
    baseUrl: (scenario = {}, api = 'openai') => scenarioBaseUrl({ origin, scenario, api }),
    requests,
    pixelHits: () => getJson<PixelHit[]>(`${control}/pixel-hits`),
    reset: async () => {
      await getJson<unknown>(`${control}/reset`, { method: 'POST' });
    },
    waitForRequest: async (predicate = () => true, timeoutMs = 4000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await requests()).find(predicate);
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error(`No matching request at ${origin} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
