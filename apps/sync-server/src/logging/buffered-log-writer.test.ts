import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnScript } from '../../test/spawn-script.ts';
import { makeTempDir } from '../../test/temp-dir.ts';
import { BufferedLogWriter, logFlushMs } from './buffered-log-writer.ts';

const line = (level: number, msg: string) => `${JSON.stringify({ level, msg })}\n`;

describe('BufferedLogWriter', () => {
  let writes: string[];
  let writer: BufferedLogWriter;
  beforeEach(() => {
    vi.useFakeTimers();
    writes = [];
    writer = new BufferedLogWriter({ write: (text: string) => writes.push(text) });
  });
  afterEach(() => {
    writer.flush();
    vi.useRealTimers();
  });

  it('gathers info lines into one write, at most a flush interval after the first', () => {
    writer.write(line(30, 'one'));
    writer.write(line(30, 'two'));
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(logFlushMs);
    expect(writes).toEqual([line(30, 'one') + line(30, 'two')]);
    vi.advanceTimersByTime(10 * logFlushMs);
    expect(writes).toHaveLength(1);
  });

  it.each([40, 50, 60])('writes a level %i line at once, after the lines that waited before it', (level) => {
    writer.write(line(30, 'before'));
    writer.write(line(level, 'urgent'));
    expect(writes).toEqual([line(30, 'before') + line(level, 'urgent')]);
  });

  it('writes at once when 64 KiB have gathered', () => {
    const long = line(30, 'x'.repeat(1000));
    for (let i = 0; i < 70; i++) writer.write(long);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.length).toBeGreaterThanOrEqual(64 * 1024);
  });
});

describe('BufferedLogWriter in a process that exits', () => {
  const temp = makeTempDir('buffered-log');
  afterEach(() => temp.remove());

  it('writes the lines still waiting before the process ends', async () => {
    const module = fileURLToPath(new URL('./buffered-log-writer.ts', import.meta.url));
    const script = join(temp.path, 'exit-with-waiting-lines.ts');
    writeFileSync(
      script,
      [
        `import { BufferedLogWriter } from ${JSON.stringify(module)};`,
        'const writer = new BufferedLogWriter(process.stdout);',
        `writer.write('{"level":30,"msg":"last words"}\\n');`,
        'process.exit(0);',
      ].join('\n'),
    );
    const child = spawnScript({ script, cwd: temp.path });
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.stdout()).toBe('{"level":30,"msg":"last words"}\n');
  });
});
