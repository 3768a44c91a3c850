// Identity: staff and applicant login, lock-out, TOTP, sessions and CSRF, and applicant registration with an SMS code.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { usccCheckChar } from '@onewindow/domain';
import { sha256 } from '../src/platform/request-context.ts';
import { SESSION_CACHE_MS } from '../src/platform/session-cache.ts';
import { DEMO_ADMIN_TOTP_SECRET } from '../src/seed/demo.ts';
import {
  addStaff, anonymous, clientFromLogin, invalidTotpCode, countRows, createTestApp, DEMO, DEMO_PASSWORD, loginApplicant, loginStaff, residentId,
  totpForStep, unusedTotpCode, waitFor, type TestApp,
} from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const STRONG_PASSWORD = 'Apply#2026';

describe('staff login', () => {
  it('signs a clerk in with the right password: an httpOnly SameSite cookie, a CSRF token, and who they are', async () => {
    const res = await anonymous(t.app).post('/api/auth/staff/login', { username: 'clerk', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ow_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = res.json();
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.me).toMatchObject({ kind: 'staff', username: 'clerk', name: '李窗口', roles: [{ role: 'clerk', regionCode: '1301', regionName: '石家庄市' }] });
    const me = await clientFromLogin(t.app, res, 'clerk').get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ me: { username: 'clerk' }, csrfToken: body.csrfToken });
  });

  it('usernames are not case-sensitive', async () => {
    const res = await anonymous(t.app).post('/api/auth/staff/login', { username: 'Clerk', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
  });

  it('a wrong password and an unknown username get the same 401, so accounts cannot be discovered', async () => {
    const wrong = await anonymous(t.app).post('/api/auth/staff/login', { username: 'reviewer', password: 'Wrong@2026' });
    const unknown = await anonymous(t.app).post('/api/auth/staff/login', { username: 'nobody', password: 'Wrong@2026' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', title: '用户名或密码错误' });
      expect(res.cookies).toEqual([]);
    }
  });

  it('five wrong passwords within 15 minutes lock the account (423), even against the right password afterwards', async () => {
    await addStaff(t.app, { username: 'lockme', roles: [{ role: 'clerk', regionCode: '1301' }] });
    for (let i = 1; i <= 5; i++) {
      const res = await anonymous(t.app).post('/api/auth/staff/login', { username: 'lockme', password: `Wrong@${i}` });
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    const right = await anonymous(t.app).post('/api/auth/staff/login', { username: 'lockme', password: DEMO_PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(right.json().title).toContain('15 分钟');
    expect(right.cookies).toEqual([]);
    // Other accounts are not affected.
    expect((await anonymous(t.app).post('/api/auth/staff/login', { username: 'clerk', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('the lock lifts once the failures are older than the 15-minute window', async () => {
    await addStaff(t.app, { username: 'lockme2', roles: [{ role: 'clerk', regionCode: '1301' }] });
    for (let i = 1; i <= 5; i++) await anonymous(t.app).post('/api/auth/staff/login', { username: 'lockme2', password: `Wrong@${i}` });
    expect((await anonymous(t.app).post('/api/auth/staff/login', { username: 'lockme2', password: DEMO_PASSWORD })).statusCode).toBe(423);
    await sql`UPDATE login_failures SET at = now() - interval '16 minutes' WHERE account_key = 'staff:lockme2'`.execute(t.db);
    expect((await anonymous(t.app).post('/api/auth/staff/login', { username: 'lockme2', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('a successful login clears earlier failures, so four mistakes a day never add up to a lock', async () => {
    await addStaff(t.app, { username: 'forgetful', roles: [{ role: 'clerk', regionCode: '1301' }] });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await anonymous(t.app).post('/api/auth/staff/login', { username: 'forgetful', password: 'Wrong@2026' });
      expect((await anonymous(t.app).post('/api/auth/staff/login', { username: 'forgetful', password: DEMO_PASSWORD })).statusCode).toBe(200);
    }
  });

  it('a deactivated staff member cannot sign in', async () => {
    const id = await addStaff(t.app, { username: 'departed', roles: [{ role: 'clerk', regionCode: '1301' }] });
    await t.db.updateTable('staff').set({ active: false }).where('id', '=', id).execute();
    const res = await anonymous(t.app).post('/api/auth/staff/login', { username: 'departed', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
  });
});

describe('TOTP (动态口令) for system administrators', () => {
  it('the admin password alone is not enough: 401 TOTP_REQUIRED, and no session', async () => {
    const res = await anonymous(t.app).post('/api/auth/staff/login', { username: 'admin', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'TOTP_REQUIRED' });
    expect(res.cookies).toEqual([]);
  });

  it('a wrong code is refused with 401 TOTP_INVALID', async () => {
    const res = await anonymous(t.app).post('/api/auth/staff/login', { username: 'admin', password: DEMO_PASSWORD, totp: invalidTotpCode(DEMO_ADMIN_TOTP_SECRET, 'admin') });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'TOTP_INVALID' });
  });

  it('the current code signs the admin in; the same code used again is refused as a replay', async () => {
    const code = (await unusedTotpCode(t.app, 'admin'))!;
    const first = await anonymous(t.app).post('/api/auth/staff/login', { username: 'admin', password: DEMO_PASSWORD, totp: code });
    expect(first.statusCode).toBe(200);
    expect(first.json().me).toMatchObject({ username: 'admin', totpEnabled: true });
    const replay = await anonymous(t.app).post('/api/auth/staff/login', { username: 'admin', password: DEMO_PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'TOTP_INVALID' });
  });

  it('a code with the wrong password is still a wrong password (the code is not checked first)', async () => {
    const res = await anonymous(t.app).post('/api/auth/staff/login', { username: 'admin', password: 'Wrong@2026', totp: '123456' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
  });

  it('a staff member who sets up and enables TOTP must give a code from then on', async () => {
    await addStaff(t.app, { username: 'careful', roles: [{ role: 'clerk', regionCode: '1301' }] });
    const careful = await loginStaff(t.app, 'careful');
    const setup = await careful.post('/api/auth/staff/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json() as { secret: string; otpauthUrl: string };
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await careful.post('/api/auth/staff/totp/enable', { code: invalidTotpCode(secret, 'careful') });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'TOTP_INVALID', errors: [{ path: '/code' }] });
    const enabled = await careful.post('/api/auth/staff/totp/enable', { code: totpForStep(secret, 'careful', Math.floor(Date.now() / 30_000)) });
    expect(enabled.statusCode).toBe(200);
    const noCode = await anonymous(t.app).post('/api/auth/staff/login', { username: 'careful', password: DEMO_PASSWORD });
    expect(noCode.json()).toMatchObject({ code: 'TOTP_REQUIRED' });
    expect((await loginStaff(t.app, 'careful')).me).toMatchObject({ totpEnabled: true });
  });

  it('applicants have no TOTP to set up', async () => {
    const applicant = await loginApplicant(t.app, DEMO.person.phone);
    expect((await applicant.post('/api/auth/staff/totp/setup')).statusCode).toBe(403);
  });
});

describe('sessions and CSRF', () => {
  it('logout ends the session: the cookie is cleared and the old token no longer works', async () => {
    const clerk = await loginStaff(t.app, 'clerk');
    const res = await clerk.post('/api/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'ow_session')).toMatchObject({ value: '' });
    expect(await t.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', sha256(clerk.sessionToken!)).executeTakeFirst()).toBeUndefined();
    const after = await clerk.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('logging out one session leaves the same person’s other sessions alone', async () => {
    const desk = await loginStaff(t.app, 'reviewer');
    const laptop = await loginStaff(t.app, 'reviewer');
    await desk.post('/api/auth/logout');
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('an expired session is treated as signed out (401), at the moment it expires', async () => {
    const clerk = await loginStaff(t.app, 'clerk');
    const search = () => clerk.get('/api/identity/applicants', { query: { phone: DEMO.person.phone } });
    expect((await search()).statusCode).toBe(200);
    const { expires_at: expiresAt } = await t.db.selectFrom('sessions').select('expires_at').where('token_hash', '=', sha256(clerk.sessionToken!)).executeTakeFirstOrThrow();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(expiresAt.getTime() + 1);
      expect((await search()).statusCode).toBe(401);
      expect((await clerk.get('/api/auth/me')).statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a session ended behind this server’s back (by another server, or in the database) stops working within seconds', async () => {
    const clerk = await loginStaff(t.app, 'clerk');
    expect((await clerk.get('/api/auth/me')).statusCode).toBe(200);
    await t.db.deleteFrom('sessions').where('token_hash', '=', sha256(clerk.sessionToken!)).execute();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + SESSION_CACHE_MS);
      expect((await clerk.get('/api/auth/me')).statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a cookie that names no session is anonymous, not an error', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { ow_session: 'forged-token' } });
    expect(res.statusCode).toBe(401);
  });

  it('a cookie-authenticated write without the x-csrf-token header is refused (403 CSRF_TOKEN_INVALID) and changes nothing', async () => {
    const manager = await loginStaff(t.app, 'hallmgr');
    const before = await countRows(t.db, 'halls');
    const hall = { name: 'CSRF 测试大厅', regionCode: '1301', address: '', phone: '', openingHours: '' };
    const missing = await manager.post('/api/org/halls', hall, { csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID', title: '页面已过期，请刷新后重试' });
    const wrong = await manager.post('/api/org/halls', hall, { headers: { 'x-csrf-token': 'x'.repeat(manager.csrfToken!.length) } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    const otherSessions = await loginStaff(t.app, 'hallmgr');
    const borrowed = await manager.post('/api/org/halls', hall, { headers: { 'x-csrf-token': otherSessions.csrfToken! } });
    expect(borrowed.statusCode).toBe(403);
    expect(await countRows(t.db, 'halls')).toBe(before);
    expect((await manager.post('/api/org/halls', hall)).statusCode).toBe(201);
    expect(await countRows(t.db, 'halls')).toBe(before + 1);
  });

  it('CSRF is checked on logout too, so a forged link cannot sign someone out', async () => {
    const clerk = await loginStaff(t.app, 'clerk');
    expect((await clerk.post('/api/auth/logout', undefined, { csrf: false })).statusCode).toBe(403);
    expect((await clerk.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('applicant registration and login', () => {
  /** Asks for a registration code and reads it from the SMS outbox once the dispatcher has delivered it. */
  async function requestCode(phone: string, remoteAddress?: string): Promise<string> {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/applicant/sms-code', payload: { phone, purpose: 'register' }, remoteAddress });
    expect(res.statusCode, res.body).toBe(202);
    const message = await waitFor(
      () => t.db.selectFrom('sms_outbox').selectAll().where('phone', '=', phone).where('status', '=', 'sent').orderBy('id', 'desc').executeTakeFirst(),
      `the SMS to ${phone} to be sent`,
    );
    return /(\d{6})/.exec(message.text)![1]!;
  }

  const person = (phone: string, idNumber: string, smsCode: string) => ({
    kind: 'person', name: '王五', idNumber, phone, smsCode, password: STRONG_PASSWORD,
  });

  it('asking for a code puts a message in the SMS outbox, which the dispatcher delivers (status sent)', async () => {
    const res = await anonymous(t.app).post('/api/auth/applicant/sms-code', { phone: '13900000101', purpose: 'register' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: true, resendAfterSeconds: 60 });
    const queued = await t.db.selectFrom('sms_outbox').selectAll().where('phone', '=', '13900000101').executeTakeFirstOrThrow();
    expect(queued.text).toMatch(/^【一窗通办】您的注册验证码为 \d{6}，10分钟内有效/);
    expect(queued.purpose).toBe('register');
    const sent = await waitFor(
      () => t.db.selectFrom('sms_outbox').selectAll().where('id', '=', queued.id).where('status', '=', 'sent').executeTakeFirst(),
      'the dispatcher to send the code',
    );
    expect(sent).toMatchObject({ attempts: 1, last_error: null });
    expect(sent.sent_at).toBeInstanceOf(Date);
    // The database keeps a hash of the code, never the code itself.
    const stored = await t.db.selectFrom('sms_codes').select('code_hash').where('phone', '=', '13900000101').executeTakeFirstOrThrow();
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a second code for the same phone within 60 seconds is refused (429 SMS_TOO_FREQUENT)', async () => {
    await requestCode('13900000102');
    const again = await anonymous(t.app).post('/api/auth/applicant/sms-code', { phone: '13900000102', purpose: 'register' });
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: 'SMS_TOO_FREQUENT' });
    expect(await t.db.selectFrom('sms_outbox').select('id').where('phone', '=', '13900000102').execute()).toHaveLength(1);
  });

  it('no code is sent to something that is not a mobile number', async () => {
    const before = await countRows(t.db, 'sms_outbox');
    const res = await anonymous(t.app).post('/api/auth/applicant/sms-code', { phone: '0311-1234567', purpose: 'register' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ path: '/phone', message: '手机号码应为11位，以1开头' }] });
    expect(await countRows(t.db, 'sms_outbox')).toBe(before);
  });

  it('registering with an ID number whose check digit is wrong is a 400 on /idNumber in Chinese, and creates nobody', async () => {
    const code = await requestCode('13900000103');
    const before = await countRows(t.db, 'applicants');
    const res = await anonymous(t.app).post('/api/auth/applicant/register', person('13900000103', '130102199003075315', code));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/idNumber', message: '身份证号码校验位不正确，请核对后重新输入' }] });
    expect(await countRows(t.db, 'applicants')).toBe(before);
    expect(res.cookies).toEqual([]);
  });

  it('an impossible birth date in the ID number is refused the same way', async () => {
    const res = await anonymous(t.app).post('/api/auth/applicant/register', person('13900000103', residentId('13010219900230531'), '000000'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: '/idNumber', message: '身份证号码中的出生日期不存在' }]);
  });

  it('every problem in the form is reported at once: ID number, phone, weak password', async () => {
    const res = await anonymous(t.app).post('/api/auth/applicant/register', { kind: 'person', name: '王五', phone: '123', smsCode: '000000', password: 'weak' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['/idNumber', '/phone', '/password']);
  });

  it('a wrong SMS code is refused with SMS_CODE_INVALID on /smsCode, and nobody is created', async () => {
    const code = await requestCode('13900000104');
    const before = await countRows(t.db, 'applicants');
    const wrong = code === '999999' ? '999998' : '999999';
    const res = await anonymous(t.app).post('/api/auth/applicant/register', person('13900000104', residentId('13010219850101123'), wrong));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SMS_CODE_INVALID', errors: [{ path: '/smsCode', message: '验证码错误' }] });
    expect(await countRows(t.db, 'applicants')).toBe(before);
  });

  it('a code guessed wrong five times is used up, even for the right code afterwards', async () => {
    const code = await requestCode('13900000105');
    const wrong = code === '999999' ? '999998' : '999999';
    const body = (smsCode: string) => person('13900000105', residentId('13010219850101124'), smsCode);
    for (let i = 0; i < 5; i++) expect((await anonymous(t.app).post('/api/auth/applicant/register', body(wrong))).statusCode).toBe(400);
    const res = await anonymous(t.app).post('/api/auth/applicant/register', body(code));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SMS_CODE_INVALID', errors: [{ path: '/smsCode', message: '验证码已失效，请重新获取' }] });
  });

  it('registering with the right code creates the applicant (201) and signs them in', async () => {
    const code = await requestCode('13900000106');
    const idNumber = residentId('13010219850101125');
    const res = await anonymous(t.app).post('/api/auth/applicant/register', person('13900000106', idNumber.toLowerCase(), code));
    expect(res.statusCode).toBe(201);
    expect(res.json().me).toMatchObject({ kind: 'applicant', applicantType: 'person', name: '王五', phoneMasked: '139****0106', idNumberMasked: `1301**********${idNumber.slice(-4)}` });
    const applicant = clientFromLogin(t.app, res, 'new applicant');
    expect((await applicant.get('/api/auth/me')).json().me.kind).toBe('applicant');
    const own = await applicant.get(`/api/identity/applicants/${applicant.me!.id}/personal-data`);
    expect(own.json()).toMatchObject({ idNumber, phone: '13900000106' });
    // The code is spent: it cannot register anyone else.
    const reuse = await anonymous(t.app).post('/api/auth/applicant/register', person('13900000106', residentId('13010219850101126'), code));
    expect(reuse.statusCode).toBe(409);
  });

  it('a phone or ID number that is already registered is a 409 on that field', async () => {
    const code = await requestCode('13900000107');
    const phoneTaken = await anonymous(t.app).post('/api/auth/applicant/register', person(DEMO.person.phone, residentId('13010219850101127'), code));
    expect(phoneTaken.statusCode).toBe(409);
    expect(phoneTaken.json()).toMatchObject({ code: 'APPLICANT_EXISTS', errors: [{ path: '/phone', message: '该手机号已注册，请直接登录' }] });
    const idTaken = await anonymous(t.app).post('/api/auth/applicant/register', person('13900000107', DEMO.person.idNumber, code));
    expect(idTaken.statusCode).toBe(409);
    expect(idTaken.json().errors).toEqual([{ path: '/idNumber', message: '该身份证号码已注册' }]);
  });

  it('two registrations of one ID number at once: one account is made, the other is told the number is registered (409, never 500)', async () => {
    const idNumber = residentId('13010219850101128');
    // From an address of their own: the codes the other specs asked for count against 127.0.0.1's limit.
    const codes = await Promise.all(['13900000118', '13900000119'].map((phone) => requestCode(phone, '10.0.0.8')));
    const responses = await Promise.all([
      anonymous(t.app).post('/api/auth/applicant/register', person('13900000118', idNumber, codes[0]!)),
      anonymous(t.app).post('/api/auth/applicant/register', person('13900000119', idNumber, codes[1]!)),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json().errors).toEqual([{ path: '/idNumber', message: '该身份证号码已注册' }]);
    expect(await t.db.selectFrom('applicants').select('id').where('id_number', '=', idNumber).execute()).toHaveLength(1);
  });

  it('a company with a wrong unified social credit code or no legal representative is refused field by field', async () => {
    const before = await countRows(t.db, 'applicants');
    const body17 = '91130100MA0REG001';
    const wrongCheck = body17 + (usccCheckChar(body17) === '0' ? '1' : '0');
    const res = await anonymous(t.app).post('/api/auth/applicant/register', {
      kind: 'company', name: '示例有限公司', uscc: wrongCheck, phone: '13900000108', smsCode: '000000', password: STRONG_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: '/uscc', message: '统一社会信用代码校验位不正确，请核对后重新输入' },
      { path: '/legalRepresentative', message: '请填写法定代表人姓名' },
    ]);
    expect(await countRows(t.db, 'applicants')).toBe(before);
  });

  it('a company registers with a valid code and legal representative', async () => {
    const code = await requestCode('13900000109');
    const body17 = '91130100MA0REG002';
    const res = await anonymous(t.app).post('/api/auth/applicant/register', {
      kind: 'company', name: '示例二号有限公司', uscc: body17 + usccCheckChar(body17), legalRepresentative: '赵六', phone: '13900000109', smsCode: code, password: STRONG_PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().me).toMatchObject({ applicantType: 'company', legalRepresentative: '赵六', usccMasked: expect.stringMatching(/^9113\*{10}/) });
  });

  it('an applicant signs in with phone and password; a wrong password is a 401 in Chinese', async () => {
    const ok = await anonymous(t.app).post('/api/auth/applicant/login', { phone: DEMO.person.phone, password: DEMO_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().me).toMatchObject({ kind: 'applicant', name: '张三', idNumberMasked: '1301**********5314' });
    const wrong = await anonymous(t.app).post('/api/auth/applicant/login', { phone: DEMO.person.phone, password: 'Wrong@2026' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', title: '手机号或密码错误' });
  });

  it('five wrong applicant passwords lock that phone too', async () => {
    for (let i = 0; i < 5; i++) await anonymous(t.app).post('/api/auth/applicant/login', { phone: DEMO.company.phone, password: 'Wrong@2026' });
    const res = await anonymous(t.app).post('/api/auth/applicant/login', { phone: DEMO.company.phone, password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(423);
    expect(res.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });
});
