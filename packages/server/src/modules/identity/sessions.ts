// Server-side sessions: a random token in an httpOnly SameSite cookie; the database keeps its hash and the CSRF token.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { SESSION_COOKIE, sha256 } from '../../platform/request-context.ts';

export async function startSession(
  trx: Transaction<DB>,
  request: FastifyRequest,
  reply: FastifyReply,
  subject: { kind: 'staff' | 'applicant'; id: string },
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const ttlMinutes = request.server.config.sessionTtlMinutes;
  await trx.deleteFrom('sessions').where('subject_id', '=', subject.id).where('expires_at', '<', new Date()).execute();
  await trx
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      subject_kind: subject.kind,
      subject_id: subject.id,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + ttlMinutes * 60_000),
      ip: request.ip,
      user_agent: String(request.headers['user-agent'] ?? '').slice(0, 300),
    })
    .execute();
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.server.config.production,
    path: '/',
    maxAge: ttlMinutes * 60,
  });
  return csrfToken;
}

export async function endSession(trx: Transaction<DB>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.session) await trx.deleteFrom('sessions').where('token_hash', '=', request.session.tokenHash).execute();
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
