/**
 * The words of the validity states are written in two places (the pipeline's flags and CSV,
 * the site's vi.json): they must be the same words.
 */
import { describe, expect, it } from 'vitest';
import vi from '../../src/i18n/vi.json';
import { STATUS_WORDS } from '../../src/pipeline/resolve/status-labels.ts';
import { DOCUMENT_STATES } from '../../src/pipeline/resolve/status-states.ts';

describe('validity words', () => {
  it.each(DOCUMENT_STATES)('%s reads the same in the pipeline and in vi.json', (state) => {
    expect((vi as Record<string, string>)[`validity.${state}`]).toBe(STATUS_WORDS[state]);
  });
});
