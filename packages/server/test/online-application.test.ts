// 网上申请 through the HTTP API: a draft saved on one device and continued on another, dropped if never submitted;
// the declaration of truth (承诺) and the checks of a submission; the delivery the applicant chooses; what the
// applicant sees of their case (no staff names, no internal opinions); the online pre-review (网上预审) with a
// correction made online; and a depth-IV item done from application to delivery without a visit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, beijingToday, chineseDate, deferralCommitment, parseCaseNumber, SUBMIT_DECLARATION } from '@onewindow/domain';
import { addStaff, countRows, createTestApp, DEMO, latestAudit, loginApplicant, loginStaff, type Client, type TestApp } from './harness.ts';
import { caseGuide, FORM_DATA, publishCaseItem, windowIntake } from './fixtures/cases.ts';
import { actOk, expectRefused, inbox, openCase, problemOf, readCase, secondReviewer, sendAction, timelineTypes, uploaded, type CaseView } from './fixtures/case-api.ts';
import { electronic, onlineApplication, onlineMaterials, pdf, resumableUpload } from './fixtures/online.ts';

let t: TestApp;
let clerk: Client;
let reviewer: Client;
let applicant: Client;
let otherApplicant: Client;
let itemCode: string;
/** An item whose result cannot be posted (不支持物流快递). */
let noMailItemCode: string;

const REMEDIES = '可自收到本决定之日起六十日内申请行政复议，或六个月内提起行政诉讼';
const MAIL = { recipient: '张三', phone: '13800000001', regionCode: '130102', detail: '中山东路 1 号 3 单元 501 室' };

beforeAll(async () => {
  t = await createTestApp();
  clerk = await loginStaff(t.app, 'clerk');
  reviewer = await loginStaff(t.app, 'reviewer');
  applicant = await loginApplicant(t.app, DEMO.person.phone);
  otherApplicant = await loginApplicant(t.app, DEMO.company.phone);
  const catalog = await loginStaff(t.app, 'catalog');
  const catalog2 = await loginStaff(t.app, 'catalog2');
  // The fixture guide is 全程网办 (online depth IV, no visit) and offers delivery by post.
  expect(caseGuide()).toMatchObject({ onlineDepth: 'IV', visits: 0, supportsDelivery: true });
  itemCode = await publishCaseItem(t, catalog, catalog2);
  noMailItemCode = await publishCaseItem(t, catalog, catalog2, caseGuide({ name: '不邮寄事项（办件测试）', supportsDelivery: false }));
});

afterAll(async () => {
  await t?.close();
});

const material = (view: CaseView, id: string) => view.materials.find((m) => m.materialId === id)!;

async function draft(client = applicant) {
  return openCase(client, await onlineApplication(client, itemCode));
}

function saveDraft(client: Client, id: string, expectedVersion: number, body: { formData?: Record<string, unknown>; materials?: unknown[]; agent?: unknown } = {}) {
  return client.put(`/api/cases/${id}/draft`, { expectedVersion, formData: body.formData ?? FORM_DATA, materials: body.materials ?? [], ...(body.agent === undefined ? {} : { agent: body.agent }) });
}

