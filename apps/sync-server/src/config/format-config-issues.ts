import type { ConfigIssue } from './config-issue.ts';

/** The configuration's problems as lines a person reads on stderr. */
export function formatConfigIssues(issues: readonly ConfigIssue[]): string {
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  return [
    `Hearth cannot start: its configuration has ${count}.`,
    ...issues.map((issue) => `  - ${issue.message}`),
    'Run with --help to list every setting.',
  ].join('\n');
}
