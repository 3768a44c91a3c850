// One Vitest run covers the domain unit specs (beside the code) and the server's integration specs, on the database
// chosen by TEST_DB (pglite, the default, or postgres). `bash scripts/test.sh` runs it once for each database.
import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
    // The web app has its own (browser) tests.
    exclude: ['packages/web/**', '**/node_modules/**', '**/dist/**'],
    // PGlite is WebAssembly with a large heap: a process per test file keeps files apart and frees it afterwards.
    pool: 'forks',
    // Vitest's default (one fewer than the cores) leaves a 2-core machine running one file at a time; PGlite start-up
    // is mostly CPU, and two at once finish the suite sooner there.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    globalSetup: ['packages/server/test/global-setup.ts'],
    // Each integration file starts its own app on its own database (PGlite ≈ 2–3 s, PostgreSQL a CREATE DATABASE).
    hookTimeout: 60_000,
    testTimeout: 30_000,
    teardownTimeout: 30_000,
  },
});
