// 一窗无差别综合受理 at the hall, as issue 5 asks to prove it: a clerk at the comprehensive window A01 takes a whole
// application in with the keyboard alone and prints the receipt; a second applicant gets a 补正 notice, comes back and
// is accepted; the 医保 window B01 refuses a 规划建设 item; the reviewer grants the first case; the clerk hands the
// result to the company's agent, who signs on screen; and the case's timeline shows every step. The tests run in order
// and share the first case, as the day at the window does.
import { spawnSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chineseDate, usccCheckChar } from '@onewindow/domain';
import { loginStaff, residentId, useE2E } from './server.ts';
import { approveCase } from './workbench.ts';

const e2e = useE2E();

// 建筑工程施工许可证核发 (石家庄市): for organisations, 5 materials (规划许可证 信息免交, 审查合格书 容缺后补) and a form
// with a 参建单位 table. Its pinyin initials find it; the 石家庄市 implementation is the first option.
const ITEM_NAME = '建筑工程施工许可证核发';
const ITEM_PINYIN = 'jzgcsg';
const MATERIAL_COUNT = 5;
const CONTRACT = { name: '施工合同', points: ['合同已在监管平台备案', '合同价格、工期与申请表一致'] };

interface Company {
  uscc: string;
  name: string;
  phone: string;
  legalRepresentative: string;
}

const FIRST: Company = { uscc: withCheck('91130100MA0HALL01'), name: '石家庄市一窗建设有限公司', phone: '13800000021', legalRepresentative: '王建国' };
const SECOND: Company = { uscc: withCheck('91130100MA0HALL02'), name: '石家庄市补正建设有限公司', phone: '13800000022', legalRepresentative: '李补正' };
const BUILDER_USCC = withCheck('91130100MA0HALL03');
// A company cannot sign for its result: its agent (代理人) does, with their own resident ID.
const AGENT = { name: '张代理', idNumber: residentId('13010219850312101'), phone: '13800000023' };

function withCheck(body17: string): string {
  return body17 + usccCheckChar(body17);
}

/** The first case, accepted in the first test and carried through review, pickup and the timeline. */
let firstCase: { id: string; number: string } | null = null;

function acceptedFirstCase(): { id: string; number: string } {
  if (!firstCase) throw new Error('the first test did not accept a case, so this step has nothing to work on');
  return firstCase;
}

// ---- the keyboard ----

/** What has the focus, described the way a clerk would name it: its label, or its button text. */
interface Focus {
  id: string;
  testId: string | null;
  name: string;
}

async function focused(page: Page): Promise<Focus> {
  const element = page.locator(':focus');
  if ((await element.count()) === 0) return { id: '', testId: null, name: '' };
  return element.evaluate((e) => {
    const formLabel = e.closest('.ant-form-item')?.querySelector('.ant-form-item-label label')?.textContent;
    const name = e.getAttribute('aria-label') ?? (e.tagName === 'BUTTON' ? e.textContent : null) ?? formLabel ?? e.closest('label')?.textContent ?? '';
    return { id: e.id, testId: e.getAttribute('data-testid'), name: name.trim() };
  });
}

const MAX_TABS = 80;

/** Presses Tab (or Shift+Tab) until the wanted control has the focus, as a clerk moves through the screen. */
async function tabTo(page: Page, what: string, wanted: (focus: Focus) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press(key);
    if (wanted(await focused(page))) return;
  }
  throw new Error(`${what} was not reached in ${MAX_TABS} presses of ${key}`);
}

const labelled = (label: string) => (focus: Focus) => focus.name === label;
const withTestId = (testId: string) => (focus: Focus) => focus.testId === testId;
const withId = (id: string) => (focus: Focus) => focus.id === id;

async function tabAndType(page: Page, what: string, wanted: (focus: Focus) => boolean, text: string): Promise<void> {
  await tabTo(page, what, wanted);
  await page.keyboard.type(text);
}

