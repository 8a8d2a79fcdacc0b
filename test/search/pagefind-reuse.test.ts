import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/integrations/pagefind.ts';
import { fileIdentity } from '../../src/fs/file-identity.ts';
import { DIGEST_RECORD, readDigestRecord, writeDigestRecord } from '../../src/integrations/pagefind-digests.ts';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vbg-reuse-'));
  made.push(dir);
  return dir;
}

/** A plan page as the site writes it: the indexed element, a node id, a header and footer around. */
function planPage(index: number, extra = ''): string {
  return (
    `<!doctype html><html lang="vi"><head><title>Kế hoạch ${index}</title></head><body><header>Văn bản</header>` +
    `<main id="noi-dung" data-pagefind-body><h1>Kế hoạch số ${index}/KH-UBND về bảo đảm an ninh</h1>` +
    `<span hidden data-node-id="ke-hoach-${index}"></span><p>Căn cứ Nghị định số 21/2019/NĐ-CP; triển khai đợt ${index}.${extra}</p>` +
    `</main><footer>Đơn vị</footer></body></html>`
  );
}

/** Twelve plan pages and one page Pagefind does not index. */
function writeSite(dir: string, edit?: { index: number; extra: string }): void {
  for (let index = 0; index < 12; index += 1) {
    mkdirSync(path.join(dir, `van-ban/ke-hoach-${index}`), { recursive: true });
    writeFileSync(
      path.join(dir, `van-ban/ke-hoach-${index}/index.html`),
      planPage(index, index === edit?.index ? edit.extra : ''),
    );
  }
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="vi"><body><p>Trang chủ</p></body></html>');
}

/** The next build's site as the page store makes it: every page hard-linked from the last one, but `changed`. */
function linkSite(from: string, to: string, changed: Record<string, string> = {}): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.relative(from, path.join(entry.parentPath, entry.name));
    if (file.startsWith('pagefind')) continue;
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    if (changed[file] === undefined) linkSync(path.join(from, file), path.join(to, file));
    else writeFileSync(path.join(to, file), changed[file]);
  }
}

