import type { Scenario } from './scenario.ts';
import { type FieldParse, isScenarioKey, scenarioFields } from './scenario-fields.ts';

/** An API path split into its scenario segment (`null` for a plain `/v1`) and the part after `/v1`. */
export interface ApiPath {
  segment: string | null;
  rest: string;
}

const scenarioPathPattern = /^\/s\/([^/]*)\/v1(\/.*)?$/;

/** Splits `/v1/...` or `/s/<scenario>/v1/...`; `null` for any other path. */
export function matchApiPath(pathname: string): ApiPath | null {
  if (pathname === '/v1' || pathname.startsWith('/v1/')) return { segment: null, rest: pathname.slice(3) };
  const match = scenarioPathPattern.exec(pathname);
  if (match === null) return null;
  return { segment: match[1] ?? '', rest: match[2] ?? '' };
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

/** The path prefix that selects a scenario: `/v1` for none, else `/s/<segment>/v1`. */
export function scenarioPath(scenario: Partial<Scenario> = {}): string {
  const segment = formatScenario(scenario);
  return segment === '' ? '/v1' : `/s/${segment}/v1`;
}

/** An OpenAI base URL (ending in `/v1`) on `origin` that selects `scenario`. */
export function scenarioBaseUrl(options: { origin: string; scenario?: Partial<Scenario> }): string {
  return `${options.origin.replace(/\/+$/, '')}${scenarioPath(options.scenario)}`;
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