describe('草稿: saved at any time, continued on another device', () => {
  it('a form key longer than a field key can be is refused by name, and the draft stays as it was', async () => {
    const created = await draft();
    const before = await readCase(applicant, created.id);
    const key = 'k'.repeat(41);
    const refused = await saveDraft(applicant, created.id, before.version, { formData: { ...FORM_DATA, [key]: 1 } });
    expect(refused.statusCode).toBe(400);
    expect(problemOf(refused).errors).toEqual([{ path: `/formData/${key}`, message: '字段名长度不能超过 40 个字符' }]);
    expect((await readCase(applicant, created.id)).version).toBe(before.version);
  });

  it('a draft saved on a second device replaces the form and the materials, unchecked until submitted, and moves the version on', async () => {
    const created = await draft();
    expect(parseCaseNumber(created.number)).not.toBeNull();

    const phone = await loginApplicant(t.app, DEMO.person.phone);
    const seen = await readCase(phone, created.id);
    const [premises] = await onlineMaterials(phone, { application: 'missing', 'id-card': 'missing' });
    // Half filled in: the phone number is not yet a phone number, and only one material is there.
    const saved = await saveDraft(phone, created.id, seen.version, { formData: { ...FORM_DATA, phone: '138' }, materials: [premises] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ id: created.id, number: created.number, status: 'draft', version: seen.version + 1 });

    const view = await readCase(applicant, created.id);
    expect(view.version).toBe(seen.version + 1);
    expect((view as unknown as { formData: Record<string, unknown> }).formData).toMatchObject({ phone: '138' });
    expect(material(view, 'premises')).toMatchObject({ receivedAs: 'electronic', trustLevel: 'D', files: [{ sha256: premises!.files[0], mime: 'application/pdf' }] });
    expect(material(view, 'application').receivedAs).toBe('missing');
    expect(material(view, 'id-card').receivedAs).toBe('missing');
    // Saving is not an action: the timeline is still the creation alone.
    expect(timelineTypes(view)).toEqual(['create']);
    const audit = await latestAudit(t.db);
    expect(audit).toMatchObject({ action: 'case.draft_save', target_id: created.id, outcome: 'success', actor_kind: 'applicant' });
  });

  it('a save from a device that did not see the last save is refused (409) with the case as it stands', async () => {
    const created = await draft();
    expect((await saveDraft(applicant, created.id, created.version)).statusCode).toBe(200);
    const stale = await saveDraft(applicant, created.id, created.version);
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ code: 'CASE_VERSION_CONFLICT', version: created.version + 1, caseStatus: 'draft' });
  });

  it('refuses what an applicant cannot provide online, naming each field, and leaves the draft as it was', async () => {
    const created = await draft();
    const [file] = await onlineMaterials(applicant, { 'id-card': 'missing', premises: 'missing' });
    const sha = file!.files[0]!;
    const strangers = await uploaded(otherApplicant, 'theirs.pdf', pdf('someone else’s document'), 'application/pdf');
    const materials = [
      { materialId: 'application', receivedAs: 'original', count: 1, files: [], checks: {} },
      { materialId: 'id-card', receivedAs: 'deferred', count: 0, files: [], checks: {} },
      { materialId: 'premises', receivedAs: 'electronic', count: 1, files: [sha], checks: { address: true } },
    ];
    const refused = await saveDraft(applicant, created.id, created.version, { materials });
    expect(refused.statusCode).toBe(400);
    expect(problemOf(refused).errors).toEqual([
      { path: '/materials/0/receivedAs', message: '网上申请请上传“个体工商户登记（备案）申请书”的电子件' },
      { path: '/materials/2/checks', message: '审查要点由工作人员核验，申请时无需填写' },
      { path: '/materials/1/receivedAs', message: '“经营者身份证明”不允许容缺后补' },
    ]);

    const exempt = await saveDraft(applicant, created.id, created.version, { materials: [{ materialId: 'application', receivedAs: 'exempt', count: 0, files: [], checks: {} }] });
    expect(problemOf(exempt).errors).toEqual([{ path: '/materials/0/receivedAs', message: '“个体工商户登记（备案）申请书”不属于免提交材料，请上传电子件' }]);

    // A file someone else uploaded is "not there" for this applicant, even knowing its SHA-256.
    const borrowed = await saveDraft(applicant, created.id, created.version, { materials: [electronic('application', strangers.sha256)] });
    expect(problemOf(borrowed).errors).toEqual([{ path: '/materials/0/files/0', message: '文件不存在，请重新上传' }]);
    const unknown = await saveDraft(applicant, created.id, created.version, { materials: [electronic('no-such-material', sha)] });
    expect(problemOf(unknown).errors).toEqual([{ path: '/materials/0/materialId', message: '办事指南中没有材料 no-such-material' }]);

    const view = await readCase(applicant, created.id);
    expect(view.version).toBe(created.version);
    expect(view.materials.map((m) => m.receivedAs)).toEqual(['electronic', 'electronic', 'electronic']);
  });

  it('a draft is bounded in size (413), is the owner’s alone, and is no longer a draft once submitted (409)', async () => {
    const created = await draft();
    const huge = await saveDraft(applicant, created.id, created.version, { formData: { ...FORM_DATA, address: '很长的地址'.repeat(60_000) } });
    expect(huge.statusCode).toBe(413);
    expect((await saveDraft(otherApplicant, created.id, created.version)).statusCode).toBe(404);
    expect((await saveDraft(clerk, created.id, created.version)).statusCode).toBe(403);

    const submitted = await actOk(applicant, created.id, { type: 'submit', declaration: true });
    const late = await saveDraft(applicant, created.id, submitted.version);
    expect(late.statusCode).toBe(409);
    expect(problemOf(late)).toMatchObject({ code: 'ILLEGAL_TRANSITION', state: 'submitted', attempted: 'save_draft' });
  });
});

