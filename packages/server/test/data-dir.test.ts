// The embedded database's folder: PGlite has no lock of its own, and two processes writing one folder would corrupt
// it, so OneWindow holds a lock file with its PID. These specs are about PGlite alone; a PostgreSQL run skips them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { acquireDataDirLock, DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { testDatabaseKind } from './harness.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(REPO_ROOT, 'packages/server/src/main.ts');

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-datadir-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(dataDir: string): Promise<Database> {
  const database = await openDatabase({ databaseUrl: null, dataDir });
  cleanup.push(() => database.close());
  return database;
}

/** The PID of a process that has exited (so no process has it, barring reuse within milliseconds). */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe.skipIf(testDatabaseKind() !== 'pglite')('the PGlite data directory lock', () => {
  // One folder held open by this test process for the whole file (PGlite takes a few seconds to create one).
  let heldDir: string;
  let held: Database | null = null;
  beforeAll(async () => {
    heldDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-datadir-held-'));
    held = await openDatabase({ databaseUrl: null, dataDir: heldDir });
  });
  afterAll(async () => {
    await held?.close();
    if (heldDir) fs.rmSync(heldDir, { recursive: true, force: true });
  });

  it('a second open of a folder this process already holds is refused with DataDirLockedError', async () => {
    const second = openDatabase({ databaseUrl: null, dataDir: heldDir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`PID ${process.pid}`);
    // The refusal leaves the holder's lock in place.
    expect(fs.readFileSync(path.join(heldDir, 'onewindow.lock'), 'utf8')).toBe(String(process.pid));
  });

  it('a server started on a folder another process holds exits with code 2 and says so in Chinese', { timeout: 90_000 }, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: heldDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      // Its own process group, so that a server which did start (the lock failing) is stopped with its tsx child.
      const child = spawn(TSX, [MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve({ code: exitCode, output });
      });
    });
    expect(output).toContain(`启动失败：数据目录 ${heldDir} 正被另一个 OneWindow 进程（PID ${process.pid}）使用`);
    expect(code).toBe(2);
  });

  it('releasing the lock removes the lock file, and the folder can be taken again', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'onewindow.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    release();
    expect(fs.existsSync(path.join(dir, 'onewindow.lock'))).toBe(false);
    acquireDataDirLock(dir)();
  });

  it('a lock left by a process that is gone is taken over', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'onewindow.lock'), String(await deadPid()));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'onewindow.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('a lock with this process’s PID that this process did not take (a restarted container reuses PIDs) is taken over', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'onewindow.lock'), String(process.pid));
    acquireDataDirLock(dir)();
  });

  it('a lock file that holds no PID is taken over too', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'onewindow.lock'), '');
    acquireDataDirLock(dir)();
  });

  it('data survives closing and reopening the folder, even after a crash left the lock behind', async () => {
    const dir = tempDir();
    const first = await openDatabase({ databaseUrl: null, dataDir: dir });
    await prepareDatabase(first);
    await first.db.insertInto('regions').values({ code: '13', name: '河北省', parent_code: null, level: 'province' }).execute();
    await first.close();
    fs.writeFileSync(path.join(dir, 'onewindow.lock'), String(await deadPid()));

    const reopened = await open(dir);
    expect(await prepareDatabase(reopened)).toEqual([]); // schema kept: nothing to migrate
    expect(await reopened.db.selectFrom('regions').select(['code', 'name']).execute()).toEqual([{ code: '13', name: '河北省' }]);
  });
});
