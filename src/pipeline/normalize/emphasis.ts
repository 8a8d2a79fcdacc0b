/**
 * The export's Markdown-like asterisks → plain text plus emphasis ranges.
 *
 * A simplified CommonMark delimiter pass: a run of asterisks can open when the next
 * character is not a space and close when the previous one is not; a closer takes the
 * nearest opener, two asterisks each side make `strong`, one makes `emphasis`. Every
 * asterisk is removed, matched or not, so none reaches the text (`***Chủ đề…**` gives a
 * strong span and drops the spare one).
 */
import type { EmphasisSpan } from '../../model.ts';

interface Opener {
  /** Asterisks of the run not used yet. */
  count: number;
  /** Offset in the output where the run stood. */
  at: number;
}

/**
 * Remove asterisks from one block and record what they emphasised.
 *
 * @param raw One block of text (spaces already collapsed).
 * @returns Text without asterisks or doubled spaces, trimmed, and spans into it,
 *   sorted by start (outer span first).
 */
export function parseEmphasis(raw: string): { text: string; spans: EmphasisSpan[] } {
  if (!raw.includes('*')) return { text: raw, spans: [] };
  // Pieces of output and its length, so nothing rescans the text built so far.
  const pieces: string[] = [];
  let length = 0;
  let last = '';
  const spans: EmphasisSpan[] = [];
  const openers: Opener[] = [];
  let index = 0;
  while (index < raw.length) {
    const char = raw.charAt(index);
    if (char !== '*') {
      // Dropping asterisks can leave two spaces side by side ("a * b"): keep one.
      if (char !== ' ' || (last !== '' && last !== ' ')) {
        pieces.push(char);
        length++;
        last = char;
      }
      index++;
      continue;
    }
    let end = index;
    while (raw.charAt(end) === '*') end++;
    let count = end - index;
    const before = raw.charAt(index - 1);
    const after = raw.charAt(end);
    const canClose = before !== '' && before !== ' ';
    const canOpen = after !== '' && after !== ' ';
    while (canClose && count > 0 && openers.length > 0) {
      const opener = openers[openers.length - 1] as Opener;
      const used = count >= 2 && opener.count >= 2 ? 2 : 1;
      spans.push({ start: opener.at, end: length, kind: used === 2 ? 'strong' : 'emphasis' });
      opener.count -= used;
      count -= used;
      if (opener.count === 0) openers.pop();
    }
    if (canOpen && count > 0) openers.push({ count, at: length });
    index = end;
  }
  return trimmed(pieces.join(''), spans);
}

/** Trim the text and fit spans to it: no span starts or ends on a space, none is empty. */
function trimmed(text: string, spans: EmphasisSpan[]): { text: string; spans: EmphasisSpan[] } {
  const lead = text.length - text.trimStart().length;
  const result = text.trim();
  const fitted: EmphasisSpan[] = [];
  for (const span of spans) {
    let start = Math.max(0, span.start - lead);
    let end = Math.min(result.length, span.end - lead);
    while (start < end && result.charAt(start) === ' ') start++;
    while (end > start && result.charAt(end - 1) === ' ') end--;
    if (end > start) fitted.push({ start, end, kind: span.kind });
  }
  fitted.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text: result, spans: fitted };
}
