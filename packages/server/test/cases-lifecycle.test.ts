// Every step of a case through the HTTP API, and every refusal: online draft and pre-review, window intake,
// 补齐补正 and its expiry, 不予受理, 容缺受理, the back-office steps with send-back, the decision, 办结 and 送达,
// withdrawal, and who may act at all. A refused action leaves the case as it was (same version, same timeline).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, beijingToday } from '@onewindow/domain';
import { addStaff, countRows, createTestApp, DEMO, loginApplicant, loginStaff, type Client, type TestApp } from './harness.ts';
import { allMaterials, caseGuide, PERSON, publishCaseItem, windowIntake } from './fixtures/cases.ts';
import {
  pickupBy,
  actOk, departmentId, expectRefused, inbox, openCase, problemOf, readCase, sendAction, timelineTypes, watchDeadlinesAt, type CaseView,
} from './fixtures/case-api.ts';
import { onlineApplication, onlineMaterials } from './fixtures/online.ts';

let t: TestApp;
let clerk: Client;
let reviewer: Client;
let supervisor: Client;
let applicant: Client;
let otherApplicant: Client;
let reviewerElsewhere: Client;
let itemCode: string;

const base = caseGuide();
/** Three back-office steps (审核 → 复核 → 决定), so a case can be sent back past one and forward is never allowed. */
const THREE_STEP_GUIDE = caseGuide({
  steps: [
    ...base.steps.slice(0, 2),
    { id: 'check', name: '复核', kind: 'review', role: 'reviewer', departmentId: null, timeLimitDays: null, description: '复核登记事项' },
    ...base.steps.slice(2),
  ],
});

const REFUSAL = { reason: '申请事项不属于本机关职权范围', remedies: '可自收到本决定之日起六十日内申请行政复议，或六个月内提起行政诉讼' };

beforeAll(async () => {
  t = await createTestApp();
  clerk = await loginStaff(t.app, 'clerk');
  reviewer = await loginStaff(t.app, 'reviewer');
  supervisor = await loginStaff(t.app, 'supervisor');
  applicant = await loginApplicant(t.app, DEMO.person.phone);
  otherApplicant = await loginApplicant(t.app, DEMO.company.phone);
  const medicalInsurance = await departmentId(t, '石家庄市医疗保障局');
  await addStaff(t.app, { username: 'reviewer_yb', name: '医保审批', roles: [{ role: 'reviewer', regionCode: '1301', departmentId: medicalInsurance }] });
  reviewerElsewhere = await loginStaff(t.app, 'reviewer_yb');
  itemCode = await publishCaseItem(t, await loginStaff(t.app, 'catalog'), await loginStaff(t.app, 'catalog2'), THREE_STEP_GUIDE);
});

afterAll(async () => {
  await t?.close();
});

/** One material as brought later (a correction, a deferred material), with the results of its review points. */
const material = (materialId: string, receivedAs: string, checks: Record<string, boolean>) => ({ materialId, receivedAs, count: 1, files: [], checks });

/** A window case accepted on the spot, now at the first review step. */
async function acceptedCase(): Promise<string> {
  const created = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
  expect(created.status).toBe('in_review');
  return created.id;
}

/** A case through every review step to the decision. */
async function decidedCase(decision: Record<string, unknown> = { grant: true, opinion: '符合条件，准予登记' }): Promise<string> {
  const id = await acceptedCase();
  await actOk(reviewer, id, { type: 'complete_step', opinion: '材料齐全' });
  await actOk(reviewer, id, { type: 'complete_step', opinion: '复核无误' });
  await actOk(reviewer, id, { type: 'decide', ...decision });
  return id;
}

const titlesFor = async (client: Client, caseId: string) => (await inbox(client)).filter((m) => m.caseId === caseId).map((m) => m.title);

