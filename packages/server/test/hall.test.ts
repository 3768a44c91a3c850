// One-window intake at the hall: the clerk signs in to a window, which decides what it may take in; the intake
// draft survives until the decision; a notice's number or QR code finds the case; results are handed out at the
// window against the collector's identity and signature; the desk counts the day's work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, DEMO, latestAudit, loginApplicant, loginStaff, type Client, type TestApp } from './harness.ts';
import { allMaterials, caseGuide, PERSON, publishCaseItem, windowIntake } from './fixtures/cases.ts';
import { actOk, openCase, pickupBy, problemOf, readCase, signInAtWindow } from './fixtures/case-api.ts';

let t: TestApp;
let clerk: Client;
let reviewer: Client;
let itemCode: string;

interface DeskView {
  window: { number: string; kind: string; hall: { name: string } } | null;
  desk: {
    counts: { received: number; accepted: number; corrected: number; correctionRequested: number; refused: number; delivered: number; averageHandlingSeconds: number | null };
    intakeToday: { id: string; number: string }[];
    awaitingCorrection: { id: string }[];
    readyForPickup: { id: string; status: string }[];
  } | null;
}

const deskOf = async (client: Client) => (await client.get('/api/hall/desk')).json<DeskView>();

beforeAll(async () => {
  t = await createTestApp();
  clerk = await loginStaff(t.app, 'clerk');
  reviewer = await loginStaff(t.app, 'reviewer');
  itemCode = await publishCaseItem(t, await loginStaff(t.app, 'catalog'), await loginStaff(t.app, 'catalog2'), caseGuide({ domainCode: 'market_regulation' }));
});

afterAll(async () => {
  await t?.close();
});

describe('signing in to a window (一人一窗)', () => {
  it('a clerk at no window cannot take a case in; the hall and window come from the sign-in, not the request', async () => {
    await addStaff(t.app, { username: 'clerk_new', name: '吴新人', roles: [{ role: 'clerk', regionCode: '1301' }] });
    const newcomer = await loginStaff(t.app, 'clerk_new');
    const refused = await newcomer.post('/api/cases', windowIntake(itemCode));
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).code).toBe('WINDOW_NOT_SIGNED_IN');
    expect((await deskOf(newcomer)).window).toBeNull();

    const windowId = await signInAtWindow(t, newcomer, 'A02');
    const created = await openCase(newcomer, windowIntake(itemCode));
    const row = await t.db.selectFrom('cases').select(['window_id', 'hall_id']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.window_id).toBe(windowId);
    expect(row.hall_id).not.toBeNull();
    // The request may not name another window.
    expect((await newcomer.post('/api/cases', windowIntake(itemCode, { windowId }))).statusCode).toBe(400);
  });

  it('a window has one clerk at a time; the list of windows shows who is where', async () => {
    await addStaff(t.app, { username: 'clerk_two', name: '郑二', roles: [{ role: 'clerk', regionCode: '1301' }] });
    const second = await loginStaff(t.app, 'clerk_two');
    const windows = (await second.get('/api/hall/windows')).json<{ items: { id: string; number: string; hall: { name: string }; occupant: { name: string; isMe: boolean } | null }[] }>().items;
    const a01 = windows.find((w) => w.number === 'A01' && w.hall.name === '石家庄市政务服务中心')!;
    expect(a01.occupant).toEqual({ name: '李窗口', isMe: false });
    const taken = await second.put('/api/hall/sign-in', { windowId: a01.id });
    expect(taken.statusCode).toBe(409);
    expect(problemOf(taken)).toMatchObject({ code: 'WINDOW_OCCUPIED', title: 'A01 窗口已由李窗口登录，请选择其他窗口或请其先退出' });
  });

  it('a domain window refuses an item of another domain, naming the window to go to; a comprehensive window takes it', async () => {
    await addStaff(t.app, { username: 'clerk_med', name: '冯医保', roles: [{ role: 'clerk', regionCode: '1301' }] });
    const medical = await loginStaff(t.app, 'clerk_med');
    await signInAtWindow(t, medical, 'B01');
    const before = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const refused = await medical.post('/api/cases', windowIntake(itemCode, { decision: { type: 'accept' } }));
    expect(refused.statusCode).toBe(403);
    expect(problemOf(refused)).toMatchObject({
      code: 'WINDOW_DOMAIN_MISMATCH',
      title: '本窗口为医保领域窗口，不能受理“市场监管”领域的事项；请引导申请人到综合受理窗口或市场监管窗口办理',
    });
    const after = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    await signInAtWindow(t, medical, 'A03');
    expect((await openCase(medical, windowIntake(itemCode, { decision: { type: 'accept' } }))).status).toBe('in_review');
  });
});

