/**
 * The first field name at any depth that a JSON object cannot keep: `__proto__` parses as an own key,
 * but copying it into a new object (as every schema parse does) sets the prototype instead, so the
 * field would vanish silently. Records carrying one are refused rather than stored without it.
 */
export function findUnkeepableKey(value: unknown, depth = 0): string | undefined {
  // Records are bounded by size limits; the depth bound only keeps a hostile value off the stack.
  if (depth > 64) return '(nesting deeper than 64 levels)';
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnkeepableKey(item, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return key;
    const found = findUnkeepableKey((value as Record<string, unknown>)[key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
