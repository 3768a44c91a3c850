// 网上办事大厅 as issue 6 asks to prove it: a person finds a 全程网办 (depth IV) item by its pinyin initials, applies with
// uploads, saves a draft and finishes it on another device, submits with the declaration of truth; the window clerk
// pre-reviews it online and returns it with one correction notice; the person re-uploads only what was asked; the clerk
// accepts; the back office reviews and grants it; the result is delivered electronically and the person downloads the
// decision — nobody goes to the hall. The journey runs on a desktop screen and again at 375 px. Then the portal's
// pages are checked with axe-core, and the material slots with a file of the wrong type, one too large and an upload
// whose connection drops mid-way.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, beijingToday, chineseDate } from '@onewindow/domain';
import { DEMO_PASSWORD, loginStaff, useE2E } from './server.ts';
import { approveCase } from './workbench.ts';

const e2e = useE2E();

// 医师执业注册 in 石家庄市: for persons, 全程网办, 5 working days, 审核 and 决定 in the back office. Materials: the
// application form (2 review points), the qualification certificate (信息免交), a health check (2 review points) and
// an optional employment letter.
const ITEM = { code: '000161003000-1301', name: '医师执业注册', initials: 'yszyzc' };
const EXAM = { id: 'medical-exam', met: '体检日期在申请之日前6个月内', notMet: '体检结论为适合从事医师执业' };
const APPLICATION_POINTS = ['拟执业机构已签署意见并加盖公章', '执业类别、执业范围与医师资格类别相符'];
const APPLICANT = { phone: '13800000001', name: '张三', idNumber: '130102199003075314' };
// The item is the 卫健委's, transferred (划转) to the 行政审批局: the approval bureau's demo reviewer decides it.
const ITEM_REVIEWER = 'reviewer';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };
/** How long a poll waits for the page to catch up (expect.poll's own default, 1 s, is short on a busy machine). */
const WAIT = { timeout: 15_000 };
/** The server's UPLOAD_CHUNK_BYTES default: the size of one PUT of a resumable upload. */
const CHUNK_BYTES = 1024 * 1024;

// ---- files a person uploads ----

/** A small, well-formed one-page PDF saying `text` (ASCII), padded with an unreferenced stream to `padTo` bytes. */
function pdf(text: string, padTo = 0): Buffer {
  const content = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const padding = Math.max(0, padTo - 1000);
  if (padding > 0) objects.push(`<< /Length ${padding} >>\nstream\n${'0'.repeat(padding)}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

// ---- the applicant's pages ----

/** The applicant tab of the login page (where the portal sends someone who is not signed in). */
async function signInApplicant(page: Page, phone = APPLICANT.phone): Promise<void> {
  await page.waitForURL(/\/login\?tab=applicant/);
  await page.locator('#login_applicant_phone').fill(phone);
  await page.locator('#login_applicant_password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

async function applicantPage(size: { width: number; height: number }): Promise<Page> {
  const page = await e2e.newPage();
  await page.setViewportSize(size);
  return page;
}

function slot(page: Page | Locator, materialId: string): Locator {
  return page.locator(`[data-testid="material-slot"][data-material="${materialId}"]`);
}

/** Chooses files in a slot, as the file picker would, and waits until each is listed as uploaded. */
async function upload(page: Page | Locator, materialId: string, ...files: UploadFile[]): Promise<void> {
  const target = slot(page, materialId);
  await target.getByTestId('slot-file-input').setInputFiles(files);
  for (const file of files) await target.getByTestId('slot-files').getByText(file.name, { exact: true }).waitFor();
}

async function chooseOption(page: Page, inputId: string, label: string): Promise<void> {
  await page.locator(`#${inputId}`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).click();
}

const field = (page: Page, key: string) => page.locator(`#applicationPreview_${key}`);

async function fillApplicationForm(page: Page): Promise<void> {
  await field(page, 'applicantName').fill(APPLICANT.name);
  await field(page, 'applicantId').fill(APPLICANT.idNumber);
  await field(page, 'qualificationNo').fill('110130000000001');
  await chooseOption(page, 'applicationPreview_category', '临床');
  await field(page, 'scope').fill('内科专业');
  await field(page, 'institution').fill('石家庄市第一医院');
  await field(page, 'phone').fill(APPLICANT.phone);
}

/** No part of the page is wider than the screen (a phone would scroll sideways). */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
  expect(widths[0], `${where} is ${widths[0]} px wide on a ${widths[1]} px screen`).toBeLessThanOrEqual(widths[1]);
}

