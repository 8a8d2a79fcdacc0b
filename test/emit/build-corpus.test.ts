/**
 * `buildCorpus` on the seed corpus plus odd inputs: deterministic bytes, one MDX page per
 * plan whose mention anchors match graph.json, duplicates and bad files reported, never
 * thrown.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/pipeline/index.ts';
import { decodeSource } from '../../src/pipeline/read.ts';
import type { SourceText } from '../../src/model.ts';

const seeds = path.resolve(import.meta.dirname, '../../content/sources');

function source(file: string, bytes: Uint8Array): SourceText {
  return decodeSource(bytes, file);
}

function seedSources(): SourceText[] {
  return readdirSync(seeds)
    .sort()
    .map((name) => source(name, readFileSync(path.join(seeds, name))));
}

describe('buildCorpus', () => {
  it('is deterministic and links every mention to its anchor', () => {
    const first = buildCorpus(seedSources());
    const second = buildCorpus(seedSources().reverse());
    expect(second.files).toEqual(first.files);

    const paths = first.files.map((file) => file.path);
    for (const node of first.graph.nodes.filter((candidate) => candidate.inCorpus)) {
      expect(paths).toContain(`plans/${node.id}.mdx`);
      expect(paths).toContain(`sources/${node.id}.txt`);
    }
    for (const edge of first.graph.edges) {
      for (const mention of edge.mentions) {
        const mdx = first.files.find((file) => file.path === `plans/${mention.plan}.mdx`)?.content ?? '';
        expect(mdx, `${mention.plan}#${mention.anchor}`).toContain(`id="${mention.anchor}"`);
      }
    }
    expect(first.files.find((file) => file.path === 'plans/ke-hoach-1062-kh-ubnd-tay-ninh-2024.mdx')?.content).toContain(
      'href="../nghi-dinh-21-2019-nd-cp/"',
    );
  });

  it('reports bad and duplicate files instead of failing', () => {
    const [first] = seedSources();
    const copy = source('thu-muc-b/000-ban-sao.txt', new TextEncoder().encode(first!.text ?? ''));
    const empty = source('thu-muc-a/rong.txt', new Uint8Array());
    const binary = source('nhi-phan.txt', new Uint8Array([0, 1, 2, 255, 254, 0, 0, 7]));
    const built = buildCorpus([...seedSources(), copy, empty, binary]);
    const entry = (file: string) => built.report.files.find((candidate) => candidate.file === file);
    expect(entry('thu-muc-b/000-ban-sao.txt')?.status).toBe('skipped');
    expect(entry('thu-muc-b/000-ban-sao.txt')?.messages.map((message) => message.code)).toContain('duplicate-plan');
    expect(entry('thu-muc-a/rong.txt')?.status).toBe('skipped');
    expect(entry('nhi-phan.txt')?.status).toBe('skipped');
    expect(built.report.files.filter((candidate) => candidate.status !== 'skipped')).toHaveLength(5);
  });

  it('builds a text whose header was lost, with its warning', () => {
    const headless = source(
      'mat-phan-dau.txt',
      new TextEncoder().encode(
        'Kính gửi: Sở Tài chính\n\nThực hiện Nghị định số 21/2019/NĐ-CP ngày 22/02/2019 của Chính phủ, đề nghị các đơn vị triển khai.\n',
      ),
    );
    const built = buildCorpus([...seedSources(), headless]);
    const entry = built.report.files.find((candidate) => candidate.file === 'mat-phan-dau.txt');
    expect(entry?.status).toBe('warnings');
    expect(entry?.messages.map((message) => message.code)).toContain('no-header');
    const cited = built.graph.edges.filter((edge) => edge.source === entry?.id).map((edge) => edge.target);
    expect(cited).toContain('nghi-dinh-21-2019-nd-cp');
  });
});
