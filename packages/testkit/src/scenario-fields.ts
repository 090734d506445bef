import type { Scenario } from './scenario.ts';

/** The outcome of reading one scenario value from a URL. */
export type FieldParse<T> = { success: true; value: T } | { success: false; error: string };

/** How one scenario key is written in and read from a URL segment; `undefined` is the bare key (no `=`). */
export interface FieldCodec<T> {
  readonly parse: (raw: string | undefined) => FieldParse<T>;
  readonly format: (value: T) => string | undefined;
  readonly describe: string;
}

const ok = <T>(value: T): FieldParse<T> => ({ success: true, value });
const fail = <T>(error: string): FieldParse<T> => ({ success: false, error });

// A bare key (`hostile`) means true, so the common case reads naturally in a URL.
const bool: FieldCodec<boolean> = {
  describe: '1 or 0 (a bare key means 1)',
  parse: (raw) => {
    if (raw === undefined || raw === '1' || raw === 'true') return ok(true);
    if (raw === '0' || raw === 'false') return ok(false);
    return fail('expected 1 or 0');
  },
  format: (value) => (value ? undefined : '0'),
};

function int(options: { min: number; max?: number }): FieldCodec<number> {
  const { min, max = Number.MAX_SAFE_INTEGER } = options;
  return {
    describe: `an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}`,
    parse: (raw) => {
      if (raw === undefined || !/^\d+$/.test(raw)) return fail('expected an integer');
      const value = Number(raw);
      return value >= min && value <= max ? ok(value) : fail(`expected an integer from ${min} to ${max}`);
    },
    format: (value) => String(value),
  };
}

// A bare key switches a nullable knob off (`tokens`), so a URL can undo a server-wide default; an empty
// value stays a value, because `text=` (an empty answer) is a real case.
function nullable<T>(codec: FieldCodec<T>): FieldCodec<T | null> {
  return {
    describe: `${codec.describe}, or the bare key for off`,
    parse: (raw) => (raw === undefined ? ok(null) : codec.parse(raw)),
    format: (value) => (value === null ? undefined : codec.format(value)),
  };
}

function oneOf<T extends string>(values: readonly T[]): FieldCodec<T> {
  return {
    describe: values.join(' | '),
    parse: (raw) => {
      const found = values.find((value) => value === raw);
      return found === undefined ? fail(`expected one of ${values.join(', ')}`) : ok(found);
    },
    format: (value) => value,
  };
}

const text: FieldCodec<string> = {
  describe: 'percent-encoded text',
  parse: (raw) => ok(raw ?? ''),
  format: (value) => value,
};

const oneOfInts = (values: readonly number[]): FieldCodec<number> => ({
  describe: values.join(' | '),
  parse: (raw) => {
    const value = Number(raw);
    return raw !== undefined && values.includes(value) ? ok(value) : fail(`expected one of ${values.join(', ')}`);
  },
  format: (value) => String(value),
});

// Model ids never contain `|`, so it separates them without escaping.
const list: FieldCodec<readonly string[]> = {
  describe: 'values separated by |',
  parse: (raw) => ok(raw === undefined || raw === '' ? [] : raw.split('|')),
  format: (value) => value.join('|'),
};

/** The URL codec of every scenario key; the mapped type makes a missing or mistyped key a compile error. */
export const scenarioFields: { readonly [K in keyof Scenario]: FieldCodec<Scenario[K]> } = {
  text: nullable(text),
  tokens: nullable(int({ min: 0 })),
  reasoning: nullable(text),
  reasoningField: oneOf(['reasoning_content', 'reasoning']),
  rate: int({ min: 0 }),
  chunkTokens: int({ min: 1 }),
  usage: bool,
  cors: bool,
  status: nullable(int({ min: 200, max: 599 })),
  message: nullable(text),
  errorBody: oneOf(['json', 'text', 'html']),
  dropAfter: nullable(int({ min: 0 })),
  endAfter: nullable(int({ min: 0 })),
  stallAfter: nullable(int({ min: 0 })),
  errorAfter: nullable(int({ min: 0 })),
  delayFirstByteMs: int({ min: 0, max: 600_000 }),
  keepAlive: bool,
  crlf: bool,
  splitBytes: int({ min: 0 }),
  hostile: bool,
  hugeLine: nullable(int({ min: 1, max: 64 * 1024 * 1024 })),
  redirect: nullable(oneOfInts([301, 302, 303, 307, 308])),
  redirectTo: nullable(text),
  setCookie: bool,
  html: bool,
  jsonMode: bool,
  models: list,
  contextWindow: nullable(int({ min: 1 })),
  modelsPageSize: int({ min: 1, max: 1000 }),
};

/** Narrows a URL key to a scenario key. */
export function isScenarioKey(key: string): key is keyof Scenario {
  return Object.hasOwn(scenarioFields, key);
}
