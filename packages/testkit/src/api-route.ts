import type { Exchange } from './exchange.ts';

/** One endpoint of a fake API: its method, its path after the API's root, and its handler. */
export interface ApiRoute {
  method: string;
  pattern: RegExp;
  handle: (exchange: Exchange, match: RegExpExecArray) => void | Promise<void>;
}

/** The query parameters of the request being answered. */
export function queryOf(exchange: Exchange): URLSearchParams {
  return new URL(exchange.record.url, 'http://fake.invalid').searchParams;
}

/** A whole-number query parameter within [min, max], or `fallback` when absent or out of range. */
export function intParam(
  query: URLSearchParams,
  options: { name: string; min: number; max: number; fallback: number },
) {
  const raw = query.get(options.name);
  const value = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(value) && value >= options.min && value <= options.max ? value : options.fallback;
}
