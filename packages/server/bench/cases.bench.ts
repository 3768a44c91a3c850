// Cases at scale. (a) Intake throughput: concurrent keep-alive clients, each signed in as the demo clerk, send the
// window intake with the on-the-spot acceptance (one POST /api/cases: the case, 5 materials, 受理) for a fixed time
// after a warm-up, each case with its own applicant and Idempotency-Key; on PostgreSQL, pgbench's built-in TPC-B-like
// script then runs with the same client count against the same database server, and the ratio cases/s ÷ pgbench TPS
// says how much of what the database can do the product turns into cases. (b) Worklists with 1,000,000 cases bulk
// loaded by SQL before the server starts (a realistic mix of statuses, departments, regions and due dates): a
// reviewer's 待办 (first page and page 50 by cursor) and 已办, a supervisor's 已超期 and 全部 (by application time and by
// due date), a clerk's 待办, sequentially over HTTP (latency, not throughput). (c) The server's resident memory (VmRSS)
// under the intake load. CPU used by the server, PostgreSQL, the load generator and pgbench (from /proc) is reported
// alongside, to say where the time goes on a small machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { Pool } from 'undici';
import { sql, type Kysely } from 'kysely';
import { beijingToday, parseCaseNumber, reviewSteps, sampleGuide, type GuideContent, type Material } from '@onewindow/domain';
import { POSTGRES_ADMIN_URL, percentile, type BenchContext, type Benchmark, type Result, type ServerHandle } from './harness.ts';
import type { DB } from '../src/db/schema.ts';
import { openDatabase } from '../src/db/database.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { seedDemoData } from '../src/seed/demo.ts';
import { loadPublishedCatalog } from '../src/modules/catalog/bulk-load.ts';
import { loadCalendar } from '../src/modules/calendar/store.ts';

// 16 clients gave the product its best throughput on the 2-core machine (8: about 5 % less; 32: less again).
const CLIENTS = Number(process.env.BENCH_CASES_CLIENTS || 16);
const SECONDS = Number(process.env.BENCH_CASES_SECONDS || 15);
const WARM_UP_SECONDS = Number(process.env.BENCH_CASES_WARMUP_SECONDS || 3);
const CASES = Number(process.env.BENCH_CASES || 1_000_000);
/** PGlite (one WebAssembly process) loads the cases more slowly; a smaller count keeps the run short. */
const PGLITE_CASES = Number(process.env.BENCH_CASES_PGLITE || CASES);
const QUERIES = Number(process.env.BENCH_CASES_QUERIES || 200);
/** pgbench's scale: one branch row per client keeps its own lock waits out of its figure (as pgbench's manual advises). */
const PGBENCH_SCALE = Number(process.env.BENCH_PGBENCH_SCALE || CLIENTS);
const PGBENCH = process.env.BENCH_PGBENCH || 'pgbench';
const PASSWORD = 'Demo@2026';
const INTAKE_ITEM = 'BENCH-INTAKE-1301';
const INTAKE_DEPARTMENT = '石家庄市行政审批局';

// ---- data ----

/** A 承诺件 of 5 working days with 5 materials: the domain's sample guide and two more identity documents. */
function intakeGuide(): GuideContent {
  const base = sampleGuide();
  const idCard = base.materials.find((m) => m.id === 'id-card')!;
  const extra = (id: string, name: string): Material => ({ ...idCard, id, name, reviewPoints: [{ id: 'valid', text: `${name}在有效期内` }] });
  return sampleGuide({
    name: '个体工商户设立登记（办件基准）',
    serviceObjects: ['1', '2'],
    legalLimit: { amount: 15, unit: 'G', note: '' },
    promisedLimit: { amount: 5, unit: 'workday', note: '' },
    caseType: '2',
    materials: [...base.materials, extra('household', '户口簿'), extra('residence', '居住证明')],
  });
}

/** Every material received as the guide asks for it, every review point passed. */
function receivedMaterials(guide: GuideContent) {
  return guide.materials.map((m) => ({
    materialId: m.id,
    receivedAs: m.type === 'copy' ? 'copy' : 'original',
    count: 1,
    files: [],
    checks: Object.fromEntries(m.reviewPoints.map((p) => [p.id, true])),
  }));
}

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The n-th of many distinct, valid resident ID numbers (长安区, born from 1960 on, 1,000 per birth date). */
function residentId(n: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 1000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `130102${birth}${String(n % 1000).padStart(3, '0')}`;
  const sum = RESIDENT_ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11]!;
}