describe('我的办件: the applicant’s cases, newest first, page by page', () => {
  it('pages of 2 give every case once, in the order of one long page; a tampered cursor is refused', async () => {
    for (let i = 0; i < 3; i++) await draft();
    type Page = { items: { id: string; appliedAt: string }[]; nextCursor: string | null };
    const whole = (await applicant.get('/api/my/cases', { query: { limit: '100' } })).json<Page>().items;
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = cursor ? { limit: '2', cursor } : { limit: '2' };
      const page: Page = (await applicant.get('/api/my/cases', { query })).json<Page>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole.map((c) => c.id));
    expect(whole.map((c) => c.appliedAt)).toEqual(whole.map((c) => c.appliedAt).sort().reverse());
    expect((await otherApplicant.get('/api/my/cases')).json<Page>().items.map((c) => c.id)).not.toContain(whole[0]!.id);
    const tampered = await applicant.get('/api/my/cases', { query: { cursor: 'not-a-cursor' } });
    expect(tampered.statusCode).toBe(400);
    expect(problemOf(tampered).code).toBe('CURSOR_INVALID');
  });
});

describe('放弃草稿: a draft never submitted is the applicant’s to drop', () => {
  it('dropping a draft removes it whole — case, creation and materials — and records who dropped it', async () => {
    const created = await draft();
    // 我的办件 lists the draft with its item's code, where the application continues.
    const listed = (await applicant.get('/api/my/cases')).json<{ items: { id: string; itemCode: string; channel: string; status: string }[] }>().items;
    expect(listed.find((c) => c.id === created.id)).toMatchObject({ itemCode, channel: 'online', status: 'draft' });
    const dropped = await applicant.delete(`/api/cases/${created.id}/draft`);
    expect(dropped.statusCode, dropped.body).toBe(204);
    expect((await applicant.get(`/api/cases/${created.id}`)).statusCode).toBe(404);
    const mine = (await applicant.get('/api/my/cases')).json<{ items: { id: string }[] }>().items;
    expect(mine.map((c) => c.id)).not.toContain(created.id);
    expect(await t.db.selectFrom('case_actions').select('seq').where('case_id', '=', created.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('case_materials').select('material_id').where('case_id', '=', created.id).execute()).toEqual([]);
    expect(await latestAudit(t.db)).toMatchObject({ action: 'case.draft_discard', target_id: created.id, outcome: 'success' });
  });

  it('a submitted application cannot be dropped (409: it can be withdrawn), and its actions cannot be deleted even in the database', async () => {
    const created = await openCase(applicant, await onlineApplication(applicant, itemCode, { submit: true }));
    const refused = await applicant.delete(`/api/cases/${created.id}/draft`);
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused)).toMatchObject({ code: 'ILLEGAL_TRANSITION', state: 'submitted', allowed: ['withdraw'] });
    expect((await otherApplicant.delete(`/api/cases/${created.id}/draft`)).statusCode).toBe(404);
    await expect(t.db.deleteFrom('case_actions').where('case_id', '=', created.id).execute()).rejects.toThrow('append-only');
    expect(timelineTypes(await readCase(applicant, created.id))).toEqual(['create', 'submit']);
  });
});