/** Every file of a folder, relative path → bytes. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const options = (storeDir?: string) => ({ pagesPerShard: 4, ...(storeDir ? { storeDir } : {}) });

describe('a rebuild of the search index with the pages of the last build', () => {
  it('reindexes only the part of the edited page, reads no unchanged page again, and equals a clean index', async () => {
    const root = await scratch();
    const store = path.join(root, 'store');
    const first = path.join(root, 'first');
    writeSite(first);
    const cold = await indexSite(first, null, options(store));
    expect(cold.shards).toBe(2);
    expect(cold.reusedShards).toBe(0);
    expect(existsSync(path.join(store, DIGEST_RECORD))).toBe(true);

    // One plan edited; every other page is the same file as before.
    const edited = 'van-ban/ke-hoach-5/index.html';
    const second = path.join(root, 'second');
    linkSite(first, second, { [edited]: planPage(5, ' Bổ sung một câu.') });
    const warm = await indexSite(second, null, options(store));
    expect(warm.shards).toBe(2);
    expect(warm.reusedShards).toBe(1);

    // The same pages indexed from scratch, without a store, give the same index byte for byte.
    const clean = path.join(root, 'clean');
    writeSite(clean, { index: 5, extra: ' Bổ sung một câu.' });
    await indexSite(clean, null, options());
    expect(tree(path.join(second, 'pagefind'))).toEqual(tree(path.join(clean, 'pagefind')));

    // Nothing changed: every part reused, the same index again.
    const third = path.join(root, 'third');
    linkSite(second, third);
    expect((await indexSite(third, null, options(store))).reusedShards).toBe(2);
    expect(tree(path.join(third, 'pagefind'))).toEqual(tree(path.join(clean, 'pagefind')));
  });

  it('reuses every part when only a part Pagefind ignores changed (a cited document gains a citing plan)', async () => {
    const root = await scratch();
    const store = path.join(root, 'store');
    const citedBy = (...plans: string[]) =>
      `<section data-pagefind-ignore>${plans.map((plan) => `<p>Được dẫn chiếu bởi Kế hoạch số ${plan}</p>`).join('')}</section>`;
    const first = path.join(root, 'first');
    writeSite(first, { index: 3, extra: citedBy('7/KH-UBND') });
    await indexSite(first, null, options(store));

    const cited = 'van-ban/ke-hoach-3/index.html';
    const second = path.join(root, 'second');
    linkSite(first, second, { [cited]: planPage(3, citedBy('7/KH-UBND', '12/KH-UBND')) });
    expect((await indexSite(second, null, options(store))).reusedShards).toBe(2);
    const clean = path.join(root, 'clean');
    writeSite(clean, { index: 3, extra: citedBy('7/KH-UBND', '12/KH-UBND') });
    await indexSite(clean, null, options());
    expect(tree(path.join(second, 'pagefind'))).toEqual(tree(path.join(clean, 'pagefind')));

    // An ignored part holding a filter is read by Pagefind: its part is made again.
    const filtered =
      '<section data-pagefind-ignore><span data-pagefind-filter="type[data-type]" data-type="Nghị định"></span></section>';
    const third = path.join(root, 'third');
    linkSite(second, third, { [cited]: planPage(3, filtered) });
    expect((await indexSite(third, null, options(store))).reusedShards).toBe(1);
  });

  it('reuses every part when only a link target changed (a plan’s rà soát rows move to the next page)', async () => {
    const root = await scratch();
    const store = path.join(root, 'store');
    const review = (page: number, text = 'Xem rà soát') => ` · <a href="/ra-soat/trang/${page}/#ra-soat-ke-hoach-3">${text}</a>`;
    const first = path.join(root, 'first');
    writeSite(first, { index: 3, extra: review(2) });
    await indexSite(first, null, options(store));

    const plan = 'van-ban/ke-hoach-3/index.html';
    const second = path.join(root, 'second');
    linkSite(first, second, { [plan]: planPage(3, review(3)) });
    expect((await indexSite(second, null, options(store))).reusedShards).toBe(2);
    const clean = path.join(root, 'clean');
    writeSite(clean, { index: 3, extra: review(3) });
    await indexSite(clean, null, options());
    expect(tree(path.join(second, 'pagefind'))).toEqual(tree(path.join(clean, 'pagefind')));

    // The link's text is indexed: changing it makes its part again.
    const third = path.join(root, 'third');
    linkSite(second, third, { [plan]: planPage(3, review(3, 'Xem bảng rà soát')) });
    expect((await indexSite(third, null, options(store))).reusedShards).toBe(1);
  });

  it('takes an unchanged page’s digest from the record and reads any page that is another file', async () => {
    const root = await scratch();
    const store = path.join(root, 'store');
    const first = path.join(root, 'first');
    writeSite(first);
    await indexSite(first, null, options(store));
    const record = await readDigestRecord(store);
    expect(record.size).toBe(13);
    expect(record.get('index.html')?.digest).toEqual({ body: null, nodeId: null });
    expect(record.get('van-ban/ke-hoach-3/index.html')?.digest.nodeId).toBe('ke-hoach-3');

    // A record saying another thing of a linked page is believed (the page is not read), so its part is made again…
    const linked = 'van-ban/ke-hoach-3/index.html';
    const entry = record.get(linked)!;
    record.set(linked, { ...entry, digest: { ...entry.digest, body: '0'.repeat(64) } });
    await writeDigestRecord(store, record);
    const second = path.join(root, 'second');
    linkSite(first, second);
    expect((await indexSite(second, null, options(store))).reusedShards).toBe(1);

    // …while a copy (a new file with the same bytes) is read: its true digest makes the part's
    // true fingerprint, which the last build did not use (so it was pruned): made again. Had the
    // record been believed again, the part stored under the false one would have been reused.
    const third = path.join(root, 'third');
    cpSync(second, third, { recursive: true });
    expect((await indexSite(third, null, options(store))).reusedShards).toBe(1);
  });

  it('ignores a damaged record: every page is read', async () => {
    const root = await scratch();
    const store = path.join(root, 'store');
    const first = path.join(root, 'first');
    writeSite(first);
    await indexSite(first, null, options(store));
    const file = path.join(store, DIGEST_RECORD);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('ke-hoach-3', 'ke-hoach-4'));
    expect((await readDigestRecord(store)).size).toBe(0);
    writeFileSync(file, '{"truncated');
    expect((await readDigestRecord(store)).size).toBe(0);
    const second = path.join(root, 'second');
    linkSite(first, second);
    expect((await indexSite(second, null, options(store))).reusedShards).toBe(2);
  });
});

describe('fileIdentity', () => {
  it('is kept by a hard link and changed by a rewrite, even of the same bytes', async () => {
    const root = await scratch();
    const file = path.join(root, 'a.html');
    writeFileSync(file, 'một');
    const before = await fileIdentity(file);
    linkSync(file, path.join(root, 'b.html'));
    expect(await fileIdentity(path.join(root, 'b.html'))).toBe(before);
    writeFileSync(path.join(root, 'c.html'), 'một');
    expect(await fileIdentity(path.join(root, 'c.html'))).not.toBe(before);
    expect(await fileIdentity(path.join(root, 'missing.html'))).toBeNull();
  });
});
