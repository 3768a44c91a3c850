// Identity: staff and applicant login, applicant registration with phone verification, TOTP enrolment, and the
// staff's look-up of applicants (masked in lists; unmasked reads are audited).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { maskIdNumber, maskPhone, maskUscc, passwordWeakness, validateMobile, validateResidentId, validateUscc } from '@onewindow/domain';
import { AppError, problems, type FieldError } from '../../platform/problem.ts';
import { hashPassword, verifyPassword, DUMMY_HASH_PROMISE } from '../../platform/passwords.ts';
import { StrictObject, NonEmpty, IdParams } from '../../platform/schemas.ts';
import { enqueueSms } from '../../platform/sms.ts';
import { startSession, endSession } from './sessions.ts';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from '../../seed/demo.ts';
import { describeMe } from './me.ts';
import {
  isLockedOut, recordLoginFailure, clearLoginFailures, newSmsCode, storeSmsCode, checkSmsCode, secondsSinceLastCode,
  CODE_RESEND_SECONDS, matchTotp, newTotpSecret, totpUri,
} from './credentials.ts';

const LOGIN_RATE = { max: 30, timeWindow: '1 minute' };
const Phone = Type.String({ minLength: 1, maxLength: 20, description: '手机号码' });
const Password = Type.String({ minLength: 1, maxLength: 128 });

/** Demo data may have been loaded into a database that now runs in production: its shared secrets must not work. */
const demoCredentialsRefused = () =>
  new AppError(403, 'DEMO_CREDENTIALS_REFUSED', '生产环境不接受演示密码或演示动态口令密钥，请联系管理员重置密码或重新绑定动态口令');
const invalidCredentials = () => new AppError(401, 'AUTH_INVALID_CREDENTIALS', '用户名或密码错误');
const locked = (minutes: number) =>
  new AppError(423, 'ACCOUNT_LOCKED', `登录失败次数过多，账号已临时锁定，请 ${minutes} 分钟后再试`);

/** What is already registered, said the same whether found before the insert or by its unique constraint. */
const ALREADY_REGISTERED = {
  phone: { path: '/phone', message: '该手机号已注册，请直接登录' },
  idNumber: { path: '/idNumber', message: '该身份证号码已注册' },
  uscc: { path: '/uscc', message: '该统一社会信用代码已注册' },
};

/** Two registrations of the same number at once: the second is told so, like one checked before it (not a 500). */
function registeredMeanwhile(error: unknown): never {
  const violation = error as { code?: string; constraint?: string };
  const byConstraint: Record<string, { path: string; message: string }> = {
    applicants_phone_key: ALREADY_REGISTERED.phone, applicants_id_number_key: ALREADY_REGISTERED.idNumber, applicants_uscc_key: ALREADY_REGISTERED.uscc,
  };
  const field = byConstraint[violation.constraint ?? ''];
  if (violation.code === '23505' && field) throw problems.conflict('APPLICANT_EXISTS', '账号已存在', [field]);
  throw error;
}

