// A case's journey end to end: the clerk takes an application in at the window and accepts it (through the API, as
// the intake screen would), the reviewer of 石家庄市行政审批局 finds it in 待办, records the review and grants it, and
// a visitor with the case number and the last six characters of the applicant's code sees it decided on /track.
import { describe, expect, it } from 'vitest';
import { usccCheckChar, validateFormData, type FormField, type PublishedGuide } from '@onewindow/domain';
import { DEMO_PASSWORD, loginStaff, useE2E } from './server.ts';
import { approveCase } from './workbench.ts';

const e2e = useE2E();

// 建筑工程施工许可证核发 in 石家庄市: implemented by 石家庄市行政审批局 itself, reviewed (审核) and decided (决定) there
// by a reviewer, and applied for by organisations.
const ITEM_CODE = '000133002000-1301';
const COMPANY_USCC = withCheck('91130100MA0E2E001');
const BUILDER_USCC = withCheck('91130100MA0E2E002');
const REVIEW_OPINION = '材料齐全，符合法定条件，同意。';

function withCheck(body17: string): string {
  return body17 + usccCheckChar(body17);
}

/** A valid value for each kind of form field, so the form of whichever guide version is in force passes. */
function sampleValue(field: FormField): unknown {
  switch (field.type) {
    case 'number':
      return Math.max(field.min ?? 1, 1);
    case 'date':
      return '2026-01-05';
    case 'select':
      return field.options?.[0]?.value;
    case 'region':
      return '1301';
    case 'uscc':
      return field.key === 'uscc' ? COMPANY_USCC : BUILDER_USCC;
    case 'phone':
      return '13800000003';
    case 'idNumber':
      return '130102199003075314';
    case 'table':
      return [Object.fromEntries((field.columns ?? []).map((column) => [column.key, column.type === 'uscc' ? BUILDER_USCC : sampleValue(column)]))];
    default:
      return `示例${field.label}`.slice(0, field.maxLength ?? 100);
  }
}

interface StaffSession {
  cookie: string;
  csrfToken: string;
}

async function signInStaff(baseURL: string, username: string): Promise<StaffSession> {
  const response = await fetch(`${baseURL}/api/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** 窗口收件 and 受理 in one request, with every material received as the guide asks and every review point met. */
async function acceptedCase(baseURL: string): Promise<{ number: string }> {
  const item = (await (await fetch(`${baseURL}/api/catalog/items/${ITEM_CODE}`)).json()) as PublishedGuide;
  const guide = item.guide;
  const formData = Object.fromEntries(guide.form.fields.map((field) => [field.key, sampleValue(field)]));
  expect(validateFormData(guide.form, formData)).toEqual([]);
  const materials = guide.materials.map((material) => ({
    materialId: material.id,
    receivedAs: material.necessity === 'exempt' ? 'exempt' : 'original',
    count: material.necessity === 'exempt' ? 0 : 1,
    files: [],
    checks: Object.fromEntries(material.reviewPoints.map((point) => [point.id, true])),
  }));

  const clerk = await signInStaff(baseURL, 'clerk');
  const response = await fetch(`${baseURL}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken },
    body: JSON.stringify({
      itemCode: ITEM_CODE,
      channel: 'window',
      applicant: { kind: 'company', name: '石家庄市端到端建设有限公司', idNumber: COMPANY_USCC, phone: '13800000003', legalRepresentative: '王五' },
      formData,
      materials,
      decision: { type: 'accept' },
    }),
  });
  const created = (await response.json()) as { number: string; status: string };
  expect(response.status, JSON.stringify(created)).toBe(201);
  expect(created.status).toBe('in_review');
  return created;
}

describe('办件', () => {
  it('a case accepted at the window is reviewed and granted by the reviewer, and the public sees it decided', async () => {
    const { number } = await acceptedCase(e2e.server().baseURL);

    // 审批人员 reviewer: finds it in 待办 and opens it.
    const page = await e2e.newPage();
    await loginStaff(page, 'reviewer');
    await page.getByRole('menuitem', { name: '办件' }).click();
    await page.getByRole('tab', { name: '待办', selected: true }).waitFor();
    const row = page.getByTestId('case-list').getByRole('row').filter({ hasText: number });
    await row.getByRole('link', { name: number }).click();
    await page.waitForURL(/\/workbench\/cases\/[^/]+$/);
    await page.getByTestId('case-number').getByText(number).waitFor();
    await page.waitForLoadState('networkidle');

    await approveCase(page, { review: REVIEW_OPINION, decision: '准予核发建筑工程施工许可证。' });
    await page.waitForLoadState('networkidle');
    const entries = await page.getByTestId('timeline-entry').locator('strong').allInnerTexts();
    expect(entries).toEqual(['收件', '受理', '审查', '决定']);
    const timeline = await page.getByTestId('case-timeline').innerText();
    expect(timeline).toContain(REVIEW_OPINION);
    expect(timeline).toContain('赵审批');
    await page.getByTestId('case-action-decide').waitFor({ state: 'detached' });

    // A visitor: 办件查询 from the home page, with the number and the last six characters of the applicant's code.
    const visitor = await e2e.newPage();
    await visitor.goto('/');
    await visitor.getByRole('link').filter({ has: visitor.getByRole('heading', { name: '办件查询', exact: true }) }).click();
    await visitor.waitForURL('**/track');
    await visitor.locator('#track_number').fill(number);
    await visitor.locator('#track_idSuffix').fill(COMPANY_USCC.slice(-6));
    await visitor.getByRole('button', { name: '查询' }).click();
    const result = visitor.getByTestId('track-result');
    await result.waitFor();
    await result.getByTestId('case-status').getByText('已决定').waitFor();
    const publicText = await result.innerText();
    expect(publicText).toContain(number);
    expect(publicText).toContain('决定');
    // The public timeline names no one and carries no opinion.
    expect(publicText).not.toContain('赵审批');
    expect(publicText).not.toContain(REVIEW_OPINION);
  });
});
