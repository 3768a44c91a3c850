// What a failure leaves behind. An SMS gateway that is down does not undo a step: the step commits and its text waits
// in the outbox until the gateway is back. A fault inside a step's own transaction undoes all of it: the case row, its
// actions, materials, handlers, messages, SMS, idempotency key and success audit record are as if it never ran, and
// the audit log records the failed attempt instead.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsGateway } from '../src/platform/sms.ts';
import { createTestApp, DEMO, loginApplicant, loginStaff, snapshotCounts, waitFor, type Client, type TestApp } from './harness.ts';
import { PERSON, publishCaseItem, windowIntake } from './fixtures/cases.ts';
import { inbox, openCase, problemOf, readCase, type ActResult } from './fixtures/case-api.ts';

/** A gateway that throws while `down`, and records what it delivered. */
class SwitchableGateway implements SmsGateway {
  readonly name = 'switchable';
  down = false;
  readonly delivered: { phone: string; text: string }[] = [];
  async send(message: { phone: string; text: string }): Promise<void> {
    if (this.down) throw new Error('短信网关不可用');
    this.delivered.push(message);
  }
}

const gateway = new SwitchableGateway();
let t: TestApp;
let clerk: Client;
let applicant: Client;
let itemCode: string;

beforeAll(async () => {
  t = await createTestApp({ smsGateway: gateway });
  clerk = await loginStaff(t.app, 'clerk');
  applicant = await loginApplicant(t.app, DEMO.person.phone);
  itemCode = await publishCaseItem(t, await loginStaff(t.app, 'catalog'), await loginStaff(t.app, 'catalog2'));
});

afterAll(async () => {
  await t?.close();
});

const CASE_TABLES = ['cases', 'case_actions', 'case_materials', 'case_handlers', 'messages', 'sms_outbox', 'idempotency_keys'] as const;

/**
 * Runs `work` while every SMS with `purpose` fails to be written (a trigger raises inside the step's transaction, as a
 * full disk or a broken constraint would), then removes the fault.
 */
async function withFaultyOutbox<T>(purpose: string, work: () => Promise<T>): Promise<T> {
  await sql.raw(`CREATE FUNCTION test_outbox_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated fault writing %', TG_TABLE_NAME; END $$`).execute(t.db);
  await sql.raw(`CREATE TRIGGER test_outbox_fault BEFORE INSERT ON sms_outbox FOR EACH ROW WHEN (NEW.purpose = '${purpose}') EXECUTE FUNCTION test_outbox_fault()`).execute(t.db);
  try {
    return await work();
  } finally {
    await sql.raw('DROP TRIGGER test_outbox_fault ON sms_outbox').execute(t.db);
    await sql.raw('DROP FUNCTION test_outbox_fault()').execute(t.db);
  }
}

/** Everything stored about one case. */
async function footprint(caseId: string) {
  const [row, actions, materials, handlers, messages] = await Promise.all([
    t.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow(),
    t.db.selectFrom('case_actions').selectAll().where('case_id', '=', caseId).orderBy('seq').execute(),
    t.db.selectFrom('case_materials').selectAll().where('case_id', '=', caseId).orderBy('material_id').execute(),
    t.db.selectFrom('case_handlers').selectAll().where('case_id', '=', caseId).execute(),
    t.db.selectFrom('messages').select(['title', 'recipient_id']).where('case_id', '=', caseId).execute(),
  ]);
  const sms = await t.db.selectFrom('sms_outbox').select(['purpose', 'status']).where('text', 'like', `%${row.number}%`).execute();
  return { row, actions, materials, handlers, messages, sms };
}

/** The audit records of one request, by the requestId its problem+json carries. */
const auditOf = (requestId: string) => t.db.selectFrom('audit_log').select(['action', 'outcome', 'target_id']).where('request_id', '=', requestId).execute();

