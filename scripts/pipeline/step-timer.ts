/**
 * Time the pipeline's steps for `VBG_PIPELINE_TIMINGS=1 npm run pipeline`: wall and CPU time
 * (user + system, this process and its worker threads) of each step, and the heap and
 * resident memory at its end, printed to stderr after the build. Off, it costs nothing.
 */

/** One timed step. */
interface Step {
  name: string;
  wallMs: number;
  cpuMs: number;
  heapMb: number;
  rssMb: number;
}

/** A timer of consecutive steps. */
export interface StepTimer {
  /** End the current step, naming it (the next one starts now). */
  mark(step: string): void;
  /** The steps as lines for the terminal ("" when off). */
  report(): string;
}

/**
 * @param enabled Whether to time at all.
 * @returns The timer.
 */
export function stepTimer(enabled: boolean): StepTimer {
  if (!enabled) return { mark: () => {}, report: () => '' };
  const steps: Step[] = [];
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return {
    mark(name) {
      const nowWall = performance.now();
      const used = process.cpuUsage(cpu);
      const memory = process.memoryUsage();
      steps.push({
        name,
        wallMs: nowWall - wall,
        cpuMs: (used.user + used.system) / 1000,
        heapMb: memory.heapUsed / 2 ** 20,
        rssMb: memory.rss / 2 ** 20,
      });
      wall = performance.now();
      cpu = process.cpuUsage();
    },
    report() {
      const total = steps.reduce((sum, step) => ({ wall: sum.wall + step.wallMs, cpu: sum.cpu + step.cpuMs }), {
        wall: 0,
        cpu: 0,
      });
      const row = (name: string, wallMs: number, cpuMs: number, tail: string): string =>
        `  ${name.padEnd(18)} ${(wallMs / 1000).toFixed(2).padStart(7)} s ${(cpuMs / 1000).toFixed(2).padStart(7)} s${tail}`;
      return [
        'Thời gian từng bước (thực / CPU; heap, RSS lúc kết thúc):',
        ...steps.map((step) =>
          row(
            step.name,
            step.wallMs,
            step.cpuMs,
            `  ${step.heapMb.toFixed(0).padStart(5)} MB ${step.rssMb.toFixed(0).padStart(5)} MB`,
          ),
        ),
        row('tổng', total.wall, total.cpu, ''),
      ].join('\n');
    },
  };
}
