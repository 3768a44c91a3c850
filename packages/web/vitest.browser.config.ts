// The browser specs (e2e/*.e2e.ts): journeys people take, in Debian's Chromium against the real server and the built
// web app. Each file starts its own server and browser; files run one at a time, as a 2-core machine can afford.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    globalSetup: ['e2e/global-setup.ts'],
    // Server start-up (PGlite, migrations, demo data) takes 5–10 s; a journey clicks through several pages.
    hookTimeout: 120_000,
    testTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
