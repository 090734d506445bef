/** A validation problem as zod (and Standard Schema) report it. */
export interface ValidationIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

const shownIssues = 3;

/** Problems as one readable sentence, naming the mutation and record when they are inside a push. */
export function describeIssues(issues: readonly ValidationIssue[], input: unknown): string {
  const described = issues.slice(0, shownIssues).map((issue) => `${describePath(issue.path, input)}: ${issue.message}`);
  const more = issues.length > shownIssues ? ` (and ${issues.length - shownIssues} more)` : '';
  return `${described.join('; ')}${more}`;
}

/** `mutations[3].change.record.updatedAt` -> `mutation 17 (messages record 0190…): record.updatedAt`. */
function describePath(path: readonly PropertyKey[], input: unknown): string {
  const [first, index, ...rest] = path;
  if (first === 'mutations' && typeof index === 'number') {
    const mutation = at(input, ['mutations', index]);
    const id = at(mutation, ['mutationId']);
    const table = at(mutation, ['change', 'table']);
    const record = at(mutation, ['change', 'record']);
    const key = at(record, ['id']) ?? at(record, ['key']);
    const name = typeof id === 'number' ? `mutation ${id}` : `mutation at index ${index}`;
    const what = typeof table === 'string' && typeof key === 'string' ? ` (${table} record ${key.slice(0, 64)})` : '';
    const inner = rest[0] === 'change' ? rest.slice(1) : rest;
    return `${name}${what}${inner.length > 0 ? `: ${formatPath(inner)}` : ''}`;
  }
  return path.length === 0 ? 'request' : formatPath(path);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}
