/**
 * The frontmatter of one emitted plan page (`content/generated/plans/<id>.mdx`).
 *
 * One schema for both ends: the MDX emitter validates every record against it before
 * writing, and `src/content.config.ts` reads the collection with it, so a bad record fails
 * the pipeline loudly instead of rendering a half-empty page.
 */
import { z } from 'zod';

const dateSchema = z.object({
  /** "2024-04-11", or "2025-02" / "2025" when only part of the date is written. */
  iso: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  /** True for a draft date such as "ngày tháng 02 năm 2025". */
  partial: z.boolean(),
});

const signerSchema = z.object({
  /** Chức vụ, e.g. "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH". */
  position: z.string().nullable(),
  /** Họ tên người ký. */
  name: z.string().nullable(),
});

const tocEntrySchema = z.object({
  /** Heading level in the plan (1 = "I.", 2 = "1.", …). */
  depth: z.number().int().min(1),
  /** Heading text as written, marker included ("I. MỤC ĐÍCH, YÊU CẦU"). */
  text: z.string(),
  /** Id of the heading element on the page. */
  anchor: z.string().regex(/^[a-z0-9-]+$/),
});

const originSchema = z.object({
  /** txt, md, html, docx, odt, doc, pdf, pdf-scan, image. */
  format: z.enum(['txt', 'md', 'html', 'docx', 'odt', 'doc', 'pdf', 'pdf-scan', 'image']),
  /** The reader that produced the text ("docx (XML)", "pdfjs", "tesseract"…). */
  reader: z.string(),
  /** Pages of a PDF or scan; null when the format has no fixed pages. */
  pageCount: z.number().int().nonnegative().nullable(),
  /** Conversions applied: "tcvn3", "vni", "windows-1258", "mojibake". */
  conversions: z.array(z.string()),
  /** OCR engine, mean word confidence (0–100) and pages, when the text came from images. */
  ocr: z.object({ engine: z.string(), confidence: z.number().nullable(), pages: z.number().int().nonnegative() }).nullable(),
});

export const planFrontmatterSchema = z.object({
  /** Node id of the plan, also its page slug: /van-ban/<id>/. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Loại văn bản ("Kế hoạch", "Công văn"…), null when the header does not say. */
  type: z.string().nullable(),
  /** Số ký hiệu ("1062/KH-UBND"), null when left blank in a draft. */
  number: z.string().nullable(),
  /** Set when the number is not the header's: 'file-name' (a scan's unreadable handwritten number). */
  numberSource: z.enum(['file-name']).optional(),
  /** Nơi ban hành ("Tây Ninh"). */
  place: z.string().nullable(),
  /** Ngày ban hành, possibly partial. */
  date: dateSchema.nullable(),
  /** True when the number is blank or the date is missing or partial (a draft). */
  partial: z.boolean(),
  /** Cơ quan ban hành. */
  issuer: z.string().nullable(),
  /** Trích yếu. */
  title: z.string().nullable(),
  /** "Kính gửi" list. */
  recipients: z.array(z.string()),
  /** "Nơi nhận" list. */
  distribution: z.array(z.string()),
  /** Người ký. */
  signer: signerSchema.nullable(),
  /** Source file name, relative to the sources folder. */
  source: z.string(),
  /** SHA-256 (hex) of the source file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** What the source file was and how its text was read (a plain .txt when absent in older pages). */
  origin: originSchema,
  /**
   * Name of the original file's copy under the site's `data/goc/` ("<id>.docx"), served
   * unchanged; null for plain-text sources, whose decoded copy is `data/nguon/<id>.txt`.
   */
  original: z
    .string()
    .regex(/^[a-z0-9-]+\.[a-z0-9]+$/)
    .nullable(),
  /** Headings of the body, in order, for the table of contents. */
  toc: z.array(tocEntrySchema),
});

export type PlanFrontmatter = z.infer<typeof planFrontmatterSchema>;
export type TocEntry = z.infer<typeof tocEntrySchema>;
export type OriginFrontmatter = z.infer<typeof originSchema>;
