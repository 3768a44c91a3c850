// The deadline clock (承诺办结时限) through the HTTP API, on the official calendar: 调休 make-up workdays count,
// statutory holidays do not; hour limits count working hours; a 即办件 is due the day it is accepted. 特别程序 pauses the
// clock and moves the due date, an approved 延期 adds its working days (a second person approves, 10 at most), the
// deadline watch turns cases yellow and red and tells the staff, and a year without calendar data is never guessed.
//
// "Now" is set with fake timers (only Date is faked, so the database and I/O run as usual). Sessions are opened at the
// real time, before any fake date, so they stay valid on the earlier days the tests go back to.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCalendarDays, ANNOUNCED_YEARS, chineseDate, LAST_ANNOUNCED_YEAR, expandAnnouncedYear, parseCaseNumber, WorkingCalendar } from '@onewindow/domain';
import { addStaff, countRows, createTestApp, DEMO, loginApplicant, loginStaff, type Client, type TestApp } from './harness.ts';
import { allMaterials, caseGuide, publishCaseItem, windowIntake } from './fixtures/cases.ts';
import { deadlineJob } from '../src/modules/cases/deadline-job.ts';
import { actOk, expectRefused, inbox, openCase, readCase, watchDeadlinesAt, secondReviewer, signInAtWindow } from './fixtures/case-api.ts';

let t: TestApp;
let clerk: Client;
let reviewer: Client;
let reviewer2: Client;
let hallManager: Client;
let supervisor: Client;
let applicant: Client;
/** 承诺件, 5 working days */
let fiveDayItem: string;
/** 4 working hours */
let hourItem: string;
/** 即办件 */
let immediateItem: string;

beforeAll(async () => {
  t = await createTestApp({ shippedCalendarOnly: true });
  clerk = await loginStaff(t.app, 'clerk');
  reviewer = await loginStaff(t.app, 'reviewer');
  hallManager = await loginStaff(t.app, 'hallmgr');
  supervisor = await loginStaff(t.app, 'supervisor');
  applicant = await loginApplicant(t.app, DEMO.person.phone);
  reviewer2 = await secondReviewer(t);
  const catalog = await loginStaff(t.app, 'catalog');
  const catalog2 = await loginStaff(t.app, 'catalog2');
  fiveDayItem = await publishCaseItem(t, catalog, catalog2);
  hourItem = await publishCaseItem(t, catalog, catalog2, caseGuide({ promisedLimit: { amount: 4, unit: 'hour', note: '' } }));
  immediateItem = await publishCaseItem(t, catalog, catalog2, caseGuide({ caseType: '1', promisedLimit: { amount: 0, unit: 'workday', note: '当场办结' } }));
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await t?.close();
});

