/**
 * Why a step (an install, a build) must run again, or `up-to-date` when it need not: a closed set, so
 * that callers explain each case in words of their own.
 */
export const staleReasons = Object.freeze([
  'never-done',
  'output-missing',
  'inputs-changed',
  'output-changed',
  'up-to-date',
]);

/**
 * Decides from fingerprints alone whether a step can be skipped. A fingerprint maps each file (or
 * setting) to a hash of its content. `stamp` is what the last successful run recorded (undefined if
 * there is none); `inputs` is what the step would read now, `output` what it left behind now (undefined
 * when its result is missing). The step is up to date only when its result is there, every input is
 * as it was, and its result is still the one it produced (nothing else rebuilt or edited it since).
 * `changed` names the inputs that differ, for the message.
 */
export function decideUpToDate({ stamp, inputs, output }) {
  if (output === undefined) return { upToDate: false, reason: 'output-missing', changed: [] };
  if (stamp === undefined) return { upToDate: false, reason: 'never-done', changed: [] };
  const changed = changedKeys(stamp.inputs, inputs);
  if (changed.length > 0) return { upToDate: false, reason: 'inputs-changed', changed };
  if (changedKeys(stamp.output, output).length > 0) return { upToDate: false, reason: 'output-changed', changed: [] };
  return { upToDate: true, reason: 'up-to-date', changed: [] };
}

/** Keys added, removed or with another hash, sorted. */
export function changedKeys(before, after) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]).sort();
}
