// `npm run bench`: runs every benchmark module bench/*.bench.ts (default export: a `Benchmark` from harness.ts) on
// PGlite and, when PostgreSQL answers, on PostgreSQL too, each against databases it creates and removes; prints a
// table and writes bench-results.json at the repo root as [{name, value, unit, target, database}].
//
//   npm run bench                      every module, every database that answers
//   npm run bench -- login             only modules whose file name contains "login"
//   BENCH_DB=pglite npm run bench      only one database kind (pglite | postgres)
//   BENCH_POSTGRES_URL=postgres://…    where to create the PostgreSQL databases (default postgres@127.0.0.1:5432)
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, createContext, killAllServers, postgresAnswers, type Benchmark, type DatabaseKind, type Result } from './harness.ts';

interface Row extends Result {
  database: DatabaseKind;
}

const BENCH_DIR = import.meta.dirname;
const OUTPUT = path.join(REPO_ROOT, 'bench-results.json');

async function loadBenchmarks(filter: string | undefined): Promise<Benchmark[]> {
  const files = fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
    .sort();
  const benchmarks: Benchmark[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as { default?: Benchmark };
    if (!mod.default || typeof mod.default.run !== 'function') throw new Error(`${file}: default export must be a Benchmark {name, run}`);
    benchmarks.push(mod.default);
  }
  return benchmarks;
}

async function databasesToRun(): Promise<DatabaseKind[]> {
  const all: DatabaseKind[] = ['pglite', 'postgres'];
  const only = process.env.BENCH_DB;
  const kinds = only ? all.filter((k) => k === only) : all;
  if (kinds.length === 0) throw new Error(`BENCH_DB must be pglite or postgres, not "${only}"`);
  if (!kinds.includes('postgres') || (await postgresAnswers())) return kinds;
  console.log('PostgreSQL does not answer (BENCH_POSTGRES_URL or postgres@127.0.0.1:5432): benchmarking PGlite only.');
  return kinds.filter((k) => k !== 'postgres');
}

function formatValue(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2);
}

function printTable(rows: Row[]): void {
  const table = rows.map((r) => [r.database, r.name, `${formatValue(r.value)} ${r.unit}`, r.target ?? '']);
  const header = ['database', 'benchmark', 'value', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const t of table) console.log(line(t));
}

async function main(): Promise<void> {
  const benchmarks = await loadBenchmarks(process.argv[2]);
  if (benchmarks.length === 0) throw new Error(`no benchmark module matches "${process.argv[2] ?? ''}" in ${BENCH_DIR}`);
  const rows: Row[] = [];
  for (const database of await databasesToRun()) {
    const ctx = createContext(database);
    try {
      for (const benchmark of benchmarks) {
        console.log(`\n== ${benchmark.name} on ${database}`);
        const started = performance.now();
        const results = await benchmark.run(ctx);
        await ctx.endModule();
        for (const r of results) {
          console.log(`   ${r.name}: ${formatValue(r.value)} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
          rows.push({ ...r, database });
        }
        console.log(`   (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
    } finally {
      await ctx.dispose();
    }
  }
  printTable(rows);
  fs.writeFileSync(
    OUTPUT,
    `${JSON.stringify(rows.map(({ name, value, unit, target, database }) => ({ name, value: Number(formatValue(value)), unit, target, database })), null, 2)}\n`,
  );
  console.log(`\nWritten to ${OUTPUT}`);
}

process.on('exit', killAllServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllServers();
    process.exit(130);
  });
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
