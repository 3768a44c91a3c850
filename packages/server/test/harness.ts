// The integration specs' harness: the real app (buildApp after migrations and the demo data) on a database of its
// own — in-memory PGlite, or a fresh PostgreSQL database, as TEST_DB says — and small clients that sign in as demo
// users and send their session cookie and CSRF token with every request, through app.inject (no network).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as OTPAuth from 'otpauth';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { LAST_ANNOUNCED_YEAR, type Role } from '@onewindow/domain';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openDatabase, type Database, type DatabaseKind } from '../src/db/database.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import type { DB } from '../src/db/schema.ts';
import { currentTotp } from '../src/modules/identity/credentials.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { SESSION_COOKIE } from '../src/platform/request-context.ts';
import type { SmsGateway } from '../src/platform/sms.ts';
import { DEMO_PASSWORD, seedDemoData } from '../src/seed/demo.ts';

export { DEMO_PASSWORD };
export type Response = LightMyRequestResponse;

/** PostgreSQL on which each test file creates (and afterwards drops) a database of its own. */
export const POSTGRES_ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export function testDatabaseKind(): DatabaseKind {
  const kind = process.env.TEST_DB || 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`TEST_DB 应为 pglite 或 postgres，实际为 "${kind}"`);
  return kind;
}

// ---- databases ----

