/**
 * Static paths of document pages: one per graph node, a plan joined to its MDX entry.
 */
import type { CollectionEntry } from 'astro:content';
import type { GraphData, GraphNode } from '../pipeline/emit/graph-schema.ts';

/** Props of /van-ban/[id]. */
export interface DocumentPageProps {
  node: GraphNode;
  /** The plan's MDX entry; undefined for a document cited but not in the corpus. */
  entry: CollectionEntry<'plans'> | undefined;
}

/**
 * Paths for every node; a node marked in-corpus without its MDX page fails the build.
 *
 * @param graph The graph.
 * @param plans The plan entries.
 * @returns getStaticPaths result.
 */
export function documentPaths(
  graph: GraphData,
  plans: CollectionEntry<'plans'>[],
): { params: { id: string }; props: DocumentPageProps }[] {
  const entries = new Map(plans.map((entry) => [entry.id, entry]));
  return graph.nodes.map((node) => {
    const entry = entries.get(node.id);
    if (node.inCorpus && !entry) {
      throw new Error(`Văn bản ${node.id} có trong graph.json nhưng thiếu trang plans/${node.id}.mdx.`);
    }
    return { params: { id: node.id }, props: { node, entry } };
  });
}
