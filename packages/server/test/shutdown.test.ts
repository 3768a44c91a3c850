// Graceful shutdown: on SIGTERM the server stops accepting, lets the requests it is already serving finish, closes
// the database and (on PGlite) releases the data-folder lock, and exits 0.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from './harness.ts';
import { startServerProcess } from './server-process.ts';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase({ onDisk: true });
  await testDatabase.close(); // the server process opens it
});
afterAll(() => testDatabase?.dispose());

describe('graceful shutdown', () => {
  it('finishes the requests in flight, releases the database and exits 0', { timeout: 120_000 }, async () => {
    const server = await startServerProcess({ env: { ...testDatabase.env! } });
    try {
      // Logins are slow on purpose (argon2id): these are still being served when the signal arrives.
      const logins = Array.from({ length: 12 }, (_, i) =>
        fetch(`${server.url}/api/auth/staff/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: i % 2 ? 'clerk' : 'reviewer', password: DEMO_PASSWORD }),
        }).then((r) => r.status),
      );
      await new Promise((r) => setTimeout(r, 60));
      server.child.kill('SIGTERM');
      const settled = await Promise.allSettled(logins);
      expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : String((s.reason as Error).cause ?? s.reason))), server.output()).toEqual(Array(12).fill(200));
      expect(await server.exited).toBe(0);
      await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
      if (!testDatabase.env?.DATABASE_URL) expect(fs.existsSync(path.join(testDatabase.dataDir, 'onewindow.lock'))).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
