/**
 * Vietnamese words of the validity states, for what the pipeline writes itself (the flag after
 * each citation in a plan's text, the review CSV). The site's components read the same words
 * from `src/i18n/vi.json` (`status.<state>`); test/resolve/status-labels.test.ts keeps the two equal.
 */
import type { DocumentState } from './status-states.ts';

/** The state as a reader says it. */
export const STATUS_WORDS: Readonly<Record<DocumentState, string>> = {
  'con-hieu-luc': 'Còn hiệu lực',
  'bi-sua-doi': 'Đã bị sửa đổi, bổ sung',
  'bi-thay-the': 'Đã bị thay thế',
  'bi-bai-bo': 'Đã bị bãi bỏ',
  'het-hieu-luc': 'Hết hiệu lực',
  'khong-ro': 'Chưa rõ hiệu lực',
};
