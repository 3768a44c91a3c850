// The real server as a child process, as `npm start` runs it (one Node process with tsx as its loader), on a free
// loopback port: started, awaited until GET /api/ready answers, and stopped with SIGTERM (SIGKILL after a timeout).
// The shutdown spec, the benchmarks and the browser tests all start servers through here.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const MAIN = path.join(REPO_ROOT, 'packages/server/src/main.ts');

/** Settings of the developer's own environment that must not leak into a server started for a run. */
const ISOLATED = ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'NODE_ENV', 'LOG_LEVEL', 'PUBLIC_BASE_URL', 'TRUST_PROXY', 'TOTP_REQUIRED_ROLES'];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawning the process to the first 200 from GET /api/ready. */
  readyMs: number;
  /** The database the server reports: pglite or postgres. */
  database: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after the stop timeout; resolves once the process is gone. Idempotent. */
  stop(): Promise<{ code: number | null; timedOut: boolean }>;
}

export interface StartOptions {
  /** On top of PORT, HOST=127.0.0.1 and LOG_LEVEL=warn; the developer's DATABASE_URL, NODE_ENV … are removed. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
}

export async function startServerProcess({ env = {}, readyTimeoutMs = 120_000, stopTimeoutMs = 15_000 }: StartOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ISOLATED) delete childEnv[name];
  Object.assign(childEnv, { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, env);

  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const output = () => log;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  let stopping: Promise<{ code: number | null; timedOut: boolean }> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, timedOut: false };
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), stopTimeoutMs)))]);
      clearTimeout(timer);
      if (timedOut) child.kill('SIGKILL');
      return { code: await exited, timedOut };
    })());

  try {
    const database = await waitUntilReady(url, child, output, readyTimeoutMs);
    return { url, child, readyMs: performance.now() - started, database, output, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output().slice(-4000)}`);
    }
    try {
      const response = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return ((await response.json()) as { database: string }).database;
      await response.arrayBuffer();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${output().slice(-4000)}`);
}
