/**
 * Problems a node's merged facts show: dates, issuers or type words that disagree.
 */
import type { NodeDraft } from './nodes.ts';
import type { ResolveProblem } from './types.ts';

/**
 * Report conflicts among what texts state about each node.
 *
 * @param drafts Nodes with their merged facts.
 * @returns One problem per conflict kind per node.
 */
export function describeProblems(drafts: readonly NodeDraft[]): ResolveProblem[] {
  const problems: ResolveProblem[] = [];
  for (const draft of drafts) {
    const base = { node: draft.id, plan: null, anchor: null };
    // With its issuer: "Chỉ thị 32/CT-UBND" of two provinces are two documents, and two
    // lines reading alike would look like one problem reported twice.
    const named = draft.issuer && !draft.facts.issuerConflict.length ? `${draft.label} của ${draft.issuer}` : draft.label;
    if (draft.dateConflict) {
      const dates = draft.dates.map((date) => date.iso).join(', ');
      problems.push({ ...base, code: 'date-conflict', message: `${named}: các văn bản ghi ngày khác nhau (${dates}).` });
    }
    if (draft.facts.issuerConflict.length > 0) {
      const issuers = draft.facts.issuerConflict.join('; ');
      problems.push({
        ...base,
        code: 'issuer-conflict',
        message: `${draft.label}: cơ quan ban hành ghi khác nhau (${issuers}).`,
      });
    }
    if (draft.facts.typeConflict.length > 0) {
      const types = draft.facts.typeConflict.join('; ');
      problems.push({ ...base, code: 'type-conflict', message: `${named}: loại văn bản ghi khác nhau (${types}).` });
    }
  }
  return problems;
}
