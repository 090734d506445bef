import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fingerprintFiles } from './fingerprint.mjs';
import { runStep } from './run-step.mjs';
import { stampDir } from './step-stamp.mjs';

let root;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hearth-step-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/main.ts'), 'one');
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

/** A build that copies src/main.ts to out/main.js, counting its runs; `fails` makes the next run fail. */
function copyStep() {
  const step = {
    name: 'copy',
    label: 'Copy',
    runs: 0,
    fails: false,
    inputs: () => fingerprintFiles({ root, paths: ['src'] }),
    output: () => (existsSync(join(root, 'out/main.js')) ? fingerprintFiles({ root, paths: ['out'] }) : undefined),
    run: async () => {
      step.runs += 1;
      mkdirSync(join(root, 'out'), { recursive: true });
      writeFileSync(join(root, 'out/main.js'), step.fails ? 'half' : readFileSync(join(root, 'src/main.ts')));
      return !step.fails;
    },
  };
  return step;
}

describe('runStep', () => {
  it('runs a step the first time and skips it while nothing changed', async () => {
    const step = copyStep();
    expect(await runStep(root, step)).toBe(true);
    expect(await runStep(root, step)).toBe(true);
    expect(await runStep(root, step)).toBe(true);
    expect(step.runs).toBe(1);
    expect(existsSync(join(stampDir(root), 'copy.json'))).toBe(true);
  });

  it('runs it again after any source changed, and the result is current', async () => {
    const step = copyStep();
    await runStep(root, step);
    writeFileSync(join(root, 'src/main.ts'), 'two');
    await runStep(root, step);
    expect(step.runs).toBe(2);
    expect(readFileSync(join(root, 'out/main.js'), 'utf8')).toBe('two');
    writeFileSync(join(root, 'src/extra.ts'), '');
    await runStep(root, step);
    expect(step.runs).toBe(3);
  });

  it('runs it again when its result was deleted or overwritten by something else', async () => {
    const step = copyStep();
    await runStep(root, step);
    rmSync(join(root, 'out'), { recursive: true });
    await runStep(root, step);
    expect(step.runs).toBe(2);
    writeFileSync(join(root, 'out/main.js'), 'another build');
    await runStep(root, step);
    expect(step.runs).toBe(3);
    expect(readFileSync(join(root, 'out/main.js'), 'utf8')).toBe('one');
  });

  it('records nothing for a failed run, so the next start tries again', async () => {
    const step = copyStep();
    step.fails = true;
    expect(await runStep(root, step)).toBe(false);
    expect(existsSync(join(stampDir(root), 'copy.json'))).toBe(false);
    step.fails = false;
    expect(await runStep(root, step)).toBe(true);
    expect(step.runs).toBe(2);
  });

  it('forgets an earlier success when a later run fails', async () => {
    const step = copyStep();
    await runStep(root, step);
    writeFileSync(join(root, 'src/main.ts'), 'two');
    step.fails = true;
    expect(await runStep(root, step)).toBe(false);
    writeFileSync(join(root, 'src/main.ts'), 'one');
    step.fails = false;
    await runStep(root, step);
    expect(step.runs).toBe(3);
    expect(readFileSync(join(root, 'out/main.js'), 'utf8')).toBe('one');
  });

  it('runs it once when a result is there but no record of making it (an older checkout built it)', async () => {
    const step = copyStep();
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out/main.js'), 'one');
    await runStep(root, step);
    await runStep(root, step);
    expect(step.runs).toBe(1);
  });

  it('says why it runs or skips', async () => {
    const step = copyStep();
    await runStep(root, step);
    writeFileSync(join(root, 'src/main.ts'), 'two');
    await runStep(root, step);
    await runStep(root, step);
    rmSync(stampDir(root), { recursive: true });
    await runStep(root, step);
    const lines = vi.mocked(console.log).mock.calls.map(([line]) => String(line).trim());
    expect(lines).toEqual([
      'Copy: its result is missing; running it.',
      'Copy: changed since it last succeeded: src/main.ts; running it.',
      'Copy: up to date (nothing it depends on changed since it last succeeded), skipped.',
      'Copy: no record of an earlier successful run here; running it.',
    ]);
  });
});
