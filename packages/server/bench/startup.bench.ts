// Server start-up: `node --import tsx packages/server/src/main.ts` from spawn to the first 200 from GET /api/ready, on a new database
// (open, migrate, seed the demo data) and again on the same, already seeded database (a restart). Median of a few runs.
import { median, type Benchmark, type Result } from './harness.ts';

const RUNS = Number(process.env.BENCH_STARTUP_RUNS || 3);
const TARGET = '≤ 20000 ms';

const startup: Benchmark = {
  name: 'server start-up',
  async run(ctx) {
    const fresh: number[] = [];
    const restart: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const env = await ctx.freshDatabase();
      const first = await ctx.startServer(env);
      fresh.push(first.readyMs);
      await first.stop();
      const again = await ctx.startServer(env);
      restart.push(again.readyMs);
      await again.stop();
    }
    const results: Result[] = [
      { name: `start-up on a new database: migrate + seed (median of ${RUNS})`, value: median(fresh), unit: 'ms', target: TARGET },
      { name: `start-up on a seeded database: restart (median of ${RUNS})`, value: median(restart), unit: 'ms', target: TARGET },
    ];
    return results;
  },
};

export default startup;
