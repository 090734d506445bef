import { spawn, spawnSync } from 'node:child_process';
import { superviseChild } from './supervise-child.mjs';

/**
 * Runs a command with inherited output; resolves with its exit code (never rejects). Stopping this
 * script while it runs stops the command too, and then this script (see superviseChild).
 */
export function run(command, args, options = {}) {
  return superviseChild(spawn(command, args, { stdio: 'inherit', ...options }));
}

/** Runs a command quietly and returns its trimmed stdout, or undefined when it fails. */
export function capture(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Stops the script with a message that says what to do. */
export function fail(message) {
  console.error(`\n${message}`);
  process.exit(1);
}
