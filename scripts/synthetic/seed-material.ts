/**
 * Material harvested from the seed plans: the paragraphs, bullets and headings a synthetic
 * plan is recombined from, read with the project's own `normalize` and `parse` so the pieces
 * are exactly what the pipeline sees in a real plan.
 */
import { extract } from '../../src/pipeline/extract.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { parse } from '../../src/pipeline/parse.ts';

/** One seed file: name and decoded text. */
export interface SeedText {
  file: string;
  text: string;
}

/** What a synthetic plan is built from. */
export interface SeedMaterial {
  /** Paragraphs with no citation (prose to fill sections). */
  paragraphs: string[];
  /** Bullet texts with no citation. */
  bullets: string[];
  /** Bullets and paragraphs that cite something, kept whole (the seeds' own citation patterns). */
  citing: string[];
  /** Lead paragraphs "Căn cứ …" / "Thực hiện …" of the seeds. */
  leads: string[];
  /** Texts of second-level (Arabic-numbered) headings. */
  subheadings: string[];
  /** Texts of top-level (Roman-numbered) headings. */
  sections: string[];
  /** Province names of the seeds, longest first, replaced by the synthetic plan's own province. */
  places: string[];
  /** Titles (trích yếu) of the seeds. */
  titles: string[];
}

/**
 * Harvest the seeds.
 *
 * @param seeds Seed texts, in any order (sorted here so the material is stable).
 * @returns Material, each list deduplicated and in seed order.
 */
export function harvestSeeds(seeds: readonly SeedText[]): SeedMaterial {
  const material: SeedMaterial = {
    paragraphs: [],
    bullets: [],
    citing: [],
    leads: [],
    subheadings: [],
    sections: [],
    places: [],
    titles: [],
  };
  const ordered = [...seeds].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const seed of ordered) {
    const plan = parse({ file: seed.file, sha256: '0'.repeat(64), normalized: normalize(seed.text, seed.file) });
    // Only a province's name is swapped for the plan's own; a district plan's place is a district.
    if (plan.meta.place && plan.meta.issuer?.includes('tỉnh')) material.places.push(plan.meta.place);
    if (plan.meta.title && plan.meta.type === 'Kế hoạch') material.titles.push(plan.meta.title);
    // Province names a seed speaks of besides its place ("của Ủy ban nhân dân tỉnh Quảng Ngãi").
    for (const match of plan.text.matchAll(/tỉnh ((?:\p{Lu}\p{Ll}*)(?: \p{Lu}\p{Ll}*)*)/gu)) material.places.push(match[1]!);
    let beforeFirstHeading = true;
    for (const block of plan.blocks) {
      if (block.kind === 'heading') {
        const text = block.text.trim();
        beforeFirstHeading = false;
        // Only the all-capitals Roman sections ("MỤC ĐÍCH, YÊU CẦU"), not a letter's numbered points.
        if (block.level === 1 && text === text.toUpperCase()) material.sections.push(text);
        // Headings that cite would pile citations into every plan; keep the plain ones.
        else if (block.level === 2 && text.length > 4 && extract(text).length === 0) material.subheadings.push(text);
        continue;
      }
      // "1. Tiếp tục …" read as a paragraph: drop the number, the generator numbers its own.
      const text = block.text.trim().replace(/^\d+\.\s+/u, '');
      const cites = extract(text).length > 0;
      if (beforeFirstHeading && /^(Căn cứ|Thực hiện)\s/u.test(text) && cites) material.leads.push(text.replace(/[;.]\s*$/u, ''));
      else if (beforeFirstHeading) continue;
      else if (cites) material.citing.push(text);
      else if (text.length >= 60) (block.kind === 'bullet' ? material.bullets : material.paragraphs).push(text);
    }
  }
  // Text about a district ("UBND huyện Ba Tơ") would make a province's plan read as a district's.
  const district = /huyện\s+\p{Lu}|\bUBND huyện\b/u;
  for (const key of Object.keys(material) as (keyof SeedMaterial)[]) {
    const unique = [...new Set(material[key])];
    material[key] = key === 'places' ? unique : unique.filter((text) => !district.test(text));
  }
  material.places.sort((a, b) => b.length - a.length);
  return material;
}
