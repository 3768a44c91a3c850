// Login safety: failed attempts lock an account for a while, one-time SMS codes, and TOTP for staff who need it.
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import * as OTPAuth from 'otpauth';
import type { DB } from '../../db/schema.ts';

export async function isLockedOut(db: Kysely<DB>, accountKey: string, lockout: { maxFailures: number; windowMinutes: number }): Promise<boolean> {
  const since = new Date(Date.now() - lockout.windowMinutes * 60_000);
  const { count } = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_key', '=', accountKey)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(count) >= lockout.maxFailures;
}

export async function recordLoginFailure(trx: Transaction<DB>, accountKey: string): Promise<void> {
  await trx.insertInto('login_failures').values({ account_key: accountKey }).execute();
}

export async function clearLoginFailures(trx: Transaction<DB>, accountKey: string): Promise<void> {
  await trx.deleteFrom('login_failures').where('account_key', '=', accountKey).execute();
}

// ---- SMS verification codes ----

const CODE_TTL_MINUTES = 10;
const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_SECONDS = 60;

function codeHash(phone: string, code: string): string {
  return crypto.createHash('sha256').update(`${phone}:${code}`).digest('hex');
}

export function newSmsCode(): string {
  return crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
}

export async function secondsSinceLastCode(db: Kysely<DB>, phone: string, purpose: string): Promise<number | null> {
  const last = await db
    .selectFrom('sms_codes')
    .select('created_at')
    .where('phone', '=', phone)
    .where('purpose', '=', purpose)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? (Date.now() - last.created_at.getTime()) / 1000 : null;
}

export async function storeSmsCode(trx: Transaction<DB>, phone: string, purpose: string, code: string): Promise<void> {
  await trx
    .insertInto('sms_codes')
    .values({ phone, purpose, code_hash: codeHash(phone, code), expires_at: new Date(Date.now() + CODE_TTL_MINUTES * 60_000) })
    .execute();
}

/** Consumes the latest live code if it matches; a wrong guess uses up one of its attempts. */
export async function checkSmsCode(trx: Transaction<DB>, phone: string, purpose: string, code: string): Promise<'ok' | 'wrong' | 'expired'> {
  const latest = await trx
    .selectFrom('sms_codes')
    .select(['id', 'code_hash', 'attempts', 'expires_at'])
    .where('phone', '=', phone)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!latest || latest.expires_at.getTime() < Date.now() || latest.attempts >= CODE_MAX_ATTEMPTS) return 'expired';
  if (latest.code_hash !== codeHash(phone, code)) {
    await trx.updateTable('sms_codes').set({ attempts: sql`attempts + 1` }).where('id', '=', latest.id).execute();
    return 'wrong';
  }
  await trx.updateTable('sms_codes').set({ consumed_at: new Date() }).where('id', '=', latest.id).execute();
  return 'ok';
}

// ---- TOTP (RFC 6238) ----

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: '一窗通办', label, secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/** The time step the code belongs to (±1 step of clock drift), or null; a step used before must not be used again. */
export function matchTotp(secret: string, label: string, code: string, lastStep: number | null): number | null {
  const totp = totpFor(secret, label);
  const delta = totp.validate({ token: code, window: 1 });
  if (delta === null) return null;
  const step = totp.counter() + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export function currentTotp(secret: string, label: string): string {
  return totpFor(secret, label).generate();
}