describe('the SMS gateway is down', () => {
  it('the acceptance still commits; its text waits in the outbox with its attempts counted and is sent, once, when the gateway is back', async () => {
    gateway.down = true;
    const created = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
    expect(created.status).toBe('in_review');
    expect((await readCase(clerk, created.id)).status).toBe('in_review');
    expect((await inbox(applicant)).map((m) => [m.caseId, m.title])).toContainEqual([created.id, '已受理']);

    const outbox = () => t.db.selectFrom('sms_outbox').selectAll().where('text', 'like', `%${created.number}%`).executeTakeFirst();
    const waiting = await waitFor(async () => {
      const row = await outbox();
      return row && row.attempts >= 1 ? row : undefined;
    }, 'the first delivery attempt');
    expect(waiting).toMatchObject({ phone: PERSON.phone, purpose: 'case.accept', status: 'pending', last_error: '短信网关不可用', sent_at: null });

    gateway.down = false;
    await t.app.sms.kick();
    const sent = await waitFor(async () => {
      const row = await outbox();
      return row?.status === 'sent' ? row : undefined;
    }, 'delivery once the gateway is back');
    expect(sent.attempts).toBe(waiting.attempts + 1);
    expect(gateway.delivered.filter((m) => m.text.includes(created.number))).toEqual([{ phone: PERSON.phone, text: waiting.text }]);
  });
});

describe('a fault inside the step’s transaction', () => {
  it('an acceptance that fails at its last write leaves the case exactly as it was, claims no key, and is audited as an error, not a success', async () => {
    gateway.down = false;
    const created = await openCase(clerk, windowIntake(itemCode));
    const before = await footprint(created.id);
    const counts = await snapshotCounts(t.db, [...CASE_TABLES]);
    const headers = { 'idempotency-key': `fault-accept-${created.id}` };
    const request = { expectedVersion: created.version, action: { type: 'accept' } };

    const failed = await withFaultyOutbox('case.accept', () => clerk.post(`/api/cases/${created.id}/actions`, request, { headers }));
    expect(failed.statusCode).toBe(500);
    const problem = problemOf(failed);
    expect(problem.code).toBe('INTERNAL_ERROR');
    expect(failed.body).not.toContain('simulated fault');

    expect(await footprint(created.id)).toEqual(before);
    expect(await snapshotCounts(t.db, [...CASE_TABLES])).toEqual(counts);
    expect(await auditOf(problem.requestId)).toEqual([{ action: 'case.act', outcome: 'error', target_id: null }]);
    expect(await t.db.selectFrom('audit_log').select('id').where('target_id', '=', created.id).where('action', '=', 'case.accept').execute()).toEqual([]);

    // The fault is repaired; the screen retries with the same key, and the acceptance goes through once.
    const retried = await clerk.post(`/api/cases/${created.id}/actions`, request, { headers });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json<ActResult>()).toMatchObject({ status: 'in_review', version: created.version + 1 });
    const after = await footprint(created.id);
    expect(after.actions.map((a) => a.type)).toEqual(['create', 'accept']);
    expect(after.sms.map((s) => s.purpose)).toEqual(['case.accept']);
  });

  it('an intake accepted on the spot that fails leaves no trace: no case, number, actions, materials, messages, SMS or key', async () => {
    const counts = await snapshotCounts(t.db, [...CASE_TABLES]);
    const headers = { 'idempotency-key': `fault-intake-${process.pid}-${Date.now()}` };
    const body = windowIntake(itemCode, { decision: { type: 'accept' } });

    const failed = await withFaultyOutbox('case.accept', () => clerk.post('/api/cases', body, { headers }));
    expect(failed.statusCode).toBe(500);
    expect(await snapshotCounts(t.db, [...CASE_TABLES])).toEqual(counts);
    expect(await auditOf(problemOf(failed).requestId)).toEqual([{ action: 'case.create', outcome: 'error', target_id: null }]);

    const retried = await clerk.post('/api/cases', body, { headers });
    expect(retried.statusCode, retried.body).toBe(201);
    expect((await readCase(clerk, retried.json<{ id: string }>().id)).status).toBe('in_review');
  });
});
