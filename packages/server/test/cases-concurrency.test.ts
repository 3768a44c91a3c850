// Many hands at once: parallel intake never repeats a case number, two staff acting on the same version of a case
// get one success and one 409 with the fresh state, and a retried request (the answer was lost, the user clicked
// twice) with its Idempotency-Key does its work once and gets the first answer back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaseNumber } from '@onewindow/domain';
import { verifyAuditChain } from '../src/platform/audit/chain.ts';
import { addStaff, countRows, createTestApp, loginStaff, type Client, type TestApp } from './harness.ts';
import { allMaterials, publishCaseItem, windowIntake } from './fixtures/cases.ts';
import { actOk, openCase, problemOf, readCase, timelineTypes, type ActResult, type Created, secondReviewer, signInAtWindow } from './fixtures/case-api.ts';

let t: TestApp;
let clerk: Client;
let reviewer: Client;
let reviewer2: Client;
let itemCode: string;

beforeAll(async () => {
  t = await createTestApp();
  clerk = await loginStaff(t.app, 'clerk');
  reviewer = await loginStaff(t.app, 'reviewer');
  reviewer2 = await secondReviewer(t);
  itemCode = await publishCaseItem(t, await loginStaff(t.app, 'catalog'), await loginStaff(t.app, 'catalog2'));
});

afterAll(async () => {
  await t?.close();
});

let keySerial = 0;
const newKey = (what: string) => `${what}-${process.pid}-${++keySerial}-${Date.now()}`;

async function actionCount(caseId: string): Promise<number> {
  const row = await t.db.selectFrom('case_actions').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('case numbers under load', () => {
  it('1,000 window intakes at once get 1,000 distinct case numbers, each with a valid check character', async () => {
    const before = await countRows(t.db, 'cases');
    const responses = await Promise.all(Array.from({ length: 1000 }, () => clerk.post('/api/cases', windowIntake(itemCode))));
    expect(responses.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([]);

    const numbers = responses.map((r) => r.json<Created>().number);
    expect(new Set(numbers).size).toBe(1000);
    for (const number of numbers) expect(parseCaseNumber(number), number).toMatchObject({ regionCode: '130100' });
    expect(await countRows(t.db, 'cases')).toBe(before + 1000);
    const stored = await t.db.selectFrom('cases').select('number').where('item_code', '=', itemCode).execute();
    expect(new Set(stored.map((s) => s.number))).toEqual(new Set(numbers));
  }, 180_000);

  it('their audit records, appended to the same few chains at once, still link each to the one before it', async () => {
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: await countRows(t.db, 'audit_log') });
  });
});

