/**
 * The digital-signature stamp: the text box a signing tool draws on the page ("Ký bởi: Sở
 * Nội vụ / Email: … / Cơ quan: … / Thời gian ký: 13/11/2025 15:53:50", or an organ name, an
 * e-mail and a time stamp without labels). It sits at the page top or over the signature,
 * so left in place it splits the header table; the reader moves it to the end of the text.
 */
import { buildLines, lineText, type Line } from './lines.ts';
import type { TextRun } from './runs.ts';

const STAMP_LABEL = /(?:^|\s)(?:Ký bởi|Người ký|Cơ quan|Thời gian ký|Ngày ký|Email|E-mail)\s*:/iu;
const EMAIL = /[\p{L}\p{N}._-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
/** A signing time: "24.01.2025 20:01:14", "13/11/2025 15:53:50", often with "+07:00". */
const SIGNING_TIME = /\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?|[+-]\d{2}:\d{2}\b/u;

/** Whether a block of text reads as a signature stamp. */
export function looksLikeStamp(text: string): boolean {
  if (/Ký bởi\s*:|Thời gian ký\s*:/iu.test(text)) return true;
  const evidence = [STAMP_LABEL.test(text), EMAIL.test(text), SIGNING_TIME.test(text)].filter(Boolean).length;
  return evidence >= 2;
}

export interface StampSplit {
  /** Runs of the page's text without the stamps. */
  body: TextRun[];
  /** Each stamp's lines. */
  stamps: string[][];
}

/**
 * Take stamps out of a page's runs. A stamp drawn by an annotation is that annotation's
 * runs; a stamp in the page content is a block of lines starting with a stamp label and
 * keeping its left edge.
 */
export function splitStamps(runs: readonly TextRun[]): StampSplit {
  const byAnnotation = new Map<number, TextRun[]>();
  for (const run of runs) {
    if (run.annotation < 0) continue;
    const group = byAnnotation.get(run.annotation) ?? [];
    group.push(run);
    byAnnotation.set(run.annotation, group);
  }
  const stamps: string[][] = [];
  const removed = new Set<TextRun>();
  for (const group of byAnnotation.values()) {
    const lines = buildLines(group).map(lineText);
    if (!looksLikeStamp(lines.join(' '))) continue;
    stamps.push(lines);
    for (const run of group) removed.add(run);
  }
  const rest = runs.filter((run) => !removed.has(run));
  const content = contentStamps(rest);
  for (const stamp of content) {
    stamps.push(stamp.lines);
    for (const run of stamp.runs) removed.add(run);
  }
  return { body: runs.filter((run) => !removed.has(run)), stamps };
}

/** Stamps typeset in the page content (scans' OCR layers and some exports put them there). */
function contentStamps(runs: readonly TextRun[]): { lines: string[]; runs: TextRun[] }[] {
  const lines = buildLines(runs);
  const found: { lines: string[]; runs: TextRun[] }[] = [];
  const used = new Set<Line>();
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const start = line.segments.find((segment) => /^(?:Ký bởi|Người ký)\s*:/iu.test(segment.text));
    if (!start || used.has(line)) continue;
    const texts = [start.text];
    const stampRuns = [...start.runs];
    let previousY = line.y;
    for (let next = index + 1; next < lines.length; next += 1) {
      const candidate = lines[next]!;
      if (candidate.y - previousY > 2 * Math.max(start.size, candidate.size)) break;
      const segment = candidate.segments.find((part) => Math.abs(part.x - start.x) < 2 * start.size);
      if (!segment) break;
      texts.push(segment.text);
      stampRuns.push(...segment.runs);
      used.add(candidate);
      previousY = candidate.y;
    }
    if (looksLikeStamp(texts.join(' '))) found.push({ lines: texts, runs: stampRuns });
  }
  return found;
}

/** Stamps once each (a signing tool may draw the same stamp on every page). */
export function uniqueStamps(stamps: readonly string[][]): string[][] {
  const seen = new Set<string>();
  return stamps.filter((stamp) => {
    const key = stamp.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The signature stamps, after the body: one line each, saying what they are, so the
 * document reads as digitally signed without the stamp splitting the header.
 */
export function stampLines(stamps: readonly string[][]): string[] {
  return stamps.map((stamp) => `Chữ ký số: ${stampFields(stamp).join('; ')}`);
}

/** A stamp's lines as fields: a box wraps "Ký bởi: ỦY BAN NHÂN" / "DÂN TỈNH LÂM ĐỒNG". */
function stampFields(lines: readonly string[]): string[] {
  const fields: string[] = [];
  for (const line of lines) {
    const startsField = /^[\p{L} -]{2,20}:/u.test(line) || /@/u.test(line) || /^\d{1,2}[./-]\d{1,2}[./-]\d{4}/u.test(line);
    if (fields.length === 0 || startsField) fields.push(line);
    else fields[fields.length - 1] += ` ${line}`;
  }
  return fields;
}
