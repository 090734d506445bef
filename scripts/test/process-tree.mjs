import { execFileSync } from 'node:child_process';

/** Every process below `pid` (children, their children, …) with its command line, from `ps`. */
export function descendantsOf(pid) {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, child, parent, args]) => ({ pid: Number(child), ppid: Number(parent), args }));
  const found = [];
  const parents = [pid];
  while (parents.length > 0) {
    const parent = parents.pop();
    for (const row of rows) {
      if (row.ppid !== parent) continue;
      found.push(row);
      parents.push(row.pid);
    }
  }
  return found;
}

/** Whether a process with this id exists (a zombie counts until it is reaped). */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
