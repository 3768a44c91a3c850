// Idempotency keys (the `Idempotency-Key` header): a client that retries a request after a lost answer gets the first
// answer back instead of a second case. The key is stored with the answer by the change's own writes, so a request that
// fails leaves no key behind, and a request whose key is already stored cannot commit: its write fails at the key's
// primary key (a twin still uncommitted is waited for), nothing of it is kept, and the caller answers with the stored
// answer instead.
import type { FastifyRequest } from 'fastify';
import type { Insertable, Kysely, QueryCreator } from 'kysely';
import type { DB, IdempotencyKeysTable } from '../db/schema.ts';
import { canonicalJson } from './audit/chain.ts';
import { AppError } from './problem.ts';
import { actorIdentity, sha256 } from './request-context.ts';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/** A request's key, whose it is (keys belong to their user) and what was asked. */
export interface IdempotentRequest {
  owner: string;
  key: string;
  requestHash: string;
}

export interface StoredAnswer {
  statusCode: number;
  body: unknown;
}

/** The request's idempotency key, or null; a malformed one is refused before anything is done. */
export function idempotentRequest(request: FastifyRequest): IdempotentRequest | null {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return null;
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', '幂等键格式无效', { errors: [{ path: '/headers/idempotency-key', message: '须为 8–100 位字母、数字或 _ . : -' }] });
  }
  return {
    owner: `${request.actor.kind}:${actorIdentity(request.actor).actorId ?? 'anonymous'}`,
    key,
    requestHash: sha256(`${request.method} ${request.routeOptions.url}\n${canonicalJson(request.params)}\n${canonicalJson(request.body ?? null)}`),
  };
}

/**
 * The answer stored with the key, or null when there is none. A key stored for a different request is refused (422),
 * since the client would otherwise believe its new request ran.
 */
export async function storedAnswer(db: Kysely<DB>, idem: IdempotentRequest): Promise<StoredAnswer | null> {
  const first = await db.selectFrom('idempotency_keys').select(['request_hash', 'status_code', 'response']).where('owner', '=', idem.owner).where('key', '=', idem.key).executeTakeFirst();
  if (!first) return null;
  if (first.request_hash !== idem.requestHash) {
    throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一个请求，请为新请求使用新的幂等键');
  }
  return { statusCode: first.status_code ?? 200, body: first.response };
}

/** The key with its answer, as stored. */
export type StoredKey = Insertable<IdempotencyKeysTable>;

export function storedKey(idem: IdempotentRequest, answer: StoredAnswer): StoredKey {
  return { owner: idem.owner, key: idem.key, request_hash: idem.requestHash, status_code: answer.statusCode, response: JSON.stringify(answer.body) };
}

/** Stores the key with its answer inside the change's transaction. */
export async function storeAnswer(db: Kysely<DB>, idem: IdempotentRequest, answer: StoredAnswer): Promise<void> {
  await db.insertInto('idempotency_keys').values(storedKey(idem, answer)).execute();
}

/** The CTE that stores the key in a change's one write statement: it may wait for a twin's uncommitted key. */
export const STORED_KEY_CTE = 'idempotency';

/** Stores the key with its answer as a CTE of the change's one write statement. */
export function withStoredKey<Q>(q: Q, key: StoredKey): Q {
  return (q as QueryCreator<DB>).with(STORED_KEY_CTE, (db) => db.insertInto('idempotency_keys').values(key).returning('key')) as unknown as Q;
}
