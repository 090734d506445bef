import { readStamp, removeStamp, writeStamp } from './step-stamp.mjs';
import { decideUpToDate } from './up-to-date.mjs';

/**
 * A step of preparing the project (installing, building) that can be skipped when nothing it reads
 * changed since it last succeeded:
 * - `name`: the stamp's file name; `label`: how the step is called in messages;
 * - `inputs()`: the fingerprint of everything it reads; `output()`: the fingerprint of its result,
 *   undefined when the result is missing;
 * - `run()`: does the work, resolves true on success.
 * @typedef {{ name: string, label: string, inputs: () => Record<string, string>,
 *   output: () => Record<string, string> | undefined, run: () => Promise<boolean> }} Step
 */

/**
 * Runs `step` unless it is up to date; resolves true when its result is there and current. The inputs
 * are read before the work starts, so a file edited during a build makes the next start build again.
 */
export async function runStep(root, step) {
  const inputs = step.inputs();
  const decision = decideUpToDate({ stamp: readStamp(root, step.name), inputs, output: step.output() });
  console.log(`\n${step.label}: ${explain(decision)}`);
  if (decision.upToDate) return true;
  removeStamp(root, step.name);
  if (!(await step.run())) return false;
  const output = step.output();
  // A step that succeeded without leaving its result is not recorded: the next start tries again.
  if (output !== undefined) writeStamp(root, step.name, { inputs, output });
  return true;
}

/** The decision in words. */
export function explain(decision) {
  switch (decision.reason) {
    case 'up-to-date':
      return 'up to date (nothing it depends on changed since it last succeeded), skipped.';
    case 'never-done':
      return 'no record of an earlier successful run here; running it.';
    case 'output-missing':
      return 'its result is missing; running it.';
    case 'output-changed':
      return 'its result was changed since it was made (by another build?); running it again.';
    case 'inputs-changed': {
      const shown = decision.changed.slice(0, 3).join(', ');
      const more = decision.changed.length > 3 ? ` and ${decision.changed.length - 3} more` : '';
      return `changed since it last succeeded: ${shown}${more}; running it.`;
    }
    default:
      throw new Error(`unknown reason ${decision.reason}`);
  }
}