describe('网上申请: a draft, its submission and the pre-review (预审)', () => {
  it('an applicant submits a draft, pre-review accepts it and the clock starts; each step is on the timeline and told to the applicant', async () => {
    const created = await openCase(applicant, await onlineApplication(applicant, itemCode));
    expect(created).toMatchObject({ status: 'draft', version: 1, dueDate: null });

    // Nothing is accepted before the applicant submits: until then the draft is the applicant's own, not there for staff.
    await expectRefused(applicant, clerk, created.id, { type: 'accept' }, 404, 'NOT_FOUND');
    expect((await clerk.get(`/api/cases/${created.id}`)).statusCode).toBe(404);
    // Nor may staff submit it for the applicant, who alone makes the declaration of truth.
    await expectRefused(applicant, clerk, created.id, { type: 'submit' }, 404, 'NOT_FOUND');
    expect((await actOk(applicant, created.id, { type: 'submit', declaration: true })).status).toBe('submitted');
    const accepted = await actOk(clerk, created.id, { type: 'accept', opinion: '预审通过' });
    expect(accepted.status).toBe('in_review');
    expect(accepted.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const view = await readCase(applicant, created.id);
    expect(view.timeline.map((e) => [e.type, e.actorKind])).toEqual([['create', 'applicant'], ['submit', 'applicant'], ['accept', 'staff']]);
    // The applicant sees the window, not the clerk's name nor the clerk's opinion (staff do: online-application spec).
    expect(view.timeline[2]).toMatchObject({ actorName: '窗口工作人员', opinion: null });
    expect(view.currentStep).toEqual({ id: 'review', name: '审核' });
    expect(await titlesFor(applicant, created.id)).toEqual(expect.arrayContaining(['申请已提交', '已受理']));
  });

  it('pre-review asks for a correction; the applicant’s corrected application is checked again and accepted', async () => {
    const created = await openCase(applicant, await onlineApplication(applicant, itemCode, { submit: true, overrides: { premises: 'missing' } }));
    expect(created.status).toBe('submitted');

    const asked = await actOk(clerk, created.id, { type: 'request_correction' });
    expect(asked.status).toBe('awaiting_correction');
    const waiting = await readCase(applicant, created.id);
    expect(waiting.state.correction!.items).toEqual([expect.objectContaining({ materialId: 'premises', problem: '未提交' })]);
    expect(waiting.allowedActions).toEqual(expect.arrayContaining(['resubmit', 'withdraw']));

    const [premises] = await onlineMaterials(applicant, { application: 'missing', 'id-card': 'missing' });
    const resubmitted = await actOk(applicant, created.id, { type: 'resubmit', materials: [premises] });
    // Corrected online, it is back in the online pre-review (待预审).
    expect(resubmitted.status).toBe('submitted');
    expect((await actOk(clerk, created.id, { type: 'accept' })).status).toBe('in_review');
    expect(timelineTypes(await readCase(clerk, created.id))).toEqual(['create', 'submit', 'request_correction', 'resubmit', 'accept']);
  });

  it('pre-review refuses an online application (不予受理) only with a reason and the remedies, closing it with result 6', async () => {
    const created = await openCase(applicant, await onlineApplication(applicant, itemCode, { submit: true }));
    await expectRefused(clerk, clerk, created.id, { type: 'refuse', reason: REFUSAL.reason }, 400, 'VALIDATION_FAILED');
    await expectRefused(clerk, clerk, created.id, { type: 'refuse', remedies: REFUSAL.remedies }, 400, 'VALIDATION_FAILED');

    expect((await actOk(clerk, created.id, { type: 'refuse', ...REFUSAL })).status).toBe('closed');
    const view = await readCase(applicant, created.id);
    expect(view.state).toMatchObject({ closeResult: '6', closeReason: REFUSAL.reason });
    const notice = (await inbox(applicant)).find((m) => m.caseId === created.id && m.title === '不予受理');
    expect(notice?.body).toContain(REFUSAL.reason);
    expect(notice?.body).toContain(REFUSAL.remedies);
  });
});

describe('窗口收件: 补齐补正, its expiry, and 不予受理', () => {
  it('a 补正 notice lists every missing material and every failed review point by itself, and the corrected case is accepted', async () => {
    const materials = allMaterials({ 'id-card': 'missing' }).map((m) => (m.materialId === 'application' ? { ...m, checks: { signed: true, scope: false } } : m));
    const created = await openCase(clerk, windowIntake(itemCode, { materials, decision: { type: 'request_correction' } }));
    expect(created.status).toBe('awaiting_correction');

    const waiting = await readCase(clerk, created.id);
    expect(waiting.state.correction!.items).toEqual([
      { materialId: 'application', problem: '不符合：经营范围按规范表述填写', fix: '请按要求补正：经营范围按规范表述填写' },
      expect.objectContaining({ materialId: 'id-card', problem: '未提交' }),
    ]);
    // 10 working days to bring the correction, counted by the official calendar.
    const expected = await clerk.get(`/api/calendar/due-date?start=${beijingToday()}&amount=10&unit=workday`);
    expect(waiting.state.correction!.dueDate).toBe(expected.json<{ dueDate: string }>().dueDate);
    const notice = (await inbox(applicant)).find((m) => m.caseId === created.id && m.title === '请补齐补正材料');
    expect(notice?.body).toContain('经营范围按规范表述填写');

    await expectRefused(clerk, clerk, created.id, { type: 'accept' }, 409, 'ILLEGAL_TRANSITION');
    const corrected = await actOk(clerk, created.id, {
      type: 'resubmit',
      materials: [material('application', 'original', { signed: true, scope: true }), material('id-card', 'original', { valid: true })],
    });
    expect(corrected.status).toBe('received');
    expect((await actOk(clerk, created.id, { type: 'accept' })).status).toBe('in_review');
    const view = await readCase(clerk, created.id);
    expect(timelineTypes(view)).toEqual(['create', 'request_correction', 'resubmit', 'accept']);
    expect(view.materials.find((m) => m.materialId === 'id-card')).toMatchObject({ receivedAs: 'original', trustLevel: 'B' });
  });

  it('a window cannot accept incomplete materials, nor issue a 补正 notice when nothing is wrong', async () => {
    const incomplete = await openCase(clerk, windowIntake(itemCode, { materials: allMaterials({ 'id-card': 'missing' }) }));
    const problem = await expectRefused(clerk, clerk, incomplete.id, { type: 'accept' }, 422, 'MATERIALS_INCOMPLETE');
    expect(problem.errors).toEqual([expect.objectContaining({ path: '/materials/id-card' })]);

    const complete = await openCase(clerk, windowIntake(itemCode));
    const nothing = await expectRefused(clerk, clerk, complete.id, { type: 'request_correction' }, 400, 'VALIDATION_FAILED');
    expect(nothing.errors).toEqual([{ path: '/action/items', message: '材料齐全且符合要求，无需补正' }]);
  });

  it('a correction not brought by its due date closes the case as 退件 (result 5) the day after, and the applicant is told', async () => {
    const created = await openCase(clerk, windowIntake(itemCode, { materials: allMaterials({ 'id-card': 'missing' }), decision: { type: 'request_correction' } }));
    const due = (await readCase(clerk, created.id)).state.correction!.dueDate;

    await watchDeadlinesAt(t, new Date(`${due}T16:00:00+08:00`));
    expect((await readCase(clerk, created.id)).status).toBe('awaiting_correction');

    const run = await watchDeadlinesAt(t, new Date(`${addCalendarDays(due, 1)}T09:00:00+08:00`));
    expect(run.expired).toBeGreaterThanOrEqual(1);
    const view = await readCase(applicant, created.id);
    expect(view.status).toBe('closed');
    expect(view.state).toMatchObject({ closeResult: '5', closeReason: '补正期限届满未补正' });
    expect(view.timeline.at(-1)).toMatchObject({ type: 'correction_expired', actorKind: 'system', actorName: '系统' });
    expect(await titlesFor(applicant, created.id)).toContain('已退件');
    await expectRefused(clerk, applicant, created.id, { type: 'resubmit', materials: [material('id-card', 'original', { valid: true })] }, 409, 'ILLEGAL_TRANSITION');
  });

  it('不予受理 at the window needs a reason and the remedies; it closes the case with result 6 and nothing is allowed after it', async () => {
    const cases = await countRows(t.db, 'cases');
    const missing = await clerk.post('/api/cases', windowIntake(itemCode, { decision: { type: 'refuse', reason: REFUSAL.reason } }));
    expect(missing.statusCode).toBe(400);
    expect(await countRows(t.db, 'cases')).toBe(cases);

    const created = await openCase(clerk, windowIntake(itemCode));
    await expectRefused(clerk, clerk, created.id, { type: 'refuse', reason: '', remedies: REFUSAL.remedies }, 400, 'VALIDATION_FAILED');
    expect((await actOk(clerk, created.id, { type: 'refuse', ...REFUSAL })).status).toBe('closed');
    const view = await readCase(clerk, created.id);
    expect(view.state.closeResult).toBe('6');
    expect(view.allowedActions).toEqual([]);
    const after = await expectRefused(clerk, clerk, created.id, { type: 'accept' }, 409, 'ILLEGAL_TRANSITION');
    expect(after).toMatchObject({ state: 'closed', allowed: [] });
  });
});

describe('容缺受理: accepting with a deferrable material outstanding', () => {
  it('needs a promised date after today and the applicant’s written commitment; the material is recorded when it comes', async () => {
    const created = await openCase(clerk, windowIntake(itemCode, { materials: allMaterials({ premises: 'deferred' }) }));
    const later = addCalendarDays(beijingToday(), 5);

    const noDate = await expectRefused(clerk, clerk, created.id, { type: 'accept', commitment: '本人承诺5个工作日内补交' }, 400);
    expect(noDate.errors).toEqual([expect.objectContaining({ path: '/action/deferred/premises' })]);
    const today = await expectRefused(clerk, clerk, created.id, { type: 'accept', deferred: [{ materialId: 'premises', dueDate: beijingToday() }], commitment: '承诺补交' }, 400);
    expect(today.errors).toEqual([{ path: '/action/deferred/premises', message: '“经营场所使用证明”的承诺补交日期应晚于今天' }]);
    const noCommitment = await expectRefused(clerk, clerk, created.id, { type: 'accept', deferred: [{ materialId: 'premises', dueDate: later }] }, 400);
    expect(noCommitment.errors).toEqual([expect.objectContaining({ path: '/action/commitment' })]);

    const accepted = await actOk(clerk, created.id, { type: 'accept', deferred: [{ materialId: 'premises', dueDate: later }], commitment: '本人承诺5个工作日内补交经营场所使用证明' });
    expect(accepted.status).toBe('in_review');
    const outstanding = await readCase(clerk, created.id);
    expect(outstanding.timeline.at(-1)!.event).toEqual({ type: 'accept', deferred: [{ materialId: 'premises', dueDate: later }], commitment: '本人承诺5个工作日内补交经营场所使用证明' });
    expect(outstanding.state.deferred).toEqual([{ materialId: 'premises', dueDate: later, receivedAt: null }]);
    expect(outstanding.allowedActions).toContain('deferred_received');
    expect((await inbox(applicant)).find((m) => m.caseId === created.id && m.title === '已受理')?.body).toContain('请按承诺时间补交容缺材料');

    await expectRefused(clerk, clerk, created.id, { type: 'deferred_received', material: material('premises', 'deferred', { address: true }) }, 400);
    await actOk(clerk, created.id, { type: 'deferred_received', material: material('premises', 'copy', { address: true }) });
    const received = await readCase(clerk, created.id);
    expect(received.state.deferred[0]!.receivedAt).not.toBeNull();
    expect(received.allowedActions).not.toContain('deferred_received');
    expect(received.materials.find((m) => m.materialId === 'premises')).toMatchObject({ receivedAs: 'copy', trustLevel: 'C' });
    expect(timelineTypes(received)).toEqual(['create', 'accept', 'deferred_received']);
    expect(received.status).toBe('in_review');
  });

  it('a material the guide does not call deferrable cannot be received as 容缺', async () => {
    const response = await clerk.post('/api/cases', windowIntake(itemCode, { materials: allMaterials({ 'id-card': 'deferred' }) }));
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([{ path: '/materials/1/receivedAs', message: '“经营者身份证明”不允许容缺后补' }]);
  });
});

describe('the back office: review steps, send-back, the decision, 办结 and 送达', () => {
  it('a case moves forward one step at a time and is sent back only to an earlier step', async () => {
    const id = await acceptedCase();
    // At the first step there is nothing to send back to.
    await expectRefused(clerk, reviewer, id, { type: 'send_back', toStepId: 'review', opinion: '退回' }, 409, 'ILLEGAL_TRANSITION');
    await actOk(reviewer, id, { type: 'complete_step', opinion: '审核同意' });
    expect((await readCase(reviewer, id)).currentStep).toEqual({ id: 'check', name: '复核' });

    const forward = await expectRefused(clerk, reviewer, id, { type: 'send_back', toStepId: 'decide', opinion: '跳到决定' }, 409, 'ILLEGAL_TRANSITION');
    expect(forward.title).toBe('只能退回到之前的环节');
    await expectRefused(clerk, reviewer, id, { type: 'send_back', toStepId: 'check', opinion: '退回本环节' }, 409, 'ILLEGAL_TRANSITION');
    await expectRefused(clerk, reviewer, id, { type: 'send_back', toStepId: 'nowhere', opinion: '退回' }, 409, 'ILLEGAL_TRANSITION');
    // Deciding is the last step's, not this one's.
    await expectRefused(clerk, reviewer, id, { type: 'decide', grant: true, opinion: '准予' }, 409, 'ILLEGAL_TRANSITION');

    await actOk(reviewer, id, { type: 'send_back', toStepId: 'review', opinion: '经营范围表述需再审' });
    expect((await readCase(reviewer, id)).currentStep).toEqual({ id: 'review', name: '审核' });
    await actOk(reviewer, id, { type: 'complete_step', opinion: '已再审' });
    await actOk(reviewer, id, { type: 'complete_step', opinion: '复核无误' });
    const atLast = await readCase(reviewer, id);
    expect(atLast.currentStep).toEqual({ id: 'decide', name: '决定' });
    expect(atLast.allowedActions).not.toContain('complete_step');
    await expectRefused(clerk, reviewer, id, { type: 'complete_step', opinion: '同意' }, 409, 'ILLEGAL_TRANSITION');

    const steps = (await readCase(clerk, id)).timeline.map((e) => [e.type, e.step]);
    expect(steps).toEqual([
      ['create', null], ['accept', null], ['complete_step', '审核'], ['send_back', '复核'], ['complete_step', '审核'], ['complete_step', '复核'],
    ]);
  });

  it('a grant is completed with result 0 and delivered: pickup needs the identity checked, mail a tracking number', async () => {
    const id = await decidedCase();
    const decided = await readCase(clerk, id);
    expect(decided.status).toBe('decided');
    expect(decided.pendingRole).toBe('clerk');
    await expectRefused(clerk, clerk, id, await pickupBy(clerk, PERSON.idNumber), 409, 'ILLEGAL_TRANSITION');

    expect((await actOk(clerk, id, { type: 'complete' })).status).toBe('completed');
    expect((await readCase(clerk, id)).state.closeResult).toBe('0');
    const unchecked = await expectRefused(clerk, clerk, id, { type: 'deliver', method: 'pickup' }, 400);
    expect(unchecked.errors).toEqual([{ path: '/action/collectorIdNumber', message: '窗口领取须核验领取人身份证件，请录入证件号码' }]);
    const stranger = await expectRefused(clerk, clerk, id, await pickupBy(clerk, '110101199001011237'), 400);
    expect(stranger.errors).toEqual([{ path: '/action/collectorIdNumber', message: '领取人证件号码与申请人、代理人均不符；他人代领须有授权委托' }]);
    const unsigned = await expectRefused(clerk, clerk, id, { type: 'deliver', method: 'pickup', collectorIdNumber: PERSON.idNumber }, 400);
    expect(unsigned.errors).toEqual([{ path: '/action/signature', message: '请领取人在屏幕上签名' }]);
    const mail = await expectRefused(clerk, clerk, id, { type: 'deliver', method: 'mail', reference: ' ' }, 400);
    expect(mail.errors).toEqual([{ path: '/action/reference', message: '邮寄送达须填写邮件号' }]);

    expect((await actOk(clerk, id, { type: 'deliver', method: 'mail', reference: 'EMS1234567890' })).status).toBe('delivered');
    const delivered = await readCase(applicant, id);
    expect(delivered.timeline.map((e) => [e.type, e.step])).toEqual([
      ['create', null], ['accept', null], ['complete_step', '审核'], ['complete_step', '复核'], ['decide', '决定'], ['complete', null], ['deliver', null],
    ]);
    expect(delivered.allowedActions).toEqual([]);
    expect(await titlesFor(applicant, id)).toEqual(expect.arrayContaining(['已受理', '准予许可', '已办结', '已送达']));
    expect((await inbox(applicant)).find((m) => m.caseId === id && m.title === '已送达')?.body).toContain('EMS1234567890');
  });

  it('a refusal (不予许可) needs a reason and the remedies, and completes with result 1', async () => {
    const refusedId = await acceptedCase();
    await actOk(reviewer, refusedId, { type: 'complete_step', opinion: '审核' });
    await actOk(reviewer, refusedId, { type: 'complete_step', opinion: '复核' });

    const bare = await expectRefused(clerk, reviewer, refusedId, { type: 'decide', grant: false, opinion: '不符合条件' }, 409, 'ILLEGAL_TRANSITION');
    expect(bare.title).toContain('不予许可须说明理由');
    await expectRefused(clerk, reviewer, refusedId, { type: 'decide', grant: false, opinion: '不符合条件', reason: '经营场所为住宅' }, 409, 'ILLEGAL_TRANSITION');

    await actOk(reviewer, refusedId, { type: 'decide', grant: false, opinion: '不符合条件', reason: '经营场所为住宅，不符合规定', remedies: REFUSAL.remedies });
    await actOk(clerk, refusedId, { type: 'complete' });
    const view = await readCase(clerk, refusedId);
    expect(view.state).toMatchObject({ closeResult: '1', closeReason: '经营场所为住宅，不符合规定', decision: { grant: false } });
    expect((await inbox(applicant)).find((m) => m.caseId === refusedId && m.title === '不予许可')?.body).toContain('经营场所为住宅');
  });
});

describe('撤回: the applicant withdraws', () => {
  it('the applicant may withdraw their case before the decision (退件, result 5) but not after it', async () => {
    const open = await acceptedCase();
    expect((await actOk(applicant, open, { type: 'withdraw', reason: '不再经营' })).status).toBe('closed');
    const withdrawn = await readCase(applicant, open);
    expect(withdrawn.state).toMatchObject({ closeResult: '5', closeReason: '不再经营' });
    expect(withdrawn.timeline.at(-1)).toMatchObject({ type: 'withdraw', actorKind: 'applicant', actorName: '张三' });
    expect(await titlesFor(applicant, open)).toContain('已撤回');

    const decided = await decidedCase();
    const late = await expectRefused(clerk, applicant, decided, { type: 'withdraw', reason: '不想要了' }, 409, 'ILLEGAL_TRANSITION');
    expect(late.state).toBe('decided');
  });
});

describe('who may act on a case', () => {
  let received: CaseView;
  beforeAll(async () => {
    received = await readCase(clerk, (await openCase(clerk, windowIntake(itemCode))).id);
  });

  it('an applicant cannot take a staff step on their own case (403), nor see or touch someone else’s (404)', async () => {
    await expectRefused(clerk, applicant, received.id, { type: 'accept' }, 403, 'FORBIDDEN');
    expect((await otherApplicant.get(`/api/cases/${received.id}`)).statusCode).toBe(404);
    await expectRefused(clerk, otherApplicant, received.id, { type: 'withdraw', reason: '冒名撤回' }, 404, 'NOT_FOUND');
  });

  it('a reviewer of another department can neither read the case nor act on it (403)', async () => {
    const id = await acceptedCase();
    expect((await reviewerElsewhere.get(`/api/cases/${id}`)).statusCode).toBe(403);
    await expectRefused(clerk, reviewerElsewhere, id, { type: 'complete_step', opinion: '越权审核' }, 403, 'FORBIDDEN');
    const list = await reviewerElsewhere.get('/api/cases?box=all');
    expect(list.json<{ items: { id: string }[] }>().items.map((c) => c.id)).not.toContain(id);
  });

  it('a clerk cannot take a reviewer’s step (403 NOT_STEP_HANDLER), and a supervisor oversees without acting', async () => {
    const id = await acceptedCase();
    await expectRefused(clerk, clerk, id, { type: 'complete_step', opinion: '窗口代审' }, 403, 'NOT_STEP_HANDLER');
    await expectRefused(clerk, clerk, id, { type: 'decide', grant: true, opinion: '窗口代批' }, 409, 'ILLEGAL_TRANSITION');
    expect((await supervisor.get(`/api/cases/${id}`)).statusCode).toBe(200);
    await expectRefused(clerk, supervisor, id, { type: 'complete_step', opinion: '监察代审' }, 403, 'FORBIDDEN');
  });

  it('a stale client is told the case moved on (409 CASE_VERSION_CONFLICT) and nothing is written', async () => {
    const id = await acceptedCase();
    const seen = (await readCase(reviewer, id)).version;
    await actOk(reviewer, id, { type: 'complete_step', opinion: '审核同意' });
    const stale = await sendAction(reviewer, id, { type: 'complete_step', opinion: '重复提交' }, seen);
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ status: 409, code: 'CASE_VERSION_CONFLICT', version: seen + 1, caseStatus: 'in_review' });
    expect(timelineTypes(await readCase(reviewer, id))).toEqual(['create', 'accept', 'complete_step']);
  });
});
