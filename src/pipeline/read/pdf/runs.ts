/**
 * Positioned pieces of text ("runs") of one PDF page, in top-down page coordinates.
 *
 * Two sources: the page's content stream (`getTextContent`) and the appearance streams of
 * its visible annotations. The second matters for signed PDFs of Vietnamese offices: the
 * signing software writes the document's number and day into signature widgets after the
 * text was exported (`Số:` ␣ `/UBND-KGVX` in the content, `507` in a widget over the gap),
 * and the signature stamp ("Ký bởi: …") is a widget too. pdfjs extracts no text from
 * signature widgets, so their text is read from the operator list.
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjs } from './pdfjs.ts';

export interface TextRun {
  text: string;
  /** Left edge, from the page's left. */
  x: number;
  /** Baseline, from the page's top (grows downwards). */
  y: number;
  width: number;
  /** Font size as drawn (the run's height). */
  size: number;
  /** pdfjs's internal font id (`g_d0_f3`), for legacy-encoding detection. */
  font: string;
  /** Index of the annotation the run was drawn in, or -1 for the page's content. */
  annotation: number;
}

export interface PageRuns {
  width: number;
  height: number;
  runs: TextRun[];
}

type Matrix = [number, number, number, number, number, number];

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** Runs of one page: content text plus text drawn by annotations. */
export async function pageRuns(page: PDFPageProxy): Promise<PageRuns> {
  const viewport = page.getViewport({ scale: 1 });
  const toPage = viewport.transform as Matrix;
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const run = contentRun(item as TextItemLike, toPage);
    if (run) runs.push(run);
  }
  if (await hasDrawnAnnotations(page)) runs.push(...(await annotationRuns(page, toPage)));
  return { width: viewport.width, height: viewport.height, runs };
}

function contentRun(item: TextItemLike, toPage: Matrix): TextRun | null {
  if (item.str.trim() === '') return null;
  const [a, b, c, d, e, f] = item.transform as Matrix;
  const [x, y] = apply(toPage, e, f);
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  const lead = leadingSpaces(item.str);
  // Spaces inside the item carry its width; a run's left edge is where its first letter starts.
  const advance = item.str.length > 0 ? (item.width * lead) / item.str.length : 0;
  const text = item.str.trim();
  return {
    text,
    x: x + advance,
    y,
    width: (item.width * text.length) / item.str.length,
    size,
    font: item.fontName,
    annotation: -1,
  };
}

function leadingSpaces(text: string): number {
  return text.length - text.trimStart().length;
}

/** Whether any annotation has an appearance worth reading (links and pop-ups draw no text). */
async function hasDrawnAnnotations(page: PDFPageProxy): Promise<boolean> {
  const annotations = (await page.getAnnotations({ intent: 'display' })) as Array<{ subtype?: string; hasAppearance?: boolean }>;
  return annotations.some(
    (annotation) => annotation.hasAppearance === true && annotation.subtype !== 'Link' && annotation.subtype !== 'Popup',
  );
}

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

