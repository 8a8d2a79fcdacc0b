/**
 * The hand-written frontmatter YAML gives the same bytes as the `yaml` package with the
 * settings the emitter used before, and reads back to the same record.
 */
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontmatterYaml } from '../../src/pipeline/emit/mdx/frontmatter-yaml.ts';

const settings = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', doubleQuotedAsJSON: true } as const;

const records = [
  {
    id: 'ke-hoach-1-kh-ubnd-tay-ninh-2024',
    type: 'Kế hoạch',
    number: null,
    date: { iso: '2024-04', partial: true },
    partial: true,
    recipients: [],
    distribution: ['Như trên;', '---', 'Lưu: VT.'],
    signer: { position: 'KT. CHỦ TỊCH', name: null },
    toc: [{ depth: 1, text: 'I. "MỤC ĐÍCH" #1: yes', anchor: 'muc-i' }],
  },
  { odd: 'a\u2028b\u0001\\"\n\t', empty: '', nested: [[], {}, [1, true, null]], object: {} },
];

describe('frontmatterYaml', () => {
  it.each(records.map((record, index) => [index, record] as const))('matches yaml.stringify (%i)', (_, record) => {
    expect(frontmatterYaml(record)).toBe(stringify(record, settings));
    expect(parse(frontmatterYaml(record))).toEqual(record);
  });
});