describe('提交: the declaration of truth and the checks of a submission', () => {
  it('an applicant submits only with the declaration (承诺), which the submission records; the case number stays the one given at once', async () => {
    const created = await draft();
    for (const action of [{ type: 'submit' }, { type: 'submit', declaration: false }]) {
      const problem = await expectRefused(applicant, applicant, created.id, action, 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ path: '/action/declaration', message: '请阅读并勾选承诺：所填信息和所交材料真实有效' }]);
    }
    const submitted = await actOk(applicant, created.id, { type: 'submit', declaration: true });
    expect(submitted).toMatchObject({ status: 'submitted', number: created.number });
    const view = await readCase(applicant, created.id);
    expect(view.timeline.at(-1)).toMatchObject({ type: 'submit', event: { type: 'submit', declaration: SUBMIT_DECLARATION } });

    const body = await onlineApplication(applicant, itemCode);
    for (const declaration of [undefined, false]) {
      const response = await applicant.post('/api/cases', { ...body, submit: true, ...(declaration === undefined ? {} : { declaration }) });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors).toEqual([{ path: '/declaration', message: '请阅读并勾选承诺：所填信息和所交材料真实有效' }]);
    }
    const atOnce = await openCase(applicant, { ...body, submit: true, declaration: true });
    expect(atOnce.status).toBe('submitted');
    expect(parseCaseNumber(atOnce.number)?.regionCode).toBe('130100');
  });

  it('a submission missing required materials or with a wrong form is refused with every problem at once; 容缺 materials may wait', async () => {
    const created = await draft();
    const [premises] = await onlineMaterials(applicant, { application: 'missing', 'id-card': 'missing' });
    const saved = await saveDraft(applicant, created.id, created.version, { formData: { ...FORM_DATA, phone: '138' }, materials: [premises] });
    const problem = await expectRefused(applicant, applicant, created.id, { type: 'submit', declaration: true }, 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([
      { path: '/formData/phone', message: expect.any(String) },
      { path: '/materials/application', message: '请上传“个体工商户登记（备案）申请书”' },
      { path: '/materials/id-card', message: '请上传“经营者身份证明”' },
    ]);

    // The 经营场所使用证明 may be 容缺后补: without it the application goes to the pre-review, once the applicant has
    // promised a date after today and so agreed to the written commitment (容缺承诺).
    const complete = await onlineMaterials(applicant, { premises: 'deferred' });
    const fixed = await saveDraft(applicant, created.id, saved.json<{ version: number }>().version, { materials: complete });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const noDate = await expectRefused(applicant, applicant, created.id, { type: 'submit', declaration: true }, 400, 'VALIDATION_FAILED');
    expect(noDate.errors).toEqual([{ path: '/action/deferred/premises', message: '请填写“经营场所使用证明”的承诺补交日期' }]);
    const today = beijingToday();
    const notLater = await expectRefused(applicant, applicant, created.id, { type: 'submit', declaration: true, deferred: [{ materialId: 'premises', dueDate: today }] }, 400);
    expect(notLater.errors).toEqual([{ path: '/action/deferred/premises', message: '“经营场所使用证明”的承诺补交日期应晚于今天' }]);
    const promised = addCalendarDays(today, 7);
    expect((await actOk(applicant, created.id, { type: 'submit', declaration: true, deferred: [{ materialId: 'premises', dueDate: promised }] })).status).toBe('submitted');

    const submitted = await readCase(clerk, created.id);
    const commitment = deferralCommitment([{ name: '经营场所使用证明', dueDate: promised }]);
    expect(commitment).toContain(`“经营场所使用证明”于${chineseDate(promised)}前`);
    expect(submitted.timeline.at(-1)!.event).toEqual({ type: 'submit', declaration: SUBMIT_DECLARATION, deferred: [{ materialId: 'premises', dueDate: promised }], commitment });
    expect(submitted.state.promisedDeferral).toEqual({ deferred: [{ materialId: 'premises', dueDate: promised }], commitment });

    // The pre-review accepts on the applicant's promise (容缺受理): the date and commitment need not be typed again.
    expect((await actOk(clerk, created.id, { type: 'accept' })).status).toBe('in_review');
    const accepted = await readCase(clerk, created.id);
    expect(accepted.state.deferred).toEqual([{ materialId: 'premises', dueDate: promised, receivedAt: null }]);
    expect(accepted.timeline.at(-1)!.event).toEqual({ type: 'accept', deferred: [{ materialId: 'premises', dueDate: promised }], commitment });
  });
});

