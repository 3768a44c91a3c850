// Idempotency keys (the `Idempotency-Key` header): a client that retries a request after a lost answer gets the first
// answer back instead of a second case. The key is claimed inside the request's own transaction, so a request that
// fails leaves no claim behind, and a retry that arrives while the first is still running waits for its commit (the
// primary key's row lock) and then returns what it stored.
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { canonicalJson } from './audit/chain.ts';
import { AppError } from './problem.ts';
import { actorIdentity, sha256 } from './request-context.ts';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/** The request's idempotency key, or null; a malformed one is refused before anything is done. */
export function idempotencyKey(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', '幂等键格式无效', { errors: [{ path: '/headers/idempotency-key', message: '须为 8–100 位字母、数字或 _ . : -' }] });
  }
  return value;
}

export type Replay = { replayed: true; statusCode: number; body: unknown } | { replayed: false; complete(statusCode: number, body: unknown): Promise<void> };

/**
 * Claims `key` for this caller and request inside `trx`. A key seen before with the same request replays its stored
 * answer; with a different request it is refused (422), since the client would otherwise believe its new request ran.
 */
export async function claimIdempotencyKey(trx: Transaction<DB>, request: FastifyRequest, key: string): Promise<Replay> {
  const owner = `${request.actor.kind}:${actorIdentity(request.actor).actorId ?? 'anonymous'}`;
  const requestHash = sha256(`${request.method} ${request.routeOptions.url}\n${canonicalJson(request.params)}\n${canonicalJson(request.body ?? null)}`);
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({ owner, key, request_hash: requestHash, status_code: null, response: null })
    .onConflict((oc) => oc.columns(['owner', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) {
    return {
      replayed: false,
      complete: async (statusCode, body) => {
        await trx.updateTable('idempotency_keys').set({ status_code: statusCode, response: JSON.stringify(body) }).where('owner', '=', owner).where('key', '=', key).execute();
      },
    };
  }
  const first = await trx.selectFrom('idempotency_keys').selectAll().where('owner', '=', owner).where('key', '=', key).executeTakeFirstOrThrow();
  if (first.request_hash !== requestHash) {
    throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一个请求，请为新请求使用新的幂等键');
  }
  return { replayed: true, statusCode: first.status_code ?? 200, body: first.response };
}
