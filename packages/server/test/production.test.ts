// Demo data loaded into a database that later runs in production must not open it: the shared demo password and the
// demo administrator's TOTP secret are refused when NODE_ENV=production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, anonymous, createTestApp, DEMO_PASSWORD, loginStaff, unusedTotpCode, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { production: true } });
});
afterAll(() => t?.close());

describe('demo credentials in production', () => {
  it('a staff login with the demo password is refused with its own code, and audited as failed', async () => {
    const r = await anonymous(t.app).post('/api/auth/staff/login', { username: 'clerk', password: DEMO_PASSWORD });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('DEMO_CREDENTIALS_REFUSED');
    const record = await t.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ action: 'auth.staff_login', outcome: 'failed', detail: { reason: 'demo-credentials' } });
  });

  it('the demo administrator is refused even with a correct TOTP code', async () => {
    const totp = await unusedTotpCode(t.app, 'admin');
    const r = await anonymous(t.app).post('/api/auth/staff/login', { username: 'admin', password: DEMO_PASSWORD, totp });
    expect(r.json().code).toBe('DEMO_CREDENTIALS_REFUSED');
  });

  it('an applicant login with the demo password is refused', async () => {
    const r = await anonymous(t.app).post('/api/auth/applicant/login', { phone: '13800000001', password: DEMO_PASSWORD });
    expect(r.json().code).toBe('DEMO_CREDENTIALS_REFUSED');
  });

  it('an account with its own password logs in as usual', async () => {
    await addStaff(t.app, { username: 'realclerk', roles: [{ role: 'clerk', regionCode: '1301' }], password: 'Real#Passw0rd' });
    const client = await loginStaff(t.app, 'realclerk', 'Real#Passw0rd');
    expect(client.me).toMatchObject({ username: 'realclerk' });
  });
});