describe('代理人: the agent’s ID is checked and their authorisation is a file the sender may attach', () => {
  const AGENT = { name: '王代理', idNumber: '11010519491231002X', phone: '13900000002' };

  it('a window intake by an agent records them, masked, with the scan; a wrong check character or an unknown scan is refused and makes nothing', async () => {
    const scan = await uploaded(clerk, '授权委托书.pdf', pdf('authorisation for 王代理'), 'application/pdf');
    const cases = await countRows(t.db, 'cases');
    const badId = await clerk.post('/api/cases', windowIntake(itemCode, { agent: { ...AGENT, idNumber: '110105194912310021', authorisation: scan.sha256 } }));
    expect(badId.statusCode).toBe(400);
    expect(problemOf(badId).errors).toEqual([{ path: '/agent/idNumber', message: '身份证号码校验位不正确，请核对后重新输入' }]);
    const noScan = await clerk.post('/api/cases', windowIntake(itemCode, { agent: { ...AGENT, authorisation: 'f'.repeat(64) } }));
    expect(problemOf(noScan).errors).toEqual([{ path: '/agent/authorisation', message: '授权委托书文件不存在，请重新上传' }]);
    expect(await countRows(t.db, 'cases')).toBe(cases);

    const created = await openCase(clerk, windowIntake(itemCode, { agent: { ...AGENT, idNumber: AGENT.idNumber.toLowerCase(), authorisation: scan.sha256 } }));
    const view = (await clerk.get(`/api/cases/${created.id}`)).json<{ agent: { name: string; idNumber: string; authorisation: string } }>();
    expect(view.agent).toEqual({ name: '王代理', idNumber: '1101**********002X', phone: '139****0002', authorisation: scan.sha256 });
  });

  it('a company submits through its 经办人, authorised in writing: kept with the draft, required to submit', async () => {
    const company = otherApplicant;
    const created = await openCase(company, await onlineApplication(company, itemCode));
    const unnamed = await expectRefused(company, company, created.id, { type: 'submit', declaration: true }, 400);
    expect(unnamed.errors).toEqual([{ path: '/agent', message: '法人网上申请须由经办人办理：请填写经办人信息并上传授权委托书' }]);

    const letter = await uploaded(company, '授权委托书.pdf', pdf('the company authorises 王代理'), 'application/pdf');
    const materials = await onlineMaterials(company);
    const unsigned = await saveDraft(company, created.id, created.version, { materials, agent: { ...AGENT, authorisation: null } });
    expect(unsigned.statusCode, unsigned.body).toBe(200);
    const noLetter = await expectRefused(company, company, created.id, { type: 'submit', declaration: true }, 400);
    expect(noLetter.errors).toEqual([{ path: '/agent/authorisation', message: '请上传单位出具的授权委托书' }]);

    const named = await saveDraft(company, created.id, unsigned.json<{ version: number }>().version, { materials, agent: { ...AGENT, authorisation: letter.sha256 } });
    expect(named.statusCode, named.body).toBe(200);
    // Another device continues with the 经办人 in full from the applicant's own record of the case.
    expect((await company.get(`/api/cases/${created.id}/applicant`)).json<{ agent: unknown }>().agent).toEqual({ ...AGENT, authorisation: letter.sha256 });
    expect((await actOk(company, created.id, { type: 'submit', declaration: true })).status).toBe('submitted');
    expect((await readCase(clerk, created.id) as CaseView & { agent: { name: string } }).agent.name).toBe('王代理');
  });

  it('online, the authorisation must be the applicant’s own upload: another account’s file is not there', async () => {
    const strangers = await uploaded(otherApplicant, '别人的委托书.pdf', pdf('another account’s authorisation'), 'application/pdf');
    const body = await onlineApplication(applicant, itemCode);
    const refused = await applicant.post('/api/cases', { ...body, agent: { ...AGENT, authorisation: strangers.sha256 } });
    expect(refused.statusCode).toBe(400);
    expect(problemOf(refused).errors).toEqual([{ path: '/agent/authorisation', message: '授权委托书文件不存在，请重新上传' }]);
    const own = await uploaded(applicant, '委托书.pdf', pdf('my own authorisation'), 'application/pdf');
    await openCase(applicant, { ...body, agent: { ...AGENT, authorisation: own.sha256 } });
  });
});

