/**
 * `normalize`: decoded text → clean NFC text, one block (paragraph, heading, list item or
 * header line) per line, with emphasis ranges instead of asterisks.
 *
 * Steps: clean characters (`normalize/characters.ts`) → split into lines and drop export
 * residue (`normalize/residue.ts`) → join lines cut by page breaks or hard wraps
 * (`normalize/join.ts`) → turn asterisks into emphasis spans (`normalize/emphasis.ts`).
 * Pure: no disk, no clock; the same input always gives the same output.
 */
import type { EmphasisSpan, IngestMessage, NormalizedText } from '../model.ts';
import { cleanCharacters, cleanLine } from './normalize/characters.ts';
import { parseEmphasis } from './normalize/emphasis.ts';
import { type BlockSummary, decideJoin, extendBlock, startBlock } from './normalize/join.ts';
import { residueKind, stripTrailingResidue } from './normalize/residue.ts';

/** A content line, ready to be joined. */
interface Line {
  /** Text with asterisks (they are resolved per block, after joining). */
  text: string;
  /** Text without asterisks, for the join rules. */
  view: string;
  /** A blank line or removed page residue stands before it. */
  gap: boolean;
  /** A separator line ("-------") stands before it: never join across. */
  hard: boolean;
}

/** A lone "*" opening a line is a bullet: "* (Có Phụ lục 1…" → "- (Có Phụ lục 1…". */
const STAR_BULLET = /^\*\s+(?=[^*\s])/u;

/**
 * Normalize the text of one source file.
 *
 * @param text Decoded text (`SourceText.text`).
 * @param file File name, for messages.
 */
export function normalize(text: string, file: string): NormalizedText {
  const messages: IngestMessage[] = [];
  const cleaned = cleanCharacters(text);
  if (cleaned.includes('\ufffd')) {
    messages.push({
      file,
      level: 'warning',
      code: 'replacement-character',
      message: `Tệp “${file}” chứa ký tự “�” (ký tự hỏng do chuyển mã trước đó); hãy kiểm tra lại văn bản gốc.`,
    });
  }

  const blocks: string[] = [];
  let current: string[] = [];
  let summary: BlockSummary | null = null;
  let previous = '';
  const flush = (): void => {
    if (current.length > 0) blocks.push(current.join(' '));
    current = [];
    summary = null;
  };

  for (const line of contentLines(cleaned)) {
    const decision =
      summary === null || line.hard ? 'break' : decideJoin({ previous, block: summary, next: line.view, gap: line.gap });
    if (decision === 'break') flush();
    if (decision === 'join-fragment') {
      messages.push({
        file,
        level: 'warning',
        code: 'fragment-after-sentence',
        message: `Tệp “${file}”: đoạn “${excerpt(line.view)}” bắt đầu bằng chữ thường ngay sau một câu đã kết thúc (có thể mất chữ ở chỗ ngắt trang); đã nối vào đoạn trước, hãy đối chiếu với bản gốc.`,
      });
    }
    current.push(line.text);
    summary = summary === null ? startBlock(line.view) : extendBlock(summary, previous, line.view);
    previous = line.view;
  }
  flush();

  const lines: string[] = [];
  const emphasis: EmphasisSpan[] = [];
  let offset = 0;
  for (const block of blocks) {
    let parsed = parseEmphasis(block);
    if (parsed.text === '') continue;
    // Removing an asterisk can bring a base letter and a combining mark together
    // ("o*\u0323"): compose again, and drop the spans of that rare block since offsets moved.
    const composed = parsed.text.normalize('NFC');
    if (composed !== parsed.text) parsed = { text: composed, spans: [] };
    for (const span of parsed.spans) emphasis.push({ start: span.start + offset, end: span.end + offset, kind: span.kind });
    lines.push(parsed.text);
    offset += parsed.text.length + 1;
  }
  return { text: lines.join('\n'), emphasis, messages };
}

/** Lines with content, residue removed, each marked with what stood before it. */
function* contentLines(text: string): Generator<Line> {
  const raw = text.split('\n').map(cleanLine);
  let gap = false;
  let hard = false;
  for (let index = 0; index < raw.length; index++) {
    const line = raw[index] as string;
    if (line === '') {
      gap = true;
      continue;
    }
    const alone = (raw[index - 1] ?? '') === '' && (raw[index + 1] ?? '') === '';
    const kind = residueKind(line, alone);
    if (kind === 'separator') {
      hard = true;
      continue;
    }
    if (kind !== null) {
      // A page number or stamp stands where the page broke: the text around it may join.
      gap = true;
      continue;
    }
    const content = stripTrailingResidue(line).replace(STAR_BULLET, '- ');
    const view = viewOf(content);
    if (view === '') continue;
    yield { text: content, view, gap, hard };
    gap = false;
    hard = false;
  }
}

/** A line as the join rules see it: asterisks removed, spaces collapsed. */
function viewOf(line: string): string {
  return line.includes('*') ? cleanLine(line.replace(/\*+/gu, '')) : line;
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