/** From here on the server's clock reads `iso` (Beijing time in the tests' dates). */
function setNow(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

/** A window case accepted on the spot at `iso`. */
async function acceptedAt(iso: string, itemCode = fiveDayItem) {
  setNow(iso);
  return openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
}

describe('the due date on the official calendar', () => {
  it('a case accepted on Friday 2025-09-26 with 5 working days is due 2025-10-10: the make-up Sunday counts, National Day does not', async () => {
    // 9-28 (Sun, 调休) 1, 9-29 2, 9-30 3, 10-1…10-8 holidays, 10-9 4, 10-10 5.
    const created = await acceptedAt('2025-09-26T10:00:00+08:00');
    expect(created.dueDate).toBe('2025-10-10');
    expect(parseCaseNumber(created.number)?.date).toBe('2025-09-26');
    const view = await readCase(clerk, created.id);
    expect(view).toMatchObject({ dueDate: '2025-10-10', clock: 'green', acceptedAt: '2025-09-26T02:00:00.000Z' });
    expect((await inbox(applicant)).find((m) => m.caseId === created.id && m.title === '已受理')?.body).toContain('承诺办结日期2025年10月10日');
  });

  it('a case accepted on 2025-01-24, before the Spring Festival, with 5 working days is due 2025-02-07', async () => {
    // 1-26 (Sun, 调休) 1, 1-27 2, 1-28…2-4 holidays, 2-5 3, 2-6 4, 2-7 5.
    const created = await acceptedAt('2025-01-24T15:30:00+08:00');
    expect(created.dueDate).toBe('2025-02-07');
  });

  it('the acceptance day is not counted even when a case is accepted on a make-up Sunday', async () => {
    // Accepted on 9-28 (调休上班): 9-29 1, 9-30 2, 10-9 3, 10-10 4, 10-11 (Sat, 调休) 5.
    const created = await acceptedAt('2025-09-28T09:30:00+08:00');
    expect(created.dueDate).toBe('2025-10-11');
  });

  it('an hour limit counts working hours (09:00–17:00) on working days, the make-up Sunday included', async () => {
    // Accepted Friday 15:00: 2 hours that day, the other 2 on Sunday 9-28 (调休) until 11:00.
    const created = await acceptedAt('2025-09-26T15:00:00+08:00', hourItem);
    expect(created.dueDate).toBe('2025-09-28');
    const view = await readCase(clerk, created.id);
    expect(view.dueAt).toBe('2025-09-28T03:00:00.000Z');
  });

  it('a 即办件 is due the day it is accepted, and its clock shows yellow at once', async () => {
    const created = await acceptedAt('2025-09-30T11:00:00+08:00', immediateItem);
    expect(created.dueDate).toBe('2025-09-30');
    expect((await readCase(clerk, created.id)).clock).toBe('yellow');
  });
});

describe('pauses and extensions', () => {
  it('特别程序 pauses the clock; the due date moves by the working days it lasted, and the applicant is told the new date', async () => {
    const created = await acceptedAt('2025-09-26T10:00:00+08:00');
    setNow('2025-09-29T10:00:00+08:00');
    await actOk(reviewer, created.id, { type: 'start_special', kind: '1', reason: '现场核查' });
    const suspended = await readCase(reviewer, created.id);
    expect(suspended).toMatchObject({ status: 'suspended', clock: 'paused', dueDate: '2025-10-10' });
    expect(suspended.allowedActions).not.toContain('decide');

    // The pause covers the working days after 9-29 up to 10-9: 9-30 and 10-9 (National Day in between is not work).
    setNow('2025-10-09T16:00:00+08:00');
    const resumed = await actOk(reviewer, created.id, { type: 'end_special', result: '核查完毕，情况属实' });
    expect(resumed).toMatchObject({ status: 'in_review', clock: 'green' });
    // 10-10 plus 2 working days: 10-11 (Sat, 调休) and 10-13.
    expect(resumed.dueDate).toBe('2025-10-13');
    const view = await readCase(applicant, created.id);
    expect(view.state.pauses).toEqual([{ from: '2025-09-29T02:00:00.000Z', to: '2025-10-09T08:00:00.000Z' }]);
    expect(view.timeline.slice(-2).map((e) => [e.type, e.step])).toEqual([['start_special', '审核'], ['end_special', '审核']]);
    const notices = (await inbox(applicant)).filter((m) => m.caseId === created.id).map((m) => m.title);
    expect(notices).toEqual(expect.arrayContaining(['进入特别程序', '特别程序结束']));
    expect((await inbox(applicant)).find((m) => m.caseId === created.id && m.title === '特别程序结束')?.body).toContain(chineseDate('2025-10-13'));
  });

  it('an extension asked by one reviewer is approved only by someone else; it adds its working days, 10 at most in all', async () => {
    const created = await acceptedAt('2025-09-26T10:00:00+08:00');
    setNow('2025-09-29T10:00:00+08:00');
    await actOk(reviewer, created.id, { type: 'request_extension', workdays: 5, reason: '需征求相关部门意见' });
    const pending = await readCase(reviewer, created.id);
    expect(pending.state.pendingExtension).toMatchObject({ workdays: 5 });
    expect(pending.allowedActions).not.toContain('decide');
    await expectRefused(reviewer, reviewer, created.id, { type: 'request_extension', workdays: 1, reason: '再申请' }, 409, 'ILLEGAL_TRANSITION');

    const self = await expectRefused(reviewer, reviewer, created.id, { type: 'decide_extension', approve: true, opinion: '同意' }, 409, 'ILLEGAL_TRANSITION');
    expect(self.title).toBe('延期须由申请人以外的负责人批准');

    const approved = await actOk(hallManager, created.id, { type: 'decide_extension', approve: true, opinion: '同意延期5个工作日' });
    // 10-10 plus 5 working days: 10-11 (Sat, 调休), 10-13, 10-14, 10-15, 10-16.
    expect(approved.dueDate).toBe('2025-10-16');
    expect((await inbox(applicant)).find((m) => m.caseId === created.id && m.title === '办理期限延长')?.body).toContain(chineseDate('2025-10-16'));

    // 5 + 6 would exceed the legal 10.
    const tooMany = await expectRefused(reviewer, reviewer, created.id, { type: 'request_extension', workdays: 6, reason: '仍需时间' }, 409, 'ILLEGAL_TRANSITION');
    expect(tooMany.title).toContain('延期合计不得超过 10 个工作日');

    // A refused extension adds nothing.
    await actOk(reviewer, created.id, { type: 'request_extension', workdays: 2, reason: '补充核查' });
    expect((await actOk(reviewer2, created.id, { type: 'decide_extension', approve: false, opinion: '不同意' })).dueDate).toBe('2025-10-16');

    await actOk(reviewer2, created.id, { type: 'request_extension', workdays: 5, reason: '专家评审' });
    const full = await actOk(reviewer, created.id, { type: 'decide_extension', approve: true, opinion: '同意' });
    expect(full.dueDate).toBe('2025-10-23');
    const view = await readCase(reviewer, created.id);
    expect(view.state.extensionWorkdays).toBe(10);
    expect(view.allowedActions).not.toContain('request_extension');
    await expectRefused(reviewer, reviewer, created.id, { type: 'request_extension', workdays: 1, reason: '还要' }, 409, 'ILLEGAL_TRANSITION');
    expect(view.timeline.filter((e) => e.type === 'decide_extension').map((e) => e.actorName)).toEqual(['王大厅', '钱审批', '赵审批']);
  });
});

describe('the deadline watch', () => {
  it('turns a case yellow when 2 working days are left and red once overdue, telling its reviewers and the supervisor', async () => {
    const created = await acceptedAt('2025-09-26T10:00:00+08:00');
    vi.useRealTimers();
    const titles = async (client: Client) => (await inbox(client)).filter((m) => m.caseId === created.id).map((m) => m.title);

    // 9-30: 10-9 and 10-10 remain, 2 working days.
    await watchDeadlinesAt(t, new Date('2025-09-29T09:00:00+08:00'));
    expect((await readCase(reviewer, created.id)).clock).toBe('green');
    await watchDeadlinesAt(t, new Date('2025-09-30T09:00:00+08:00'));
    expect((await readCase(reviewer, created.id)).clock).toBe('yellow');
    for (const who of [reviewer, reviewer2, supervisor]) expect(await titles(who)).toEqual(['办件即将超期']);
    expect(await titles(clerk)).toEqual([]);
    const dueSoon = await reviewer.get('/api/cases?box=due_soon');
    expect(dueSoon.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(created.id);

    // Still due on 10-10 itself; overdue from 10-11 (a make-up Saturday, a working day).
    await watchDeadlinesAt(t, new Date('2025-10-10T16:00:00+08:00'));
    expect((await readCase(reviewer, created.id)).clock).toBe('yellow');
    await watchDeadlinesAt(t, new Date('2025-10-11T09:00:00+08:00'));
    expect((await readCase(reviewer, created.id)).clock).toBe('red');
    expect(await titles(supervisor)).toEqual(['办件已超期', '办件即将超期']);
    const notice = (await inbox(reviewer)).find((m) => m.caseId === created.id && m.title === '办件已超期');
    expect(notice?.body).toContain(created.number);
    expect(notice?.body).toContain('2025年10月10日');
    const overdue = await supervisor.get('/api/cases?box=overdue');
    expect(overdue.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(created.id);

    // Each colour is announced once: another run tells nobody again.
    await watchDeadlinesAt(t, new Date('2025-10-13T09:00:00+08:00'));
    expect(await titles(reviewer)).toEqual(['办件已超期', '办件即将超期']);
  });

  it('runs as a scheduled job on either database, its calendar read through the job’s own transaction', async () => {
    // On PGlite the job's transaction holds the only connection: a read through app.db inside it would wait forever.
    t.app.calendar.invalidate();
    const ran = t.app.scheduler.runOnce(deadlineJob(t.app.config));
    const timeout = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 10_000).unref());
    expect(await Promise.race([ran, timeout])).toBe(true);
  });

  it('an hour-limited case is overdue after its hour on its due date', async () => {
    const created = await acceptedAt('2025-09-26T15:00:00+08:00', hourItem);
    vi.useRealTimers();
    await watchDeadlinesAt(t, new Date('2025-09-28T10:59:00+08:00'));
    expect((await readCase(reviewer, created.id)).clock).toBe('yellow');
    await watchDeadlinesAt(t, new Date('2025-09-28T11:01:00+08:00'));
    expect((await readCase(reviewer, created.id)).clock).toBe('red');
  });
});

describe('the end of the calendar: the last year with announced holidays', () => {
  const lastYear = LAST_ANNOUNCED_YEAR;
  const calendar = new WorkingCalendar(ANNOUNCED_YEARS.map((y) => y.year), ANNOUNCED_YEARS.flatMap(expandAnnouncedYear));

  beforeAll(async () => {
    // A clerk of its own for the late days: signing in clears the account's sessions that have expired by then,
    // which would be every session the other tests opened at the real time.
    await addStaff(t.app, { username: 'clerk_dec', name: '年末窗口', roles: [{ role: 'clerk', regionCode: '1301' }] });
    await signInAtWindow(t, await loginStaff(t.app, 'clerk_dec'), 'A03');
  });

  /** The clerk's session on the (fake) day it is now. */
  const lateClerk = () => loginStaff(t.app, 'clerk_dec');

  const caseTableCounts = async () => ({ cases: await countRows(t.db, 'cases'), actions: await countRows(t.db, 'case_actions'), materials: await countRows(t.db, 'case_materials') });

  it('a case whose due date would fall in a year without calendar data is refused (422 CALENDAR_YEAR_UNKNOWN) and nothing is created', async () => {
    // At most 3 working days are left in the year after 28 December: 5 reach into the next, unknown year.
    setNow(`${lastYear}-12-28T10:00:00+08:00`);
    const clerkThen = await lateClerk();
    const before = await caseTableCounts();

    const response = await clerkThen.post('/api/cases', windowIntake(fiveDayItem, { decision: { type: 'accept' } }));
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN', year: lastYear + 1 });
    expect(await caseTableCounts()).toEqual(before);
  });

  it('a 补正 notice whose 10 working days would end in a year without calendar data is refused the same way, not as a server error', async () => {
    setNow(`${lastYear}-12-28T10:00:00+08:00`);
    const clerkThen = await lateClerk();
    const before = await caseTableCounts();
    const onTheSpot = await clerkThen.post('/api/cases', windowIntake(fiveDayItem, { materials: allMaterials({ 'id-card': 'missing' }), decision: { type: 'request_correction' } }));
    expect(onTheSpot.statusCode, onTheSpot.body).toBe(422);
    expect(onTheSpot.json()).toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN', year: lastYear + 1 });
    expect(await caseTableCounts()).toEqual(before);

    const received = await openCase(clerkThen, windowIntake(fiveDayItem, { materials: allMaterials({ 'id-card': 'missing' }) }));
    const problem = await expectRefused(clerkThen, clerkThen, received.id, { type: 'request_correction' }, 422, 'CALENDAR_YEAR_UNKNOWN');
    expect(problem.year).toBe(lastYear + 1);
  });

  it('in the last days of that year the deadline watch still turns cases yellow and red and expires corrections', async () => {
    let lastWorkday = `${lastYear}-12-31`;
    while (!calendar.isWorkday(lastWorkday)) lastWorkday = addCalendarDays(lastWorkday, -1);
    let acceptDay = lastWorkday;
    for (let back = 0; back < 5; ) {
      acceptDay = addCalendarDays(acceptDay, -1);
      if (calendar.isWorkday(acceptDay)) back++;
    }

    setNow(`${lastYear}-12-01T10:00:00+08:00`);
    let clerkThen = await lateClerk();
    const overdue = await openCase(clerkThen, windowIntake(fiveDayItem, { decision: { type: 'accept' } }));
    const correction = await openCase(clerkThen, windowIntake(fiveDayItem, { materials: allMaterials({ 'id-card': 'missing' }), decision: { type: 'request_correction' } }));
    setNow(`${acceptDay}T10:00:00+08:00`);
    clerkThen = await lateClerk();
    const dueSoon = await openCase(clerkThen, windowIntake(fiveDayItem, { decision: { type: 'accept' } }));
    expect(dueSoon.dueDate).toBe(lastWorkday);
    expect((await readCase(clerkThen, dueSoon.id)).clock).toBe('green');
    vi.useRealTimers();

    // The warning window (2 working days) reaches into the unknown year; every case due before it is within it.
    const run = await watchDeadlinesAt(t, new Date(`${lastWorkday}T09:00:00+08:00`));
    expect(run.expired).toBeGreaterThanOrEqual(1);
    expect((await readCase(reviewer, dueSoon.id)).clock).toBe('yellow');
    expect((await readCase(reviewer, overdue.id)).clock).toBe('red');
    expect((await readCase(clerk, correction.id)).state).toMatchObject({ status: 'closed', closeResult: '5' });
  });
});