interface TextState {
  matrix: Matrix;
  lineMatrix: Matrix;
  font: string;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  horizontalScale: number;
  leading: number;
  rise: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `outer` after `inner` (PDF's matrix order: a point goes through `inner` first). */
function compose(outer: Matrix, inner: Matrix): Matrix {
  return [
    outer[0] * inner[0] + outer[2] * inner[1],
    outer[1] * inner[0] + outer[3] * inner[1],
    outer[0] * inner[2] + outer[2] * inner[3],
    outer[1] * inner[2] + outer[3] * inner[3],
    outer[0] * inner[4] + outer[2] * inner[5] + outer[4],
    outer[1] * inner[4] + outer[3] * inner[5] + outer[5],
  ];
}

function apply(matrix: Matrix, x: number, y: number): [number, number] {
  return [matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5]];
}

/**
 * Text drawn inside annotations, read from the page's operator list (which holds the page
 * content too: that part is skipped, `getTextContent` reads it better). Only the operators
 * that move text are followed; positions need only be good enough to place a run on a line.
 */
async function annotationRuns(page: PDFPageProxy, toPage: Matrix): Promise<TextRun[]> {
  // ENABLE, not ENABLE_FORMS: the latter leaves form fields out (a viewer draws them as HTML inputs).
  const { AnnotationMode, OPS } = pdfjs();
  const operators = await page.getOperatorList({ intent: 'display', annotationMode: AnnotationMode.ENABLE });
  const runs: TextRun[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let annotation = -1;
  let annotationCount = 0;
  let text = newTextState();

  const multiply = (m: Matrix): void => {
    ctm = compose(ctm, m);
  };
  const moveText = (tx: number, ty: number): void => {
    text.lineMatrix = compose(text.lineMatrix, [1, 0, 0, 1, tx, ty]);
    text.matrix = text.lineMatrix;
  };

  for (let index = 0; index < operators.fnArray.length; index += 1) {
    const op = operators.fnArray[index];
    const args = (operators.argsArray[index] ?? []) as unknown[];
    switch (op) {
      case OPS.beginAnnotation:
        stack.push(ctm);
        multiply(asMatrix(args[2]));
        multiply(asMatrix(args[3]));
        annotation = annotationCount;
        annotationCount += 1;
        break;
      case OPS.endAnnotation:
        ctm = stack.pop() ?? IDENTITY;
        annotation = -1;
        break;
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case OPS.transform:
        multiply(asMatrix(args));
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (args[0]) multiply(asMatrix(args[0]));
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case OPS.beginText:
        text = { ...text, matrix: IDENTITY, lineMatrix: IDENTITY };
        break;
      case OPS.setFont:
        text.font = String(args[0]);
        text.fontSize = Number(args[1]) || 0;
        break;
      case OPS.setCharSpacing:
        text.charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        text.wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        text.horizontalScale = (Number(args[0]) || 100) / 100;
        break;
      case OPS.setLeading:
        text.leading = Number(args[0]) || 0;
        break;
      case OPS.setTextRise:
        text.rise = Number(args[0]) || 0;
        break;
      case OPS.setTextMatrix:
        text.matrix = asMatrix(args[0] ?? args);
        text.lineMatrix = text.matrix;
        break;
      case OPS.moveText:
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        text.leading = -(Number(args[1]) || 0);
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.nextLine:
        moveText(0, -text.leading);
        break;
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        moveText(0, -text.leading);
        if (annotation >= 0) runs.push(...showText(args[args.length - 1], text, ctm, toPage, annotation));
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        if (annotation >= 0) runs.push(...showText(args[0], text, ctm, toPage, annotation));
        else advanceOnly(args[0], text);
        break;
      default:
        break;
    }
  }
  return runs;
}

function newTextState(): TextState {
  return {
    matrix: IDENTITY,
    lineMatrix: IDENTITY,
    font: '',
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    horizontalScale: 1,
    leading: 0,
    rise: 0,
  };
}

function asMatrix(value: unknown): Matrix {
  const source = value as Record<number, unknown> | null | undefined;
  if (!source) return IDENTITY;
  const matrix = [0, 1, 2, 3, 4, 5].map((key) => Number(source[key]));
  return matrix.every(Number.isFinite) ? (matrix as Matrix) : IDENTITY;
}

/** Advance of one glyph or spacing number, in text space. */
function advanceOf(entry: unknown, state: TextState): number {
  if (typeof entry === 'number') return (-entry / 1000) * state.fontSize * state.horizontalScale;
  const glyph = entry as Glyph | null;
  if (!glyph) return 0;
  const width = ((glyph.width ?? 0) / 1000) * state.fontSize + state.charSpacing + (glyph.isSpace ? state.wordSpacing : 0);
  return width * state.horizontalScale;
}

function advanceOnly(glyphs: unknown, state: TextState): void {
  if (!Array.isArray(glyphs)) return;
  let advance = 0;
  for (const entry of glyphs) advance += advanceOf(entry, state);
  state.matrix = compose(state.matrix, [1, 0, 0, 1, advance, 0]);
}

/** A TJ kerning step (thousandths of an em, negative = rightwards) from which it separates words. */
const WORD_SPACE_KERN = 200;

/** Runs of one text-showing operator: split at spaces so that leading blanks do not shift the text. */
function showText(glyphs: unknown, state: TextState, ctm: Matrix, toPage: Matrix, annotation: number): TextRun[] {
  if (!Array.isArray(glyphs)) return [];
  const runs: TextRun[] = [];
  const full = compose(toPage, compose(ctm, state.matrix));
  const scale = Math.hypot(full[2], full[3]);
  let advance = 0;
  let current: { text: string; start: number; end: number } | null = null;
  const flush = (): void => {
    if (current && current.text.trim() !== '') {
      const [x, y] = apply(full, current.start, state.rise);
      const [xEnd] = apply(full, current.end, state.rise);
      runs.push({
        text: current.text.trim(),
        x,
        y,
        width: Math.abs(xEnd - x),
        size: state.fontSize * scale,
        font: state.font,
        annotation,
      });
    }
    current = null;
  };
  for (const entry of glyphs) {
    const step = advanceOf(entry, state);
    const glyph = typeof entry === 'number' ? null : (entry as Glyph | null);
    const character = glyph?.unicode ?? '';
    if (glyph && character.trim() !== '') {
      current ??= { text: '', start: advance, end: advance };
      current.text += character;
      current.end = advance + step;
    } else if (current && (glyph || (typeof entry === 'number' && entry < -WORD_SPACE_KERN))) {
      // A space glyph, or a kerning step as wide as a space (TJ arrays often space words so),
      // stays a space; runs of spaces are squeezed when lines are built.
      current.text += ' ';
      current.end = advance + step;
    }
    advance += step;
  }
  flush();
  state.matrix = compose(state.matrix, [1, 0, 0, 1, advance, 0]);
  return runs;
}
