/**
 * Memoize a pure string → value function.
 *
 * Resolve folds the same few thousand numbers, names and issuers tens of thousands of times
 * (once per occurrence, again per merge); folding means NFD normalization and several regex
 * passes, so remembering results saves most of resolve's time. The table is cleared when it
 * grows past `limit`, so a long-running process (the dev server) never holds it forever.
 */
export function memoize<T>(fn: (input: string) => T, limit = 100_000): (input: string) => T {
  const table = new Map<string, T>();
  return (input: string): T => {
    const known = table.get(input);
    if (known !== undefined || table.has(input)) return known as T;
    if (table.size >= limit) table.clear();
    const value = fn(input);
    table.set(input, value);
    return value;
  };
}