// ---- the desk ----

async function openDesk(page: Page): Promise<void> {
  await loginStaff(page, 'clerk');
  await page.goto('/workbench/desk');
  await page.getByTestId('item-picker').waitFor();
}

/** Types pinyin initials into the item picker (it has the focus on arrival) and takes the first option with Enter. */
async function chooseItemByPinyin(page: Page): Promise<void> {
  await page.keyboard.type(ITEM_PINYIN);
  await openOptions(page).first().getByText(ITEM_NAME).waitFor();
  await page.keyboard.press('Enter');
}

/** The options of the open dropdown (antd renders its list at the end of the body). */
function openOptions(page: Page, text?: string) {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  return text === undefined ? options : options.filter({ hasText: new RegExp(`^${text}$`) });
}

async function waitForChecklist(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('checklist').locator('tr.ant-table-row').count()).toBe(MATERIAL_COUNT);
}

/** The company applicant (the item is for organisations, so 法人 is already chosen) and, when given, its agent. */
async function typeApplicant(page: Page, company: Company, agent?: typeof AGENT): Promise<void> {
  await tabAndType(page, 'the USCC', withTestId('applicant-id'), company.uscc);
  await tabAndType(page, 'the company name', withTestId('applicant-name'), company.name);
  await tabAndType(page, 'the phone', withTestId('applicant-phone'), company.phone);
  await tabAndType(page, '法定代表人', labelled('法定代表人'), company.legalRepresentative);
  if (!agent) return;
  await tabTo(page, '由代理人办理', labelled('由代理人办理'));
  await page.keyboard.press('Space');
  await tabAndType(page, '代理人姓名', labelled('代理人姓名'), agent.name);
  await tabAndType(page, '代理人身份号码', labelled('代理人身份号码'), agent.idNumber);
  await tabAndType(page, '代理人手机号码', labelled('代理人手机号码'), agent.phone);
}

/** The application form, top to bottom, with one 参建单位 row (added with its button, then filled from its first cell). */
async function typeApplicationForm(page: Page, company: Company): Promise<void> {
  const field = (key: string) => withId(`applicationPreview_${key}`);
  await tabAndType(page, '建设单位名称', field('companyName'), company.name);
  await tabAndType(page, '统一社会信用代码', field('uscc'), company.uscc);
  await tabAndType(page, '法定代表人（负责人）', field('legalRep'), company.legalRepresentative);
  await tabAndType(page, '项目名称', field('projectName'), '一窗通办综合楼');
  await tabAndType(page, '投资项目代码', field('projectCode'), '2026-130100-47-01-000001');
  await tabAndType(page, '建设地点', field('site'), '石家庄市长安区中山东路 1 号');
  await tabAndType(page, '合同价格', field('contractPrice'), '1200');
  await tabAndType(page, '合同工期', field('duration'), '365');
  await tabTo(page, '添加一行', labelled('添加一行'));
  await page.keyboard.press('Enter');
  // The new row sits above the button: back up to its first cell, then fill it left to right.
  await tabTo(page, '单位类型', field('parties_0_role'), 'Shift+Tab');
  await page.keyboard.press('Enter'); // opens the list; the first option (施工单位) is active
  await openOptions(page, '施工单位').waitFor();
  await page.keyboard.press('Enter');
  await tabAndType(page, '单位名称', field('parties_0_name'), '河北一窗建工集团有限公司');
  await tabAndType(page, '统一社会信用代码', field('parties_0_uscc'), BUILDER_USCC);
  await tabAndType(page, '项目负责人', field('parties_0_lead'), '赵项目');
}

/** The decision's outcome alert and the case number it names. */
async function outcomeNumber(page: Page, expected: RegExp): Promise<string> {
  const outcome = page.getByTestId('intake-outcome');
  await outcome.waitFor();
  const text = await outcome.innerText();
  expect(text).toMatch(expected);
  return /办件编号\s*(\S+?)(，|$)/.exec(text)![1]!;
}

