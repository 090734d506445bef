import { expect, it } from 'vitest';
import { configFields, configKeys, flagFor } from './config-fields.ts';
import { configUsage } from './config-usage.ts';
import { formatConfigIssues } from './format-config-issues.ts';

it('lists every setting with its environment variable and flag', () => {
  const usage = configUsage();
  for (const key of configKeys) {
    expect(usage).toContain(configFields[key]);
    expect(usage).toContain(flagFor(key));
  }
});

it('formats problems as one readable line each', () => {
  const text = formatConfigIssues([
    { code: 'invalid_value', message: 'PORT (--port): must be a whole number' },
    { code: 'unknown_flag', message: 'Unknown flag --x.' },
  ]);
  expect(text.split('\n')).toEqual([
    'Hearth cannot start: its configuration has 2 problems.',
    '  - PORT (--port): must be a whole number',
    '  - Unknown flag --x.',
    'Run with --help to list every setting.',
  ]);
});
