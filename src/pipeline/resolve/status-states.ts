/**
 * The validity states, on their own: graph-schema.ts (read in the browser too) needs them
 * without the status computation's imports of the reference data (which reads the disk).
 */

/** Every validity state, in the order lists and legends show them. */
export const DOCUMENT_STATES = ['con-hieu-luc', 'bi-sua-doi', 'bi-thay-the', 'bi-bai-bo', 'het-hieu-luc', 'khong-ro'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** States a change can give (everything but "in force" and "unknown"). */
export const CHANGED_STATES = ['bi-sua-doi', 'bi-thay-the', 'bi-bai-bo', 'het-hieu-luc'] as const;
export type ChangedState = (typeof CHANGED_STATES)[number];

/**
 * Whether a state means the document was changed (the flags and the review list show these).
 *
 * @param state A state.
 * @returns True for amended, replaced, repealed, expired.
 */
export function isChanged(state: DocumentState): state is ChangedState {
  return (CHANGED_STATES as readonly string[]).includes(state);
}
