/**
 * MDX emitter: one plan → one `plans/<id>.mdx` page source.
 *
 * Frontmatter is the plan's record as YAML (validated against `planFrontmatterSchema`, the
 * schema the content collection reads with, and written by `js-yaml` in
 * `mdx/frontmatter-yaml.ts`); the body is the plan's mdast tree (`parse/tree.ts`)
 * with every citation mention linked to the cited document's page by `remarkCitations`, written
 * as MDX by remark's serializer (`mdx/source.ts`) and as HTML by unified's hast tools
 * (`mdx/html.ts`).
 *
 * Links are relative to the plan page (`../<target>/`), not absolute: the generated files
 * then work under any base path (`SITE_BASE`) without being emitted again, because every
 * document page lives at `<base>van-ban/<id>/` (trailing slash, directory format).
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { Block, ParsedPlan } from '../../model.ts';
import { linkCitations, type CitationLink } from '../../remark/remark-citations.ts';
import { planTree } from '../parse/tree.ts';
import { planFrontmatterSchema, type PlanFrontmatter, type TocEntry } from './mdx/frontmatter-schema.ts';
import { frontmatterYaml } from './mdx/frontmatter-yaml.ts';
import { treeHtml } from './mdx/html.ts';
import { treeMdx } from './mdx/source.ts';
import { STATUS_WORDS } from '../resolve/status-labels.ts';
import { isChanged, type DocumentState } from '../resolve/status-states.ts';

export { planFrontmatterSchema, type PlanFrontmatter, type TocEntry } from './mdx/frontmatter-schema.ts';

/** A resolved mention, as the emitter needs it. */
export interface EmitMention {
  start: number;
  end: number;
  /** `mentionAnchor(i)`, i = index among the plan's mentions sorted by start. */
  anchor: string;
  /** Node id of the cited document, or null when it could not be resolved. */
  target: string | null;
  /** Full title of the cited document (label + subject). */
  title: string;
  /** Short label ("Nghị định 21/2019/NĐ-CP") printed after the link on paper; "" for none. */
  label: string;
  /** Validity state of the cited document at the build's date; null (or absent) when unresolved. */
  status?: DocumentState | null;
}

/** One plan page, written both ways. */
export interface EmittedPlanPage {
  /** The validated frontmatter record. */
  frontmatter: PlanFrontmatter;
  /** MDX source of the page (frontmatter and body): the pages' source format. */
  mdx: string;
  /**
   * The HTML of the same tree, which the MDX renders to as well (same text and links:
   * test/emit/render-html.test.ts): what the site shows, made here so Astro never compiles a
   * thousand MDX modules.
   */
  html: string;
}

/**
 * Emit one plan page: its record, its MDX source and the HTML of its body.
 *
 * @param plan The parsed plan.
 * @param id Its node id (page slug), as the resolver assigned it.
 * @param mentions Its mentions with their targets, sorted by start.
 * @param options `html: false` skips the HTML, `mdx: false` the MDX (then "").
 * @returns The page; throws when the frontmatter does not fit the schema.
 */
export function emitPlanPage(
  plan: ParsedPlan,
  id: string,
  mentions: readonly EmitMention[],
  options: { html?: boolean; mdx?: boolean } = {},
): EmittedPlanPage {
  const frontmatter = planFrontmatter(plan, id);
  // The optional numberSource is written only when set (then last).
  const { numberSource, ...always } = frontmatter;
  const present = numberSource ? { ...always, numberSource } : always;
  const tree = linkedPlanTree(plan, mentions);
  const mdx = options.mdx === false ? '' : treeMdx(tree, frontmatterYaml(present));
  const html = options.html === false ? '' : treeHtml(tree);
  return { frontmatter, mdx, html };
}

/**
 * The plan's mdast tree with every mention linked (what both the MDX and the HTML are written from).
 *
 * @param plan The parsed plan.
 * @param mentions Its mentions with their targets.
 * @returns The tree.
 */
export function linkedPlanTree(plan: ParsedPlan, mentions: readonly EmitMention[]): Root {
  const links: CitationLink[] = mentions.map((mention) => ({
    start: mention.start,
    end: mention.end,
    anchor: mention.anchor,
    href: mention.target === null ? null : `../${mention.target}/`,
    title: mention.title,
    label: mention.label,
    status: mention.target === null ? null : (mention.status ?? null),
    // Words only for a changed document: "unknown" after every other link would drown the few that matter.
    flag: mention.target !== null && mention.status && isChanged(mention.status) ? STATUS_WORDS[mention.status] : '',
  }));
  const tree = planTree(plan);
  linkCitations(tree, new VFile({ path: plan.file, value: plan.text }), { links });
  return tree;
}

/**
 * The frontmatter record of a plan, validated.
 *
 * @param plan The parsed plan.
 * @param id Its node id.
 * @returns The record; throws a ZodError naming the bad field.
 */
export function planFrontmatter(plan: ParsedPlan, id: string): PlanFrontmatter {
  const { meta } = plan;
  const record = {
    id,
    type: meta.type,
    number: meta.number,
    place: meta.place,
    date: meta.date ? { iso: meta.date.iso, partial: meta.date.partial } : null,
    partial: meta.number === null || meta.date === null || meta.date.partial,
    issuer: meta.issuer,
    title: meta.title,
    recipients: [...meta.recipients],
    distribution: [...meta.distribution],
    signer: meta.signer ? { position: meta.signer.position, name: meta.signer.name } : null,
    source: plan.file,
    sha256: plan.sha256,
    origin: plan.origin ?? { format: 'txt', reader: 'text', pageCount: null, conversions: [], ocr: null },
    original: originalCopyName(plan, id),
    toc: plan.blocks.filter(isHeading).map((block): TocEntry => ({ depth: block.level, text: block.text, anchor: block.anchor })),
    ...(meta.numberSource ? { numberSource: meta.numberSource } : {}),
  };
  const parsed = planFrontmatterSchema.safeParse(record);
  if (!parsed.success) {
    throw new Error(`Bản ghi của ${plan.file} không hợp lệ: ${parsed.error.message}`);
  }
  return parsed.data;
}

/**
 * The name of the original file's copy on the site, for formats a browser cannot show as
 * text (the decoded text of a .txt is its copy already).
 *
 * @param plan The parsed plan.
 * @param id Its node id.
 * @returns "<id>.<extension>", or null for text sources.
 */
export function originalCopyName(plan: Pick<ParsedPlan, 'file' | 'origin'>, id: string): string | null {
  const format = plan.origin?.format ?? 'txt';
  if (format === 'txt' || format === 'md' || format === 'html') return null;
  const extension = /\.([a-z0-9]{1,5})$/iu.exec(plan.file)?.[1]?.toLowerCase();
  const fallback = { docx: 'docx', odt: 'odt', doc: 'doc', pdf: 'pdf', 'pdf-scan': 'pdf', image: 'png' }[format];
  // The extension as given when it fits the format (a .jpg stays .jpg), else the format's own.
  const fits =
    extension !== undefined && (extension === fallback || (format === 'image' && /^(png|jpe?g|tiff?)$/u.test(extension)));
  return `${id}.${fits ? extension : fallback}`;
}

/**
 * @param block A block.
 * @returns Whether it is a heading.
 */
function isHeading(block: Block): block is Extract<Block, { kind: 'heading' }> {
  return block.kind === 'heading';
}
