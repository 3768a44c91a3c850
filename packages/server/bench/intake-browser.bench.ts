// The window intake as the clerk feels it (issue 5): in headless Chromium against the real server and the built web
// app, the demo clerk at A01 takes in 建筑工程施工许可证核发 (5 materials) again and again, and two moments are timed
// inside the page with performance.now(): (a) from the Enter that chooses the item in the picker to the first frame in
// which the checklist shows all its rows, and (b) from the Ctrl+Enter that accepts to the receipt PDF loaded in its
// frame (data-loaded="true"). Everything between the two — the applicant, the ticks, the form — is filled by script and
// not timed; the draft's autosave is let through before (b), so (b) is the decision, the receipt and its PDF alone.
// 下一位 (F2) starts each round. Targets (issue 5): p95 ≤ 300 ms for (a) and ≤ 1000 ms for (b) on the 2-core machine.
//
//   BENCH_INTAKE_BROWSER_RUNS=20       timed rounds (default 20), after BENCH_INTAKE_BROWSER_WARMUP=2 untimed ones
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { usccCheckChar } from '@onewindow/domain';
import { REPO_ROOT, percentile, type Benchmark, type Result } from './harness.ts';
import { launchChromium } from '../test/chromium.ts';

const RUNS = Number(process.env.BENCH_INTAKE_BROWSER_RUNS || 20);
const WARM_UP = Number(process.env.BENCH_INTAKE_BROWSER_WARMUP || 2);
const PASSWORD = 'Demo@2026';
const ITEM_NAME = '建筑工程施工许可证核发';
const ITEM_PINYIN = 'jzgcsg';
const MATERIALS = 5;
const CHECKLIST_TARGET_MS = 300;
const RECEIPT_TARGET_MS = 1000;
const PROBE_TIMEOUT_MS = 30_000;

const WEB_INDEX = path.join(REPO_ROOT, 'packages/web/dist/index.html');

/**
 * Installs, in the page, a stopwatch that starts at the keydown `startKey` (seen first, in the capture phase, before the
 * app handles it) and stops at the first animation frame after `ready()` holds; `window.__intakeBench` is its promise
 * of milliseconds. A string, because it runs in the page: the server's TypeScript has no DOM, and a serialised
 * function would carry the loader's helpers with it.
 */
function stopwatch(startKey: string, ready: string): string {
  // `void`: page.evaluate would otherwise wait for the promise the assignment yields.
  return `void (window.__intakeBench = new Promise((resolve, reject) => {
    let started = null;
    const ready = () => ${ready};
    if (ready()) return reject(new Error(${JSON.stringify(`already done before the key was pressed: ${ready}`)}));
    const onKey = (event) => { if (started === null && ${startKey}) started = performance.now(); };
    document.addEventListener('keydown', onKey, true);
    const observer = new MutationObserver(() => {
      if (started === null || !ready()) return;
      observer.disconnect();
      document.removeEventListener('keydown', onKey, true);
      requestAnimationFrame(() => resolve(performance.now() - started));
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-loaded'] });
    setTimeout(() => reject(new Error(${JSON.stringify(`not done within ${PROBE_TIMEOUT_MS} ms: ${ready}`)})), ${PROBE_TIMEOUT_MS});
  }))`;
}

const CHECKLIST_READY = `document.querySelectorAll('[data-testid="checklist"] tr.ant-table-row').length === ${MATERIALS}`;
const RECEIPT_SHOWN = `document.querySelector('[data-testid="document-frame"][data-loaded="true"]') !== null`;

/** Presses `key` with the stopwatch running and returns what it measured. */
async function timed(page: Page, startKey: string, ready: string, key: string): Promise<number> {
  await page.evaluate(stopwatch(startKey, ready));
  await page.keyboard.press(key);
  return (await page.evaluate('window.__intakeBench')) as number;
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/login?tab=staff');
  await page.getByRole('tab', { name: '工作人员登录' }).click();
  await page.locator('#login_staff_username').fill('clerk');
  await page.locator('#login_staff_password').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/workbench(\/|$)/);
  await page.goto('/workbench/desk');
  await page.getByTestId('current-window').getByText('A01 窗口').waitFor();
}

function uscc(round: number, party: number): string {
  const body = `91130100M${party}${String(round).padStart(7, '0')}`;
  return body + usccCheckChar(body);
}

/** An input of the applicant card, by its label (those fields have no name of their own). */
function labelledInput(page: Page, label: string) {
  return page.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) }).locator('input');
}