describe('two staff acting on the same version', () => {
  it('one wins; the other gets 409 CASE_VERSION_CONFLICT with the fresh state, and only one action is written', async () => {
    const created = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
    const [a, b] = await Promise.all([
      reviewer.post(`/api/cases/${created.id}/actions`, { expectedVersion: created.version, action: { type: 'complete_step', opinion: '审核同意' } }),
      reviewer2.post(`/api/cases/${created.id}/actions`, { expectedVersion: created.version, action: { type: 'start_special', kind: '1', reason: '现场核查' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a];

    const view = await readCase(reviewer, created.id);
    const problem = problemOf(loser);
    expect(problem).toMatchObject({ status: 409, code: 'CASE_VERSION_CONFLICT', caseStatus: view.status });
    // The loser sees what the winner did, so it can decide again without reloading.
    expect(problem.version).toBe(winner.json<ActResult>().version);
    expect(problem.state).toEqual(view.state);
    expect(view.version).toBe(created.version + 1);
    expect(await actionCount(created.id)).toBe(created.version + 1);
  });

  it('of six requests racing on one version, one wins, five get 409 and a single action is written', async () => {
    // Both reviewers of the step, each sending three times: all entitled to act, so only the race decides.
    const created = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
    const racers = [reviewer, reviewer2, reviewer, reviewer2, reviewer, reviewer2];
    const responses = await Promise.all(
      racers.map((client, i) => client.post(`/api/cases/${created.id}/actions`, {
        expectedVersion: created.version,
        action: i % 2 === 0 ? { type: 'complete_step', opinion: '审核同意' } : { type: 'start_special', kind: '1', reason: '现场核查' },
      })),
    );
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.statusCode === 409).map((r) => problemOf(r).code)).toEqual(Array(5).fill('CASE_VERSION_CONFLICT'));
    expect(await actionCount(created.id)).toBe(created.version + 1);
  });
});

describe('idempotent retries (Idempotency-Key)', () => {
  it('the same intake sent five times at once with one key makes one case, and every answer names it', async () => {
    const body = windowIntake(itemCode, { decision: { type: 'accept' } });
    const headers = { 'idempotency-key': newKey('intake') };
    const before = await countRows(t.db, 'cases');
    const responses = await Promise.all(Array.from({ length: 5 }, () => clerk.post('/api/cases', body, { headers })));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(5).fill(201));
    const ids = new Set(responses.map((r) => r.json<Created>().id));
    expect(ids.size).toBe(1);
    expect(new Set(responses.map((r) => r.json<Created>().number)).size).toBe(1);
    expect(await countRows(t.db, 'cases')).toBe(before + 1);
    // One acceptance notice, not five.
    const [id] = [...ids];
    expect(await t.db.selectFrom('messages').select('id').where('case_id', '=', id!).execute()).toHaveLength(1);
  });

  it('a retried action returns its first answer and is applied once, even when the retries arrive together', async () => {
    const created = await openCase(clerk, windowIntake(itemCode));
    const headers = { 'idempotency-key': newKey('accept') };
    const request = { expectedVersion: created.version, action: { type: 'accept', opinion: '材料齐全' } };

    const responses = await Promise.all(Array.from({ length: 4 }, () => clerk.post(`/api/cases/${created.id}/actions`, request, { headers })));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const first = responses[0]!.json<ActResult>();
    expect(first).toMatchObject({ status: 'in_review', version: created.version + 1 });
    for (const response of responses) expect(response.json()).toEqual(first);

    // Later, a lost answer retried: still the first answer, although the version it names has since been used.
    const later = await clerk.post(`/api/cases/${created.id}/actions`, request, { headers });
    expect(later.statusCode).toBe(200);
    expect(later.json()).toEqual(first);
    const view = await readCase(clerk, created.id);
    expect(timelineTypes(view)).toEqual(['create', 'accept']);
    expect(view.version).toBe(created.version + 1);
  });

  it('a key reused for a different request is refused (422) and changes nothing', async () => {
    const created = await openCase(clerk, windowIntake(itemCode));
    const headers = { 'idempotency-key': newKey('reuse') };
    expect((await clerk.post(`/api/cases/${created.id}/actions`, { expectedVersion: created.version, action: { type: 'accept' } }, { headers })).statusCode).toBe(200);

    const other = await clerk.post(`/api/cases/${created.id}/actions`, { expectedVersion: created.version + 1, action: { type: 'withdraw', reason: '申请人撤回' } }, { headers });
    expect(other.statusCode).toBe(422);
    expect(problemOf(other).code).toBe('IDEMPOTENCY_KEY_REUSED');
    const intake = await clerk.post('/api/cases', windowIntake(itemCode), { headers });
    expect(intake.statusCode).toBe(422);
    expect((await readCase(clerk, created.id)).status).toBe('in_review');
  });

  it('a refused request leaves its key unclaimed, so the corrected request may use it', async () => {
    const created = await openCase(clerk, windowIntake(itemCode, { materials: allMaterials({ 'id-card': 'missing' }) }));
    const headers = { 'idempotency-key': newKey('after-fix') };
    const refused = await clerk.post(`/api/cases/${created.id}/actions`, { expectedVersion: created.version, action: { type: 'accept' } }, { headers });
    expect(refused.statusCode).toBe(422);
    expect(await t.db.selectFrom('idempotency_keys').select('key').where('key', '=', headers['idempotency-key']).execute()).toEqual([]);

    // The id card is brought to the window and the clerk accepts again with the key the screen kept.
    await actOk(clerk, created.id, { type: 'request_correction' });
    await actOk(clerk, created.id, { type: 'resubmit', materials: [{ materialId: 'id-card', receivedAs: 'original', count: 1, files: [], checks: { valid: true } }] });
    const version = (await readCase(clerk, created.id)).version;
    const retried = await clerk.post(`/api/cases/${created.id}/actions`, { expectedVersion: version, action: { type: 'accept' } }, { headers });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json<ActResult>().status).toBe('in_review');
  });

  it('keys belong to their user: another clerk’s request with the same key is its own', async () => {
    await addStaff(t.app, { username: 'clerk2', name: '周窗口', roles: [{ role: 'clerk', regionCode: '1301' }] });
    const clerk2 = await loginStaff(t.app, 'clerk2');
    await signInAtWindow(t, clerk2, 'A02');
    const headers = { 'idempotency-key': newKey('shared') };
    const body = windowIntake(itemCode);
    const mine = await clerk.post('/api/cases', body, { headers });
    const theirs = await clerk2.post('/api/cases', body, { headers });
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.json<Created>().id).not.toBe(mine.json<Created>().id);
  });

  it('a malformed key is refused before anything is done', async () => {
    const before = await countRows(t.db, 'cases');
    const response = await clerk.post('/api/cases', windowIntake(itemCode), { headers: { 'idempotency-key': 'short' } });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(await countRows(t.db, 'cases')).toBe(before);
  });
});
