import { apiRoots, type FakeApi, fakeApis } from './fake-api.ts';
import type { Scenario } from './scenario.ts';
import { type FieldParse, isScenarioKey, scenarioFields } from './scenario-fields.ts';

/** An API path split into its scenario segment (`null` for none), its API and the part after the API's root. */
export interface ApiPath {
  segment: string | null;
  api: FakeApi;
  rest: string;
}

const scenarioPrefixPattern = /^\/s\/([^/]*)(\/.*)$/;

function matchRoot(path: string): { api: FakeApi; rest: string } | null {
  for (const api of fakeApis) {
    const root = apiRoots[api];
    if (path === root || path.startsWith(`${root}/`)) return { api, rest: path.slice(root.length) };
  }
  return null;
}

/** Splits `<root>/...` or `/s/<scenario><root>/...` for any API's root; `null` for any other path. */
export function matchApiPath(pathname: string): ApiPath | null {
  const plain = matchRoot(pathname);
  if (plain !== null) return { segment: null, ...plain };
  const match = scenarioPrefixPattern.exec(pathname);
  const rooted = match === null ? null : matchRoot(match[2] ?? '');
  if (match === null || rooted === null) return null;
  return { segment: match[1] ?? '', ...rooted };
}

// `|` separates list items and is left readable; `,` `=` `/` `%` must stay escaped, and the parser
// decodes a value as a whole before reading it, so an escaped or raw `|` means the same.
const encodeValue = (value: string): string => encodeURIComponent(value).replaceAll('%7C', '|');

function formatEntry<K extends keyof Scenario>(key: K, value: Scenario[K]): string {
  const raw = scenarioFields[key].format(value);
  return raw === undefined ? key : `${key}=${encodeValue(raw)}`;
}

/** Writes a partial scenario as a readable URL segment, e.g. `cors=0,tokens=40,rate=200`. */
export function formatScenario(scenario: Partial<Scenario>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(scenario)) {
    if (value === undefined) continue;
    if (!isScenarioKey(key)) throw new Error(`Unknown scenario key "${key}"`);
    parts.push(formatEntry(key, value as Scenario[typeof key]));
  }
  return parts.join(',');
}

/** The path prefix that selects a scenario of an API: its root for none, else `/s/<segment><root>`. */
export function scenarioPath(scenario: Partial<Scenario> = {}, api: FakeApi = 'openai'): string {
  const segment = formatScenario(scenario);
  return segment === '' ? apiRoots[api] : `/s/${segment}${apiRoots[api]}`;
}

/** A base URL of an API on `origin` that selects `scenario` (an OpenAI one, ending in `/v1`, unless said). */
export function scenarioBaseUrl(options: { origin: string; scenario?: Partial<Scenario>; api?: FakeApi }): string {
  return `${options.origin.replace(/\/+$/, '')}${scenarioPath(options.scenario, options.api)}`;
}

function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** Reads a URL segment written by `formatScenario`; unknown keys and bad values are errors naming the key. */
export function parseScenario(segment: string): FieldParse<Partial<Scenario>> {
  const result: Partial<Scenario> = {};
  const seen = new Set<string>();
  for (const part of segment.split(',')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = equals === -1 ? part : part.slice(0, equals);
    const raw = equals === -1 ? undefined : decode(part.slice(equals + 1));
    if (!isScenarioKey(key)) {
      const known = Object.keys(scenarioFields).join(', ');
      return { success: false, error: `Unknown scenario key "${key}" in "${segment}". Known keys: ${known}.` };
    }
    if (raw === null) return { success: false, error: `Scenario key "${key}" has a malformed percent-encoding.` };
    if (seen.has(key)) return { success: false, error: `Scenario key "${key}" is given twice in "${segment}".` };
    seen.add(key);
    const parsed = scenarioFields[key].parse(raw);
    if (!parsed.success) {
      const expected = scenarioFields[key].describe;
      return { success: false, error: `Scenario key "${key}" has a bad value: ${parsed.error} (${expected}).` };
    }
    Object.assign(result, { [key]: parsed.value });
  }
  return { success: true, value: result };
}
