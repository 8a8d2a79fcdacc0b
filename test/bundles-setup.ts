/**
 * Before the unit tests: make the build's bundles (scripts/bundle/bundles.mjs) fresh once,
 * so the robustness tests that start `npm run pipeline` / `npm run build` concurrently find
 * them ready instead of each bundling at once, and so a test that runs the pipeline as another
 * user (sources.test.ts), who may not write under .cache/, loads the bundle rather than
 * falling back to tsx with a warning.
 */
import { bundledEntry, GROUPS } from '../scripts/bundle/bundles.mjs';

export default async function setup(): Promise<void> {
  for (const [group, entries] of Object.entries(GROUPS)) {
    if (!(await bundledEntry(group, entries[0]!))) throw new Error(`Không đóng gói được “${group}” trước các bài kiểm thử.`);
  }
}
