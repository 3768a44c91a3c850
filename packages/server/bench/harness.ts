// What a benchmark module sees: the interface it implements, and a context that hands out fresh databases and real
// server processes (`node --import tsx packages/server/src/main.ts`, as `npm start` runs it) on 127.0.0.1. Requests go only to
// loopback; every wait is bounded in time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { REPO_ROOT, startServerProcess, type ServerProcess } from '../test/server-process.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Result {
  name: string;
  value: number;
  unit: string;
  /** What the project promises, e.g. "≤ 20000 ms"; null when there is no target. */
  target: string | null;
}

/** A file `bench/<name>.bench.ts` whose default export is one of these is run by `npm run bench`. */
export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<Result[]>;
}

export interface ServerHandle {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Milliseconds from spawning the process to the first 200 from GET /api/ready. */
  readyMs: number;
  /** The server's own process (node, not a wrapper): for reading its memory in /proc/<pid>/status. */
  pid: number;
  stop(): Promise<void>;
}

export interface BenchContext {
  database: DatabaseKind;
  /** Environment that points a server at a new, empty database (a temp DATA_DIR, or a new PostgreSQL database). */
  freshDatabase(): Promise<Record<string, string>>;
  /** Starts a server on `env` (from `freshDatabase`) and resolves once it is ready. */
  startServer(env: Record<string, string>): Promise<ServerHandle>;
  /** A running server on this run's shared database, seeded with the demo data; started once per module. */
  seededServer(): Promise<ServerHandle>;
}

export { REPO_ROOT };

/** PostgreSQL to create and drop the benchmark databases on; its user must be allowed to CREATE DATABASE. */
export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const running = new Set<ServerProcess>();
/** Kills every server still running (the runner calls this on its way out, whatever happened). */
export function killAllServers(): void {
  for (const server of running) server.child.kill('SIGKILL');
  running.clear();
}

async function startServer(env: Record<string, string>): Promise<ServerHandle> {
  const server = await startServerProcess({
    // As behind a reverse proxy on the same machine: the client address comes from X-Forwarded-For, which the login
    // benchmark sets so that the per-address login rate limit does not cap what it measures.
    env: { TRUST_PROXY: '127.0.0.1', ...env },
  });
  running.add(server);
  return {
    url: server.url,
    readyMs: server.readyMs,
    pid: server.child.pid!,
    async stop() {
      running.delete(server);
      await server.stop();
    },
  };
}

/** One database kind's context; `dispose` stops its servers and removes every database it made. */
export function createContext(database: DatabaseKind): BenchContext & { endModule(): Promise<void>; dispose(): Promise<void> } {
  const tempDirs: string[] = [];
  const pgDatabases: string[] = [];
  let shared: { env: Record<string, string> } | null = null;
  let sharedServer: ServerHandle | null = null;

  const freshDatabase = async (): Promise<Record<string, string>> => {
    if (database === 'pglite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-bench-'));
      tempDirs.push(dir);
      return { DATA_DIR: dir };
    }
    const name = `onewindow_bench_${process.pid}_${pgDatabases.length + 1}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    pgDatabases.push(name);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    // Uploaded files still live under DATA_DIR/files: a throw-away folder, not the developer's data/.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-bench-files-'));
    tempDirs.push(dir);
    return { DATABASE_URL: url.toString(), DATA_DIR: dir };
  };

  return {
    database,
    freshDatabase,
    startServer,
    async seededServer() {
      if (sharedServer) return sharedServer;
      shared ??= { env: await freshDatabase() };
      sharedServer = await startServer(shared.env);
      return sharedServer;
    },
    /** The shared server stops between modules so that one module's server does not load the next one's timings. */
    async endModule() {
      await sharedServer?.stop();
      sharedServer = null;
    },
    async dispose() {
      await sharedServer?.stop();
      sharedServer = null;
      for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
      if (pgDatabases.length > 0) {
        const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
        await admin.connect();
        try {
          for (const name of pgDatabases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      }
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
