import { booleanConfigKeys, type ConfigKey, configKeys, flagFor } from './config-fields.ts';
import type { ConfigIssue } from './config-issue.ts';

/** Raw setting values by key, as strings, before validation. */
export type RawSettings = Partial<Record<ConfigKey, string>>;

const keyByFlag = new Map(configKeys.map((key) => [flagFor(key), key]));

/** Reads `--flag value`, `--flag=value` and bare boolean flags; unknown flags are issues, not ignored. */
export function readFlags(argv: readonly string[]): { values: RawSettings; issues: ConfigIssue[] } {
  const values: RawSettings = {};
  const issues: ConfigIssue[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (!arg.startsWith('--')) {
      issues.push({ code: 'unexpected_argument', message: `Unexpected argument "${arg}": settings are --flags.` });
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals === -1 ? arg : arg.slice(0, equals);
    const key = keyByFlag.get(flag);
    if (key === undefined) {
      issues.push({ code: 'unknown_flag', message: unknownFlagMessage(flag) });
      // Its value (`--prot 8787`) belongs to it; reporting it again as a stray argument is noise.
      if (equals === -1 && argv[index + 1]?.startsWith('--') === false) index += 1;
      continue;
    }
    if (equals !== -1) {
      values[key] = arg.slice(equals + 1);
    } else if (booleanConfigKeys.has(key)) {
      values[key] = 'true';
    } else {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) {
        issues.push({ code: 'missing_flag_value', message: `${flag} needs a value, e.g. ${flag}=...` });
        continue;
      }
      values[key] = next;
      index += 1;
    }
  }
  return { values, issues };
}

function unknownFlagMessage(flag: string): string {
  const suggestion = closestFlag(flag);
  const hint = suggestion === undefined ? ' Run with --help to list the flags.' : ` Did you mean ${suggestion}?`;
  return `Unknown flag ${flag}.${hint}`;
}

function closestFlag(flag: string): string | undefined {
  let best: { flag: string; distance: number } | undefined;
  for (const known of keyByFlag.keys()) {
    const distance = editDistance(flag, known);
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { flag: known, distance };
  }
  return best?.flag;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
