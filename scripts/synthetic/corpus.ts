/**
 * A whole synthetic corpus, pure: seed texts, count and seed in; file names and contents
 * out, byte-identical for the same inputs. The graph it makes has the shape of the real
 * one: a few central hubs cited by most plans, many per-province local documents, and
 * plans that cite earlier plans of the corpus by their numbers.
 */
import { createHash } from 'node:crypto';
import { CENTRAL, localDocuments, type CitedDocument } from './catalog.ts';
import { composePlan, type PlanSpec } from './plan.ts';
import { PROVINCES } from './provinces.ts';
import { createRandom, hashSeed } from './random.ts';
import { harvestSeeds, type SeedText } from './seed-material.ts';

/** Settings of `generateCorpus`. */
export interface CorpusOptions {
  /** Number of plans. */
  count: number;
  /** Seed of every random choice. */
  seed: number;
  /** Seed plans to recombine. */
  seeds: readonly SeedText[];
  /** Average plan size in UTF-8 bytes (default 25,000). */
  averageBytes?: number;
  /** Average citations per plan (default 20). */
  averageCitations?: number;
}

/** One generated file. */
export interface SyntheticFile {
  /** File name: "00042_<16 hex of its sha256>.txt", like the seed exports. */
  name: string;
  content: string;
  /** What the plan is, for tests: number, issuer, date and the count of citations written. */
  plan: { number: string; issuer: string; iso: string; citations: number };
}

/** Subject titles for plans, besides the seeds' own; "{y}" is the plan's year. */
const TITLES: readonly string[] = [
  'Triển khai thực hiện công tác quốc phòng địa phương năm {y}',
  'Tổ chức diễn tập khu vực phòng thủ tỉnh năm {y}',
  'Phát động phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc” năm {y}',
  'Thực hiện công tác giáo dục quốc phòng và an ninh năm {y}',
  'Tuyển chọn và gọi công dân nhập ngũ năm {y}',
  'Xây dựng lực lượng dân quân tự vệ vững mạnh, rộng khắp năm {y}',
];

/**
 * Generate the corpus.
 *
 * @param options Count, seed, seed texts and sizes.
 * @returns Files sorted by name.
 */
export function generateCorpus(options: CorpusOptions): SyntheticFile[] {
  const averageBytes = options.averageBytes ?? 25_000;
  const averageCitations = options.averageCitations ?? 20;
  const material = harvestSeeds(options.seeds);
  const random = createRandom(hashSeed(`corpus:${options.seed}`));
  // A few provinces write many plans, most write a few: a long tail like the real archive.
  const provinces = random.shuffle(PROVINCES);
  const provinceWeight = (province: string): number => 1 / (1 + provinces.indexOf(province) / 4);
  const titles = [...TITLES, ...material.titles.map((title) => title.replace(/\b20\d\d\b/u, '{y}'))];
  const locals = new Map<string, CitedDocument[]>();
  const localsOf = (province: string): CitedDocument[] => {
    let found = locals.get(province);
    if (!found) {
      found = localDocuments(province, createRandom(hashSeed(`province:${options.seed}:${province}`)));
      locals.set(province, found);
    }
    return found;
  };

  // Decide every plan's identity first, so a plan can cite the ones dated before it.
  const used = new Set<string>();
  const drafts: Omit<PlanSpec, 'leads' | 'inline' | 'targetBytes'>[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const province = random.weighted(provinces, provinceWeight);
    const year = random.int(2020, 2025);
    let serial = random.int(1, 4000);
    while (used.has(`${province}|${year}|${serial}`)) serial = random.int(1, 9999);
    used.add(`${province}|${year}|${serial}`);
    const date: [number, number, number] = [random.int(1, 28), random.int(1, 12), year];
    drafts.push({ province, serial, date, title: random.pick(titles).replaceAll('{y}', String(year)) });
  }
  const byDate = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => dateKey(a.draft.date) - dateKey(b.draft.date) || a.index - b.index);

  const files: SyntheticFile[] = [];
  const done: (typeof drafts)[number][] = [];
  const specs = new Map<number, PlanSpec>();
  for (const { draft, index } of byDate) {
    const total = Math.max(3, Math.round(averageCitations * (0.7 + random.next() * 0.6)));
    const cite = (): CitedDocument =>
      random.chance(0.3) ? random.pick(localsOf(draft.province)) : random.weighted(CENTRAL, (document) => document.weight);
    const leads: CitedDocument[] = [];
    // Earlier plans of the corpus, preferably of the same province: the in-corpus edges.
    if (done.length > 0 && random.chance(0.6)) {
      const same = done.filter((other) => other.province === draft.province);
      for (let count = random.int(1, 2); count > 0; count -= 1) {
        leads.push(asCited(random.chance(0.7) && same.length > 0 ? random.pick(same) : random.pick(done)));
      }
    }
    while (leads.length < random.int(2, 5)) leads.push(cite());
    const inline = Array.from({ length: Math.max(0, total - leads.length) }, cite);
    const targetBytes = Math.round(averageBytes * (0.8 + random.next() * 0.4));
    specs.set(index, { ...draft, leads, inline, targetBytes });
    done.push(draft);
  }

  for (let index = 0; index < drafts.length; index += 1) {
    const spec = specs.get(index)!;
    const content = composePlan(spec, material, createRandom(hashSeed(`plan:${options.seed}:${index}`)));
    const sha = createHash('sha256').update(content).digest('hex').slice(0, 16);
    files.push({
      name: `${String(index).padStart(5, '0')}_${sha}.txt`,
      content,
      plan: {
        number: `${spec.serial}/KH-UBND`,
        issuer: `UBND tỉnh ${spec.province}`,
        iso: `${spec.date[2]}-${String(spec.date[1]).padStart(2, '0')}-${String(spec.date[0]).padStart(2, '0')}`,
        citations: spec.leads.length + spec.inline.length,
      },
    });
  }
  return files;
}

/** An earlier plan of the corpus as a citable document. */
function asCited(plan: Omit<PlanSpec, 'leads' | 'inline' | 'targetBytes'>): CitedDocument {
  return {
    type: 'Kế hoạch',
    number: `${plan.serial}/KH-UBND`,
    date: plan.date,
    issuer: `UBND tỉnh ${plan.province}`,
    subject: `về ${plan.title.charAt(0).toLowerCase()}${plan.title.slice(1)}`,
    weight: 1,
  };
}

/** Sortable number for a date. */
function dateKey([day, month, year]: [number, number, number]): number {
  return year * 10_000 + month * 100 + day;
}
