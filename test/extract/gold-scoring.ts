/**
 * Scoring of citation extraction against a gold folder, the way
 * `shared/tools/score-citations.py` does it: identity is the folded number, or the folded law
 * name; precision and recall are over distinct cited documents per file. Files go through the
 * same path as `npm run extract` (`decodeSource` → `extractReport`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from '../../src/pipeline/extract-report.ts';
import { decodeSource } from '../../src/pipeline/read.ts';

/** Scorer's fold: no marks, đ → d. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Scorer's `num_key`. */
function numKey(number: string): string {
  return 'N:' + fold(number).toUpperCase().replace(/\s+/g, '').replace(/^SO:?/, '');
}

const ABBREV: Record<string, string> = {
  hdnd: 'hoi dong nhan dan',
  ubnd: 'uy ban nhan dan',
  bhyt: 'bao hiem y te',
  nsnn: 'ngan sach nha nuoc',
  kcb: 'kham benh chua benh',
  tncn: 'thu nhap ca nhan',
  qppl: 'quy pham phap luat',
  bmnn: 'bi mat nha nuoc',
  ncc: 'nguoi co cong',
};

/** Scorer's `name_key`. */
function nameKey(name: string): string {
  let key = fold(name)
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ');
  key = key
    .trim()
    .replace(/\b((nam )?\d{4}|so \d.*)$/, ' ')
    .replace(/[^a-z0-9 ]/g, ' ');
  const words = key
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => (ABBREV[word] ?? word).split(' '));
  return 'L:' + words.filter((word) => word !== 'va').join(' ');
}

/**
 * Scorer's `key`.
 *
 * @param citation A gold or extracted citation.
 * @returns Its identity, or null when it has neither number nor name.
 */
export function citationKey(citation: { number: string | null; name: string | null }): string | null {
  if (citation.number) return numKey(citation.number);
  if (citation.name) return nameKey(citation.name);
  return null;
}

/** Outcome of scoring one gold folder. */
export interface GoldScore {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  /** "file: extra N:…" / "file: missing L:…". */
  misses: string[];
}

/**
 * Score a folder laid out as `docs/NAME.txt` + `gold/NAME.json`.
 *
 * @param dir The folder.
 * @returns Precision, recall and the misses.
 */
export function scoreGoldFolder(dir: string): GoldScore {
  const names = readdirSync(join(dir, 'gold'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
  const report = extractReport(names.map((name) => decodeSource(readFileSync(join(dir, 'docs', `${name}.txt`)), `${name}.txt`)));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  names.forEach((name, index) => {
    const gold = JSON.parse(readFileSync(join(dir, 'gold', `${name}.json`), 'utf8')) as {
      citations: { number: string | null; name: string | null }[];
    };
    const want = new Set(gold.citations.map(citationKey).filter((key): key is string => key !== null));
    const have = new Set((report[index]?.citations ?? []).map(citationKey).filter((key): key is string => key !== null));
    for (const key of have) {
      if (want.has(key)) tp += 1;
      else {
        fp += 1;
        misses.push(`${name}: extra ${key}`);
      }
    }
    for (const key of want) {
      if (!have.has(key)) {
        fn += 1;
        misses.push(`${name}: missing ${key}`);
      }
    }
  });
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), tp, fp, fn, misses };
}

/**
 * Print a score the way the Python scorer does, misses first.
 *
 * @param label Set name.
 * @param score The score.
 */
export function printScore(label: string, score: GoldScore): void {
  if (score.misses.length > 0) console.log(score.misses.join('\n'));
  console.log(
    `${label}: precision=${score.precision.toFixed(3)} recall=${score.recall.toFixed(3)} ` +
      `(tp=${score.tp} fp=${score.fp} fn=${score.fn})`,
  );
}
