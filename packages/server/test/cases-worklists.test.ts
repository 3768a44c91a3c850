// Worklists (待办、已办、即将超期、已超期、挂起、全部) as each role sees them, their keyset pagination, search and
// filters; lists never show a full ID number, and reading one in full is audited.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maskIdNumber, maskPhone } from '@onewindow/domain';
import { addStaff, createTestApp, DEMO, loginApplicant, loginStaff, type Client, type TestApp } from './harness.ts';
import { caseGuide, FORM_DATA, PERSON, publishCaseItem, windowIntake } from './fixtures/cases.ts';
import { actOk, departmentId, openCase, watchDeadlinesAt } from './fixtures/case-api.ts';

interface ListItem {
  id: string;
  number: string;
  applicantName: string;
  applicantIdNumber: string;
  status: string;
  dueDate: string | null;
  appliedAt: string;
  clock: string | null;
}
interface Page {
  items: ListItem[];
  nextCursor: string | null;
}

let t: TestApp;
let clerk: Client;
let reviewer: Client;
let supervisor: Client;
let reviewerElsewhere: Client;
let fiveDayItem: string;
let immediateItem: string;
/** The 医保局's item whose licensing power was transferred (划转) to the 行政审批局. */
let transferredItem: string;

beforeAll(async () => {
  t = await createTestApp();
  clerk = await loginStaff(t.app, 'clerk');
  reviewer = await loginStaff(t.app, 'reviewer');
  supervisor = await loginStaff(t.app, 'supervisor');
  await addStaff(t.app, { username: 'reviewer_yb', name: '医保审批', roles: [{ role: 'reviewer', regionCode: '1301', departmentId: await departmentId(t, '石家庄市医疗保障局') }] });
  reviewerElsewhere = await loginStaff(t.app, 'reviewer_yb');
  const catalog = await loginStaff(t.app, 'catalog');
  const catalog2 = await loginStaff(t.app, 'catalog2');
  fiveDayItem = await publishCaseItem(t, catalog, catalog2);
  immediateItem = await publishCaseItem(t, catalog, catalog2, caseGuide({ caseType: '1', promisedLimit: { amount: 0, unit: 'workday', note: '当场办结' } }));
  const approvalBureau = await departmentId(t, '石家庄市行政审批局');
  transferredItem = await publishCaseItem(t, catalog, catalog2, caseGuide({ transferredToDepartmentId: approvalBureau }), '石家庄市医疗保障局');
});

afterAll(async () => {
  await t?.close();
});

async function page(client: Client, query: Record<string, string>): Promise<Page> {
  const response = await client.get('/api/cases', { query });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
}

/** Every page of a list, following `nextCursor` until it is null. */
async function allPages(client: Client, query: Record<string, string>): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const current: Page = await page(client, cursor ? { ...query, cursor } : query);
    pages.push(current);
    cursor = current.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

const idsIn = async (client: Client, query: Record<string, string>) => new Set((await page(client, { limit: '100', ...query })).items.map((i) => i.id));

/** A window case for an applicant of the given name (the same demo ID number, so the demo applicant follows it too). */
const intakeFor = (name: string, itemCode: string, extra: Record<string, unknown> = {}) =>
  openCase(clerk, windowIntake(itemCode, { applicant: { ...PERSON, name }, ...extra }));

