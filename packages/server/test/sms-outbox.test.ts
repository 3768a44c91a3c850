// The SMS outbox: a message is stored in the transaction of the step that caused it and delivered afterwards, so a
// gateway outage loses nothing and a rolled-back step sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueSms, SmsDispatcher, type SmsGateway } from '../src/platform/sms.ts';
import { anonymous, createTestApp, waitFor, type TestApp } from './harness.ts';

/** A gateway that fails while `broken`, and records what it delivered. */
class FlakyGateway implements SmsGateway {
  readonly name = 'flaky';
  broken = true;
  readonly delivered: { phone: string; text: string }[] = [];
  async send(message: { phone: string; text: string }): Promise<void> {
    if (this.broken) throw new Error('短信网关连接超时');
    this.delivered.push(message);
  }
}

const silentLog = { warn() {}, info() {}, error() {}, debug() {} } as never;

let t: TestApp;
const gateway = new FlakyGateway();
beforeAll(async () => {
  t = await createTestApp({ smsGateway: gateway });
});
afterAll(() => t?.close());

const outboxRow = (phone: string) => t.db.selectFrom('sms_outbox').selectAll().where('phone', '=', phone).executeTakeFirst();

describe('SMS delivery through the outbox', () => {
  it('with the gateway down, the code request still succeeds and the message waits, pending, with its attempts counted', async () => {
    gateway.broken = true;
    const res = await anonymous(t.app).post('/api/auth/applicant/sms-code', { phone: '13700000001', purpose: 'register' });
    expect(res.statusCode).toBe(202);
    const failed = await waitFor(async () => {
      const row = await outboxRow('13700000001');
      return row && row.attempts >= 1 ? row : undefined;
    }, 'the first delivery attempt');
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: '短信网关连接超时', sent_at: null });

    await t.app.sms.kick();
    await waitFor(async () => ((await outboxRow('13700000001'))?.attempts ?? 0) >= 2, 'the retry');
    expect(await outboxRow('13700000001')).toMatchObject({ status: 'pending', attempts: 2 });
    expect(gateway.delivered).toEqual([]);
  });

  it('once the gateway works again the waiting message is sent exactly once, text unchanged', async () => {
    const waiting = (await outboxRow('13700000001'))!;
    gateway.broken = false;
    await t.app.sms.kick();
    const sent = await waitFor(async () => {
      const row = await outboxRow('13700000001');
      return row?.status === 'sent' ? row : undefined;
    }, 'delivery after the outage');
    expect(sent).toMatchObject({ attempts: 3, last_error: null });
    await t.app.sms.kick();
    await t.app.sms.kick();
    expect(gateway.delivered).toEqual([{ phone: '13700000001', text: waiting.text }]);
  });

  it('a message that keeps failing is marked failed after five attempts and not retried again', async () => {
    gateway.broken = true;
    await t.db.transaction().execute((trx) => enqueueSms(trx, { phone: '13700000002', text: '【一窗通办】测试消息', purpose: 'test' }));
    for (let attempt = 1; attempt <= 5; attempt++) {
      await t.app.sms.kick();
      await waitFor(async () => ((await outboxRow('13700000002'))?.attempts ?? 0) >= attempt, `attempt ${attempt}`);
    }
    expect(await outboxRow('13700000002')).toMatchObject({ status: 'failed', attempts: 5 });
    gateway.broken = false;
    await t.app.sms.kick();
    await t.app.sms.kick();
    expect(await outboxRow('13700000002')).toMatchObject({ status: 'failed', attempts: 5 });
    expect(gateway.delivered.some((m) => m.phone === '13700000002')).toBe(false);
  });

  it('a step that rolls back sends nothing: its message never reaches the outbox', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueSms(trx, { phone: '13700000003', text: '【一窗通办】不应发出', purpose: 'test' });
        throw new Error('the step failed');
      }),
    ).rejects.toThrow('the step failed');
    await t.app.sms.kick();
    expect(await outboxRow('13700000003')).toBeUndefined();
  });

  it('a backlog larger than one batch is drained by one kick', async () => {
    gateway.broken = false;
    const phones = Array.from({ length: 45 }, (_, i) => `1360000${String(i).padStart(4, '0')}`);
    await t.db.insertInto('sms_outbox').values(phones.map((phone) => ({ phone, text: '【一窗通办】批量', purpose: 'test' }))).execute();
    const before = gateway.delivered.length;
    await t.app.sms.kick();
    await waitFor(async () => {
      const pending = await t.db.selectFrom('sms_outbox').select('id').where('status', '=', 'pending').execute();
      return pending.length === 0;
    }, 'the backlog to drain');
    expect(gateway.delivered.length - before).toBe(45);
  });

  it('two servers draining one outbox at once send each message once', async () => {
    const phones = Array.from({ length: 30 }, (_, i) => `1350000${String(i).padStart(4, '0')}`);
    await t.db.insertInto('sms_outbox').values(phones.map((phone) => ({ phone, text: '【一窗通办】并发', purpose: 'test' }))).execute();
    const a = new FlakyGateway();
    const b = new FlakyGateway();
    a.broken = b.broken = false;
    await Promise.all([new SmsDispatcher(t.db, a, silentLog).kick(), new SmsDispatcher(t.db, b, silentLog).kick()]);
    const delivered = [...a.delivered, ...b.delivered].map((m) => m.phone).sort();
    expect(delivered).toEqual(phones);
  });
});
