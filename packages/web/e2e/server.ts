// What every browser spec needs: the real server (as `npm start` runs it) on a database of its own, a headless
// Chromium, pages pointed at the server, and on failure a screenshot of every open page plus the server's log in
// test-results/. Each spec file calls `useE2E()` once; the files run one after another (one browser at a time).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, type TestContext } from 'vitest';
import { LAST_ANNOUNCED_YEAR } from '@onewindow/domain';
import { currentTotp } from '../../server/src/modules/identity/credentials.ts';
import { DEMO_ADMIN_TOTP_SECRET } from '../../server/src/seed/demo.ts';
import { launchChromium } from '../../server/test/chromium.ts';
import { startServerProcess, type ServerProcess } from '../../server/test/server-process.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'packages/web/test-results');
export const DEMO_PASSWORD = 'Demo@2026';

const READY_TIMEOUT_MS = 90_000;

// ---- the server ----

export interface E2EServer {
  baseURL: string;
  /** Everything the server has written to stdout and stderr so far. */
  output(): string;
  /**
   * The 6-digit code of the newest SMS to `phone` logged after `since` (an `output().length` taken before the code was
   * asked for). The local SMS gateway logs each message's text with the phone number masked (138****0009).
   */
  waitForSmsCode(phone: string, since: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * E2E_DATABASE_URL names a PostgreSQL server on which each spec file creates a database of its own (dropped
 * afterwards), so the server seeds fresh demo data as it does on an empty database; without it, PGlite in DATA_DIR.
 */
async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const adminUrl = process.env.E2E_DATABASE_URL;
  if (!adminUrl) return null;
  const name = `ow_e2e_${crypto.randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Starts the server (through the shared starter, as `npm start` runs it) on a free port and a fresh database, at log
 * level info so that SMS codes can be read from its log. It serves the web app as last built (global-setup.ts checks).
 */
export async function startServer(): Promise<E2EServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-e2e-'));
  const postgres = await createPostgresDatabase();
  let server: ServerProcess;
  try {
    server = await startServerProcess({
      env: { DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}), NODE_ENV: 'test', LOG_LEVEL: 'info', SEED_DEMO_DATA: 'true' },
      readyTimeoutMs: READY_TIMEOUT_MS,
    });
  } catch (error) {
    await postgres?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const baseURL = server.url;
  const output = server.output;

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      // SIGTERM lets the server finish its requests and close the database.
      const { timedOut } = await server.stop();
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (timedOut) throw new Error('the server did not stop within 15 s of SIGTERM');
    })());

  const expected = postgres ? 'postgres' : 'pglite';
  if (server.database !== expected) {
    await stop().catch(() => {});
    throw new Error(`the server runs on ${server.database}, not on ${expected} as the run asked`);
  }

  try {
    await enterYearAfterShipped(baseURL);
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }

  return {
    baseURL,
    output,
    stop,
    async waitForSmsCode(phone, since) {
      const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const code = latestSmsCode(output().slice(since), masked);
        if (code) return code;
        await sleep(100);
      }
      throw new Error(`no SMS to ${masked} appeared in the server log`);
    },
  };
}

/**
 * The browser tests run on the real date, and from late December a case's deadline reaches into the year after the last
 * one the product ships. As in the server tests (test/harness.ts), that year is entered the way an administrator enters
 * it once announced — here through the API as the demo administrator (no holidays: weekends only).
 */
async function enterYearAfterShipped(baseURL: string): Promise<void> {
  const year = LAST_ANNOUNCED_YEAR + 1;
  const login = await fetch(`${baseURL}/api/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD, totp: currentTotp(DEMO_ADMIN_TOTP_SECRET, 'admin') }),
  });
  if (!login.ok) throw new Error(`the demo administrator could not sign in: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const entered = await fetch(`${baseURL}/api/calendar/${year}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ holidays: [], workdays: [] }),
  });
  if (!entered.ok) throw new Error(`entering the calendar of ${year} failed: ${entered.status} ${await entered.text()}`);
}

function latestSmsCode(log: string, maskedPhone: string): string | null {
  let code: string | null = null;
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { to?: unknown; text?: unknown };
    try {
      entry = JSON.parse(line) as { to?: unknown; text?: unknown };
    } catch {
      continue;
    }
    if (entry.to !== maskedPhone || typeof entry.text !== 'string') continue;
    code = /验证码为\s*(\d{6})/.exec(entry.text)?.[1] ?? code;
  }
  return code;
}

// ---- one spec file ----

export interface E2E {
  server(): E2EServer;
  /** A page in a browser context of its own (its own cookies: one user), at the server's baseURL, in Chinese. */
  newPage(): Promise<Page>;
}

/**
 * Starts the server and the browser before the file's tests and stops both after them. Each test's contexts are closed
 * after it, once every open page has been photographed if the test failed.
 */
export function useE2E(): E2E {
  let server: E2EServer | null = null;
  let browser: Browser | null = null;
  let contexts: BrowserContext[] = [];
  let anyFailed = false;
  let fileName = 'e2e';

  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startServer(), launchChromium()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });

  afterEach(async (context) => {
    fileName = path.basename(context.task.file.name, '.e2e.ts');
    if (context.task.result?.state === 'fail') {
      anyFailed = true;
      await screenshotAll(contexts, context, fileName);
    }
    const closing = contexts;
    contexts = [];
    await Promise.all(closing.map((c) => c.close().catch(() => {})));
  });

  afterAll(async () => {
    await browser?.close();
    if (server && anyFailed) {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      fs.writeFileSync(path.join(RESULTS_DIR, `${fileName}-server.log`), server.output());
    }
    await server?.stop();
  });

  return {
    server() {
      if (!server) throw new Error('the server is not running (useE2E() starts it in beforeAll)');
      return server;
    },
    async newPage() {
      if (!browser || !server) throw new Error('the browser is not running (useE2E() starts it in beforeAll)');
      const context = await browser.newContext({
        baseURL: server.baseURL,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1366, height: 900 },
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      // A missing element fails the step in seconds, with its selector, rather than at the test timeout.
      page.setDefaultTimeout(15_000);
      page.setDefaultNavigationTimeout(30_000);
      return page;
    },
  };
}

async function screenshotAll(contexts: BrowserContext[], context: TestContext, fileName: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const testName = context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80);
  const pages = contexts.flatMap((c) => c.pages());
  for (const [index, page] of pages.entries()) {
    const file = path.join(RESULTS_DIR, `${fileName}-${testName}-${index + 1}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
      console.error(`screenshot of ${page.url()}: ${path.relative(REPO_ROOT, file)}`);
    } catch (error) {
      console.error(`could not photograph ${page.url()}: ${(error as Error).message}`);
    }
  }
}

// ---- small helpers ----

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Signs a staff member in through the login page's staff tab and waits for the workbench. */
export async function loginStaff(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login?tab=staff');
  await page.getByRole('tab', { name: '工作人员登录' }).click();
  await page.locator('#login_staff_username').fill(username);
  await page.locator('#login_staff_password').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/workbench(\/|$)/);
}

/** A valid 18-digit resident ID number (GB 11643 check digit) with the given 17-digit body. */
export function residentId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(body17[i]), 0);
  return body17 + '10X98765432'[sum % 11]!;
}
