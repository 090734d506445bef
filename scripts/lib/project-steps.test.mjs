// What each step of `npm start` reads, checked on this repository itself (read only): a source it
// missed would let a stale build look up to date.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installStep, serverBuildStep, webBuildStep } from './project-steps.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the web build', () => {
  const inputs = Object.keys(webBuildStep(root).inputs());

  it('reads the web app and the workspace packages it bundles, and the lockfile', () => {
    expect(inputs).toEqual(
      expect.arrayContaining([
        'apps/web/index.html',
        'apps/web/vite.config.ts',
        'apps/web/package.json',
        'packages/core/src/index.ts',
        'packages/schema/src/index.ts',
        'pnpm-lock.yaml',
        'tsconfig.base.json',
        'setting:HEARTH_BUILD_LABEL',
      ]),
    );
    expect(inputs.some((key) => key.startsWith('apps/web/src/'))).toBe(true);
  });

  it('leaves out what git ignores (its own output, installed packages) and what it does not bundle', () => {
    expect(inputs.filter((key) => /(^|\/)(dist|node_modules)\//.test(key))).toEqual([]);
    expect(inputs.filter((key) => key.startsWith('apps/sync-server/') || key.startsWith('e2e/'))).toEqual([]);
  });
});

describe('a build in a checkout whose .gitignore hides local env files', () => {
  let fake;
  beforeEach(() => {
    fake = mkdtempSync(join(tmpdir(), 'hearth-steps-'));
    writeFileSync(join(fake, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
    writeFileSync(join(fake, '.gitignore'), 'dist/\n*.local\n');
    mkdirSync(join(fake, 'apps/web/src'), { recursive: true });
    mkdirSync(join(fake, 'apps/web/dist'));
    writeFileSync(join(fake, 'apps/web/package.json'), JSON.stringify({ name: '@hearth/web' }));
    for (const file of ['src/main.tsx', 'dist/index.html', '.env', '.env.local', 'notes.local']) {
      writeFileSync(join(fake, 'apps/web', file), '');
    }
  });
  afterEach(() => {
    rmSync(fake, { recursive: true, force: true });
  });

  it('still reads .env files, which Vite loads, and leaves out the rest of what git ignores', () => {
    const inputs = Object.keys(webBuildStep(fake).inputs()).filter((key) => key.startsWith('apps/'));
    expect(inputs.sort()).toEqual([
      'apps/web/.env',
      'apps/web/.env.local',
      'apps/web/package.json',
      'apps/web/src/main.tsx',
    ]);
  });
});

describe('the server build', () => {
  const inputs = Object.keys(serverBuildStep(root).inputs());

  it('reads the server, its build script and the packages it bundles, not the web app', () => {
    expect(inputs).toEqual(
      expect.arrayContaining([
        'apps/sync-server/src/main.ts',
        'apps/sync-server/build/bundle.mjs',
        'packages/core/src/index.ts',
        'pnpm-lock.yaml',
      ]),
    );
    expect(inputs.filter((key) => key.startsWith('apps/web/') || key.includes('/dist/'))).toEqual([]);
  });
});

describe('the install', () => {
  it('reads the lockfile, the workspace file and every package.json, and the Node.js ABI', () => {
    const inputs = Object.keys(installStep(root).inputs());
    expect(inputs).toEqual(
      expect.arrayContaining([
        'package.json',
        'pnpm-lock.yaml',
        'pnpm-workspace.yaml',
        'apps/web/package.json',
        'apps/sync-server/package.json',
        'packages/core/package.json',
        'e2e/package.json',
        'setting:abi',
      ]),
    );
    expect(inputs.filter((key) => key.includes('/src/'))).toEqual([]);
  });
});
