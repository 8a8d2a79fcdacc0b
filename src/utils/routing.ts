/**
 * Static paths of document pages: one per graph node, a plan joined to its MDX entry, each
 * with the view of the graph it shows. A page whose inputs are those of the page the
 * previous build stored is left out and taken from the store (see
 * src/integrations/page-store.ts).
 */
import type { CollectionEntry } from 'astro:content';
import type { GraphData, GraphNode } from '../pipeline/emit/graph-schema.ts';
import { BODY_KEY_SEPARATOR } from '../pipeline/emit/mdx/manifest.ts';
import { reusePage } from '../integrations/page-store.ts';
import { actFacts } from './act-facts.ts';
import { documentRelatedHtml } from './coverage-html.ts';
import { documentView, type DocumentView } from './document-view.ts';
import { graphHash } from './generated.ts';
import { planHtml } from './plan-html.ts';

/** Props of /van-ban/[id]. */
export interface DocumentPageProps {
  node: GraphNode;
  /** The plan's MDX entry; undefined for a document cited but not in the corpus. */
  entry: CollectionEntry<'plans'> | undefined;
  view: DocumentView;
}

/**
 * Paths for every node whose page must be rendered; a node marked in-corpus without its
 * MDX page fails the build.
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
  const graphKey = graphHash();
  return graph.nodes.flatMap((node) => {
    const entry = entries.get(node.id);
    if (node.inCorpus && !entry) {
      throw new Error(`Văn bản ${node.id} có trong graph.json nhưng thiếu trang plans/${node.id}.mdx.`);
    }
    // A cited act's reference facts are part of its page's inputs: an edited row re-renders it.
    let view: DocumentView | undefined;
    const viewOf = (): DocumentView =>
      (view ??= { ...documentView(graph, node.id), act: node.inCorpus ? null : actFacts(graph, node) });
    // The node and its view are functions of the graph, so graph.json's hash and the entry's
    // digest (its record and its body's version key) fix the inputs: the quick key, when the
    // entry has a digest; else the inputs alone decide.
    const digest = entry ? bodyKey(entry) : '';
    const quick = digest === undefined ? undefined : `${graphKey}\0${node.id}\0${digest}`;
    // "Văn bản liên quan" is the page's replaceable section: its scores move with every plan
    // added, and then only it is made again (src/integrations/page-store.ts).
    const related = (): string => documentRelatedHtml(node, viewOf().related);
    return reusePage(`van-ban/${node.id}/`, () => pageInputs(node, entry, viewOf()), quick, related)
      ? []
      : [{ params: { id: node.id }, props: { node, entry, view: viewOf() } }];
  });
}

/**
 * The content layer's digest of a plan entry, when the pipeline's manifest gave one that
 * covers the body (`PlanManifestEntry.html`; see src/content.config.ts).
 *
 * @param entry Plan entry.
 * @returns Digest, or undefined.
 */
function bodyKey(entry: CollectionEntry<'plans'>): string | undefined {
  const digest = (entry as { digest?: unknown }).digest;
  return typeof digest === 'string' && digest.includes(BODY_KEY_SEPARATOR) ? digest : undefined;
}

/**
 * Everything a document page renders from besides the site's code and its "Văn bản liên
 * quan" section (`documentRelatedHtml`, the page's replaceable section: nothing else on the
 * page reads `view.related`). The node's layout position is left out: the page does not show
 * it, and one added citation can move every node of the graph.
 *
 * @param node The page's node.
 * @param entry Its plan entry, if a plan.
 * @param view What it shows of the graph.
 * @returns JSON data.
 */
function pageInputs(node: GraphNode, entry: CollectionEntry<'plans'> | undefined, view: DocumentView): unknown {
  const { x: _x, y: _y, ...shown } = node;
  const { related: _related, ...rest } = view;
  // The body's version key stands for the body when the entry has one (no 26 MB read and hashed).
  const plan = entry ? { data: entry.data, body: bodyKey(entry) ?? planHtml(node.id) } : null;
  return { node: shown, plan, view: rest };
}
