// Graceful shutdown: on SIGTERM the server stops accepting, lets the requests it is already serving finish, closes
// the database and (on PGlite) releases the data-folder lock, and exits 0.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from './harness.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const MAIN = path.join(REPO_ROOT, 'packages/server/src/main.ts');

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase({ onDisk: true });
  await testDatabase.close(); // the server process opens it
});
afterAll(() => testDatabase?.dispose());

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitUntilReady(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become ready');
}

describe('graceful shutdown', () => {
  it('finishes the requests in flight, releases the database and exits 0', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, ...testDatabase.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    if (!testDatabase.env?.DATABASE_URL) delete env.DATABASE_URL;
    delete env.NODE_ENV;
    // As `npm start` runs it: one Node process with tsx as its loader (the tsx CLI wrapper would relay the signal
    // through a second process, and kill a child that is slow to acknowledge it).
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const killer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 100_000);
    try {
      await waitUntilReady(url, Date.now() + 90_000);
      // Logins are slow on purpose (argon2id): these are still being served when the signal arrives.
      const logins = Array.from({ length: 12 }, (_, i) =>
        fetch(`${url}/api/auth/staff/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: i % 2 ? 'clerk' : 'reviewer', password: DEMO_PASSWORD }),
        }).then((r) => r.status),
      );
      await new Promise((r) => setTimeout(r, 60));
      process.kill(child.pid!, 'SIGTERM');
      const settled = await Promise.allSettled(logins);
      expect(settled.map((s) => (s.status === "fulfilled" ? s.value : String((s.reason as Error).cause ?? s.reason))), output).toEqual(Array(12).fill(200));
      expect(await exited).toBe(0);
      await expect(fetch(`${url}/api/health`)).rejects.toThrow();
      if (!testDatabase.env?.DATABASE_URL) expect(fs.existsSync(path.join(testDatabase.dataDir, 'onewindow.lock'))).toBe(false);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`, { cause: error });
    } finally {
      clearTimeout(killer);
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  });
});