async function withDatabase<T>(env: Record<string, string>, work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.DATA_DIR! });
  try {
    await prepareDatabase(database);
    await seedDemoData(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** The demo organisation and catalogue plus the 5-material item, published in bulk before the server starts. */
async function publishIntakeItem(db: Kysely<DB>): Promise<void> {
  const department = await db.selectFrom('departments').select('id').where('name', '=', INTAKE_DEPARTMENT).executeTakeFirstOrThrow();
  const staff = new Map((await db.selectFrom('staff').select(['id', 'username']).execute()).map((s) => [s.username, s.id]));
  await loadPublishedCatalog(db, [{ code: INTAKE_ITEM, regionCode: '1301', departmentId: department.id, popularity: 0, content: intakeGuide() }], {
    submittedBy: staff.get('catalog')!,
    publishedBy: staff.get('catalog2')!,
    effectiveFrom: beijingToday(),
  });
}

// ---- HTTP ----

interface Session {
  cookie: string;
  csrf: string;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(agent: http.Agent, url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sized = body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const request = http.request(`${url}${path}`, { method, agent, headers: sized, timeout: 60_000 });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}

async function login(agent: http.Agent, url: string, username: string, index: number): Promise<Session> {
  // Logins are rate-limited per address; the benchmark's servers trust X-Forwarded-For from loopback (harness.ts).
  const headers = { 'x-forwarded-for': `127.1.${Math.floor(index / 250) % 250}.${(index % 250) + 1}` };
  const response = await send(agent, url, 'POST', '/api/auth/staff/login', headers, JSON.stringify({ username, password: PASSWORD }));
  if (response.status !== 200) throw new Error(`login as ${username} answered ${response.status}: ${response.body.slice(0, 300)}`);
  const cookie = (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: (JSON.parse(response.body) as { csrfToken: string }).csrfToken };
}

// ---- (a) intake throughput and (c) memory ----

/** The process's resident set size in MB, from /proc (Linux); null where /proc is not there. */
function rssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const CLOCK_TICKS = 100; // USER_HZ: /proc counts CPU time in 1/100 s on Linux

/** CPU seconds a process has used (user + system), from /proc/<pid>/stat; null when it is gone or not on Linux. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state) on; the name may hold spaces
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The processes of a PostgreSQL running on this machine (postmaster, backends, background workers). */
function postgresPids(): number[] {
  try {
    return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
  } catch {
    return [];
  }
}

/**
 * CPU used by a set of processes while it is sampled: sample() every 100 ms keeps each process's first and last
 * reading, so processes that end before the window closes (pgbench's backends) still count up to their last sample.
 */
class CpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly started = performance.now();
  constructor(private readonly pids: () => number[]) {}

  sample(): void {
    for (const pid of this.pids()) {
      const seconds = cpuSeconds(pid);
      if (seconds === null) continue;
      if (!this.first.has(pid)) this.first.set(pid, seconds);
      this.last.set(pid, seconds);
    }
  }

  /** Percent of one core since the meter was made; null when no process was seen. */
  percent(): number | null {
    this.sample();
    if (this.last.size === 0) return null;
    let used = 0;
    for (const [pid, seconds] of this.last) used += seconds - this.first.get(pid)!;
    return (100 * used) / ((performance.now() - this.started) / 1000);
  }
}

function sampleEvery(ms: number, work: () => void): { stop(): void } {
  work();
  const timer = setInterval(work, ms);
  return { stop: () => clearInterval(timer) };
}

interface IntakeRun {
  cases: number;
  seconds: number;
  latencies: number[];
  maxRssMb: number | null;
  /** Percent of one core during the measured load. */
  cpu: { server: number | null; postgres: number | null; client: number };
}

async function intakeLoad(server: ServerHandle): Promise<IntakeRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  // The load itself goes through undici, whose client costs less CPU per request than node:http's: the load generator
  // shares the machine's cores with the server and PostgreSQL.
  const pool = new Pool(server.url, { connections: CLIENTS });
  try {
    const sessions: Session[] = [];
    for (let i = 0; i < CLIENTS; i++) sessions.push(await login(agent, server.url, 'clerk', i));
    const materials = receivedMaterials(intakeGuide());
    let next = 0;
    const intake = async (session: Session): Promise<number> => {
      const n = next++;
      const idNumber = residentId(n);
      const phone = `139${String(n % 100_000_000).padStart(8, '0')}`;
      const body = JSON.stringify({
        itemCode: INTAKE_ITEM,
        channel: 'window',
        applicant: { kind: 'person', name: `申请人${n}`, idNumber, phone },
        formData: { operatorName: `申请人${n}`, operatorId: idNumber, phone, hasName: 'no', address: `石家庄市长安区中山东路 ${(n % 500) + 1} 号` },
        materials,
        decision: { type: 'accept' },
      });
      const started = performance.now();
      const response = await pool.request({
        path: '/api/cases',
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'idempotency-key': `bench-${process.pid}-${n}`, 'content-type': 'application/json' },
        body,
      });
      const text = await response.body.text();
      if (response.statusCode !== 201) throw new Error(`intake ${n} answered ${response.statusCode}: ${text.slice(0, 500)}`);
      return performance.now() - started;
    };
    const load = async (until: number, latencies: number[] | null) => {
      await Promise.all(
        sessions.map(async (session) => {
          while (performance.now() < until) {
            const ms = await intake(session);
            latencies?.push(ms);
          }
        }),
      );
    };

    let maxRss: number | null = null;
    const memory = sampleEvery(100, () => {
      const rss = rssMb(server.pid);
      if (rss !== null) maxRss = Math.max(maxRss ?? 0, rss);
    });
    try {
      await load(performance.now() + WARM_UP_SECONDS * 1000, null);
      const serverCpu = new CpuMeter(() => [server.pid]);
      const postgresCpu = new CpuMeter(postgresPids);
      const cpu = sampleEvery(100, () => {
        serverCpu.sample();
        postgresCpu.sample();
      });
      const clientCpu = process.cpuUsage();
      const latencies: number[] = [];
      const started = performance.now();
      await load(started + SECONDS * 1000, latencies);
      const seconds = (performance.now() - started) / 1000;
      cpu.stop();
      const { user, system } = process.cpuUsage(clientCpu);
      return {
        cases: latencies.length,
        seconds,
        latencies,
        maxRssMb: maxRss,
        cpu: { server: serverCpu.percent(), postgres: postgresCpu.percent(), client: (user + system) / 1e4 / seconds },
      };
    } finally {
      memory.stop();
    }
  } finally {
    agent.destroy();
    await pool.close();
  }
}

