/**
 * Connected components of an undirected view of the graph, in a stable order.
 */

/**
 * Split node ids into connected components (edge direction ignored).
 *
 * Order is deterministic: biggest component first, ties broken by the smallest id; ids inside a
 * component are sorted, so nothing depends on input order.
 *
 * @param ids Node ids.
 * @param edges Edges; ones touching an unknown id are ignored.
 * @returns Components, each a sorted list of ids.
 */
export function connectedComponents(ids: readonly string[], edges: readonly { source: string; target: string }[]): string[][] {
  const neighbours = new Map<string, string[]>();
  for (const id of ids) neighbours.set(id, []);
  for (const { source, target } of edges) {
    const from = neighbours.get(source);
    const to = neighbours.get(target);
    if (!from || !to || source === target) continue;
    from.push(target);
    to.push(source);
  }

  const seen = new Set<string>();
  const components: string[][] = [];
  for (const start of [...neighbours.keys()].sort()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const component: string[] = [];
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      component.push(id);
      for (const next of neighbours.get(id) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    components.push(component.sort());
  }
  // `start` ids come sorted, so each component's first id orders ties.
  return components.sort((a, b) => b.length - a.length || compare(a[0] as string, b[0] as string));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
