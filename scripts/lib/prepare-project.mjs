import { fileURLToPath } from 'node:url';
import { installStep, serverBuildStep, webBuildStep } from './project-steps.mjs';
import { fail } from './run.mjs';
import { runStep } from './run-step.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Installs the workspace's dependencies exactly as locked, unless the lockfile and every package.json
 * are as they were at the last successful install and node_modules is still that install.
 */
export async function installDependencies() {
  if (!(await runStep(root, installStep(root)))) fail('pnpm install failed; see the output above.');
}

/** Builds the web app and the server, each only if something it is built from changed; stops on failure. */
export async function buildProject() {
  if (!(await runStep(root, webBuildStep(root)))) fail('The web app did not build.');
  if (!(await runStep(root, serverBuildStep(root)))) fail('The server did not build.');
}
