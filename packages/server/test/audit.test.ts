// The audit log: one record per state-changing request, whatever its outcome; audited reads of personal data; a hash
// chain that names the first record someone changed; and a table the database itself keeps append-only.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { GENESIS_HASH, verifyAuditChain } from '../src/platform/audit/chain.ts';
import { addStaff, anonymous, countRows, createTestApp, DEMO, loginApplicant, loginStaff, type Client, type Response, type TestApp } from './harness.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

let t: TestApp;
let manager: Client;
let clerk: Client;
let supervisor: Client;
beforeAll(async () => {
  t = await createTestApp();
  manager = await loginStaff(t.app, 'hallmgr');
  clerk = await loginStaff(t.app, 'clerk');
  supervisor = await loginStaff(t.app, 'supervisor');
});
afterAll(() => t?.close());

/** Sends a request and returns it with the audit records it added. */
async function audited(send: () => Promise<Response>) {
  const lastId = (await t.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0;
  const res = await send();
  const records = await t.db.selectFrom('audit_log').selectAll().where('id', '>', Number(lastId)).orderBy('id').execute();
  return { res, records };
}

const hall = { name: '审计测试大厅', regionCode: '1301', address: '', phone: '', openingHours: '' };

describe('one audit record for every state-changing request', () => {
  it('a successful change: who (id, name, role), what, on which record, from where, with the request id', async () => {
    const { res, records } = await audited(() => manager.post('/api/org/halls', hall));
    expect(res.statusCode).toBe(201);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actor_kind: 'staff', actor_id: manager.me!.id, actor_name: '王大厅', actor_role: 'hall_manager',
      action: 'hall.manage', target_type: 'hall', target_id: res.json().id, outcome: 'success',
      ip: expect.stringMatching(/^127\.0\.\d+\.\d+$/), request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      detail: { name: '审计测试大厅', regionCode: '1301' },
    });
  });

  it('bad input: one record, outcome rejected, carrying the request id the user was shown', async () => {
    const { res, records } = await audited(() => manager.post('/api/org/halls', { name: '' }));
    expect(res.statusCode).toBe(400);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ actor_name: '王大厅', action: 'hall.manage', outcome: 'rejected', request_id: res.json().requestId, detail: { status: 400, url: '/api/org/halls' } });
  });

  it('no permission: one record, outcome rejected, naming who tried', async () => {
    const { res, records } = await audited(() => clerk.post('/api/org/halls', hall));
    expect(res.statusCode).toBe(403);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ actor_name: '李窗口', actor_role: 'clerk', action: 'hall.manage', outcome: 'rejected', request_id: res.json().requestId });
  });

  it('nobody signed in: one record, outcome rejected, actor anonymous', async () => {
    const { res, records } = await audited(() => anonymous(t.app).post('/api/org/halls', hall));
    expect(res.statusCode).toBe(401);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ actor_kind: 'anonymous', actor_id: null, actor_name: '匿名', outcome: 'rejected' });
  });

  it('a missing CSRF token: one record, outcome rejected', async () => {
    const { res, records } = await audited(() => manager.post('/api/org/halls', hall, { csrf: false }));
    expect(res.statusCode).toBe(403);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ actor_name: '王大厅', outcome: 'rejected', request_id: res.json().requestId });
  });

  it('a wrong password: one record, outcome failed, under the username that was tried', async () => {
    const { res, records } = await audited(() => anonymous(t.app).post('/api/auth/staff/login', { username: 'reviewer', password: 'Wrong@2026' }));
    expect(res.statusCode).toBe(401);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: 'auth.staff_login', actor_kind: 'anonymous', actor_name: 'reviewer', target_type: 'staff', target_id: 'reviewer', outcome: 'failed', detail: { reason: 'password' }, request_id: res.json().requestId });
  });

  it('a successful login: one record, outcome success, as the staff member', async () => {
    const { res, records } = await audited(() => anonymous(t.app).post('/api/auth/staff/login', { username: 'reviewer', password: 'Demo@2026' }));
    expect(res.statusCode).toBe(200);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: 'auth.staff_login', actor_kind: 'staff', actor_name: '赵审批', actor_role: 'reviewer', outcome: 'success' });
  });

  it('a missing TOTP code: one record, outcome rejected', async () => {
    const { res, records } = await audited(() => anonymous(t.app).post('/api/auth/staff/login', { username: 'admin', password: 'Demo@2026' }));
    expect(res.json().code).toBe('TOTP_REQUIRED');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: 'auth.staff_login', outcome: 'rejected', request_id: res.json().requestId });
  });

  it('a wrong SMS code at registration: one record, outcome failed', async () => {
    const { res, records } = await audited(() =>
      anonymous(t.app).post('/api/auth/applicant/register', { kind: 'person', name: '王五', idNumber: '11010519491231002X', phone: '13900000201', smsCode: '123456', password: 'Apply#2026' }),
    );
    expect(res.json().code).toBe('SMS_CODE_INVALID');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ target_type: 'applicant', outcome: 'failed', detail: { smsCode: 'expired' } });
  });

  it('personal data never enters the audit detail unmasked', async () => {
    await audited(() => anonymous(t.app).post('/api/auth/applicant/sms-code', { phone: '13900000202', purpose: 'register' }));
    const rows = await t.db.selectFrom('audit_log').selectAll().execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain('13900000202');
    expect(text).not.toContain('11010519491231002X');
  });

  it('reads write no audit record', async () => {
    const { records } = await audited(() => manager.get('/api/org/halls'));
    expect(records).toEqual([]);
  });

  it('a staff read of an applicant’s full personal data is audited: who, whose, which fields', async () => {
    const applicant = await t.db.selectFrom('applicants').select('id').where('phone', '=', DEMO.person.phone).executeTakeFirstOrThrow();
    const { res, records } = await audited(() => clerk.get(`/api/identity/applicants/${applicant.id}/personal-data`));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ idNumber: DEMO.person.idNumber, phone: DEMO.person.phone });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actor_name: '李窗口', action: 'personal_data.read', target_type: 'applicant', target_id: applicant.id, outcome: 'success',
      detail: { fields: ['idNumber', 'uscc', 'phone'] },
    });
  });

  it('an applicant reading their own data is not a staff access and is not recorded', async () => {
    const owner = await loginApplicant(t.app, DEMO.person.phone);
    const { res, records } = await audited(() => owner.get(`/api/identity/applicants/${owner.me!.id}/personal-data`));
    expect(res.statusCode).toBe(200);
    expect(records).toEqual([]);
  });
});

