// A script of two steps for supervise-child.test.mjs: step one is a child process run through run()
// (a long-running one that reports the signal it gets, or with --quick one that exits with 3 at once,
// or with --missing a command that does not exist); step two only prints.
import { run } from '../lib/run.mjs';

const longRunning = `
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => { console.log('step one got ' + signal); process.exit(0); });
  }
  console.log('step one running as ' + process.pid);
  setInterval(() => {}, 1000);
`;
const mode = process.argv[2];
const code =
  mode === '--missing'
    ? await run('hearth-no-such-command', [])
    : await run(process.execPath, ['-e', mode === '--quick' ? 'process.exit(3)' : longRunning]);
console.log(`step one exited with ${code}`);
console.log('step two');