/** The rest of a complete intake, by script: applicant, 材料齐全, the form with one 参建单位 row. */
async function fillIntake(page: Page, round: number): Promise<void> {
  const company = { uscc: uscc(round, 1), name: `石家庄市基准建设有限公司${round}`, rep: '王基准' };
  await page.getByTestId('applicant-id').fill(company.uscc);
  await page.getByTestId('applicant-name').fill(company.name);
  await page.getByTestId('applicant-phone').fill('13800000031');
  await labelledInput(page, '法定代表人').fill(company.rep);
  await page.getByTestId('receive-all').click();
  const field = (key: string) => page.locator(`#applicationPreview_${key}`);
  await field('companyName').fill(company.name);
  await field('uscc').fill(company.uscc);
  await field('legalRep').fill(company.rep);
  await field('projectName').fill(`基准项目${round}`);
  await field('projectCode').fill('2026-130100-47-01-000002');
  await field('site').fill('石家庄市长安区中山东路 2 号');
  await field('contractPrice').fill('800');
  await field('duration').fill('200');
  await page.getByRole('button', { name: '添加一行' }).click();
  await field('parties_0_role').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^施工单位$/ }).click();
  await field('parties_0_name').fill('河北基准建工有限公司');
  await field('parties_0_uscc').fill(uscc(round, 2));
  // The last change: its autosave (600 ms later) is let through, so the accept below does not wait for it.
  const lead = `项目负责人${round}`;
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/hall/draft') && r.request().method() === 'PUT' && (r.request().postData() ?? '').includes(lead), { timeout: 15_000 });
  await field('parties_0_lead').fill(lead);
  await saved;
  await page.getByText('材料齐全、符合法定形式，可当场受理。').waitFor();
}

interface Round {
  checklistMs: number;
  receiptMs: number;
}

async function intakeRound(page: Page, round: number): Promise<Round> {
  // The desk opens, and 下一位 leaves it, with the picker empty and focused, as a clerk finds it.
  await page.getByRole('combobox', { name: '办理事项' }).and(page.locator(':focus')).waitFor();
  await page.keyboard.type(ITEM_PINYIN);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().getByText(ITEM_NAME).waitFor();
  const checklistMs = await timed(page, `event.key === 'Enter' && !event.ctrlKey`, CHECKLIST_READY, 'Enter');
  await fillIntake(page, round);
  const receiptMs = await timed(page, `event.key === 'Enter' && event.ctrlKey`, RECEIPT_SHOWN, 'Control+Enter');
  const outcome = await page.getByTestId('intake-outcome').innerText();
  if (!outcome.startsWith('已受理')) throw new Error(`round ${round} was not accepted: ${outcome}`);
  await page.keyboard.press('F2');
  await page.getByTestId('document-frame').waitFor({ state: 'detached' });
  return { checklistMs, receiptMs };
}

interface Summary {
  p50: number;
  p95: number;
  max: number;
  targetP95Ms: number;
  pass: boolean;
}

function summarise(values: number[], targetP95Ms: number): Summary {
  const p95 = percentile(values, 95);
  return { p50: percentile(values, 50), p95, max: Math.max(...values), targetP95Ms, pass: p95 <= targetP95Ms };
}

function rows(what: string, summary: Summary): Result[] {
  const target = `≤ ${summary.targetP95Ms} ms`;
  return [
    { name: `${what} p50 (${RUNS} rounds)`, value: summary.p50, unit: 'ms', target: null },
    { name: `${what} p95 (${RUNS} rounds)`, value: summary.p95, unit: 'ms', target },
    { name: `${what} max (${RUNS} rounds)`, value: summary.max, unit: 'ms', target: null },
    // bench-results.json keeps name, value, unit and target only: the verdict is a row of its own.
    { name: `${what} p95 meets ${target}`, value: summary.pass ? 1 : 0, unit: 'pass (1) / fail (0)', target: '1' },
  ];
}

const intakeBrowserBench: Benchmark = {
  name: `window intake in the browser (${RUNS} rounds of ${ITEM_NAME}, Chromium)`,
  async run(ctx) {
    if (!fs.existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run npm run build -w @onewindow/web first`);
    const server = await ctx.seededServer();
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signIn(page);
      // Browser timings suffer first when something else runs on a small machine: the load is reported with them.
      const loadBefore = os.loadavg()[0]!;
      const measured: Round[] = [];
      for (let round = 1; round <= WARM_UP + RUNS; round++) {
        const result = await intakeRound(page, round);
        if (round > WARM_UP) measured.push(result);
      }
      const checklist = summarise(measured.map((r) => r.checklistMs), CHECKLIST_TARGET_MS);
      const receipt = summarise(measured.map((r) => r.receiptMs), RECEIPT_TARGET_MS);
      const round1 = (n: number) => Math.round(n * 10) / 10;
      const rounded = (s: Summary) => ({ ...s, p50: round1(s.p50), p95: round1(s.p95), max: round1(s.max) });
      const loadAverage1m = { before: round1(loadBefore), after: round1(os.loadavg()[0]!), cores: os.cpus().length };
      console.log(`   ${JSON.stringify({ database: ctx.database, rounds: RUNS, itemChosenToChecklistReady: rounded(checklist), acceptToReceiptShown: rounded(receipt), loadAverage1m })}`);
      return [...rows('item chosen → checklist ready', checklist), ...rows('accept → receipt PDF shown', receipt)];
    } finally {
      await browser.close();
    }
  },
};

export default intakeBrowserBench;