describe('送达方式: how the applicant wants the result', () => {
  it('mail needs a full address with a valid phone and region; the applicant sees it whole, staff with the phone masked', async () => {
    const created = await openCase(applicant, await onlineApplication(applicant, itemCode, { submit: true }));
    const put = (client: Client, body: unknown) => client.put(`/api/cases/${created.id}/delivery`, body);

    expect(problemOf(await put(applicant, { method: 'mail' })).errors).toEqual([{ path: '/address', message: '邮寄送达请填写收件地址' }]);
    const wrong = await put(applicant, { method: 'mail', address: { ...MAIL, phone: '12345', regionCode: '130100' } });
    expect(wrong.statusCode).toBe(400);
    expect(problemOf(wrong).errors!.map((e) => e.path)).toEqual(['/address/phone', '/address/regionCode']);
    expect((await put(clerk, { method: 'electronic' })).statusCode).toBe(403);
    expect((await put(otherApplicant, { method: 'electronic' })).statusCode).toBe(404);

    const chosen = await put(applicant, { method: 'mail', address: MAIL });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toEqual({ delivery: { method: 'mail', address: MAIL } });
    expect(await latestAudit(t.db)).toMatchObject({ action: 'case.delivery_set', target_id: created.id });

    const own = await readCase(applicant, created.id);
    expect((own as unknown as { delivery: unknown }).delivery).toEqual({ method: 'mail', address: MAIL });
    // Not an action: staff working on the case are not sent a version conflict by it.
    expect(own.version).toBe(created.version);
    const staffView = await readCase(clerk, created.id);
    expect((staffView as unknown as { delivery: unknown }).delivery).toEqual({ method: 'mail', address: { ...MAIL, phone: '138****0001' } });
    const full = await clerk.get(`/api/cases/${created.id}/applicant`);
    expect(full.json<{ delivery: unknown }>().delivery).toEqual({ method: 'mail', address: MAIL });

    // Changing one's mind: electronic delivery keeps no address.
    expect((await put(applicant, { method: 'electronic', address: MAIL })).json()).toEqual({ delivery: { method: 'electronic', address: null } });
  });

  it('an item that does not post its result refuses mail', async () => {
    const created = await openCase(applicant, { ...(await onlineApplication(applicant, noMailItemCode)), itemCode: noMailItemCode });
    const response = await applicant.put(`/api/cases/${created.id}/delivery`, { method: 'mail', address: MAIL });
    expect(problemOf(response).errors).toEqual([{ path: '/method', message: '该事项不支持邮寄送达，请选择窗口领取或电子送达' }]);
    expect((await applicant.put(`/api/cases/${created.id}/delivery`, { method: 'pickup' })).statusCode).toBe(200);
  });
});

