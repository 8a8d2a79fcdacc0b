/**
 * The chain of stages for one source: normalize → parse → extract. The build
 * (`buildCorpus`, through the analysis cache) and the `extract` CLI (`extract-report.ts`)
 * both run it, so the CLI reports exactly what the site is built from.
 */
import type { Mention, ParsedPlan } from '../model.ts';
import { extract } from './extract.ts';
import { normalize } from './normalize.ts';
import { parse } from './parse.ts';
import { ownNumberTexts } from './parse/own-number.ts';

/** What one source gives before the corpus is put together: nothing (no text), or its plan and mentions. */
export type Analysed = { empty: true } | { empty: false; plan: ParsedPlan; mentions: Mention[] };

/**
 * Normalize, parse and extract one source.
 *
 * @param file Source file name.
 * @param sha256 Hash of its bytes.
 * @param text Its decoded text.
 * @returns Its plan and mentions, or `empty` when it holds no text.
 */
export function analyse(file: string, sha256: string, text: string, ocr = false): Analysed {
  const normalized = normalize(text, file);
  if (normalized.text.trim() === '') return { empty: true };
  // OCR-ness is a function of the bytes the cache key hashes, so a cached analysis stays valid.
  const plan = parse({ file, sha256, normalized, ocr });
  return {
    empty: false,
    plan,
    mentions: extract(plan.text, {
      ownNumber: plan.meta.number,
      ownNumbers: ownNumberTexts(plan.text, plan.meta.number),
      ownIssuer: plan.meta.issuer,
    }),
  };
}