describe('reading the audit log', () => {
  it('a supervisor lists records newest first, filtered by outcome, page by page', async () => {
    const failed = await supervisor.get('/api/audit', { query: { outcome: 'failed' } });
    expect(failed.statusCode).toBe(200);
    const items = failed.json().items as { id: number; outcome: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.outcome === 'failed')).toBe(true);
    expect(items.map((i) => i.id)).toEqual([...items.map((i) => i.id)].sort((a, b) => b - a));

    // Enough records for two pages.
    for (let i = 0; i < 55; i++) await manager.post('/api/org/halls', { name: '' });
    const first = (await supervisor.get('/api/audit')).json();
    expect(first.items).toHaveLength(50);
    const second = (await supervisor.get('/api/audit', { query: { cursor: first.nextCursor } })).json();
    const tampered = await supervisor.get('/api/audit', { query: { cursor: 'zzz' } });
    expect([tampered.statusCode, tampered.json().code]).toEqual([400, 'CURSOR_INVALID']);
    expect(second.items[0].id).toBe(first.items[49].id - 1);
  });

  it('a county supervisor reads only the county: what its staff did and what was done to its cases', async () => {
    await addStaff(t.app, { username: 'supervisor_zd', name: '正定监察', roles: [{ role: 'supervisor', regionCode: '130123' }] });
    const county = await loginStaff(t.app, 'supervisor_zd');
    const items = (await county.get('/api/audit')).json().items as { actorName: string; action: string }[];
    expect(items).toContainEqual(expect.objectContaining({ actorName: '正定监察', action: 'auth.staff_login' }));
    // The city's clerk and hall manager are not the county's.
    expect(items.filter((i) => i.actorName === '李窗口' || i.actorName === '王大厅')).toEqual([]);
    expect((await supervisor.get('/api/audit', { query: { actor: '李窗' } })).json().items.length).toBeGreaterThan(0);
  });

  it('filters by actor name, without treating % as a wildcard', async () => {
    const byName = (await supervisor.get('/api/audit', { query: { actor: '李窗' } })).json().items as { actorName: string }[];
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((i) => i.actorName === '李窗口')).toBe(true);
    expect((await supervisor.get('/api/audit', { query: { actor: '%' } })).json().items).toEqual([]);
  });
});