describe('what the applicant sees of their case', () => {
  it('the steps, times, correction items and the decision with its reason and remedies — no staff names, no internal opinions', async () => {
    const created = await openCase(applicant, await onlineApplication(applicant, itemCode, { submit: true, overrides: { premises: 'missing' } }));
    const corrected = await actOk(clerk, created.id, { type: 'request_correction', opinion: '场所证明缺失，通知补正' });
    expect(corrected.status).toBe('awaiting_correction');
    const [premises] = await onlineMaterials(applicant, { application: 'missing', 'id-card': 'missing' });
    await actOk(applicant, created.id, { type: 'resubmit', materials: [premises] });
    await actOk(clerk, created.id, { type: 'accept', opinion: '预审通过，材料齐全' });
    await actOk(reviewer, created.id, { type: 'request_extension', workdays: 3, reason: '需征求规划部门意见' });
    await actOk(await secondReviewer(t), created.id, { type: 'decide_extension', approve: true, opinion: '同意延期，抓紧办理' });
    await actOk(reviewer, created.id, { type: 'complete_step', opinion: '申请人曾有违规记录，从严审查' });
    await actOk(reviewer, created.id, { type: 'send_back', toStepId: 'review', opinion: '审核意见不充分，退回重审' });
    await actOk(reviewer, created.id, { type: 'complete_step', opinion: '复审后材料属实' });
    await actOk(reviewer, created.id, { type: 'decide', grant: false, opinion: '内部讨论：不予许可', reason: '经营场所为住宅，不符合规定', remedies: REMEDIES });

    const own = await readCase(applicant, created.id);
    expect(own.timeline.map((e) => [e.type, e.actorName, e.opinion])).toEqual([
      ['create', '张三', null],
      ['submit', '张三', null],
      ['request_correction', '窗口工作人员', null],
      ['resubmit', '张三', null],
      ['accept', '窗口工作人员', null],
      ['decide_extension', '石家庄市行政审批局', null],
      ['complete_step', '石家庄市行政审批局', null],
      ['complete_step', '石家庄市行政审批局', null],
      ['decide', '石家庄市行政审批局', null],
    ]);
    const byType = (type: string) => own.timeline.find((e) => e.type === type)!;
    expect(byType('request_correction').event).toMatchObject({ items: [expect.objectContaining({ materialId: 'premises', problem: '未提交' })] });
    expect(byType('decide').event).toEqual({ type: 'decide', grant: false, reason: '经营场所为住宅，不符合规定', remedies: REMEDIES });
    expect(byType('decide').step).toBe('决定');
    expect(byType('decide_extension').event).toEqual({ type: 'decide_extension', approve: true });
    const text = JSON.stringify(own);
    for (const hidden of ['李窗口', '赵审批', '钱审批', '从严审查', '退回重审', '内部讨论', '预审通过', '需征求规划部门意见']) expect(text, hidden).not.toContain(hidden);
    expect(own.state.pendingExtension).toBeNull();
    expect(own.allowedActions).toEqual([]);

    // Staff see everything, with names and opinions.
    const staffView = await readCase(clerk, created.id);
    expect(timelineTypes(staffView)).toContain('send_back');
    expect(staffView.timeline.find((e) => e.type === 'accept')).toMatchObject({ actorName: '李窗口', opinion: '预审通过，材料齐全' });
    expect(staffView.timeline.find((e) => e.type === 'decide')).toMatchObject({ actorName: '赵审批', opinion: '内部讨论：不予许可' });
    expect(staffView.allowedActions).toEqual(['complete']);
  });

  it('while under review, the applicant may only withdraw; a 延期 asked for and not yet approved stays inside', async () => {
    const created = await openCase(applicant, await onlineApplication(applicant, itemCode, { submit: true }));
    await actOk(clerk, created.id, { type: 'accept' });
    await actOk(reviewer, created.id, { type: 'request_extension', workdays: 2, reason: '等待外部函复' });
    const own = await readCase(applicant, created.id);
    expect(own.allowedActions).toEqual(['withdraw']);
    expect(own.state.pendingExtension).toBeNull();
    expect(timelineTypes(own)).toEqual(['create', 'submit', 'accept']);
    // Begun by the applicant online: nobody received it before it was submitted.
    expect(own.timeline.map((e: { label: string }) => e.label)).toEqual(['开始网上申请', '网上提交', '受理']);
    expect((await readCase(reviewer, created.id)).state.pendingExtension).toMatchObject({ workdays: 2 });
    // Nor do the answers to a stale or an illegal request show it, or offer the applicant staff's steps.
    const stale = await applicant.post(`/api/cases/${created.id}/actions`, { expectedVersion: 1, action: { type: 'withdraw', reason: '不办了' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().state.pendingExtension).toBeNull();
    expect(stale.body).not.toContain('等待外部函复');
    const illegal = await applicant.post(`/api/cases/${created.id}/actions`, { expectedVersion: own.version, action: { type: 'submit', declaration: true } });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', allowed: ['withdraw'] });
  });
});

describe('网上预审: the window clerks’ queue of online applications', () => {
  it('a clerk of the item’s region finds it, asks for one correction; corrected online with only what was asked, it is back in the queue and accepted', async () => {
    await addStaff(t.app, { username: 'clerk_zd', name: '正定窗口', roles: [{ role: 'clerk', regionCode: '130123' }] });
    const countyClerk = await loginStaff(t.app, 'clerk_zd');
    const queue = async (client: Client) =>
      (await client.get('/api/cases?box=todo&status=submitted&sort=applied&limit=100')).json<{ items: { id: string; channel: string }[] }>().items;

    const created = await openCase(applicant, await onlineApplication(applicant, itemCode, { submit: true }));
    expect(await queue(clerk)).toContainEqual(expect.objectContaining({ id: created.id, channel: 'online' }));
    expect((await queue(countyClerk)).map((c) => c.id)).not.toContain(created.id);
    // A draft is nobody's work yet.
    const unsent = await draft();
    expect((await queue(clerk)).map((c) => c.id)).not.toContain(unsent.id);

    await actOk(clerk, created.id, { type: 'request_correction', items: [{ materialId: 'id-card', problem: '照片页不清晰', fix: '请上传清晰的身份证照片页扫描件' }] });
    expect((await queue(clerk)).map((c) => c.id)).not.toContain(created.id);
    expect((await inbox(applicant)).find((m) => m.caseId === created.id && m.title === '请补齐补正材料')?.body).toContain('请上传清晰的身份证照片页扫描件');

    const clearer = await resumableUpload(applicant, '身份证-清晰.pdf', pdf('a clearer scan'));
    const notAsked = await expectRefused(applicant, applicant, created.id, { type: 'resubmit', materials: [electronic('id-card', clearer.sha256), electronic('application', clearer.sha256)] }, 400);
    expect(notAsked.errors).toEqual([{ path: '/action/materials/1/materialId', message: '补齐补正告知书未要求补正该材料' }]);
    const resubmitted = await actOk(applicant, created.id, { type: 'resubmit', materials: [electronic('id-card', clearer.sha256)] });
    expect(resubmitted.status).toBe('submitted');
    expect(await queue(clerk)).toContainEqual(expect.objectContaining({ id: created.id }));

    const view = await readCase(clerk, created.id);
    expect(material(view, 'id-card').files).toEqual([{ sha256: clearer.sha256, mime: 'application/pdf' }]);
    expect((await actOk(clerk, created.id, { type: 'accept' })).status).toBe('in_review');
    expect(timelineTypes(await readCase(clerk, created.id))).toEqual(['create', 'submit', 'request_correction', 'resubmit', 'accept']);
  });
});

describe('全程网办: a depth-IV item without a single visit', () => {
  it('applied for, accepted, reviewed, decided, completed and delivered electronically — no step needs the applicant at a window', async () => {
    // At home: the scans go up in chunks, the draft is saved, the delivery chosen, the declaration confirmed.
    const application = await resumableUpload(applicant, '申请书.pdf', pdf('signed application form'));
    const idCard = await resumableUpload(applicant, '身份证.pdf', pdf('identity card, both sides'));
    const premises = await resumableUpload(applicant, '租赁合同.pdf', pdf('lease contract'));
    const created = await openCase(applicant, { itemCode, channel: 'online', formData: {}, materials: [] });
    const saved = await saveDraft(applicant, created.id, created.version, {
      materials: [electronic('application', application.sha256), electronic('id-card', idCard.sha256), electronic('premises', premises.sha256)],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await applicant.put(`/api/cases/${created.id}/delivery`, { method: 'electronic' })).statusCode).toBe(200);
    expect((await sendAction(applicant, created.id, { type: 'submit', declaration: true })).statusCode).toBe(200);

    // The hall and the back office, each from their desk.
    await actOk(clerk, created.id, { type: 'accept', opinion: '网上预审通过' });
    await actOk(reviewer, created.id, { type: 'complete_step', opinion: '材料齐全，符合条件' });
    await actOk(reviewer, created.id, { type: 'decide', grant: true, opinion: '准予登记' });
    await actOk(clerk, created.id, { type: 'complete' });
    const delivered = await actOk(clerk, created.id, { type: 'deliver', method: 'electronic' });
    expect(delivered.status).toBe('delivered');

    const view = await readCase(applicant, created.id);
    expect(timelineTypes(view)).toEqual(['create', 'submit', 'accept', 'complete_step', 'decide', 'complete', 'deliver']);
    expect(view.state).toMatchObject({ closeResult: '0', decision: { grant: true } });
    expect(view.timeline.at(-1)!.event).toEqual({ type: 'deliver', method: 'electronic' });
    // No window, no collector, no signature: nobody came in.
    const row = await t.db.selectFrom('cases').select(['hall_id', 'window_id', 'channel']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ hall_id: null, window_id: null, channel: 'online' });
    const titles = (await inbox(applicant)).filter((m) => m.caseId === created.id);
    expect(titles.map((m) => m.title)).toEqual(expect.arrayContaining(['申请已提交', '已受理', '准予许可', '已办结', '已送达']));
    expect(titles.find((m) => m.title === '已办结')?.body).toContain('电子方式送达');
    // The decision document is there to download from home.
    const documents = (await applicant.get(`/api/cases/${created.id}/documents`)).json<{ items: { kind: string }[] }>().items;
    expect(documents.map((d) => d.kind)).toEqual(['receipt', 'decision']);
  });

  it('or by post, to the address the applicant gave, with the tracking number', async () => {
    const created = await openCase(applicant, await onlineApplication(applicant, itemCode, { submit: true }));
    await applicant.put(`/api/cases/${created.id}/delivery`, { method: 'mail', address: MAIL });
    await actOk(clerk, created.id, { type: 'accept' });
    await actOk(reviewer, created.id, { type: 'complete_step', opinion: '同意' });
    await actOk(reviewer, created.id, { type: 'decide', grant: true, opinion: '准予' });
    await actOk(clerk, created.id, { type: 'complete' });
    expect((await inbox(applicant)).find((m) => m.caseId === created.id && m.title === '已办结')?.body).toContain('邮寄至您填写的地址');
    expect((await actOk(clerk, created.id, { type: 'deliver', method: 'mail', reference: 'EMS9876543210' })).status).toBe('delivered');
    expect((await inbox(applicant)).find((m) => m.caseId === created.id && m.title === '已送达')?.body).toContain('EMS9876543210');

    // Delivered: the choice can no longer change.
    const late = await applicant.put(`/api/cases/${created.id}/delivery`, { method: 'electronic' });
    expect(late.statusCode).toBe(409);
    expect(problemOf(late)).toMatchObject({ code: 'ILLEGAL_TRANSITION', state: 'delivered' });
    expect(await countRows(t.db, 'upload_sessions')).toBe(0);
  });
});
