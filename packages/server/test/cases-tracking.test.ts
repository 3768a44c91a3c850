// Public tracking (办件查询): anyone with the number and the last six of the ID number follows a case, seeing its
// steps without names, opinions or internal back-and-forth; guessing is slowed to 20 lookups a minute per address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, loginStaff, type Client, type TestApp } from './harness.ts';
import { publishCaseItem, windowIntake } from './fixtures/cases.ts';
import { actOk, openCase, type Created, secondReviewer } from './fixtures/case-api.ts';

let t: TestApp;
let clerk: Client;
let reviewer: Client;
let reviewer2: Client;
let created: Created;

beforeAll(async () => {
  t = await createTestApp();
  clerk = await loginStaff(t.app, 'clerk');
  reviewer = await loginStaff(t.app, 'reviewer');
  reviewer2 = await secondReviewer(t);
  const itemCode = await publishCaseItem(t, await loginStaff(t.app, 'catalog'), await loginStaff(t.app, 'catalog2'));
  created = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
});

afterAll(async () => {
  await t?.close();
});

const track = (client: Client, idSuffix = '075314') => client.get('/api/track', { query: { number: created.number, idSuffix } });

describe('public tracking', () => {
  it('shows the steps taken, without names, opinions, send-backs or an extension not yet approved', async () => {
    await actOk(reviewer, created.id, { type: 'complete_step', opinion: '内部意见：材料齐全' });
    await actOk(reviewer, created.id, { type: 'send_back', toStepId: 'review', opinion: '内部意见：再审' });
    await actOk(reviewer, created.id, { type: 'request_extension', workdays: 3, reason: '内部原因：待征求意见' });

    const response = await track(anonymous(t.app));
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json<{ statusLabel: string; dueDate: string; timeline: { label: string; step: string | null }[] }>();
    expect(view.statusLabel).toBe('审查中');
    expect(view.timeline.map((e) => e.label)).toEqual(['收件', '受理', '审查']);
    expect(response.body).not.toContain('内部');
    expect(response.body).not.toContain('李四');
    expect(response.body).not.toContain('赵审批');

    await actOk(reviewer2, created.id, { type: 'decide_extension', approve: true, opinion: '同意' });
    const approved = (await track(anonymous(t.app))).json<{ timeline: { label: string }[] }>();
    expect(approved.timeline.map((e) => e.label)).toEqual(['收件', '受理', '审查', '延期审批']);
  });

  it('a wrong ID suffix answers like an unknown number (404), and a mistyped number is caught by its check character (400)', async () => {
    const visitor = anonymous(t.app);
    expect((await track(visitor, '000000')).statusCode).toBe(404);
    const digits = created.number.split('');
    digits[20] = digits[20] === '9' ? '8' : String(Number(digits[20]) + 1);
    const typo = await visitor.get('/api/track', { query: { number: digits.join(''), idSuffix: '075314' } });
    expect(typo.statusCode).toBe(400);
    expect(typo.json<{ code: string }>().code).toBe('CASE_NUMBER_INVALID');
  });

  it('more than 20 lookups a minute from one address are refused with 429 RATE_LIMITED; another address is not affected', async () => {
    const guesser = anonymous(t.app);
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) answers.push((await track(guesser, String(100000 + i))).statusCode);
    expect(answers).toEqual(Array(20).fill(404));

    const limited = await track(guesser);
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ code: string }>().code).toBe('RATE_LIMITED');
    expect((await track(anonymous(t.app))).statusCode).toBe(200);
  });
});
