/**
 * Pivot MDS (Brandes & Pich 2006): a spectral layout of a large connected component in
 * O(k · (n + m)) time for k pivots.
 *
 * This is what fcose's 'draft' quality computes (a spectral step from BFS distances to a few
 * sampled pivots), without fcose's preparation pass, which looks for disconnected components
 * with Cytoscape collection operations that cost O(degree²) per hub: on the citation graph,
 * where a few documents are cited by nearly every plan, that pass alone took seconds at a
 * thousand plans and grew quadratically beyond. Components come here already connected.
 */
import type { Point } from './fcose-layout.ts';

/** Settings of `pivotMds`. */
export interface PivotMdsOptions {
  /** Number of pivots (default 50). */
  pivots?: number;
  /** Wanted median edge length in layout units. */
  edgeLength: number;
}

/**
 * Lay out one connected component.
 *
 * Deterministic and independent of input order: ids are sorted, the first pivot is the node of
 * highest degree (smallest id on ties), each next one the node farthest from all pivots so far.
 *
 * @param ids Node ids of the component.
 * @param edges Edges inside the component (self-loops and unknown ends ignored).
 * @param options Settings.
 * @returns Id → position.
 */
export function pivotMds(
  ids: readonly string[],
  edges: readonly { source: string; target: string }[],
  options: PivotMdsOptions,
): Map<string, Point> {
  const sorted = [...ids].sort();
  const n = sorted.length;
  const index = new Map(sorted.map((id, position) => [id, position]));
  const neighbours = adjacency(n, index, edges);

  const k = Math.min(options.pivots ?? 50, n);
  const distances: Float64Array[] = [];
  const nearest = new Float64Array(n).fill(Infinity);
  let pivot = 0;
  for (let node = 1; node < n; node++) if (neighbours[node]!.length > neighbours[pivot]!.length) pivot = node;
  for (let p = 0; p < k; p++) {
    const row = bfs(neighbours, pivot);
    distances.push(row);
    let next = 0;
    for (let node = 0; node < n; node++) {
      nearest[node] = Math.min(nearest[node]!, row[node]!);
      if (nearest[node]! > nearest[next]!) next = node;
    }
    pivot = next;
  }

  // C (n × k): double-centred squared distances.
  const c = new Float64Array(n * k);
  const columnMeans = new Float64Array(k);
  const rowMeans = new Float64Array(n);
  let total = 0;
  for (let p = 0; p < k; p++) {
    const row = distances[p]!;
    for (let node = 0; node < n; node++) {
      const squared = row[node]! * row[node]!;
      c[node * k + p] = squared;
      columnMeans[p] = columnMeans[p]! + squared / n;
      rowMeans[node] = rowMeans[node]! + squared / k;
      total += squared;
    }
  }
  const mean = total / (n * k);
  for (let node = 0; node < n; node++) {
    for (let p = 0; p < k; p++) {
      c[node * k + p] = -0.5 * (c[node * k + p]! - rowMeans[node]! - columnMeans[p]! + mean);
    }
  }

  // Top two eigenvectors of CᵀC (k × k) by power iteration with deflation.
  const b = new Float64Array(k * k);
  for (let node = 0; node < n; node++) {
    for (let i = 0; i < k; i++) {
      const value = c[node * k + i]!;
      if (value === 0) continue;
      for (let j = 0; j < k; j++) b[i * k + j] = b[i * k + j]! + value * c[node * k + j]!;
    }
  }
  const first = powerIteration(b, k, []);
  const second = powerIteration(b, k, [first]);

  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let node = 0; node < n; node++) {
    let x = 0;
    let y = 0;
    for (let p = 0; p < k; p++) {
      x += c[node * k + p]! * first[p]!;
      y += c[node * k + p]! * second[p]!;
    }
    xs[node] = x;
    ys[node] = y;
  }

  const scale = options.edgeLength / (medianEdgeLength(neighbours, xs, ys) || 1);
  const positions = new Map<string, Point>();
  sorted.forEach((id, node) => positions.set(id, { x: xs[node]! * scale, y: ys[node]! * scale }));
  return positions;
}

/**
 * @returns Neighbour lists by node index, each sorted, without duplicates or self-loops.
 */
function adjacency(
  n: number,
  index: ReadonlyMap<string, number>,
  edges: readonly { source: string; target: string }[],
): number[][] {
  const sets: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (const { source, target } of edges) {
    const a = index.get(source);
    const b = index.get(target);
    if (a === undefined || b === undefined || a === b) continue;
    sets[a]!.add(b);
    sets[b]!.add(a);
  }
  return sets.map((set) => [...set].sort((x, y) => x - y));
}

/**
 * @returns Hop distances from `start` (Infinity where unreachable, which a component never is).
 */
function bfs(neighbours: readonly number[][], start: number): Float64Array {
  const distance = new Float64Array(neighbours.length).fill(Infinity);
  const queue = new Int32Array(neighbours.length);
  let head = 0;
  let tail = 0;
  distance[start] = 0;
  queue[tail++] = start;
  while (head < tail) {
    const node = queue[head++]!;
    for (const next of neighbours[node]!) {
      if (distance[next] !== Infinity) continue;
      distance[next] = distance[node]! + 1;
      queue[tail++] = next;
    }
  }
  return distance;
}

/**
 * Dominant eigenvector of a symmetric k × k matrix, orthogonal to `against`.
 *
 * @returns Unit vector, sign fixed so its largest component is positive.
 */
function powerIteration(matrix: Float64Array, k: number, against: readonly Float64Array[]): Float64Array {
  let vector = new Float64Array(k);
  // A fixed, uneven start: never orthogonal to the answer in practice, and the same every run.
  for (let i = 0; i < k; i++) vector[i] = 1 + ((i * 7919) % 13) / 13;
  for (let iteration = 0; iteration < 300; iteration++) {
    for (const other of against) {
      let dot = 0;
      for (let i = 0; i < k; i++) dot += vector[i]! * other[i]!;
      for (let i = 0; i < k; i++) vector[i] = vector[i]! - dot * other[i]!;
    }
    const next = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += matrix[i * k + j]! * vector[j]!;
      next[i] = sum;
    }
    const norm = Math.hypot(...next);
    if (norm === 0) break;
    for (let i = 0; i < k; i++) next[i] = next[i]! / norm;
    vector = next;
  }
  let largest = 0;
  for (let i = 1; i < k; i++) if (Math.abs(vector[i]!) > Math.abs(vector[largest]!)) largest = i;
  if (vector[largest]! < 0) for (let i = 0; i < k; i++) vector[i] = -vector[i]!;
  return vector;
}

/**
 * @returns Median length of the edges in the raw layout.
 */
function medianEdgeLength(neighbours: readonly number[][], xs: Float64Array, ys: Float64Array): number {
  const lengths: number[] = [];
  neighbours.forEach((list, node) => {
    for (const other of list) if (other > node) lengths.push(Math.hypot(xs[node]! - xs[other]!, ys[node]! - ys[other]!));
  });
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? 0;
}
