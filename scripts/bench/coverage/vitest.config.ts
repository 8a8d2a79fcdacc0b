/**
 * Vitest config of the coverage benchmark's in-Astro half (`measure.run.ts`): Astro's own Vite
 * config, so .astro components import and render as in `astro build`.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: { include: ['scripts/bench/coverage/measure.run.ts'], testTimeout: 1_800_000 },
} as Parameters<typeof getViteConfig>[0]);