/** Runs a command to its end; `onStart` gets its process id. */
function run(command: string, args: string[], onStart?: (pid: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) onStart?.(child.pid);
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`))));
  });
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** Settles what loading left behind (dirty pages), so that a checkpoint does not land in one measurement only. */
const checkpoint = () => adminQuery('CHECKPOINT').catch(() => {});

interface PgbenchRun {
  tps: number;
  /** Percent of one core during the run. */
  cpu: { postgres: number | null; pgbench: number | null };
}

/** pgbench's TPC-B-like script on a scratch database of the same server, or null when pgbench is not installed. */
async function pgbench(): Promise<PgbenchRun | null> {
  const name = `onewindow_bench_pgbench_${process.pid}`;
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(`CREATE DATABASE ${name}`);
  try {
    try {
      await run(PGBENCH, ['-i', '-q', '-s', String(PGBENCH_SCALE), url.toString()]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    await checkpoint();
    let pgbenchPid: number | null = null;
    const postgresCpu = new CpuMeter(postgresPids);
    const pgbenchCpu = new CpuMeter(() => (pgbenchPid === null ? [] : [pgbenchPid]));
    const cpu = sampleEvery(100, () => {
      postgresCpu.sample();
      pgbenchCpu.sample();
    });
    let output: string;
    try {
      output = await run(PGBENCH, ['-c', String(CLIENTS), '-j', String(Math.min(2, CLIENTS)), '-T', String(SECONDS), url.toString()], (pid) => (pgbenchPid = pid));
    } finally {
      cpu.stop();
    }
    const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
    if (!match) throw new Error(`no tps in pgbench's output:\n${output}`);
    return { tps: Number(match[1]), cpu: { postgres: postgresCpu.percent(), pgbench: pgbenchCpu.percent() } };
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function intakeBenchmark(ctx: BenchContext): Promise<Result[]> {
  const env = await ctx.freshDatabase();
  await withDatabase(env, publishIntakeItem);
  if (ctx.database === 'postgres') await checkpoint();
  const server = await ctx.startServer(env);
  let load: IntakeRun;
  try {
    load = await intakeLoad(server);
  } finally {
    await server.stop();
  }
  const label = `${CLIENTS} clients, window intake + 受理 with 5 materials, ${SECONDS} s`;
  const casesPerSecond = load.cases / load.seconds;
  const results: Result[] = [
    { name: `intake throughput (${label})`, value: casesPerSecond, unit: 'cases/s', target: '≥ 650 cases/s (PostgreSQL)' },
    { name: `intake latency p50 (${label})`, value: percentile(load.latencies, 50), unit: 'ms', target: null },
    { name: `intake latency p95 (${label})`, value: percentile(load.latencies, 95), unit: 'ms', target: null },
  ];
  if (load.maxRssMb !== null) {
    results.push({ name: `server RSS, maximum during the intake load${ctx.database === 'pglite' ? ' (includes the embedded database)' : ''}`, value: load.maxRssMb, unit: 'MB', target: '≤ 300 MB (PostgreSQL)' });
  }
  // Where the time goes on this machine (os.availableParallelism() cores = that many × 100 %).
  const cores = os.availableParallelism();
  const cpuRow = (what: string, percent: number | null): Result[] => (percent === null ? [] : [{ name: `CPU during ${what} (${cores} cores = ${cores * 100} %)`, value: percent, unit: '% of a core', target: null }]);
  results.push(...cpuRow('the intake load: server process', load.cpu.server));
  if (ctx.database === 'postgres') results.push(...cpuRow('the intake load: PostgreSQL processes', load.cpu.postgres));
  results.push(...cpuRow('the intake load: load generator', load.cpu.client));
  if (ctx.database === 'postgres') {
    const bench = await pgbench();
    if (bench === null) {
      console.log(`   ${PGBENCH} is not installed: no pgbench comparison (BENCH_PGBENCH names its path)`);
    } else {
      results.push(
        { name: `pgbench TPC-B-like (${CLIENTS} clients, -j ${Math.min(2, CLIENTS)}, scale ${PGBENCH_SCALE}, ${SECONDS} s, same server)`, value: bench.tps, unit: 'TPS', target: null },
        { name: 'intake cases/s ÷ pgbench TPS', value: casesPerSecond / bench.tps, unit: '×', target: '≥ 0.3' },
        ...cpuRow('pgbench: PostgreSQL processes', bench.cpu.postgres),
        ...cpuRow('pgbench: pgbench', bench.cpu.pgbench),
      );
    }
  }
  return results;
}

// ---- (b) worklists at 1,000,000 cases ----

/** How many times the 行政审批局's items count when the cases are spread over the items (see templatesOf). */
const BUSY_WEIGHT = 10;

/** One published item the seeded cases are of, with who acts at each point, as the engine would store it. */
interface Template {
  n: number;
  implementation_id: string;
  version_id: string;
  code: string;
  name: string;
  region_code: string;
  department_id: string;
  steps: string[];
  step_roles: string[];
  step_departments: string[];
  accept_role: string;
  accept_department: string;
  complete_role: string;
  complete_department: string;
  deliver_role: string;
  deliver_department: string;
  material_id: string;
  region6: string;
  /** The region digits' part of the case number's check sum (see caseNumberCheckSumSql). */
  region_sum: number;
}

/** Weight of digit position k (1–24) in the case number's MOD 11-2 check: 2^(25−k) mod 11. */
const checkWeight = (position: number) => 2 ** (25 - position) % 11;

/**
 * The case number's check sum (formatCaseNumber in the domain package) in SQL: it is linear in the digits, so the
 * region part comes from the template and the date and serial parts are spelled out digit by digit.
 */
function caseNumberCheckSumSql(): string {
  const date = Array.from({ length: 8 }, (_, j) => `((dnum / ${10 ** j}) % 10) * ${checkWeight(14 - j)}`);
  const serial = Array.from({ length: 10 }, (_, j) => `((i::bigint / ${10 ** j}) % 10) * ${checkWeight(24 - j)}`);
  return `(region_sum + ${[...date, ...serial].join(' + ')}) % 11`;
}

async function templatesOf(db: Kysely<DB>): Promise<Template[]> {
  const items = await db
    .selectFrom('catalog_search as s')
    .innerJoin('catalog_implementations as i', 'i.id', 's.implementation_id')
    .innerJoin('guide_versions as v', 'v.id', 's.version_id')
    .select(['s.implementation_id', 's.version_id', 's.code', 's.name', 's.region_code', 's.department_id', 'v.content'])
    .where('i.status', '=', 'active')
    .orderBy('s.code')
    .execute();
  const busy = await db.selectFrom('departments').select('id').where('name', '=', INTAKE_DEPARTMENT).executeTakeFirstOrThrow();
  // 行政审批局 (the demo reviewer's department) handles most applications of a city that concentrates its licensing
  // there: its items weigh BUSY_WEIGHT times the others, so about a fifth of the cases are its.
  const weighted = items.flatMap((item) => Array.from({ length: item.department_id === busy.id ? BUSY_WEIGHT : 1 }, () => item));
  return weighted.map((item, n) => {
    const guide = item.content;
    const steps = reviewSteps(guide.steps);
    const windowStep = (kind: string) => guide.steps.find((s) => s.kind === kind);
    const region6 = item.region_code.slice(0, 6).padEnd(6, '0');
    return {
      n,
      implementation_id: item.implementation_id,
      version_id: item.version_id,
      code: item.code,
      name: item.name,
      region_code: item.region_code,
      department_id: item.department_id,
      steps: steps.map((s) => s.id),
      step_roles: steps.map((s) => s.role),
      step_departments: steps.map((s) => s.departmentId ?? item.department_id),
      accept_role: windowStep('accept')?.role ?? 'clerk',
      accept_department: windowStep('accept')?.departmentId ?? item.department_id,
      complete_role: windowStep('complete')?.role ?? 'clerk',
      complete_department: windowStep('complete')?.departmentId ?? item.department_id,
      deliver_role: windowStep('deliver')?.role ?? 'clerk',
      deliver_department: windowStep('deliver')?.departmentId ?? item.department_id,
      material_id: guide.materials[0]?.id ?? 'application',
      region6,
      region_sum: [...region6].reduce((acc, d, k) => acc + Number(d) * checkWeight(k + 1), 0) % 11,
    };
  });
}

const CHUNK = 50_000;

/**
 * `count` cases by INSERT … SELECT generate_series, spread over the published items (the demo catalogue's 73 and the
 * benchmark's), their departments and regions. Per 1,000: 840 delivered, 80 closed (60 % refused before acceptance,
 * 40 % withdrawn after), 10 completed and 5 decided (the window's to finish), 40 in review and 5 suspended (a
 * reviewer's, at one of the guide's review steps), 10 received (online: submitted) and 10 awaiting correction; 15 %
 * online. Accepted cases are due from 60 days ago to 60 days ahead; the clock is red, yellow or green by the due date
 * exactly as the deadline watch sets it (so its first run at start-up finds nothing to change), paused while
 * suspended, null otherwise. Pseudo-random but deterministic: fractional parts of i × an irrational number.
 */
async function seedCases(db: Kysely<DB>, count: number): Promise<void> {
  const templates = await templatesOf(db);
  const clerk = await db.selectFrom('staff').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow();
  const now = new Date();
  const today = beijingToday(now);
  const year = Number(today.slice(0, 4));
  const calendar = await loadCalendar(db, year - 1, year + 1);
  const warnWorkdays = Number(process.env.CASE_WARN_WORKDAYS || 2);
  // As the deadline watch decides yellow: due before the (warnWorkdays + 1)-th working day from today.
  const yellowBefore = calendar.addWorkdays(today, warnWorkdays + 1);
  const ids = Array.from({ length: 1000 }, (_, k) => residentId(k * 7919));
  const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  for (let lo = 1; lo <= count; lo += CHUNK) {
    const hi = Math.min(count, lo + CHUNK - 1);
    await db.transaction().execute(async (trx) => {
      // Compiling this one statement's expressions costs PostgreSQL's JIT about a second per chunk, for nothing.
      await sql`SET LOCAL jit = off`.execute(trx);
      await sql`
      WITH t AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(templates)}::jsonb) AS x(
          n int, implementation_id uuid, version_id uuid, code text, name text, region_code text, department_id uuid,
          steps jsonb, step_roles jsonb, step_departments jsonb, accept_role text, accept_department uuid,
          complete_role text, complete_department uuid, deliver_role text, deliver_department uuid,
          material_id text, region6 text, region_sum int)
      ), g AS (
        SELECT i,
          i * 0.6180339887498949 - floor(i * 0.6180339887498949) AS u1,
          i * 0.4142135623730950 - floor(i * 0.4142135623730950) AS u2,
          i * 0.7320508075688772 - floor(i * 0.7320508075688772) AS u3,
          i * 0.2360679774997897 - floor(i * 0.2360679774997897) AS u4,
          i * 0.5772156649015329 - floor(i * 0.5772156649015329) AS u5
        FROM generate_series(${lo}::int, ${hi}::int) AS i
      ), s AS MATERIALIZED (
        SELECT g.*, t.*, u5 < 0.15 AS online,
          CASE WHEN u1 < 0.040 THEN 'in_review' WHEN u1 < 0.045 THEN 'suspended' WHEN u1 < 0.055 THEN 'received'
               WHEN u1 < 0.065 THEN 'awaiting_correction' WHEN u1 < 0.070 THEN 'decided' WHEN u1 < 0.080 THEN 'completed'
               WHEN u1 < 0.160 THEN 'closed' ELSE 'delivered' END AS phase,
          floor(u3 * 121)::int - 60 AS due_offset
        FROM g JOIN t ON t.n = g.i % ${templates.length}
      ), a AS MATERIALIZED (
        SELECT s.*,
          CASE WHEN phase = 'received' AND online THEN 'submitted' ELSE phase END AS status,
          phase IN ('in_review', 'suspended', 'decided', 'completed', 'delivered') OR (phase = 'closed' AND u2 >= 0.6) AS accepted,
          -- days from application to due date, at most 84 (60 working days), never starting in the future
          greatest(due_offset, 0) + (84 - greatest(due_offset, 0)) * u4 AS lag_days,
          CASE WHEN phase IN ('in_review', 'suspended') THEN floor(u2 * jsonb_array_length(steps))::int END AS step_index
        FROM s
      ), d AS MATERIALIZED (
        SELECT a.*,
          CASE WHEN accepted THEN ${now}::timestamptz + (due_offset - lag_days) * interval '1 day' - interval '1 minute'
               ELSE ${now}::timestamptz - u4 * interval '10 days' - interval '1 minute' END AS applied_at,
          CASE WHEN accepted THEN ${today}::date + due_offset END AS due_date
        FROM a
      ), e AS MATERIALIZED (
        SELECT d.*,
          CASE WHEN accepted THEN applied_at + interval '30 seconds' END AS accepted_at,
          to_char(((applied_at AT TIME ZONE 'UTC') + interval '8 hours')::date, 'YYYYMMDD') AS date8,
          CASE status WHEN 'in_review' THEN CASE WHEN due_date < ${today}::date THEN 'red' WHEN due_date < ${yellowBefore}::date THEN 'yellow' ELSE 'green' END
                      WHEN 'suspended' THEN 'paused' END AS clock,
          CASE status WHEN 'delivered' THEN '0' WHEN 'completed' THEN '0' WHEN 'closed' THEN CASE WHEN accepted THEN '5' ELSE '6' END END AS close_result,
          CASE WHEN status IN ('in_review', 'suspended') THEN steps ->> step_index END AS current_step
        FROM d
      ), f AS MATERIALIZED (
        SELECT e.*,
          CASE status
            WHEN 'delivered' THEN least(${now}::timestamptz - interval '1 second', accepted_at + lag_days * 0.7 * interval '1 day')
            WHEN 'closed' THEN CASE WHEN accepted THEN least(${now}::timestamptz - interval '1 second', accepted_at + lag_days * 0.3 * interval '1 day') ELSE applied_at + interval '2 minutes' END
          END AS closed_at
        FROM e
      ), h AS MATERIALIZED (
        SELECT f.*, ${sql.raw(caseNumberCheckSumSql())} AS check_sum FROM (SELECT f.*, date8::int AS dnum FROM f) AS f
      )
      INSERT INTO cases (
        number, tracking_token, implementation_id, guide_version_id, item_code, item_name, region_code, department_id, channel,
        applicant_account, applicant_kind, applicant_name, applicant_id_type, applicant_id_number, applicant_phone, parties, form_data,
        received_by, state, status, version, pending_role, pending_department, limit_amount, limit_unit,
        applied_at, accepted_at, due_date, due_at, clock, close_result, closed_at, updated_at)
      SELECT
        region6 || date8 || lpad(i::text, 10, '0') || CASE (12 - check_sum) % 11 WHEN 10 THEN 'X' ELSE ((12 - check_sum) % 11)::text END,
        md5('bench-case-' || i),
        implementation_id, version_id, code, name, region_code, department_id,
        CASE WHEN online THEN 'online' ELSE 'window' END,
        NULL, 'person',
        (ARRAY['张', '王', '李', '赵', '刘', '陈', '杨', '黄'])[1 + i % 8] || (ARRAY['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰'])[1 + (i / 8) % 10],
        '111', (${ids}::text[])[1 + i % 1000], '13' || lpad((i % 1000000000)::text, 9, '0'),
        '{"legalRepresentative": null, "agent": null}',
        jsonb_build_object('operatorName', '申请人', 'phone', '13' || lpad((i % 1000000000)::text, 9, '0'), 'hasName', 'no', 'address', '石家庄市长安区中山东路 ' || (1 + i % 500) || ' 号'),
        CASE WHEN online THEN NULL ELSE ${clerk.id}::uuid END,
        jsonb_build_object(
          'status', status, 'steps', steps, 'currentStep', current_step,
          'acceptedAt', CASE WHEN accepted THEN ${sql.raw(iso('accepted_at'))} END,
          'correction', CASE WHEN status = 'awaiting_correction' THEN jsonb_build_object(
            'items', jsonb_build_array(jsonb_build_object('materialId', material_id, 'problem', '未提交', 'fix', '请提交该材料')),
            'dueDate', to_char(${today}::date + 1 + floor(u3 * 14)::int, 'YYYY-MM-DD')) END,
          'deferred', '[]'::jsonb,
          'suspendedSince', CASE WHEN status = 'suspended' THEN ${sql.raw(iso("least(accepted_at + interval '1 day', now())"))} END,
          'pauses', '[]'::jsonb, 'extensionWorkdays', 0, 'pendingExtension', NULL,
          'decision', CASE WHEN status IN ('decided', 'completed', 'delivered') THEN '{"grant": true, "reason": null}'::jsonb END,
          'closeResult', close_result,
          'closeReason', CASE WHEN status = 'closed' THEN CASE WHEN accepted THEN '申请人撤回申请' ELSE '不符合受理条件' END END),
        status,
        CASE status WHEN 'in_review' THEN 2 + step_index WHEN 'suspended' THEN 3 + step_index WHEN 'decided' THEN 5 WHEN 'completed' THEN 6
                    WHEN 'delivered' THEN 7 WHEN 'closed' THEN CASE WHEN accepted THEN 4 ELSE 3 END ELSE 2 END,
        CASE status WHEN 'received' THEN accept_role WHEN 'submitted' THEN accept_role WHEN 'in_review' THEN step_roles ->> step_index
                    WHEN 'suspended' THEN step_roles ->> step_index WHEN 'decided' THEN complete_role WHEN 'completed' THEN deliver_role END,
        CASE status WHEN 'received' THEN accept_department WHEN 'submitted' THEN accept_department WHEN 'in_review' THEN (step_departments ->> step_index)::uuid
                    WHEN 'suspended' THEN (step_departments ->> step_index)::uuid WHEN 'decided' THEN complete_department WHEN 'completed' THEN deliver_department END,
        CASE WHEN accepted THEN ceil(lag_days) ELSE 5 END,
        CASE WHEN accepted THEN 'day' ELSE 'workday' END,
        applied_at, accepted_at, due_date, NULL, clock, close_result, closed_at,
        coalesce(closed_at, accepted_at, applied_at)
      FROM h`.execute(trx);
    });
  }
  await sql`SELECT setval('case_serial', ${count + 1})`.execute(db);
  const sample = await db.selectFrom('cases').select('number').limit(100).execute();
  const bad = sample.find((r) => parseCaseNumber(r.number) === null);
  if (bad) throw new Error(`seeded case number ${bad.number} does not parse`);
}

/** 已办 for the reviewer: a share of their department's decided cases, some tens of thousands at 1,000,000 cases. */
async function seedHandlers(db: Kysely<DB>, count: number): Promise<number> {
  const reviewer = await db.selectFrom('staff').select('id').where('username', '=', 'reviewer').executeTakeFirstOrThrow();
  const department = await db.selectFrom('departments').select('id').where('name', '=', INTAKE_DEPARTMENT).executeTakeFirstOrThrow();
  const wanted = Math.round((50_000 * count) / 1_000_000);
  const decided = ['decided', 'completed', 'delivered'];
  const { n } = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('department_id', '=', department.id).where('status', 'in', decided).executeTakeFirstOrThrow();
  const share = Math.min(256, Math.ceil((256 * wanted) / Math.max(1, Number(n))));
  const inserted = await sql`
    INSERT INTO case_handlers (staff_id, case_id, last_acted_at)
    SELECT ${reviewer.id}, id, accepted_at + (coalesce(closed_at, updated_at) - accepted_at) / 2
    FROM cases WHERE department_id = ${department.id} AND status IN ('decided', 'completed', 'delivered') AND get_byte(uuid_send(id), 0) < ${share}`.execute(db);
  return Number(inserted.numAffectedRows ?? 0);
}

interface Seeded {
  handlers: number;
  seedMs: number;
}

async function seedWorklists(env: Record<string, string>, count: number): Promise<Seeded> {
  return withDatabase(env, async (db) => {
    await publishIntakeItem(db);
    const started = performance.now();
    await seedCases(db, count);
    const handlers = await seedHandlers(db, count);
    await sql`ANALYZE cases`.execute(db);
    await sql`ANALYZE case_handlers`.execute(db);
    return { handlers, seedMs: performance.now() - started };
  });
}

async function timeGet(agent: http.Agent, url: string, path: string, session: Session): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const response = await send(agent, url, 'GET', path, { cookie: session.cookie });
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.body.slice(0, 300)}`);
  return { ms, body: response.body };
}

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

async function worklistBenchmark(ctx: BenchContext): Promise<Result[]> {
  const count = ctx.database === 'pglite' ? PGLITE_CASES : CASES;
  const env = await ctx.freshDatabase();
  const { handlers, seedMs } = await seedWorklists(env, count);
  if (ctx.database === 'postgres') await checkpoint();
  const server = await ctx.startServer(env);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const cases = count.toLocaleString('en');
  const results: Result[] = [{ name: `bulk load of ${cases} cases and ${handlers.toLocaleString('en')} 已办 rows, with ANALYZE`, value: seedMs, unit: 'ms', target: null }];
  try {
    const reviewer = await login(agent, server.url, 'reviewer', 0);
    const supervisor = await login(agent, server.url, 'supervisor', 1);
    const clerk = await login(agent, server.url, 'clerk', 2);
    // The cursor of page 50 of the reviewer's 待办, reached by following `nextCursor` from the first page.
    let cursor: string | null = null;
    let page = 1;
    for (; page < 50; page++) {
      const { body } = await timeGet(agent, server.url, `/api/cases?box=todo${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, reviewer);
      const next = (JSON.parse(body) as Page).nextCursor;
      if (!next) break;
      cursor = next;
    }
    const kinds: [label: string, path: string, session: Session][] = [
      ['reviewer 待办, first page', '/api/cases?box=todo', reviewer],
      [`reviewer 待办, page ${page} by cursor`, `/api/cases?box=todo&cursor=${encodeURIComponent(cursor ?? '')}`, reviewer],
      ['reviewer 已办, first page', '/api/cases?box=done', reviewer],
      ['supervisor 已超期, first page', '/api/cases?box=overdue', supervisor],
      ['supervisor 全部 by application time, first page', '/api/cases?box=all&sort=applied', supervisor],
      // Two more lists people open all day: the window's 待办 (a role without a department) and 全部 in its default order.
      ['clerk 待办, first page', '/api/cases?box=todo', clerk],
      ['supervisor 全部 by due date, first page', '/api/cases?box=all', supervisor],
    ];
    for (const [label, path, session] of kinds) {
      const first = JSON.parse((await timeGet(agent, server.url, path, session)).body) as Page;
      if (first.items.length === 0) throw new Error(`${label}: the list is empty`);
      for (let i = 0; i < 20; i++) await timeGet(agent, server.url, path, session); // warm-up
      const latencies: number[] = [];
      for (let i = 0; i < QUERIES; i++) latencies.push((await timeGet(agent, server.url, path, session)).ms);
      for (const p of [50, 95]) {
        results.push({ name: `worklist p${p}, ${label} (${cases} cases)`, value: percentile(latencies, p), unit: 'ms', target: p === 95 ? '≤ 50 ms (PostgreSQL)' : null });
      }
    }
  } finally {
    agent.destroy();
    await server.stop();
  }
  return results;
}

const casesBench: Benchmark = {
  name: `cases: intake throughput (${CLIENTS} clients) and worklists (${CASES.toLocaleString('en')} cases)`,
  async run(ctx) {
    const intake = await intakeBenchmark(ctx);
    return [...intake, ...(await worklistBenchmark(ctx))];
  },
};

export default casesBench;
