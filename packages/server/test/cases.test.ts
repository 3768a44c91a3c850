// The case engine through its HTTP routes: one-window intake, the back office, corrections, refusals, the clock,
// concurrency, idempotency and what a failure leaves behind — on PGlite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaseNumber } from '@onewindow/domain';
import { anonymous, countRows, loginApplicant, loginStaff, DEMO, type Client, type TestApp, createTestApp } from './harness.ts';
import { allMaterials, PERSON, publishCaseItem, windowIntake } from './fixtures/cases.ts';
import { pickupBy } from './fixtures/case-api.ts';

let t: TestApp;
let clerk: Client;
let reviewer: Client;
let itemCode: string;

beforeAll(async () => {
  t = await createTestApp();
  clerk = await loginStaff(t.app, 'clerk');
  reviewer = await loginStaff(t.app, 'reviewer');
  itemCode = await publishCaseItem(t, await loginStaff(t.app, 'catalog'), await loginStaff(t.app, 'catalog2'));
});

afterAll(async () => {
  await t?.close();
});

interface Created { id: string; number: string; status: string; version: number; dueDate: string | null; trackingToken: string }

async function intake(body: Record<string, unknown>, client = clerk): Promise<Created> {
  const response = await client.post('/api/cases', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Created>();
}

async function detail(id: string, client = clerk) {
  const response = await client.get(`/api/cases/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ status: string; version: number; allowedActions: string[]; timeline: { type: string; actorName: string }[]; state: { closeResult: string | null }; dueDate: string | null; clock: string | null; applicant: { idNumber: string } }>();
}

async function actOn(client: Client, id: string, action: Record<string, unknown>, expectedVersion?: number) {
  const version = expectedVersion ?? (await detail(id)).version;
  return client.post(`/api/cases/${id}/actions`, { expectedVersion: version, action });
}

describe('one-window intake and the back office', () => {
  it('a window accepts complete materials on the spot; review, decision, 办结 and 送达 follow, each on the timeline', async () => {
    const created = await intake(windowIntake(itemCode, { decision: { type: 'accept' } }));
    expect(created.status).toBe('in_review');
    expect(parseCaseNumber(created.number)?.regionCode).toBe('130100');
    expect(created.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect((await actOn(reviewer, created.id, { type: 'complete_step', opinion: '材料齐全，符合条件' })).statusCode).toBe(200);
    const decided = await actOn(reviewer, created.id, { type: 'decide', grant: true, opinion: '准予登记' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await actOn(clerk, created.id, { type: 'complete' })).statusCode).toBe(200);
    const delivered = await actOn(clerk, created.id, await pickupBy(clerk, PERSON.idNumber));
    expect(delivered.statusCode, delivered.body).toBe(200);

    const finished = await detail(created.id);
    expect(finished.status).toBe('delivered');
    expect(finished.state.closeResult).toBe('0');
    expect(finished.timeline.map((a) => a.type)).toEqual(['create', 'accept', 'complete_step', 'decide', 'complete', 'deliver']);
    expect(finished.applicant.idNumber).not.toContain('19900307');
  });

  it('an illegal step is refused with 409 naming the state and what it allows', async () => {
    const created = await intake(windowIntake(itemCode));
    const response = await actOn(clerk, created.id, { type: 'complete' });
    expect(response.statusCode).toBe(409);
    const problem = response.json<{ code: string; state: string; allowed: string[] }>();
    expect(problem.code).toBe('ILLEGAL_TRANSITION');
    expect(problem.state).toBe('received');
    expect(problem.allowed).toEqual(expect.arrayContaining(['accept', 'request_correction', 'refuse']));
  });

  it('a missing material cannot be accepted; the 补正 notice lists it, the correction is checked again and accepted', async () => {
    const body = windowIntake(itemCode, { materials: allMaterials({ 'id-card': 'missing' }) });
    const refused = await clerk.post('/api/cases', { ...body, decision: { type: 'accept' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ code: string }>().code).toBe('MATERIALS_INCOMPLETE');

    const created = await intake({ ...body, decision: { type: 'request_correction' } });
    expect(created.status).toBe('awaiting_correction');
    const waiting = await detail(created.id);
    const notice = (waiting.state as unknown as { correction: { items: { materialId: string; fix: string }[] } }).correction;
    expect(notice.items.map((i) => i.materialId)).toEqual(['id-card']);

    const resubmitted = await actOn(clerk, created.id, { type: 'resubmit', materials: [{ materialId: 'id-card', receivedAs: 'original', count: 1, files: [], checks: { valid: true } }] });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect((await actOn(clerk, created.id, { type: 'accept' })).json<{ status: string }>().status).toBe('in_review');
  });

  it('不予受理 needs a reason and remedies and closes the case with result 6', async () => {
    const created = await intake(windowIntake(itemCode, { decision: { type: 'refuse', reason: '不属于本机关职权范围', remedies: '可自收到本决定之日起六十日内申请行政复议，或六个月内提起行政诉讼' } }));
    expect(created.status).toBe('closed');
    expect((await detail(created.id)).state.closeResult).toBe('6');
  });
});

describe('two staff acting at once, retries and failures', () => {
  it('of two staff acting on the same version, one wins and the other gets 409 with the fresh state', async () => {
    const created = await intake(windowIntake(itemCode));
    const [a, b] = await Promise.all([
      actOn(clerk, created.id, { type: 'accept' }, created.version),
      actOn(clerk, created.id, { type: 'refuse', reason: '材料虚假', remedies: '可申请行政复议' }, created.version),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json<{ code: string; version: number }>()).toMatchObject({ code: 'CASE_VERSION_CONFLICT', version: created.version + 1 });
  });

  it('a retried intake with the same idempotency key returns the first case and makes no second one', async () => {
    const body = windowIntake(itemCode, { decision: { type: 'accept' } });
    const headers = { 'idempotency-key': `retry-${Date.now()}` };
    const before = await countRows(t.db, 'cases');
    const [first, second] = [await clerk.post('/api/cases', body, { headers }), await clerk.post('/api/cases', body, { headers })];
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json<Created>().id).toBe(first.json<Created>().id);
    expect(await countRows(t.db, 'cases')).toBe(before + 1);
    const reused = await clerk.post('/api/cases', { ...body, formData: { ...body.formData, address: '别处' } }, { headers });
    expect(reused.statusCode).toBe(422);
    expect(reused.json<{ code: string }>().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('an applicant with an account gets an in-app message and an SMS when the case is accepted', async () => {
    const applicant = await loginApplicant(t.app, DEMO.person.phone);
    const created = await intake(windowIntake(itemCode, { decision: { type: 'accept' } }));
    const inbox = await applicant.get('/api/messages');
    expect(inbox.json<{ items: { caseId: string; title: string }[] }>().items).toContainEqual(expect.objectContaining({ caseId: created.id, title: '已受理' }));
    const sms = await t.db.selectFrom('sms_outbox').select('text').where('purpose', '=', 'case.accept').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(sms.text).toContain(created.number);
  });

  it('a window case shows in the account with the applicant’s ID number only if the phone given at the window is the account’s', async () => {
    const account = await loginApplicant(t.app, DEMO.person.phone);
    // Someone who registered with this ID number is not the person at the window giving another phone.
    const other = await intake(windowIntake(itemCode, { applicant: { ...PERSON, phone: '13912340000' } }));
    const same = await intake(windowIntake(itemCode));
    const mine = (await account.get('/api/my/cases', { query: { limit: '100' } })).json<{ items: { id: string }[] }>().items.map((c) => c.id);
    expect(mine).toContain(same.id);
    expect(mine).not.toContain(other.id);
    expect((await account.get(`/api/cases/${other.id}`)).statusCode).toBe(404);
    expect((await account.post(`/api/cases/${other.id}/actions`, { expectedVersion: other.version, action: { type: 'withdraw', reason: '不办了' } })).statusCode).toBe(404);
  });

  it('anyone can follow a case with its number and the last 6 of the ID number, or the receipt token', async () => {
    const created = await intake(windowIntake(itemCode, { decision: { type: 'accept' } }));
    const visitor = anonymous(t.app);
    const tracked = await visitor.get(`/api/track?number=${created.number}&idSuffix=075314`);
    expect(tracked.statusCode, tracked.body).toBe(200);
    expect(tracked.json<{ statusLabel: string; timeline: { label: string }[] }>().timeline.map((e) => e.label)).toEqual(['收件', '受理']);
    expect(tracked.body).not.toContain('李四');
    expect((await visitor.get(`/api/track?number=${created.number}&idSuffix=000000`)).statusCode).toBe(404);
    expect((await visitor.get(`/api/track/t/${created.trackingToken}`)).statusCode).toBe(200);
  });
});