describe('keyset pagination', () => {
  it('pages of 3 through 7 cases show each case once, most urgent first and cases without a due date last', async () => {
    const name = '钱分页';
    const created = [
      await intakeFor(name, fiveDayItem, { decision: { type: 'accept' } }),
      await intakeFor(name, immediateItem, { decision: { type: 'accept' } }),
      await intakeFor(name, fiveDayItem),
      await intakeFor(name, fiveDayItem, { decision: { type: 'accept' } }),
      await intakeFor(name, immediateItem, { decision: { type: 'accept' } }),
      await intakeFor(name, fiveDayItem),
      await intakeFor(name, fiveDayItem, { decision: { type: 'accept' } }),
    ];

    const pages = await allPages(clerk, { box: 'all', q: name, limit: '3' });
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const listed = pages.flatMap((p) => p.items);
    expect(new Set(listed.map((i) => i.id))).toEqual(new Set(created.map((c) => c.id)));
    expect(listed).toHaveLength(7);

    const byUrgency = (a: ListItem, b: ListItem) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.id.localeCompare(b.id);
    expect(listed.map((i) => i.id)).toEqual([...listed].sort(byUrgency).map((i) => i.id));
    expect(listed.slice(-2).map((i) => i.dueDate)).toEqual([null, null]);
    expect(new Set(listed.slice(0, 2).map((i) => i.dueDate)).size).toBe(1);
  });

  it('sorted by application time, the newest come first and paging still shows each case once', async () => {
    const pages = await allPages(clerk, { box: 'all', q: '钱分页', limit: '3', sort: 'applied' });
    const listed = pages.flatMap((p) => p.items);
    expect(listed).toHaveLength(7);
    expect(new Set(listed.map((i) => i.id)).size).toBe(7);
    const times = listed.map((i) => i.appliedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('已办 pages by the time the clerk last acted, and a tampered cursor is refused (400)', async () => {
    const pages = await allPages(clerk, { box: 'done', q: '钱分页', limit: '3' });
    const ids = pages.flatMap((p) => p.items).map((i) => i.id);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const someId = ids[0]!;
    // Not JSON; JSON of the wrong shape; a sort value that is no time, or no real day; an id that is no id.
    const tampered: Record<string, string>[] = [
      { box: 'all', cursor: 'not-a-cursor' },
      { box: 'all', cursor: cursor([1]) },
      { box: 'all', sort: 'applied', cursor: cursor({ v: 'notadate', id: someId }) },
      { box: 'done', cursor: cursor({ v: 'notadate', id: someId }) },
      { box: 'all', cursor: cursor({ v: '2026-02-30', id: someId }) },
      { box: 'all', cursor: cursor({ v: '2026-03-01', id: 'x' }) },
    ];
    for (const query of tampered) {
      const bad = await clerk.get('/api/cases', { query });
      expect(bad.statusCode, JSON.stringify(query)).toBe(400);
      expect(bad.json<{ code: string }>().code).toBe('CURSOR_INVALID');
    }
  });
});

describe('the boxes each role sees', () => {
  const name = '孙列表';
  const q = { q: name };
  let c: Record<'received' | 'inReview' | 'dueSoon' | 'suspended' | 'overdue' | 'decided', string>;

  beforeAll(async () => {
    const received = await intakeFor(name, fiveDayItem);
    const inReview = await intakeFor(name, fiveDayItem, { decision: { type: 'accept' } });
    // A 即办件 is due today: at most 2 working days left, so it is yellow from acceptance.
    const dueSoon = await intakeFor(name, immediateItem, { decision: { type: 'accept' } });
    const suspended = await intakeFor(name, fiveDayItem, { decision: { type: 'accept' } });
    await actOk(reviewer, suspended.id, { type: 'start_special', kind: '1', reason: '现场核查' });
    const decided = await intakeFor(name, fiveDayItem, { decision: { type: 'accept' } });
    await actOk(reviewer, decided.id, { type: 'complete_step', opinion: '审核同意' });
    await actOk(reviewer, decided.id, { type: 'decide', grant: true, opinion: '准予' });
    // Accepted long ago and never finished: the deadline watch marks it red.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-09-26T10:00:00+08:00'));
    const overdue = await intakeFor(name, fiveDayItem, { decision: { type: 'accept' } });
    vi.useRealTimers();
    await watchDeadlinesAt(t, new Date());
    c = { received: received.id, inReview: inReview.id, dueSoon: dueSoon.id, suspended: suspended.id, overdue: overdue.id, decided: decided.id };
  });

  const set = (...keys: (keyof typeof c)[]) => new Set(keys.map((k) => c[k]));

  it('待办: the clerk has what waits at the window, the reviewer what waits in review, the supervisor nothing to do', async () => {
    expect(await idsIn(clerk, { box: 'todo', ...q })).toEqual(set('received', 'decided'));
    expect(await idsIn(reviewer, { box: 'todo', ...q })).toEqual(set('inReview', 'dueSoon', 'suspended', 'overdue'));
    expect(await idsIn(supervisor, { box: 'todo', ...q })).toEqual(new Set());
    expect(await idsIn(reviewerElsewhere, { box: 'todo', ...q })).toEqual(new Set());
  });

  it('已办: each sees the cases they acted on', async () => {
    expect(await idsIn(clerk, { box: 'done', ...q })).toEqual(set('received', 'inReview', 'dueSoon', 'suspended', 'decided', 'overdue'));
    expect(await idsIn(reviewer, { box: 'done', ...q })).toEqual(set('suspended', 'decided'));
    expect(await idsIn(supervisor, { box: 'done', ...q })).toEqual(new Set());
  });

  it('即将超期, 已超期 and 挂起: the reviewer sees their own, the supervisor the whole region, the clerk none of the reviewer’s', async () => {
    for (const who of [reviewer, supervisor]) {
      expect(await idsIn(who, { box: 'due_soon', ...q })).toEqual(set('dueSoon'));
      expect(await idsIn(who, { box: 'overdue', ...q })).toEqual(set('overdue'));
      expect(await idsIn(who, { box: 'suspended', ...q })).toEqual(set('suspended'));
    }
    for (const box of ['due_soon', 'overdue', 'suspended']) expect(await idsIn(clerk, { box, ...q })).toEqual(new Set());
    const overdue = (await page(supervisor, { box: 'overdue', ...q })).items[0]!;
    expect(overdue).toMatchObject({ clock: 'red', dueDate: '2025-10-10' });
  });

  it('全部: everyone in the department’s region sees every case, a reviewer of another department none', async () => {
    const every = set('received', 'inReview', 'dueSoon', 'suspended', 'overdue', 'decided');
    for (const who of [clerk, reviewer, supervisor]) expect(await idsIn(who, { box: 'all', ...q })).toEqual(every);
    expect(await idsIn(reviewerElsewhere, { box: 'all', ...q })).toEqual(new Set());
  });

  it('a 划转 item is handled by the department it was transferred to: its reviewers have it, the original department none', async () => {
    const transferred = await intakeFor('周划转', transferredItem, { decision: { type: 'accept' } });
    expect(await idsIn(reviewer, { box: 'todo', q: '周划转' })).toEqual(new Set([transferred.id]));
    expect(await idsIn(reviewerElsewhere, { box: 'todo', q: '周划转' })).toEqual(new Set());
    expect(await idsIn(reviewerElsewhere, { box: 'all', q: '周划转' })).toEqual(new Set());
    const view = await reviewer.get(`/api/cases/${transferred.id}`);
    expect(view.json<{ department: { name: string } }>().department.name).toBe('石家庄市行政审批局');
    await actOk(reviewer, transferred.id, { type: 'complete_step', opinion: '审核同意' });
  });

  it('the search finds a case by its number, in full or in part, or by the applicant’s name; the status filter narrows any box', async () => {
    const received = (await page(clerk, { box: 'all', ...q })).items.find((i) => i.id === c.received)!;
    expect(await idsIn(clerk, { box: 'all', q: received.number })).toEqual(set('received'));
    expect(await idsIn(clerk, { box: 'all', q: received.number.slice(-9) })).toEqual(set('received'));
    expect(await idsIn(clerk, { box: 'all', q: '孙列' })).toEqual(set('received', 'inReview', 'dueSoon', 'suspended', 'overdue', 'decided'));
    expect(await idsIn(clerk, { box: 'all', q: '没有这个人' })).toEqual(new Set());
    expect(await idsIn(supervisor, { box: 'all', ...q, status: 'suspended' })).toEqual(set('suspended'));
    expect(await idsIn(clerk, { box: 'todo', ...q, status: 'decided' })).toEqual(set('decided'));
    // LIKE wildcards in the search are taken literally.
    expect(await idsIn(clerk, { box: 'all', q: '%' })).toEqual(new Set());
  });
});

describe('personal data in lists', () => {
  it('a worklist shows the applicant’s ID number masked', async () => {
    const response = await clerk.get('/api/cases', { query: { box: 'all', q: '钱分页' } });
    const items = response.json<Page>().items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.applicantIdNumber).toBe(maskIdNumber(PERSON.idNumber));
    expect(response.body).not.toContain(PERSON.idNumber);
  });

  it('the case file shows staff the ID and mobile numbers of the application form masked, the applicant their own in full', async () => {
    const created = await intakeFor('周表单', fiveDayItem);
    const file = await clerk.get(`/api/cases/${created.id}`);
    expect(file.json().formData).toMatchObject({ operatorName: FORM_DATA.operatorName, operatorId: maskIdNumber(FORM_DATA.operatorId), phone: maskPhone(FORM_DATA.phone) });
    expect(file.body).not.toContain(FORM_DATA.operatorId);
    const owner = await loginApplicant(t.app, DEMO.person.phone);
    expect((await owner.get(`/api/cases/${created.id}`)).json().formData).toEqual(FORM_DATA);
  });

  it('staff reading the full ID number is audited as personal_data.read; the applicant reads their own without it; others get 404', async () => {
    const created = await intakeFor('周全号', fiveDayItem);
    const full = await clerk.get(`/api/cases/${created.id}/applicant`);
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({ name: '周全号', idNumber: PERSON.idNumber, phone: PERSON.phone });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'personal_data.read').where('target_id', '=', created.id).execute();
    expect(audit).toEqual([expect.objectContaining({ actor_name: '李窗口', target_type: 'case', outcome: 'success', detail: { fields: ['applicant_id_number', 'applicant_phone', 'form_data'] } })]);
    expect(full.json().formData).toEqual(FORM_DATA);

    const owner = await loginApplicant(t.app, DEMO.person.phone);
    expect((await owner.get(`/api/cases/${created.id}/applicant`)).json()).toMatchObject({ idNumber: PERSON.idNumber });
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'personal_data.read').where('target_id', '=', created.id).execute()).toHaveLength(1);
    const stranger = await loginApplicant(t.app, DEMO.company.phone);
    expect((await stranger.get(`/api/cases/${created.id}/applicant`)).statusCode).toBe(404);
  });
});
