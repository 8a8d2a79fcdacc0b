/**
 * The graph views in a real browser, on both test builds (root and sub-path), under the
 * site's strict CSP: the global graph draws the nodes of graph.json (up to its default cap)
 * and a tap opens a document; the local graph of Nghị định 21/2019/NĐ-CP draws its
 * neighbours; the edge table is there without JavaScript.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILDS, watchProblems, useBrowser, useServedBuild } from './harness.ts';
import { DEFAULT_CAPS } from '../../src/client/graph/select-view.ts';

const DOCUMENT = 'nghi-dinh-21-2019-nd-cp';

/**
 * Click the node `id` of the Cytoscape instance a page exposes, as a user would.
 *
 * @param page The page.
 * @param hook `__vbgGraph` or `__vbgLocalGraph`.
 * @param id Node id.
 */
async function clickNode(page: Page, hook: '__vbgGraph' | '__vbgLocalGraph', id: string): Promise<void> {
  const frames = (): Promise<void> =>
    page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  // The page may have grown since the canvas was scrolled to (sections unhidden by scripts):
  // bring the whole canvas into the viewport, then let the scroll event reach Cytoscape, which
  // caches the canvas offset, before computing where to click.
  await page.evaluate((name) => {
    const container = window[name as '__vbgGraph']?.cy.container() as HTMLElement | undefined;
    const box = container?.getBoundingClientRect();
    if (container && box && (box.top < 0 || box.bottom > window.innerHeight)) container.scrollIntoView({ block: 'nearest' });
  }, hook);
  await frames();
  const point = await page.evaluate(
    ([name, nodeId]) => {
      const cy = window[name as '__vbgGraph']?.cy;
      if (!cy) throw new Error(`no ${name}`);
      const node = cy.getElementById(nodeId as string);
      if (node.empty()) throw new Error(`node ${nodeId} not drawn`);
      // Bring it into view at a clickable size first.
      cy.zoom(1.5);
      cy.center(node);
      const box = (cy.container() as HTMLElement).getBoundingClientRect();
      const position = node.renderedPosition();
      return { x: box.left + position.x, y: box.top + position.y };
    },
    [hook, id],
  );
  await frames();
  await page.mouse.click(point.x, point.y);
}

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`graph (${name} build)`, () => {
    const served = useServedBuild(build);
    const browser = useBrowser();
    const graph = JSON.parse(readFileSync(path.join(build.dir, 'data/graph.json'), 'utf8')) as {
      nodes: { id: string; url: string }[];
      edges: { source: string; target: string }[];
    };

    it('draws the nodes of graph.json (up to the default cap) and opens a node from its details', async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const problems = watchProblems(page);
      await page.goto(`${served.url}do-thi/`);
      await page.waitForSelector('[data-graph-view][data-ready="true"]');
      const drawn = Number(await page.getAttribute('[data-graph-view]', 'data-node-count'));
      expect(drawn).toBe(Math.min(graph.nodes.length, DEFAULT_CAPS.nodes));

      await clickNode(page, '__vbgGraph', DOCUMENT);
      const link = page.locator(`[data-graph-details-body] a[data-node-link="${DOCUMENT}"]`);
      await link.waitFor();
      await expect(page.locator('[data-graph-announce]').textContent()).resolves.toContain('21/2019/NĐ-CP');
      await Promise.all([page.waitForURL(`${served.url}van-ban/${DOCUMENT}/`), link.click()]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('finds a node by words without diacritics', async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const problems = watchProblems(page);
      await page.goto(`${served.url}do-thi/`);
      await page.waitForSelector('[data-graph-view][data-ready="true"]');
      await page.fill('#graph-search-input', 'nghi dinh 21/2019/nd-cp');
      await page.press('#graph-search-input', 'Enter');
      await page.locator(`[data-graph-details-body] a[data-node-link="${DOCUMENT}"]`).waitFor();
      expect(problems).toEqual([]);
      await page.close();
    });

    it('draws the local graph of a document and opens a neighbour', async () => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems = watchProblems(page);
      await page.goto(`${served.url}van-ban/${DOCUMENT}/`);
      await page.locator('[data-local-graph]').scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-local-graph][data-ready="true"]');
      const neighbours = new Set(
        graph.edges.flatMap((edge) => (edge.source === DOCUMENT ? [edge.target] : edge.target === DOCUMENT ? [edge.source] : [])),
      );
      expect(neighbours.size).toBeGreaterThan(0);
      const drawn = Number(await page.getAttribute('[data-local-graph]', 'data-node-count'));
      expect(drawn).toBe(neighbours.size + 1);

      const neighbour = [...neighbours].sort()[0] as string;
      const url = graph.nodes.find((node) => node.id === neighbour)?.url;
      await Promise.all([page.waitForURL(`${served.url}${url}`), clickNode(page, '__vbgLocalGraph', neighbour)]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('labels only what fits on the local graph of a plan citing thirty documents, the plan always', async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchProblems(page);
      const plan = 'ke-hoach-1062-kh-ubnd-tay-ninh-2024';
      await page.goto(`${served.url}van-ban/${plan}/`);
      await page.locator('[data-local-graph]').scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-local-graph][data-ready="true"]');
      const shown = await page.evaluate(() => {
        const cy = window.__vbgLocalGraph?.cy;
        if (!cy) throw new Error('no local graph');
        const labelled = cy.nodes('.labelled');
        return {
          total: cy.nodes().length,
          ids: labelled.map((node) => node.id()),
          boxes: labelled.map((node) => node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true })),
        };
      });
      expect(shown.total).toBeGreaterThan(30);
      expect(shown.ids).toContain(plan);
      expect(shown.ids.length).toBeGreaterThan(3);
      expect(shown.ids.length).toBeLessThan(shown.total);
      // No two shown labels cover each other.
      for (let i = 0; i < shown.boxes.length; i++) {
        for (let j = i + 1; j < shown.boxes.length; j++) {
          const [a, b] = [shown.boxes[i]!, shown.boxes[j]!];
          expect(a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1, `${shown.ids[i]} / ${shown.ids[j]}`).toBe(true);
        }
      }
      expect(problems).toEqual([]);
      await page.close();
    });

    it('shows the edges as a table without JavaScript', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${served.url}do-thi/`);
      const rows = await page.locator('[data-edge-table] tbody tr').count();
      expect(rows).toBe(Math.min(graph.edges.length, 500));
      const href = await page.locator('[data-edge-table] tbody tr a').first().getAttribute('href');
      expect(href?.startsWith(`${build.base}van-ban/`)).toBe(true);
      expect(await page.locator('[data-graph-view] .graph-side').isVisible()).toBe(false);

      await page.goto(`${served.url}van-ban/${DOCUMENT}/`);
      expect(await page.locator('[data-local-graph] [data-edge-table] tbody tr').count()).toBeGreaterThan(0);
      await context.close();
    });
  });
}