/** The document modal's PDF once it has loaded, fetched with the page's own cookies and read with pdftotext. */
async function shownDocument(page: Page): Promise<{ caseId: string; compact: string }> {
  const frame = page.locator('[data-testid="document-frame"][data-loaded="true"]');
  await frame.waitFor();
  const url = (await frame.getAttribute('src'))!;
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const converted = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await response.body(), encoding: 'utf8' });
  expect(converted.status, converted.stderr).toBe(0);
  // Table cells wrap: compare without the line breaks and spaces the layout puts in.
  return { caseId: /\/api\/cases\/([^/]+)\/documents\//.exec(url)![1]!, compact: converted.stdout.replace(/\s+/g, '') };
}

interface CaseView {
  number: string;
  status: string;
  dueDate: string | null;
}

async function caseOf(page: Page, caseId: string): Promise<CaseView> {
  const response = await page.request.get(`/api/cases/${caseId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as CaseView;
}

async function casesReceivedToday(page: Page): Promise<number> {
  const response = await page.request.get('/api/hall/desk');
  return ((await response.json()) as { desk: { counts: { received: number } } }).desk.counts.received;
}

/** 换窗口: the clerk picks another window of the hall by name and signs in to it. */
async function switchWindow(page: Page, search: string, number: string): Promise<void> {
  await page.getByRole('button', { name: '换窗口' }).click();
  await page.getByTestId('window-select').click();
  await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: `${number} ` }).click();
  await page.getByRole('button', { name: '登录窗口' }).click();
  await page.getByTestId('current-window').getByText(new RegExp(`${number} 窗口`)).waitFor();
}

/** A material row of the checklist, by the material's name. */
function checklistRow(page: Page, material: string) {
  return page.getByTestId('checklist').locator('tr.ant-table-row').filter({ hasText: material });
}

async function setReceivedAs(page: Page, material: string, label: string): Promise<void> {
  await page.getByRole('combobox', { name: `${material} 收取方式` }).click();
  await openOptions(page, label).click();
  await openOptions(page).first().waitFor({ state: 'hidden' });
}

/** Whether a saved draft (PUT /api/hall/draft body) has 施工合同 marked as not brought. */
function draftLacksContract(body: unknown): boolean {
  const data = (body as { data?: { materials?: Record<string, { receivedAs?: string }> } }).data;
  return data?.materials?.contract?.receivedAs === 'missing';
}

/**
 * A signature drawn with the mouse: press, a zig-zag stroke, release (the pad uploads it on release). The dialog zooms
 * in when it opens; a stroke aimed at the pad's box mid-animation would land on the mask and close the dialog, so the
 * box is taken once it has stopped moving.
 */
async function signOn(page: Page): Promise<void> {
  const pad = await settledBox(page, page.getByTestId('signature-pad'));
  const at = (fx: number, fy: number) => [pad.x + pad.width * fx, pad.y + pad.height * fy] as const;
  await page.mouse.move(...at(0.1, 0.6));
  await page.mouse.down();
  for (const [fx, fy] of [[0.2, 0.3], [0.3, 0.7], [0.4, 0.3], [0.5, 0.7], [0.6, 0.4], [0.8, 0.5]] as const) {
    await page.mouse.move(...at(fx, fy), { steps: 4 });
  }
  await page.mouse.up();
}

async function settledBox(page: Page, locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let previous = await locator.boundingBox();
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(50);
    const box = await locator.boundingBox();
    if (box && previous && JSON.stringify(box) === JSON.stringify(previous)) return box;
    previous = box;
  }
  throw new Error('the element kept moving (or never showed) for 2.5 s');
}

describe('窗口受理', () => {
  it('a clerk at the comprehensive window accepts a complete application with the keyboard alone, and the receipt names the case and its due date', async () => {
    const page = await e2e.newPage();
    await openDesk(page);
    await page.getByTestId('current-window').getByText('A01 窗口').waitFor();

    // From here on only the keyboard: the picker has the focus when the desk opens.
    await chooseItemByPinyin(page);
    await waitForChecklist(page);
    await typeApplicant(page, FIRST, AGENT);
    await tabTo(page, '材料齐全', withTestId('receive-all'));
    await page.keyboard.press('Enter');
    await typeApplicationForm(page, FIRST);
    await page.getByText('材料齐全、符合法定形式，可当场受理。').waitFor();
    await page.keyboard.press('Control+Enter');

    const number = await outcomeNumber(page, /^已受理，办件编号/);
    const receipt = await shownDocument(page);
    const accepted = await caseOf(page, receipt.caseId);
    expect(accepted.number).toBe(number);
    expect(accepted.status).toBe('in_review');
    expect(receipt.compact).toContain('受理通知书');
    expect(receipt.compact).toContain(number);
    expect(receipt.compact).toContain(FIRST.name);
    expect(receipt.compact).toContain(`承诺办结日期${chineseDate(accepted.dueDate!)}`);
    firstCase = { id: receipt.caseId, number };
  });

  it('an applicant missing a material gets a 补正 notice listing it, and is accepted when they bring it back; a reload mid-intake keeps the draft', async () => {
    const page = await e2e.newPage();
    await openDesk(page);
    await chooseItemByPinyin(page);
    await waitForChecklist(page);
    await typeApplicant(page, SECOND);
    await page.getByTestId('receive-all').click();
    // 施工合同 has not been brought: the one material the notice must list.
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/hall/draft') && r.request().method() === 'PUT' && draftLacksContract(r.request().postDataJSON()));
    await setReceivedAs(page, CONTRACT.name, '未提交');
    await saved;

    // The browser reloads (or crashes) mid-intake: item, applicant and ticks come back from the server.
    await page.reload();
    await page.getByText('已恢复未完成的收件草稿').waitFor();
    await waitForChecklist(page);
    expect(await page.getByRole('combobox', { name: '办理事项' }).inputValue()).toBe(ITEM_NAME);
    expect(await page.getByTestId('applicant-name').inputValue()).toBe(SECOND.name);
    expect(await checklistRow(page, '建设资金已经落实承诺书').getByRole('checkbox').isChecked()).toBe(true);
    expect(await checklistRow(page, CONTRACT.name).getByRole('checkbox').first().isChecked()).toBe(false);
    await page.getByTestId('intake-problems').getByText(CONTRACT.name).waitFor();

    await page.getByTestId('applicant-name').focus();
    await typeApplicationForm(page, SECOND);
    await page.keyboard.press('Alt+B');
    const number = await outcomeNumber(page, /^已出具补齐补正告知书，办件编号/);
    const notice = await shownDocument(page);
    expect(notice.compact).toContain('补齐补正告知书');
    expect(notice.compact).toContain(number);
    expect(notice.compact).toContain(CONTRACT.name);
    expect(notice.compact).toContain(`请提交${CONTRACT.name}`);
    expect(notice.compact).toContain(CONTRACT.points[0]);
    // One notice lists every defect, and only the defects.
    expect(notice.compact).not.toContain('建设资金已经落实承诺书');
    expect((await caseOf(page, notice.caseId)).status).toBe('awaiting_correction');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F2');

    // The applicant is back: 补正收件 from the notice's number shows only what was asked.
    await page.getByRole('tab', { name: '补正收件' }).click();
    await page.getByTestId('correction-code').fill(number);
    await page.getByTestId('correction-code').press('Enter');
    await expect.poll(() => page.getByTestId('checklist').locator('tr.ant-table-row').count()).toBe(1);
    await setReceivedAs(page, CONTRACT.name, '原件');
    for (const point of CONTRACT.points) await page.getByRole('checkbox', { name: point }).check();
    await page.getByTestId('accept-correction').click();
    await page.getByTestId('correction-done').getByText('补正材料已收取，办件已受理').waitFor();
    const receipt = await shownDocument(page);
    expect(receipt.caseId).toBe(notice.caseId);
    expect(receipt.compact).toContain('受理通知书');
    expect(receipt.compact).toContain(number);
    expect((await caseOf(page, receipt.caseId)).status).toBe('in_review');

    // Closing the receipt leaves it one click away, for a second print.
    await page.keyboard.press('Escape');
    await page.getByTestId('document-frame').waitFor({ state: 'detached' });
    await page.getByTestId('correction-done').getByRole('button', { name: '受理通知书' }).click();
    await page.locator('[data-testid="document-frame"][data-loaded="true"]').waitFor();
  });

  it('the 医保 domain window refuses a 规划建设 item, naming the right window, and no case is created', async () => {
    const page = await e2e.newPage();
    await openDesk(page);
    const receivedBefore = await casesReceivedToday(page);
    await switchWindow(page, '医保综合', 'B01');

    await page.getByRole('combobox', { name: '办理事项' }).focus();
    await page.keyboard.type(ITEM_PINYIN);
    // The picker already marks what this window cannot take in.
    await openOptions(page).first().getByText('本窗口不能受理').waitFor();
    await page.keyboard.press('Enter');
    const refusal = await page.getByTestId('window-refusal').innerText();
    expect(refusal).toContain('本窗口为医保领域窗口，不能受理“规划建设”领域的事项');
    expect(refusal).toContain('请引导申请人到综合受理窗口或规划建设窗口办理');
    // Nothing was started: no item in the picker, no checklist, no case.
    expect(await page.getByRole('combobox', { name: '办理事项' }).inputValue()).toBe('');
    expect(await page.getByTestId('checklist').count()).toBe(0);
    expect(await casesReceivedToday(page)).toBe(receivedBefore);

    await switchWindow(page, '综合受理窗口一', 'A01');
  });

  it('the reviewer approves the first case in the back office', async () => {
    const { id, number } = acceptedFirstCase();
    const page = await e2e.newPage();
    await loginStaff(page, 'reviewer');
    await page.goto(`/workbench/cases/${id}`);
    await page.getByTestId('case-number').getByText(number).waitFor();
    await page.waitForLoadState('networkidle');

    await approveCase(page, { review: '材料齐全，符合法定条件，同意。', decision: '准予核发建筑工程施工许可证。' });
  });

  it('the clerk hands the result to the agent at the unified pickup window, the agent signs on screen, and the case is delivered', async () => {
    const { id, number } = acceptedFirstCase();
    const page = await e2e.newPage();
    await openDesk(page);
    await page.getByRole('tab', { name: /统一出件/ }).click();
    const row = page.getByTestId('pickup-list').getByRole('row').filter({ hasText: number });
    await row.getByRole('button', { name: '出件' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('collector-id').fill(AGENT.idNumber);
    await signOn(page);
    await dialog.getByText('签名已保存').waitFor();
    await page.getByTestId('confirm-handout').click();
    await dialog.waitFor({ state: 'hidden' });

    await row.waitFor({ state: 'detached' });
    expect((await caseOf(page, id)).status).toBe('delivered');
  });

  it('the case timeline shows every step from 收件 to 送达', async () => {
    const { id, number } = acceptedFirstCase();
    const page = await e2e.newPage();
    await loginStaff(page, 'clerk');
    await page.goto(`/workbench/cases/${id}`);
    await page.getByTestId('case-number').getByText(number).waitFor();
    await page.getByTestId('case-status').getByText('已送达').waitFor();
    await page.waitForLoadState('networkidle');
    const steps = await page.getByTestId('timeline-entry').locator('strong').allInnerTexts();
    expect(steps).toEqual(['收件', '受理', '审查', '决定', '办结', '送达']);
  });
});