export interface TestDatabase {
  database: Database;
  kind: DatabaseKind;
  /** A throw-away folder: DATA_DIR for uploaded files, and PGlite's files when on disk. */
  dataDir: string;
  /** Environment that points a child process (a CLI, the server) at this database; null for in-memory PGlite. */
  env: Record<string, string> | null;
  /** Closes the connection; the data stays until `dispose` (so a child process can open it). */
  close(): Promise<void>;
  /** Closes and removes everything: the PostgreSQL database, the folder. */
  dispose(): Promise<void>;
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations): in-memory PGlite, PGlite in a temp folder (`onDisk`), or a new PostgreSQL database. */
export async function createTestDatabase(options: { onDisk?: boolean } = {}): Promise<TestDatabase> {
  const kind = testDatabaseKind();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-test-'));
  let env: Record<string, string> | null;
  let dropDatabase = async () => {};
  let database: Database;
  if (kind === 'postgres') {
    const name = `ow_test_${crypto.randomBytes(6).toString('hex')}`;
    await withAdminClient((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString(), DATA_DIR: dataDir };
    dropDatabase = () =>
      withAdminClient(async (c) => {
        // pg's pool.end() resolves before its sockets have closed; a forced drop would then kill those sessions
        // mid-goodbye and their clients would raise an unhandled error. Wait for them to leave first.
        const deadline = Date.now() + 5000;
        while (Date.now() < deadline) {
          const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (rows[0]!.n === 0) break;
          await sleep(20);
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    database = await openDatabase({ databaseUrl: url.toString(), dataDir });
  } else {
    env = options.onDisk ? { DATA_DIR: dataDir } : null;
    database = await openDatabase({ databaseUrl: null, dataDir: options.onDisk ? dataDir : 'memory://' });
  }
  let closed: Promise<void> | null = null;
  const close = () => (closed ??= database.close());
  return {
    database,
    kind,
    dataDir,
    env,
    close,
    async dispose() {
      await close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---- the app ----

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<DB>;
  config: Config;
  testDatabase: TestDatabase;
  /** Stops the app and closes the database connection; the data stays until `close`. */
  stop(): Promise<void>;
  /** Stops the app and removes its database. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  smsGateway?: SmsGateway;
  config?: Partial<Config>;
  /** Load the demo data (default true). */
  seed?: boolean;
  /** PGlite in a temp folder instead of memory, so a child process can open it once the app has stopped. */
  onDisk?: boolean;
  /** Only the years the product ships (see {@link enterYearAfterShipped}); for tests of the refusal past them. */
  shippedCalendarOnly?: boolean;
}

/**
 * Tests run on the real date, and from late December a case's deadline reaches into the year after the last one the
 * product ships; in service an administrator enters that year once the State Council announces it. The test
 * database has it entered the same way (no holidays: weekends only), so the suite does not depend on the time of year.
 */
async function enterYearAfterShipped(db: Kysely<DB>): Promise<void> {
  const year = LAST_ANNOUNCED_YEAR + 1;
  await db.insertInto('calendar_years').values({ year, source: 'admin', updated_by: null }).execute();
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase({ onDisk: options.onDisk });
  try {
    await prepareDatabase(testDatabase.database);
    if (options.seed !== false) await seedDemoData(testDatabase.database.db);
    if (!options.shippedCalendarOnly) await enterYearAfterShipped(testDatabase.database.db);
    // The environment is not read: a developer's DATABASE_URL or DATA_DIR must not leak into the tests.
    const config: Config = {
      ...loadConfig({ DATA_DIR: testDatabase.dataDir, LOG_LEVEL: 'silent' }),
      databaseUrl: testDatabase.env?.DATABASE_URL ?? null,
      ...options.config,
    };
    const app = await buildApp({ config, database: testDatabase.database, logger: false, smsGateway: options.smsGateway });
    await app.ready();
    let stopped: Promise<void> | null = null;
    const stop = () => (stopped ??= app.close().then(() => testDatabase.close()));
    return {
      app,
      db: app.db,
      config,
      testDatabase,
      stop,
      async close() {
        await stop();
        await testDatabase.dispose();
      },
    };
  } catch (error) {
    await testDatabase.dispose();
    throw error;
  }
}

// ---- clients ----

export interface RequestOptions {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** Send the CSRF token on writes (default true); false leaves it out. */
  csrf?: boolean;
}

export interface Client {
  readonly label: string;
  /** Null for an anonymous client. */
  readonly sessionToken: string | null;
  readonly csrfToken: string | null;
  /** The login response's `me`. */
  readonly me: Record<string, unknown> | null;
  request(method: InjectOptions['method'], url: string, body?: unknown, options?: RequestOptions): Promise<Response>;
  get(url: string, options?: RequestOptions): Promise<Response>;
  post(url: string, body?: unknown, options?: RequestOptions): Promise<Response>;
  put(url: string, body?: unknown, options?: RequestOptions): Promise<Response>;
  patch(url: string, body?: unknown, options?: RequestOptions): Promise<Response>;
  delete(url: string, options?: RequestOptions): Promise<Response>;
}

let clientCount = 0;

/**
 * Each client comes from an address of its own (a string for app.inject; nothing is sent anywhere), so the per-address
 * rate limits of login and SMS routes count each simulated user separately, as they would in a hall.
 */
function nextAddress(): string {
  clientCount++;
  return `127.0.${(clientCount >> 8) & 255}.${clientCount & 255}`;
}

function makeClient(app: FastifyInstance, label: string, session: { token: string; csrfToken: string; me: Record<string, unknown> } | null): Client {
  const remoteAddress = nextAddress();
  const request = (method: InjectOptions['method'], url: string, body?: unknown, options: RequestOptions = {}) => {
    const headers: Record<string, string> = {};
    if (session && options.csrf !== false && !['GET', 'HEAD'].includes(String(method).toUpperCase())) headers['x-csrf-token'] = session.csrfToken;
    Object.assign(headers, options.headers);
    return app.inject({
      method,
      url,
      query: options.query,
      headers,
      remoteAddress,
      cookies: session ? { [SESSION_COOKIE]: session.token } : undefined,
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
  };
  return {
    label,
    sessionToken: session?.token ?? null,
    csrfToken: session?.csrfToken ?? null,
    me: session?.me ?? null,
    request,
    get: (url, options) => request('GET', url, undefined, options),
    post: (url, body, options) => request('POST', url, body, options),
    put: (url, body, options) => request('PUT', url, body, options),
    patch: (url, body, options) => request('PATCH', url, body, options),
    delete: (url, options) => request('DELETE', url, undefined, options),
  };
}

export function anonymous(app: FastifyInstance): Client {
  return makeClient(app, 'anonymous', null);
}

function sessionFrom(response: Response, label: string) {
  if (response.statusCode !== 200 && response.statusCode !== 201) {
    throw new Error(`${label} could not sign in: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`${label}: the login response set no ${SESSION_COOKIE} cookie`);
  const body = response.json() as { me: Record<string, unknown>; csrfToken: string };
  return { token: cookie.value, csrfToken: body.csrfToken, me: body.me };
}

/** Signs a staff member in (demo password by default); adds a fresh TOTP code when the account has TOTP enabled. */
export async function loginStaff(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const totp = await unusedTotpCode(app, username);
  const response = await anonymous(app).post('/api/auth/staff/login', { username, password, ...(totp ? { totp } : {}) });
  return makeClient(app, username, sessionFrom(response, username));
}

/** Signs an applicant in with phone and password (demo password by default). */
export async function loginApplicant(app: FastifyInstance, phone: string, password = DEMO_PASSWORD): Promise<Client> {
  const response = await anonymous(app).post('/api/auth/applicant/login', { phone, password });
  return makeClient(app, phone, sessionFrom(response, phone));
}

/** A client for a session obtained elsewhere (e.g. by registration). */
export function clientFromLogin(app: FastifyInstance, response: Response, label: string): Client {
  return makeClient(app, label, sessionFrom(response, label));
}

// ---- TOTP ----

const TOTP_PERIOD_MS = 30_000;

/** The code of one 30-second time step, as an authenticator app shows it. */
export function totpForStep(secret: string, label: string, step: number): string {
  if (step === Math.floor(Date.now() / TOTP_PERIOD_MS)) return currentTotp(secret, label);
  const totp = new OTPAuth.TOTP({ issuer: '一窗通办', label, secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: step * TOTP_PERIOD_MS });
}

/** A six-digit code that is valid for no time step the server accepts now (previous, current, next). */
export function invalidTotpCode(secret: string, label: string): string {
  const step = Math.floor(Date.now() / TOTP_PERIOD_MS);
  const valid = new Set([-1, 0, 1, 2].map((d) => totpForStep(secret, label, step + d)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/**
 * A valid code whose time step the account has not used yet (a used step is refused as a replay): the current step,
 * else the next one (accepted as clock drift), else wait for the clock to move on. Null when TOTP is off.
 */
export async function unusedTotpCode(app: FastifyInstance, username: string): Promise<string | null> {
  for (;;) {
    const staff = await app.db.selectFrom('staff').select(['totp_enabled', 'totp_secret', 'totp_last_step']).where('username', '=', username).executeTakeFirst();
    if (!staff?.totp_enabled || !staff.totp_secret) return null;
    const now = Math.floor(Date.now() / TOTP_PERIOD_MS);
    const step = [now, now + 1].find((s) => staff.totp_last_step === null || s > staff.totp_last_step);
    if (step !== undefined) return totpForStep(staff.totp_secret, username, step);
    await sleep(TOTP_PERIOD_MS - (Date.now() % TOTP_PERIOD_MS) + 50);
  }
}

// ---- data helpers ----

/** Adds a staff member straight to the database (demo password unless given). */
export async function addStaff(
  app: FastifyInstance,
  s: { username: string; name?: string; roles: { role: Role; regionCode: string; departmentId?: string | null }[]; password?: string },
): Promise<string> {
  const passwordHash = await hashPassword(s.password ?? DEMO_PASSWORD);
  return app.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('staff')
      .values({ username: s.username, name: s.name ?? s.username, phone: '13900009999', password_hash: passwordHash, totp_secret: null, totp_enabled: false, totp_last_step: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('staff_roles')
      .values(s.roles.map((r) => ({ staff_id: row.id, role: r.role, region_code: r.regionCode, department_id: r.departmentId ?? null })))
      .execute();
    return row.id;
  });
}

type Table = keyof DB;

export async function countRows(db: Kysely<DB>, table: Table): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts of several tables, to show that a refused request changed nothing. */
export async function snapshotCounts(db: Kysely<DB>, tables: Table[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = await countRows(db, t);
  return counts;
}

export async function latestAudit(db: Kysely<DB>) {
  return db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A valid resident ID number (GB 11643) with the given 17-digit body. */
export function residentId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body17[i]), 0);
  return body17 + '10X98765432'[sum % 11]!;
}

export const DEMO = {
  person: { phone: '13800000001', idNumber: '130102199003075314' },
  company: { phone: '13800000002' },
} as const;
