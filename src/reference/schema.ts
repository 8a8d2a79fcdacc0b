/**
 * Rows of the reference data (`data/reference/*.tsv`, and a user's own `content/reference/*.tsv`).
 *
 * One TSV row is one legislative act or one abbreviation; the schemas turn the text cells into
 * typed values and reject a row that a reader could not trust (a date that is not a date, a
 * kind that is not one of the four).
 */
import { z } from 'zod';

/** The four kinds of legislative act. */
export const ACT_KINDS = ['Hiến pháp', 'Bộ luật', 'Luật', 'Pháp lệnh'] as const;
export type ActKind = (typeof ACT_KINDS)[number];

/** An empty cell is "not known". */
const optionalText = z
  .string()
  .transform((value) => value.trim())
  .transform((value) => (value === '' ? null : value));

const isoDate = optionalText.refine((value) => value === null || /^\d{4}-\d{2}-\d{2}$/.test(value), {
  message: 'ngày phải viết dạng YYYY-MM-DD',
});

/** A list cell: values separated by `separator`, blanks dropped. */
function listCell(separator: string) {
  return z.string().transform((value) =>
    value
      .split(separator)
      .map((item) => item.trim())
      .filter(Boolean),
  );
}

/**
 * Confidence of a row: A a primary record, B two concordant mentions, R a number named only in
 * another act's repeal or amendment links (no title), U a user's own row.
 */
export const CONFIDENCES = ['A', 'B', 'R', 'U'] as const;

export const actRowSchema = z
  .object({
    kind: z.enum(ACT_KINDS),
    title: optionalText,
    number: optionalText,
    date_passed: isoDate,
    date_in_force: isoDate,
    replaces: listCell(';'),
    amends: listCell(';'),
    variants: listCell('|'),
    confidence: z.enum(CONFIDENCES).default('U'),
    source: optionalText,
  })
  .refine((row) => row.title !== null || row.number !== null, { message: 'cần tên hoặc số hiệu' })
  .refine((row) => row.title === null || row.title.startsWith(row.kind) || row.title.startsWith(row.kind.toLowerCase()), {
    message: 'tên phải bắt đầu bằng loại văn bản (Luật …, Bộ luật …, Pháp lệnh …, Hiến pháp …)',
  });

/** A legislative act as the code sees it. */
export interface ReferenceAct {
  kind: ActKind;
  /** Full title, or null for an act known only by number. */
  title: string | null;
  number: string | null;
  datePassed: string | null;
  dateInForce: string | null;
  /** Numbers (or, for the Constitutions, titles) of the acts this one repeals. */
  replaces: string[];
  /** Numbers of the base acts this one amends. */
  amends: string[];
  /** Other titles texts use for this act. */
  variants: string[];
  confidence: (typeof CONFIDENCES)[number];
  /** Where the row comes from: a public source, or the user's file. */
  source: string | null;
}

export const abbreviationRowSchema = z.object({
  abbreviation: z.string().trim().min(1),
  expansion: z.string().trim().min(1),
  source: optionalText.optional(),
});

/** An abbreviation of words inside titles ("NSNN" → "ngân sách nhà nước"). */
export interface Abbreviation {
  abbreviation: string;
  expansion: string;
}