interface CaseView {
  number: string;
  status: string;
  channel: string;
  materials: { materialId: string; receivedAs: string; files: { sha256: string }[] }[];
  timeline: { type: string; event?: Record<string, unknown> }[];
}

async function caseOf(page: Page, caseId: string): Promise<CaseView> {
  const response = await page.request.get(`/api/cases/${caseId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as CaseView;
}

/** The case page, reloaded until it shows `status` (another person acted meanwhile). */
async function openMyCase(page: Page, caseId: string, status: string): Promise<void> {
  await page.goto(`/portal/cases/${caseId}`);
  await page.getByTestId('case-status').getByText(status, { exact: true }).waitFor();
}

/** A PDF the page links to, fetched with the page's cookies and read with pdftotext, without the layout's spaces. */
async function pdfTextBehind(page: Page, link: Locator): Promise<string> {
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/cases\/[^/]+\/documents\/\d+$/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const converted = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await response.body(), encoding: 'utf8' });
  expect(converted.status, converted.stderr).toBe(0);
  return converted.stdout.replace(/\s+/g, '');
}

// ---- staff ----

/** A tab of the window desk, for the demo clerk (signed in, at A01 of 石家庄市政务服务中心). */
async function openDeskTab(page: Page, tab: RegExp): Promise<void> {
  await page.goto('/workbench/desk');
  await page.getByTestId('current-window').getByText('A01 窗口').waitFor();
  await page.getByRole('tab', { name: tab }).click();
}

/** 网上预审: opens the case from the clerk's online queue. */
async function openPreReview(page: Page, number: string): Promise<void> {
  await openDeskTab(page, /^网上预审$/);
  const row = page.getByTestId('online-queue').getByRole('row').filter({ hasText: number });
  await row.getByRole('button', { name: '预审' }).click();
  await page.getByText(`预审：${number}`).waitFor();
}

/** 提交 on the confirmation, then the case page: the case number the portal gave and the case's id. */
async function submitAndOpenCase(page: Page): Promise<{ number: string; caseId: string }> {
  await page.getByTestId('apply-submit').click();
  await page.getByTestId('apply-done').waitFor();
  const number = (await page.getByTestId('apply-case-number').innerText()).trim();
  await page.getByTestId('apply-open-case').click();
  await page.waitForURL(/\/portal\/cases\/[^/]+$/);
  return { number, caseId: new URL(page.url()).pathname.split('/').at(-1)! };
}

async function tick(page: Page, points: string[]): Promise<void> {
  for (const point of points) await page.getByRole('checkbox', { name: point, exact: true }).check();
}

// ---- accessibility ----

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core with the WCAG 2.0 and 2.1 A and AA rules on the page as it stands, prints every violation, and returns
 * the serious and critical ones. axe is evaluated rather than added as a <script>: the server's CSP (script-src 'self')
 * rightly refuses inline scripts.
 */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  // A pointer left over a control, or a transition still running, would be measured half-way (a link fading to its
  // hover colour); spinners and other endless animations are let be.
  await page.mouse.move(0, 0);
  // (page.waitForFunction would eval the string in the page, which the CSP refuses; evaluate does not.)
  await expect.poll(() => page.evaluate(`document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`), WAIT).toBe(true);
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_AA)} }, resultTypes: ['violations'] })`)) as {
    violations: AxeViolation[];
  };
  console.log(`axe ${where}: ${result.violations.length === 0 ? 'no violations' : `${result.violations.length} violation(s)`}`);
  for (const violation of result.violations) {
    console.log(`  [${violation.impact}] ${violation.id}: ${violation.help}`);
    for (const node of violation.nodes) console.log(`    ${node.target.join(' ')} — ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`);
  }
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${where}: ${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

// ---- the journey ----

/**
 * The whole depth-IV journey on a screen of `size` for the applicant (staff work on their desktops); returns nothing,
 * asserts at each step what the person or the clerk sees.
 */
async function zeroVisitJourney(size: { width: number; height: number }): Promise<void> {
  const phone = size.width < 600;

  // 1. Home page → search by pinyin initials → the guide → 在线办理, which asks to sign in first.
  const person = await applicantPage(size);
  await person.goto('/');
  await person.getByTestId('themes-person').waitFor();
  if (phone) await expectNoSidewaysScroll(person, 'the home page');
  await person.locator('#portal-search').fill(ITEM.initials);
  await person.locator('#portal-search').press('Enter');
  await person.waitForURL(`**/search?q=${ITEM.initials}`);
  const hit = person.getByTestId('search-result').filter({ hasText: ITEM.name });
  await hit.waitFor();
  await hit.click();
  await person.waitForURL(`**/guide/${ITEM.code}`);
  await person.getByRole('heading', { level: 1, name: ITEM.name, exact: true }).waitFor();
  expect(await person.getByTestId('guide-fact-visits').innerText()).toContain('0 次（不见面办理）');
  expect(await person.getByTestId('guide-fact-depth').innerText()).toContain('全程网办');
  // 预计办结日期, counted on the working-day calendar from today.
  await expect.poll(() => person.getByTestId('guide-fact-due').innerText(), WAIT).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  if (phone) await expectNoSidewaysScroll(person, 'the guide');
  await person.getByTestId('guide-apply').click();
  await signInApplicant(person);
  await person.waitForURL(`**/portal/apply/${ITEM.code}`);

  // 2. The form, then the materials: the certificate is 免提交, the health check and the form are uploaded.
  await expect.poll(() => person.getByTestId('apply-applicant').innerText(), WAIT).toContain(APPLICANT.name);
  await fillApplicationForm(person);
  if (phone) await expectNoSidewaysScroll(person, 'the application form');
  await person.getByRole('button', { name: '下一步：上传材料' }).click();
  await person.getByTestId('apply-step-materials').waitFor();
  await slot(person, 'qualification').getByTestId('slot-exempt').waitFor();
  await upload(person, 'application', { name: '医师执业注册申请审核表.pdf', mimeType: 'application/pdf', buffer: pdf('Application for physician registration') });
  await upload(person, EXAM.id, { name: '体检证明.png', mimeType: 'image/png', buffer: PNG });
  if (phone) await expectNoSidewaysScroll(person, 'the material slots');

  // 3. 保存草稿: the draft is on the server, with its case number, whatever the autosave had done before.
  const saved = person.waitForResponse((response) => {
    const request = response.request();
    if (!/\/api\/cases(\/[^/]+\/draft)?$/.test(request.url()) || !['POST', 'PUT'].includes(request.method())) return false;
    const materials = (request.postDataJSON() as { materials?: { materialId: string; files: string[] }[] }).materials ?? [];
    return materials.filter((m) => m.files.length > 0).length === 2;
  });
  await person.getByTestId('apply-save').click();
  expect((await saved).ok()).toBe(true);
  await person.locator('[data-testid="apply-save-status"][data-status="saved"]').waitFor();
  const draftNumber = (await person.getByTestId('apply-draft-number').innerText()).replace(/^草稿编号：/, '').trim();
  expect(draftNumber).toMatch(/^\d{24}[\dX]$/);
  await person.waitForURL(/[?&]case=/);
  const caseId = new URL(person.url()).searchParams.get('case')!;

  // 4. Another device: 我的办件 lists the draft; it continues with the form and both files in place; submit.
  const device = await applicantPage(size);
  await device.goto('/portal/cases');
  await signInApplicant(device);
  await device.waitForURL('**/portal/cases');
  const draftRow = device.locator('[data-testid="my-case-row"][data-status="draft"]').filter({ hasText: draftNumber });
  await draftRow.getByRole('link', { name: `继续填写：${ITEM.name}` }).click();
  await device.waitForURL((url) => url.pathname === `/portal/apply/${ITEM.code}` && url.searchParams.get('case') === caseId);
  await expect.poll(() => field(device, 'institution').inputValue(), WAIT).toBe('石家庄市第一医院');
  expect(await field(device, 'applicantId').inputValue()).toBe(APPLICANT.idNumber);
  await device.getByRole('button', { name: '下一步：上传材料' }).click();
  await device.getByTestId('apply-step-materials').waitFor();
  for (const id of ['application', EXAM.id]) await expect.poll(() => slot(device, id).getByTestId('slot-files').locator('li').count(), WAIT).toBe(1);
  await device.getByTestId('apply-next-confirm').click();
  await device.getByTestId('apply-step-confirm').waitFor();
  expect(await device.getByTestId('confirm-missing').count()).toBe(0);
  expect(await device.getByTestId('apply-submit').isDisabled()).toBe(true); // the declaration comes first
  await device.getByTestId('declaration-checkbox').check();
  await device.getByTestId('apply-submit').click();
  await device.getByTestId('apply-done').waitFor();
  expect(await device.getByTestId('apply-case-number').innerText()).toBe(draftNumber);
  if (phone) await expectNoSidewaysScroll(device, 'the submission page');
  const number = draftNumber;

  // The result is to come electronically (电子送达), chosen on the case page.
  await device.getByTestId('apply-open-case').click();
  await device.waitForURL(`**/portal/cases/${caseId}`);
  await device.getByTestId('case-status').getByText('待预审', { exact: true }).waitFor();
  await device.getByTestId('delivery-method').getByText('电子送达', { exact: true }).click();
  await device.getByTestId('delivery-save').click();
  await device.getByTestId('delivery-panel').getByText('当前选择：电子送达').waitFor();
  if (phone) await expectNoSidewaysScroll(device, 'the case page');

  // 5. 网上预审: the health check does not show that the person is fit to practise; one notice asks for it again.
  const clerk = await e2e.newPage();
  await loginStaff(clerk, 'clerk');
  await openPreReview(clerk, number);
  await tick(clerk, [...APPLICATION_POINTS, EXAM.met]);
  await clerk.getByTestId('online-accept').waitFor();
  expect(await clerk.getByTestId('online-accept').isDisabled()).toBe(true);
  await clerk.getByTestId('online-return').click();
  await clerk.getByTestId('online-decided').waitFor();
  expect((await caseOf(clerk, caseId)).status).toBe('awaiting_correction');

  // 6. The person corrects online: the panel offers a slot for the health check alone, and only it changes.
  await openMyCase(device, caseId, '补齐补正中');
  const returned = await caseOf(device, caseId);
  const correction = device.getByTestId('correction-panel');
  await correction.waitFor();
  expect(await seriousViolations(device, `我的办件: a case to correct (${size.width} px)`)).toEqual([]);
  expect(await correction.getByTestId('material-slot').evaluateAll((slots) => slots.map((s) => s.getAttribute('data-material')))).toEqual([EXAM.id]);
  const newExam = { name: '体检证明（复查）.pdf', mimeType: 'application/pdf', buffer: pdf('Health check: fit to practise') };
  await upload(correction, EXAM.id, newExam);
  await correction.getByTestId('correction-submit').click();
  await device.getByTestId('case-status').getByText('待预审', { exact: true }).waitFor();
  const corrected = await caseOf(device, caseId);
  const filesOf = (view: CaseView, id: string) => view.materials.find((m) => m.materialId === id)!.files.map((f) => f.sha256);
  expect(filesOf(corrected, 'application')).toEqual(filesOf(returned, 'application'));
  expect(filesOf(corrected, EXAM.id)).toHaveLength(1);
  expect(filesOf(corrected, EXAM.id)).not.toEqual(filesOf(returned, EXAM.id));

  // 7. The clerk accepts it this time.
  await openPreReview(clerk, number);
  await tick(clerk, [...APPLICATION_POINTS, EXAM.met, EXAM.notMet]);
  await clerk.getByTestId('online-accept').click();
  await clerk.getByTestId('online-decided').waitFor();
  expect((await caseOf(clerk, caseId)).status).toBe('in_review');

  // 8. The back office: 审核, then 决定 准予.
  const reviewer = await e2e.newPage();
  await loginStaff(reviewer, ITEM_REVIEWER);
  await reviewer.goto(`/workbench/cases/${caseId}`);
  await reviewer.getByTestId('case-number').getByText(number).waitFor();
  await approveCase(reviewer, { review: '材料齐全，符合注册条件。', decision: '准予医师执业注册。' });

  // 9. 统一出件, electronically: 办结 and 送达 in one go, nobody at the window.
  await openDeskTab(clerk, /^统一出件/);
  const ready = clerk.getByTestId('pickup-list').getByRole('row').filter({ hasText: number });
  await ready.getByRole('button', { name: '出件' }).click();
  const handOut = clerk.getByRole('dialog');
  await handOut.getByRole('radio', { name: '电子送达' }).check();
  await clerk.getByTestId('confirm-handout').click();
  await handOut.waitFor({ state: 'hidden' });
  await ready.waitFor({ state: 'detached' });

  // 10. The person sees the result and downloads the decision, which names the case.
  await openMyCase(device, caseId, '已送达');
  // Every document of the case is there to download: the correction notice, the receipt, the decision.
  const documents = await device.getByTestId('case-documents').getByRole('link').allInnerTexts();
  expect(documents.map((title) => title.trim())).toEqual(['补齐补正告知书', '受理通知书', '准予许可决定书']);
  const decision = device.getByTestId('case-documents').getByRole('link', { name: /准予许可决定书/ });
  const text = await pdfTextBehind(device, decision);
  expect(text).toContain('准予许可决定书');
  expect(text).toContain(number);
  expect(text).toContain(ITEM.name);
  const timeline = await device.getByTestId('case-timeline').innerText();
  for (const step of ['网上提交', '补正', '受理', '审查', '决定', '办结', '送达']) expect(timeline).toContain(step);

  expect(await seriousViolations(device, `我的办件: a case delivered (${size.width} px)`)).toEqual([]);

  // Without a visit: an online case, every material sent electronically or 免提交, delivered electronically.
  const done = await caseOf(device, caseId);
  expect(done.channel).toBe('online');
  expect(done.status).toBe('delivered');
  expect(done.materials.every((m) => ['electronic', 'exempt', 'missing'].includes(m.receivedAs))).toBe(true);
  expect(done.timeline.find((entry) => entry.type === 'deliver')?.event).toMatchObject({ method: 'electronic' });
}

describe('全程网办', () => {
  // A journey clicks through some 30 pages on a busy 2-core machine: more than the default two minutes.
  it('a person finds a depth-IV item by pinyin initials, applies with uploads from two devices, corrects online, and downloads the granted decision without a visit', { timeout: 300_000 }, async () => {
    await zeroVisitJourney(DESKTOP);
  });

  it('the same journey works on a 375 px phone screen', { timeout: 300_000 }, async () => {
    await zeroVisitJourney(PHONE);
  });
});

describe('容缺后补 online', () => {
  // 个体工商户设立登记 (全程网办): its 经营场所使用证明 may be brought after acceptance.
  const BUSINESS = { code: '000201001000-1301', premises: '经营场所使用证明或住所申报承诺书' };

  it('the applicant promises a date for the material brought later and agrees to the commitment; the pre-review accepts on it (容缺受理)', { timeout: 180_000 }, async () => {
    const page = await applicantPage(DESKTOP);
    await page.goto(`/portal/apply/${BUSINESS.code}`);
    await signInApplicant(page);
    await page.getByTestId('apply-step-form').waitFor();
    await field(page, 'operatorName').fill(APPLICANT.name);
    await field(page, 'operatorId').fill(APPLICANT.idNumber);
    await field(page, 'phone').fill(APPLICANT.phone);
    await chooseOption(page, 'applicationPreview_organisation', '个人经营');
    await field(page, 'premises').fill('石家庄市长安区中山东路 1 号');
    await field(page, 'scope').fill('日用百货零售');
    await field(page, 'capital').fill('10');
    await page.getByRole('button', { name: '下一步：上传材料' }).click();
    await page.getByTestId('apply-step-materials').waitFor();
    await upload(page, 'application', { name: '登记申请书.pdf', mimeType: 'application/pdf', buffer: pdf('Registration of an individual business') });
    await upload(page, 'id-card', { name: '身份证.png', mimeType: 'image/png', buffer: PNG });
    await slot(page, 'premises').getByTestId('slot-deferred').check();
    await page.getByTestId('apply-next-confirm').click();
    await page.getByTestId('apply-step-confirm').waitFor();

    // No date yet: nothing to agree to, and no submitting; with a date the commitment is written out.
    await page.getByTestId('deferral').waitFor();
    expect(await page.getByTestId('deferral-commitment').count()).toBe(0);
    await page.getByTestId('declaration-checkbox').check();
    expect(await page.getByTestId('apply-submit').isDisabled()).toBe(true);
    expect(await page.locator('#submit-hint').innerText()).toBe('请填写容缺材料的承诺补交日期');
    const promised = addCalendarDays(beijingToday(), 7);
    const date = page.locator('#deferral-premises');
    await date.click();
    await date.fill(promised);
    await date.press('Enter');
    await page.getByTestId('deferral-commitment').getByText(`“${BUSINESS.premises}”于${chineseDate(promised)}前`, { exact: false }).waitFor();
    expect(await seriousViolations(page, 'the confirmation with a 容缺 commitment')).toEqual([]);
    const { number, caseId } = await submitAndOpenCase(page);

    // The clerk sees the commitment, checks what came, and accepts: the material is outstanding until the promised date.
    const clerk = await e2e.newPage();
    await loginStaff(clerk, 'clerk');
    await openPreReview(clerk, number);
    await clerk.getByTestId('online-promised-deferral').getByText(chineseDate(promised), { exact: false }).waitFor();
    for (const point of await clerk.locator('.ant-list').getByRole('checkbox').all()) await point.check();
    await clerk.getByTestId('online-accept').click();
    await clerk.getByTestId('online-decided').waitFor();
    const accepted = await caseOf(clerk, caseId);
    expect(accepted.timeline.at(-1)).toMatchObject({ type: 'accept', event: { deferred: [{ materialId: 'premises', dueDate: promised }] } });
    expect(accepted.timeline.at(-1)!.event!.commitment).toContain(`于${chineseDate(promised)}前`);
  });
});

describe('法人网上办事', () => {
  // 不动产登记资料查询 (全程网办) serves companies too; the demo company 石家庄市示例科技有限公司 signs in by its phone.
  const QUERY = { code: '000132004000-1301' };
  const COMPANY_PHONE = '13800000002';
  const HANDLER = { name: '王经办', idNumber: '11010519491231002X', phone: '13900000002' };

  it('a company applies through its 经办人: the handler and the company’s letter of authorisation are asked for, then on the case', { timeout: 180_000 }, async () => {
    const page = await applicantPage(DESKTOP);
    await page.goto(`/portal/apply/${QUERY.code}`);
    await signInApplicant(page, COMPANY_PHONE);
    await page.getByTestId('handler-fields').waitFor();
    await page.locator('#handler-name').fill(HANDLER.name);
    await page.locator('#handler-idNumber').fill('110105194912310021');
    await page.getByText('身份证号码校验位不正确，请核对后重新输入').waitFor();
    await page.locator('#handler-idNumber').fill(HANDLER.idNumber);
    await page.locator('#handler-phone').fill(HANDLER.phone);
    await field(page, 'requesterName').fill(HANDLER.name);
    await field(page, 'requesterId').fill(HANDLER.idNumber);
    await field(page, 'phone').fill(HANDLER.phone);
    await chooseOption(page, 'applicationPreview_role', '权利人');
    await chooseOption(page, 'applicationPreview_purpose', '房屋交易');
    expect(await seriousViolations(page, 'the application form with the handler')).toEqual([]);
    await page.getByRole('button', { name: '下一步：上传材料' }).click();
    await page.getByTestId('apply-step-materials').waitFor();
    await upload(page, 'id-card', { name: '经办人身份证.png', mimeType: 'image/png', buffer: PNG });
    await upload(page, 'application', { name: '查询申请书.pdf', mimeType: 'application/pdf', buffer: pdf('Request to consult the register') });
    await page.getByTestId('apply-next-confirm').click();

    // No letter yet: the confirmation says so and sends the company back to the handler's part.
    await page.getByTestId('confirm-handler-missing').waitFor();
    await page.getByTestId('declaration-checkbox').check();
    expect(await page.getByTestId('apply-submit').isDisabled()).toBe(true);
    await page.getByTestId('confirm-handler-missing').getByRole('button', { name: '去填写' }).click();
    await upload(page, 'handler-authorisation', { name: '授权委托书.pdf', mimeType: 'application/pdf', buffer: pdf('The company authorises its handler') });
    await page.getByRole('button', { name: '下一步：上传材料' }).click();
    await page.getByTestId('apply-next-confirm').click();
    await page.getByTestId('apply-step-confirm').getByText(`${HANDLER.name}（1101**********002X，139****0002）`).waitFor();
    expect(await page.getByTestId('confirm-handler-missing').count()).toBe(0);
    await page.getByTestId('declaration-checkbox').check();
    const { number, caseId } = await submitAndOpenCase(page);
    const parties = await page.request.get(`/api/cases/${caseId}/applicant`);
    expect((await parties.json()) as unknown).toMatchObject({ agent: { ...HANDLER, authorisation: expect.stringMatching(/^[0-9a-f]{64}$/) } });

    // The clerk's pre-review shows who acts for the company, masked, with the letter to open.
    const desk = await e2e.newPage();
    await loginStaff(desk, 'clerk');
    await openPreReview(desk, number);
    await desk.getByTestId('agent-line').getByText(`${HANDLER.name}　1101**********002X　139****0002`).waitFor();
    const letter = await desk.request.get((await desk.getByTestId('agent-authorisation').getAttribute('href'))!);
    expect([letter.status(), letter.headers()['content-type']]).toEqual([200, 'application/pdf']);
  });
});

describe('无障碍 (axe-core, WCAG 2.1 AA)', () => {
  it('the home, guide, application and 我的办件 pages have no serious or critical violations, in either mode', async () => {
    const page = await e2e.newPage();
    const found: string[] = [];

    await page.goto('/');
    await page.getByTestId('browse-region').getByRole('link').first().waitFor();
    found.push(...(await seriousViolations(page, 'home')));
    await page.getByTestId('elder-toggle').click();
    await page.locator('.elder-mode').waitFor();
    found.push(...(await seriousViolations(page, 'home (长辈版)')));
    await page.getByTestId('elder-toggle').click();
    await page.locator('.elder-mode').waitFor({ state: 'detached' });

    await page.goto(`/guide/${ITEM.code}`);
    await page.getByTestId('guide-fact-due').getByTestId('guide-due-date').waitFor();
    found.push(...(await seriousViolations(page, 'guide')));

    await page.goto(`/portal/apply/${ITEM.code}`);
    await signInApplicant(page);
    await field(page, 'applicantName').waitFor();
    found.push(...(await seriousViolations(page, 'application form')));
    // The form's own error messages, beside their fields.
    await page.getByRole('button', { name: '下一步：上传材料' }).click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    found.push(...(await seriousViolations(page, 'application form with errors')));
    await fillApplicationForm(page);
    await page.getByRole('button', { name: '下一步：上传材料' }).click();
    await page.getByTestId('apply-step-materials').waitFor();
    found.push(...(await seriousViolations(page, 'material slots')));
    await page.getByTestId('apply-next-confirm').click();
    await page.getByTestId('confirm-missing').waitFor();
    found.push(...(await seriousViolations(page, 'confirmation')));
    // The form's changes made a draft: 我的办件 then has a row to check, and the draft a page of its own.
    await page.waitForURL(/[?&]case=/);
    const caseId = new URL(page.url()).searchParams.get('case')!;

    await page.goto('/portal/cases');
    await page.getByTestId('my-case-row').first().waitFor();
    found.push(...(await seriousViolations(page, '我的办件')));
    await page.goto(`/portal/cases/${caseId}`);
    await page.getByTestId('case-continue').waitFor();
    found.push(...(await seriousViolations(page, '我的办件: a draft')));

    expect(found).toEqual([]);
  });
});

describe('材料上传', () => {
  /** The materials step of a new application (a draft is not needed to upload). */
  async function materialsStep(): Promise<Page> {
    const page = await e2e.newPage();
    await page.goto(`/portal/apply/${ITEM.code}`);
    await signInApplicant(page);
    await page.getByTestId('apply-step-form').waitFor();
    await page.locator('.apply-steps').getByText('上传材料', { exact: true }).click();
    await page.getByTestId('apply-step-materials').waitFor();
    return page;
  }

  it('a file that is not a PDF, JPEG, PNG or OFD by its content is refused on its slot, whatever its name, and the server keeps none of it', async () => {
    const page = await materialsStep();
    const opened = page.waitForResponse((r) => r.url().endsWith('/api/uploads') && r.request().method() === 'POST');
    const refused = page.waitForResponse((r) => /\/api\/uploads\/[^/]+\/complete$/.test(r.url()));
    await slot(page, EXAM.id).getByTestId('slot-file-input').setInputFiles({ name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这是一段文字，不是 PDF。\n'.repeat(20)) });
    const { id } = (await (await opened).json()) as { id: string };
    expect((await refused).status()).toBe(415);

    const error = slot(page, EXAM.id).getByTestId('upload-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('“x.pdf”不是 PDF、JPG、PNG 或 OFD 文件（按文件内容判断），请转换格式后重新上传');
    // Trying again would not help: no retry is offered, and nothing of it is in the slot.
    expect(await slot(page, EXAM.id).getByTestId('upload-retry').count()).toBe(0);
    expect(await slot(page, EXAM.id).getByTestId('slot-files').count()).toBe(0);
    expect((await page.request.get(`/api/uploads/${id}`)).status()).toBe(404);
  });

  it('a file over 20 MB is refused on its slot before a byte is sent', async () => {
    const page = await materialsStep();
    const uploadRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/uploads')) uploadRequests.push(`${request.method()} ${request.url()}`);
    });
    // A sparse file: 21 MB on the picker, next to nothing on the disk.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-e2e-big-'));
    try {
      const big = path.join(dir, '体检影像.pdf');
      fs.writeFileSync(big, '%PDF-1.4\n');
      fs.truncateSync(big, 21 * 1024 * 1024);
      await slot(page, EXAM.id).getByTestId('slot-file-input').setInputFiles(big);
      const error = slot(page, EXAM.id).getByTestId('upload-error');
      await error.waitFor();
      expect(await error.innerText()).toBe('“体检影像.pdf”超过 20 MB，请压缩或分成几份后上传');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await slot(page, EXAM.id).getByTestId('upload-retry').count()).toBe(0);
    expect(uploadRequests).toEqual([]);
  });

  it('leaving for another portal page right after an upload keeps the file in the draft (the autosave is not dropped)', async () => {
    const page = await materialsStep();
    const file = { name: '申请表（离开前）.pdf', mimeType: 'application/pdf', buffer: pdf(`Left right after uploading ${Date.now()}`) };
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    await upload(page, 'application', file);
    // At once, well within the autosave's two seconds: 我的办件 in the portal's own navigation.
    await page.getByRole('link', { name: '我的办件' }).first().click();
    await page.waitForURL('**/portal/cases');
    const draftsHolding = async () => {
      const mine = (await (await page.request.get('/api/my/cases')).json()) as { items: { id: string; itemCode: string; status: string }[] };
      const drafts = mine.items.filter((c) => c.itemCode === ITEM.code && c.status === 'draft');
      const files = await Promise.all(drafts.map(async (c) => ((await (await page.request.get(`/api/cases/${c.id}`)).json()) as CaseView).materials));
      return files.filter((materials) => materials.some((m) => m.materialId === 'application' && m.files.some((f) => f.sha256 === sha256))).length;
    };
    await expect.poll(draftsHolding, WAIT).toBe(1);
    // Nothing brought the page back to the application.
    expect(new URL(page.url()).pathname).toBe('/portal/cases');
  });

  it('an upload whose connection drops mid-way goes on from the last chunk the server holds and completes', async () => {
    const page = await materialsStep();
    const file = { name: '体检报告（全本）.pdf', mimeType: 'application/pdf', buffer: pdf('Full health check report', Math.round(2.5 * CHUNK_BYTES)) };
    const sent: string[] = [];
    let dropped = false;
    // The second chunk never arrives, once.
    await page.route('**/api/uploads/*', async (route) => {
      const request = route.request();
      const range = request.headers()['content-range'] ?? '';
      if (request.method() === 'PUT' && range.startsWith(`bytes ${CHUNK_BYTES}-`) && !dropped) {
        dropped = true;
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    page.on('response', (response) => {
      const range = response.request().headers()['content-range'];
      if (response.request().method() === 'PUT' && range && response.ok()) sent.push(range.replace(/\/\d+$/, ''));
    });
    const opened = page.waitForResponse((r) => r.url().endsWith('/api/uploads') && r.request().method() === 'POST');

    await slot(page, EXAM.id).getByTestId('slot-file-input').setInputFiles(file);
    const { id } = (await (await opened).json()) as { id: string };
    await slot(page, EXAM.id).locator('[data-testid="slot-upload"][data-state="retrying"]').getByText('网络不稳定，正在第 1 次重试…').waitFor();
    await slot(page, EXAM.id).getByTestId('slot-files').getByText(file.name, { exact: true }).waitFor();

    // Each chunk arrived once: after the drop the upload asked where to go on, and did not start again.
    const size = file.buffer.length;
    expect(sent).toEqual([`bytes 0-${CHUNK_BYTES - 1}`, `bytes ${CHUNK_BYTES}-${2 * CHUNK_BYTES - 1}`, `bytes ${2 * CHUNK_BYTES}-${size - 1}`]);
    expect(await slot(page, EXAM.id).getByTestId('slot-upload').count()).toBe(0);
    // The finished upload is a stored file now, not a session holding partial data.
    expect((await page.request.get(`/api/uploads/${id}`)).status()).toBe(404);
  });
});