describe('the intake draft', () => {
  it('is kept until the decision, which removes it and records when the intake began', async () => {
    const data = { itemCode, applicant: { name: '李四' }, step: 'materials' };
    expect((await clerk.put('/api/hall/draft', { data })).statusCode).toBe(200);
    const kept = (await clerk.get('/api/hall/draft')).json<{ draft: { data: unknown; startedAt: string } | null }>().draft;
    expect(kept?.data).toEqual(data);

    // A refused intake (bad ID number) changes nothing: the draft stays.
    const bad = await clerk.post('/api/cases', windowIntake(itemCode, { applicant: { ...PERSON, idNumber: '130102199003075315' } }));
    expect(bad.statusCode).toBe(400);
    expect((await clerk.get('/api/hall/draft')).json<{ draft: unknown }>().draft).not.toBeNull();

    const created = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
    expect((await clerk.get('/api/hall/draft')).json<{ draft: unknown }>().draft).toBeNull();
    const row = await t.db.selectFrom('cases').select('intake_started_at').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.intake_started_at?.toISOString()).toBe(new Date(kept!.startedAt).toISOString());
  });

  it('is one per clerk, private to them, and bounded in size', async () => {
    await clerk.put('/api/hall/draft', { data: { itemCode: 'x' } });
    expect((await reviewer.get('/api/hall/draft')).statusCode).toBe(403);
    expect((await clerk.put('/api/hall/draft', { data: { blob: 'x'.repeat(300 * 1024) } })).statusCode).toBe(413);
    expect((await clerk.delete('/api/hall/draft')).statusCode).toBe(200);
    expect((await clerk.get('/api/hall/draft')).json<{ draft: unknown }>().draft).toBeNull();
  });

  it('is audited as saving and discarding a draft, not as signing in to a window', async () => {
    const lastId = Number((await t.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
    await clerk.put('/api/hall/draft', { data: { itemCode: 'y' } });
    await clerk.put('/api/hall/draft', { data: { blob: 'x'.repeat(300 * 1024) } });
    await clerk.delete('/api/hall/draft');
    const records = await t.db.selectFrom('audit_log').select(['action', 'outcome', 'target_type']).where('id', '>', lastId).orderBy('id').execute();
    expect(records).toEqual([
      { action: 'intake_draft.save', outcome: 'success', target_type: 'intake_draft' },
      { action: 'intake_draft.save', outcome: 'rejected', target_type: null },
      { action: 'intake_draft.discard', outcome: 'success', target_type: 'intake_draft' },
    ]);
  });
});

describe('correction at the window and the unified result window', () => {
  it('finds the case from the notice number or its QR code, accepts the correction, and hands out the result with a signature', async () => {
    const lacking = allMaterials({ 'id-card': 'missing' });
    const created = await openCase(clerk, windowIntake(itemCode, { materials: lacking, decision: { type: 'request_correction' } }));
    expect(created.status).toBe('awaiting_correction');
    expect((await deskOf(clerk)).desk!.awaitingCorrection.map((c) => c.id)).toContain(created.id);

    const byNumber = await clerk.get(`/api/hall/lookup?code=${created.number}`);
    expect(byNumber.json()).toMatchObject({ id: created.id, status: 'awaiting_correction' });
    const qr = `https://onewindow.example/track/t/${created.trackingToken}`;
    expect((await clerk.get(`/api/hall/lookup?code=${encodeURIComponent(qr)}`)).json()).toMatchObject({ id: created.id });
    const typo = await clerk.get(`/api/hall/lookup?code=${created.number.slice(0, -1)}${created.number.endsWith('1') ? '2' : '1'}`);
    expect(typo.statusCode).toBe(400);
    expect(problemOf(typo).errors).toEqual([{ path: '/code', message: '办件编号有误（请核对校验位），或二维码无法识别' }]);

    await actOk(clerk, created.id, { type: 'resubmit', materials: allMaterials().filter((m) => m.materialId === 'id-card') });
    await actOk(clerk, created.id, { type: 'accept' });
    await actOk(reviewer, created.id, { type: 'complete_step', opinion: '符合条件' });
    await actOk(reviewer, created.id, { type: 'decide', grant: true, opinion: '准予' });
    expect((await deskOf(clerk)).desk!.readyForPickup.map((c) => c.id)).toContain(created.id);

    await actOk(clerk, created.id, { type: 'complete' });
    const pickup = await pickupBy(clerk, PERSON.idNumber);
    await actOk(clerk, created.id, pickup);
    const delivered = await readCase(clerk, created.id);
    expect(delivered.status).toBe('delivered');
    expect((await deskOf(clerk)).desk!.readyForPickup.map((c) => c.id)).not.toContain(created.id);
    // The signature belongs to the case file now: staff may look at it, as may the applicant who owns the case.
    expect((await clerk.get(`/api/cases/${created.id}/files/${pickup.signature}`)).headers['content-type']).toBe('image/png');
    const owner = await loginApplicant(t.app, DEMO.person.phone);
    expect((await owner.get(`/api/cases/${created.id}/files/${pickup.signature}`)).statusCode).toBe(200);
  });

  it('counts the day at the desk: received, accepted, corrections asked and answered, refusals, handed out', async () => {
    const desk = await deskOf(clerk);
    expect(desk.window).toMatchObject({ number: 'A01', kind: 'comprehensive', hall: { name: '石家庄市政务服务中心' } });
    const counts = desk.desk!.counts;
    expect(counts.received).toBeGreaterThanOrEqual(2);
    expect(counts.accepted).toBeGreaterThanOrEqual(2);
    expect(counts.correctionRequested).toBeGreaterThanOrEqual(1);
    expect(counts.corrected).toBeGreaterThanOrEqual(1);
    expect(counts.delivered).toBeGreaterThanOrEqual(1);
    expect(counts.averageHandlingSeconds).not.toBeNull();
    expect(desk.desk!.intakeToday.length).toBe(counts.received);
  });
});

describe('a clerk who may no longer work at a window leaves it', () => {
  let manager: Client;

  beforeAll(async () => {
    manager = await loginStaff(t.app, 'hallmgr');
  });

  const windowOf = async (staffId: string) => (await t.db.selectFrom('window_sign_ins').select('window_id').where('staff_id', '=', staffId).executeTakeFirst())?.window_id;

  /** A new clerk of 石家庄市, signed in at a window of its hall. */
  async function clerkAtWindow(username: string, number: string) {
    const id = await addStaff(t.app, { username, roles: [{ role: 'clerk', regionCode: '1301' }] });
    const windowId = await signInAtWindow(t, await loginStaff(t.app, username), number);
    return { id, windowId };
  }

  it('deactivating a clerk frees their window for a colleague, and the audit record names it', async () => {
    const leaving = await clerkAtWindow('clerk_leaving', 'B02');
    expect((await manager.patch(`/api/org/staff/${leaving.id}`, { active: false })).statusCode).toBe(200);
    expect(await windowOf(leaving.id)).toBeUndefined();
    expect((await latestAudit(t.db)).detail).toMatchObject({ active: false, leftWindowId: leaving.windowId });

    await addStaff(t.app, { username: 'clerk_after', roles: [{ role: 'clerk', regionCode: '1301' }] });
    await signInAtWindow(t, await loginStaff(t.app, 'clerk_after'), 'B02');
  });

  it('a clerk whose roles no longer make them a clerk of the hall’s region leaves; one who still is stays', async () => {
    const moved = await clerkAtWindow('clerk_moved', 'B01');
    const alsoReviewer = await manager.patch(`/api/org/staff/${moved.id}`, { roles: [{ role: 'clerk', regionCode: '1301' }, { role: 'reviewer', regionCode: '1301' }] });
    expect(alsoReviewer.statusCode).toBe(200);
    expect((await manager.patch(`/api/org/staff/${moved.id}`, { name: '调岗前' })).statusCode).toBe(200);
    expect(await windowOf(moved.id)).toBe(moved.windowId);

    const toReviewer = await manager.patch(`/api/org/staff/${moved.id}`, { roles: [{ role: 'reviewer', regionCode: '1301' }] });
    expect(toReviewer.statusCode).toBe(200);
    expect(await windowOf(moved.id)).toBeUndefined();

    // A clerk of a district does not cover the city's hall either.
    const toDistrict = await clerkAtWindow('clerk_district', 'B01');
    expect((await manager.patch(`/api/org/staff/${toDistrict.id}`, { roles: [{ role: 'clerk', regionCode: '130102' }] })).statusCode).toBe(200);
    expect(await windowOf(toDistrict.id)).toBeUndefined();
  });

  it('a sign-in left behind by a deactivated clerk does not hold the window', async () => {
    const stale = await clerkAtWindow('clerk_stale', 'D01');
    // As a deactivation before this rule would have left it.
    await t.db.updateTable('staff').set({ active: false }).where('id', '=', stale.id).execute();
    await addStaff(t.app, { username: 'clerk_next', roles: [{ role: 'clerk', regionCode: '1301' }] });
    const next = await loginStaff(t.app, 'clerk_next');
    const windows = (await next.get('/api/hall/windows')).json<{ items: { id: string; occupant: unknown }[] }>().items;
    expect(windows.find((w) => w.id === stale.windowId)?.occupant).toBeNull();

    await signInAtWindow(t, next, 'D01');
    expect(await windowOf(stale.id)).toBeUndefined();
  });
});