describe('the hash chain', () => {
  it('verifies over every record written so far', async () => {
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toEqual({ ok: true, checked: await countRows(t.db, 'audit_log') });
  });

  it('each chain’s head holds its last record’s hash, which the next record of the chain links to', async () => {
    const heads = await t.db.selectFrom('audit_chain_heads').select(['chain', 'hash']).orderBy('chain').execute();
    expect(heads).toHaveLength(64);
    for (const head of heads) {
      const last = await t.db.selectFrom('audit_log').select('hash').where('chain', '=', head.chain).orderBy('id', 'desc').executeTakeFirst();
      expect(head.hash, `chain ${head.chain}`).toBe(last?.hash ?? GENESIS_HASH);
    }
  });

  it('verifies across page boundaries', async () => {
    const verdict = await verifyAuditChain(t.db, 7);
    expect(verdict.ok).toBe(true);
  });

  it('the database refuses a plain UPDATE, DELETE or TRUNCATE of the audit log', async () => {
    await expect(sql`UPDATE audit_log SET actor_name = 'someone else' WHERE id = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  /** Runs `change` with the append-only trigger off, as someone with the database owner's rights could. */
  async function bypassingTrigger(change: string): Promise<void> {
    await t.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(trx);
      await sql.raw(change).execute(trx);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(trx);
    });
  }

  it('a record whose detail was changed behind the application’s back fails verification, naming that record', async () => {
    const target = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'personal_data.read').executeTakeFirstOrThrow();
    await bypassingTrigger(`UPDATE audit_log SET detail = '{"fields": []}' WHERE id = ${target.id}`);
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toMatchObject({ ok: false, checked: target.id - 1, firstBroken: { id: target.id, reason: '记录内容与其哈希不符（记录被改动）' } });
    // Putting it back makes the chain whole again: the verdict depends on the content, nothing else.
    await bypassingTrigger(`UPDATE audit_log SET detail = '${JSON.stringify(target.detail)}' WHERE id = ${target.id}`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('a record whose actor was changed fails verification, naming that record', async () => {
    const target = await t.db.selectFrom('audit_log').selectAll().where('outcome', '=', 'failed').orderBy('id').executeTakeFirstOrThrow();
    await bypassingTrigger(`UPDATE audit_log SET actor_name = '系统' WHERE id = ${target.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBroken: { id: target.id } });
    await bypassingTrigger(`UPDATE audit_log SET actor_name = '${target.actor_name}' WHERE id = ${target.id}`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('a deleted record breaks the link of the one after it in its chain', async () => {
    // A record that is not the last of its chain (appends pick one of 64 chains at random).
    const removed = await t.db
      .selectFrom('audit_log as a')
      .selectAll('a')
      .where('a.id', '>', 3)
      .where((eb) => eb.exists(eb.selectFrom('audit_log as b').select('b.id').whereRef('b.chain', '=', 'a.chain').whereRef('b.id', '>', 'a.id')))
      .orderBy('a.id')
      .executeTakeFirstOrThrow();
    const next = await t.db.selectFrom('audit_log').selectAll().where('chain', '=', removed.chain).where('id', '>', removed.id).orderBy('id').executeTakeFirstOrThrow();
    await bypassingTrigger(`DELETE FROM audit_log WHERE id = ${removed.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBroken: { id: next.id, reason: expect.stringContaining('前一条记录的哈希不一致') } });
  });
});

describe('npm run audit:verify', () => {
  /** Runs the CLI as an operator would, against the database in `env`; resolves with its exit code and output. */
  function runVerify(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    return new Promise((resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', 'audit:verify'], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  }

  it('exits 0 on an intact chain, and 1 naming the first changed record after tampering', { timeout: 120_000 }, async () => {
    // A database a second process can open: PostgreSQL, or PGlite in a folder (released when the app stops).
    const own = await createTestApp({ onDisk: true });
    try {
      const hallManager = await loginStaff(own.app, 'hallmgr');
      for (let i = 0; i < 3; i++) await hallManager.post('/api/org/halls', { ...hall, name: `审计大厅${i}` });
      const target = await own.db.selectFrom('audit_log').select('id').orderBy('id').offset(1).limit(1).executeTakeFirstOrThrow();
      const env = own.testDatabase.env!;
      await own.stop();

      const intact = await runVerify(env);
      expect(intact.output).toContain('审计日志校验通过');
      expect(intact.code).toBe(0);

      const database = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.DATA_DIR! });
      try {
        await database.db.transaction().execute(async (trx) => {
          await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(trx);
          await sql`UPDATE audit_log SET outcome = 'success', detail = '{}' WHERE id = ${target.id}`.execute(trx);
          await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(trx);
        });
      } finally {
        await database.close();
      }

      const tampered = await runVerify(env);
      expect(tampered.output).toContain(`审计日志校验失败：第 ${target.id} 号记录`);
      expect(tampered.code).toBe(1);
    } finally {
      await own.close();
    }
  });
});