export const identityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { lockout } = app.config;

  app.post(
    '/api/auth/staff/login',
    {
      config: { action: 'public', auditAction: 'auth.staff_login', rateLimit: LOGIN_RATE },
      schema: {
        tags: ['identity'],
        summary: '工作人员登录（用户名 + 密码，需要时加动态口令）',
        body: StrictObject({ username: NonEmpty(32), password: Password, totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })) }),
      },
    },
    async (request, reply) => {
      const { username, password, totp } = request.body;
      const accountKey = `staff:${username.toLowerCase()}`;
      const auditAs = { actorKind: 'anonymous' as const, actorId: null, actorName: username, actorRole: null, targetType: 'staff', targetId: username };
      const fail = async (error: AppError, reason: string): Promise<never> => {
        await request.change(async (trx, audit) => {
          await recordLoginFailure(trx, accountKey);
          audit({ ...auditAs, outcome: 'failed', detail: { reason } });
        });
        throw error;
      };
      if (await isLockedOut(app.db, accountKey, lockout)) await fail(locked(lockout.windowMinutes), 'locked');

      const staff = await app.db.selectFrom('staff').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
      const passwordOk = await verifyPassword(staff?.password_hash ?? (await DUMMY_HASH_PROMISE), password);
      if (!staff || !passwordOk || !staff.active) await fail(invalidCredentials(), staff?.active === false ? 'inactive' : 'password');
      const account = staff!;
      if (app.config.production && (password === DEMO_PASSWORD || account.totp_secret === DEMO_ADMIN_TOTP_SECRET)) {
        await fail(demoCredentialsRefused(), 'demo-credentials');
      }

      const roles = await app.db.selectFrom('staff_roles').select('role').where('staff_id', '=', account.id).execute();
      const totpRequired = roles.some((r) => app.config.totpRequiredRoles.includes(r.role));
      let totpStep: number | null = null;
      if (account.totp_enabled || totpRequired) {
        if (!account.totp_enabled || !account.totp_secret) {
          await fail(new AppError(401, 'TOTP_ENROLLMENT_REQUIRED', '该账号须使用动态口令登录，但尚未绑定，请联系系统管理员重新开通'), 'totp-not-enrolled');
        }
        if (!totp) throw new AppError(401, 'TOTP_REQUIRED', '请输入动态口令（6位数字）');
        totpStep = matchTotp(account.totp_secret!, account.username, totp, account.totp_last_step);
        if (totpStep === null) await fail(new AppError(401, 'TOTP_INVALID', '动态口令错误或已使用，请输入新的口令'), 'totp');
      }

      const csrfToken = await request.change(async (trx, audit) => {
        await clearLoginFailures(trx, accountKey);
        if (totpStep !== null) await trx.updateTable('staff').set({ totp_last_step: totpStep }).where('id', '=', account.id).execute();
        const token = await startSession(trx, request, reply, { kind: 'staff', id: account.id });
        audit({ actorKind: 'staff', actorId: account.id, actorName: account.name, actorRole: roles.map((r) => r.role).join(','), targetType: 'staff', targetId: account.id });
        return token;
      });
      request.actor = { kind: 'staff', id: account.id, name: account.name, roles: [] };
      return { me: await describeMe(app.db, request.actor), csrfToken };
    },
  );

  app.post(
    '/api/auth/applicant/login',
    {
      config: { action: 'public', auditAction: 'auth.applicant_login', rateLimit: LOGIN_RATE },
      schema: { tags: ['identity'], summary: '申请人登录（手机号 + 密码）', body: StrictObject({ phone: Phone, password: Password }) },
    },
    async (request, reply) => {
      const { phone, password } = request.body;
      const accountKey = `applicant:${phone}`;
      const fail = async (error: AppError, reason: string): Promise<never> => {
        await request.change(async (trx, audit) => {
          await recordLoginFailure(trx, accountKey);
          audit({ actorKind: 'anonymous', actorId: null, actorName: maskPhone(phone), actorRole: null, targetType: 'applicant', outcome: 'failed', detail: { reason } });
        });
        throw error;
      };
      if (await isLockedOut(app.db, accountKey, lockout)) await fail(locked(lockout.windowMinutes), 'locked');
      const applicant = await app.db.selectFrom('applicants').select(['id', 'name', 'password_hash']).where('phone', '=', phone).executeTakeFirst();
      const ok = await verifyPassword(applicant?.password_hash ?? (await DUMMY_HASH_PROMISE), password);
      if (!applicant || !ok) await fail(new AppError(401, 'AUTH_INVALID_CREDENTIALS', '手机号或密码错误'), 'password');
      if (app.config.production && password === DEMO_PASSWORD) await fail(demoCredentialsRefused(), 'demo-credentials');
      const account = applicant!;
      const csrfToken = await request.change(async (trx, audit) => {
        await clearLoginFailures(trx, accountKey);
        audit({ actorKind: 'applicant', actorId: account.id, actorName: account.name, actorRole: 'applicant', targetType: 'applicant', targetId: account.id });
        return startSession(trx, request, reply, { kind: 'applicant', id: account.id });
      });
      request.actor = { kind: 'applicant', id: account.id, name: account.name };
      return { me: await describeMe(app.db, request.actor), csrfToken };
    },
  );

  app.post(
    '/api/auth/applicant/sms-code',
    {
      config: { action: 'public', auditAction: 'auth.sms_code', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '发送短信验证码',
        body: StrictObject({ phone: Phone, purpose: Type.Literal('register') }),
      },
    },
    async (request, reply) => {
      const { phone, purpose } = request.body;
      const mobile = validateMobile(phone);
      if (!mobile.ok) throw problems.field('/phone', mobile.reason);
      const since = await secondsSinceLastCode(app.db, phone, purpose);
      if (since !== null && since < CODE_RESEND_SECONDS) {
        throw new AppError(429, 'SMS_TOO_FREQUENT', `验证码已发送，请 ${Math.ceil(CODE_RESEND_SECONDS - since)} 秒后再试`);
      }
      const code = newSmsCode();
      await request.change(async (trx, audit) => {
        await storeSmsCode(trx, phone, purpose, code);
        await enqueueSms(trx, { phone, purpose, text: `【一窗通办】您的注册验证码为 ${code}，10分钟内有效。如非本人操作，请忽略本短信。` });
        audit({ targetType: 'phone', targetId: maskPhone(phone), detail: { purpose } });
      });
      void app.sms.kick();
      return reply.status(202).send({ sent: true, resendAfterSeconds: CODE_RESEND_SECONDS });
    },
  );

  app.post(
    '/api/auth/applicant/register',
    {
      config: { action: 'public', auditAction: 'auth.applicant_register', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '申请人注册（自然人或法人），注册后即登录',
        body: StrictObject({
          kind: Type.Union([Type.Literal('person'), Type.Literal('company')]),
          name: NonEmpty(100),
          idNumber: Type.Optional(Type.String({ maxLength: 18 })),
          uscc: Type.Optional(Type.String({ maxLength: 18 })),
          legalRepresentative: Type.Optional(Type.String({ maxLength: 50 })),
          phone: Phone,
          smsCode: Type.String({ pattern: '^[0-9]{6}$' }),
          password: Password,
        }),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const errors: FieldError[] = [];
      const idNumber = b.idNumber?.trim().toUpperCase();
      const uscc = b.uscc?.trim().toUpperCase();
      if (b.kind === 'person') {
        const id = validateResidentId(idNumber ?? '');
        if (!idNumber) errors.push({ path: '/idNumber', message: '请填写身份证号码' });
        else if (!id.ok) errors.push({ path: '/idNumber', message: id.reason });
      } else {
        const check = validateUscc(uscc ?? '');
        if (!uscc) errors.push({ path: '/uscc', message: '请填写统一社会信用代码' });
        else if (!check.ok) errors.push({ path: '/uscc', message: check.reason });
        if (!b.legalRepresentative?.trim()) errors.push({ path: '/legalRepresentative', message: '请填写法定代表人姓名' });
      }
      const mobile = validateMobile(b.phone);
      if (!mobile.ok) errors.push({ path: '/phone', message: mobile.reason });
      const weakness = passwordWeakness(b.password);
      if (weakness) errors.push({ path: '/password', message: weakness });
      if (errors.length > 0) throw problems.validation(errors);

      const taken = await app.db
        .selectFrom('applicants')
        .select(['phone', 'id_number', 'uscc'])
        .where((eb) => eb.or([eb('phone', '=', b.phone), ...(idNumber ? [eb('id_number', '=', idNumber)] : []), ...(uscc ? [eb('uscc', '=', uscc)] : [])]))
        .execute();
      const conflicts: FieldError[] = [];
      if (taken.some((t) => t.phone === b.phone)) conflicts.push(ALREADY_REGISTERED.phone);
      if (idNumber && taken.some((t) => t.id_number === idNumber)) conflicts.push(ALREADY_REGISTERED.idNumber);
      if (uscc && taken.some((t) => t.uscc === uscc)) conflicts.push(ALREADY_REGISTERED.uscc);
      if (conflicts.length > 0) throw problems.conflict('APPLICANT_EXISTS', '账号已存在', conflicts);

      const passwordHash = await hashPassword(b.password);
      const codeResult = await request.change(async (trx, audit) => {
        const result = await checkSmsCode(trx, b.phone, 'register', b.smsCode);
        audit({ targetType: 'applicant', outcome: result === 'ok' ? 'success' : 'failed', detail: { smsCode: result } });
        if (result !== 'ok') return { result, created: null };
        const created = await trx
          .insertInto('applicants')
          .values({
            type: b.kind,
            name: b.name.trim(),
            id_number: b.kind === 'person' ? idNumber! : null,
            uscc: b.kind === 'company' ? uscc! : null,
            legal_representative: b.kind === 'company' ? b.legalRepresentative!.trim() : null,
            phone: b.phone,
            password_hash: passwordHash,
            phone_verified_at: new Date(),
          })
          .returning(['id', 'name'])
          .executeTakeFirstOrThrow()
          .catch(registeredMeanwhile);
        audit({ targetId: created.id, detail: { kind: b.kind, idNumber: idNumber ? maskIdNumber(idNumber) : undefined, uscc: uscc ? maskUscc(uscc) : undefined } });
        const csrfToken = await startSession(trx, request, reply, { kind: 'applicant', id: created.id });
        return { result, created: { ...created, csrfToken } };
      });
      if (!codeResult.created) {
        throw problems.field('/smsCode', codeResult.result === 'wrong' ? '验证码错误' : '验证码已失效，请重新获取', 'SMS_CODE_INVALID');
      }
      request.actor = { kind: 'applicant', id: codeResult.created.id, name: codeResult.created.name };
      return reply.status(201).send({ me: await describeMe(app.db, request.actor), csrfToken: codeResult.created.csrfToken });
    },
  );

  app.post('/api/auth/logout', { config: { action: 'session.self', auditAction: 'auth.logout' }, schema: { tags: ['identity'], summary: '退出登录' } }, async (request, reply) => {
    await request.change(async (trx, audit) => {
      await endSession(trx, request, reply);
      audit({ targetType: request.actor.kind, targetId: 'id' in request.actor ? request.actor.id : null });
    });
    if (request.session) app.sessionCache.forgetToken(request.session.tokenHash);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { config: { action: 'session.self' }, schema: { tags: ['identity'], summary: '当前登录用户' } }, async (request) => {
    return { me: await describeMe(app.db, request.actor), csrfToken: request.session!.csrfToken };
  });

  app.post(
    '/api/auth/staff/totp/setup',
    { config: { action: 'session.self', auditAction: 'auth.totp_setup' }, schema: { tags: ['identity'], summary: '生成动态口令密钥（绑定前需验证）' } },
    async (request) => {
      const staffId = request.staffId();
      const me = await app.db.selectFrom('staff').select(['username', 'totp_enabled']).where('id', '=', staffId).executeTakeFirstOrThrow();
      if (me.totp_enabled) throw problems.conflict('TOTP_ALREADY_ENABLED', '动态口令已绑定');
      const secret = newTotpSecret();
      await request.change(async (trx, audit) => {
        await trx.updateTable('staff').set({ totp_secret: secret }).where('id', '=', staffId).execute();
        audit({ targetType: 'staff', targetId: staffId });
      });
      return { secret, otpauthUrl: totpUri(secret, me.username) };
    },
  );

  app.post(
    '/api/auth/staff/totp/enable',
    {
      config: { action: 'session.self', auditAction: 'auth.totp_enable' },
      schema: { tags: ['identity'], summary: '验证并启用动态口令', body: StrictObject({ code: Type.String({ pattern: '^[0-9]{6}$' }) }) },
    },
    async (request) => {
      const staffId = request.staffId();
      const me = await app.db.selectFrom('staff').select(['username', 'totp_secret', 'totp_enabled']).where('id', '=', staffId).executeTakeFirstOrThrow();
      if (me.totp_enabled) throw problems.conflict('TOTP_ALREADY_ENABLED', '动态口令已绑定');
      if (!me.totp_secret) throw problems.conflict('TOTP_NOT_SET_UP', '请先生成动态口令密钥');
      const step = matchTotp(me.totp_secret, me.username, request.body.code, null);
      if (step === null) throw problems.field('/code', '动态口令不正确', 'TOTP_INVALID');
      await request.change(async (trx, audit) => {
        await trx.updateTable('staff').set({ totp_enabled: true, totp_last_step: step }).where('id', '=', staffId).execute();
        audit({ targetType: 'staff', targetId: staffId });
      });
      return { totpEnabled: true };
    },
  );

  app.get(
    '/api/identity/applicants',
    {
      config: { action: 'applicant.search' },
      schema: {
        tags: ['identity'],
        summary: '按证件号码或手机号查找申请人（结果脱敏）',
        querystring: StrictObject({ idNumber: Type.Optional(Type.String({ maxLength: 18 })), uscc: Type.Optional(Type.String({ maxLength: 18 })), phone: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (request) => {
      const { idNumber, uscc, phone } = request.query;
      if (!idNumber && !uscc && !phone) throw problems.field('/query', '请至少提供身份证号码、统一社会信用代码或手机号之一');
      const rows = await app.db
        .selectFrom('applicants')
        .select(['id', 'type', 'name', 'id_number', 'uscc', 'phone'])
        .where((eb) =>
          eb.or([
            ...(idNumber ? [eb('id_number', '=', idNumber.toUpperCase())] : []),
            ...(uscc ? [eb('uscc', '=', uscc.toUpperCase())] : []),
            ...(phone ? [eb('phone', '=', phone)] : []),
          ]),
        )
        .limit(20)
        .execute();
      return {
        items: rows.map((a) => ({
          id: a.id,
          applicantType: a.type,
          name: a.name,
          idNumberMasked: a.id_number ? maskIdNumber(a.id_number) : null,
          usccMasked: a.uscc ? maskUscc(a.uscc) : null,
          phoneMasked: maskPhone(a.phone),
        })),
      };
    },
  );

  app.get(
    '/api/identity/applicants/:id/personal-data',
    {
      config: { action: 'applicant.personal_data.read' },
      schema: { tags: ['identity'], summary: '查看申请人完整个人信息（工作人员查看将记入审计日志）', params: IdParams },
    },
    async (request) => {
      const a = await app.db.selectFrom('applicants').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      // Owner check before existence is revealed: another applicant gets the same 404 as for a missing record.
      request.authorize({ ownerApplicantId: a?.id ?? '' });
      if (!a) throw problems.notFound('申请人');
      if (request.actor.kind === 'staff') await request.auditPersonalDataRead('applicant', a.id, ['idNumber', 'uscc', 'phone']);
      return {
        id: a.id,
        applicantType: a.type,
        name: a.name,
        idNumber: a.id_number,
        uscc: a.uscc,
        legalRepresentative: a.legal_representative,
        phone: a.phone,
      };
    },
  );
};
