// The audit chain: each record's hash covers its own fields and the previous record's hash, so changing, removing or
// reordering any record breaks every hash after it. Appends are serialised by a transaction-scoped advisory lock.
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_CHAIN_LOCK = 7_120_330_002;

export interface AuditEntry {
  actorKind: 'staff' | 'applicant' | 'anonymous' | 'system';
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string;
  requestId: string;
  /** success, rejected (bad input or not allowed), failed (e.g. wrong password), error (server fault) */
  outcome: 'success' | 'rejected' | 'failed' | 'error';
  detail: Record<string, unknown>;
}

/** JSON with object keys sorted at every level: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashRecord(prevHash: string, at: Date, e: AuditEntry): string {
  const body = canonicalJson({
    at: at.toISOString(),
    actorKind: e.actorKind,
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    ip: e.ip,
    requestId: e.requestId,
    outcome: e.outcome,
    detail: e.detail,
  });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one record inside the caller's transaction; call it last, so the chain lock is held only until commit. */
export async function appendAudit(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  await trx
    .insertInto('audit_log')
    .values({
      at,
      actor_kind: entry.actorKind,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      actor_role: entry.actorRole,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      ip: entry.ip,
      request_id: entry.requestId,
      outcome: entry.outcome,
      detail: JSON.stringify(entry.detail),
      prev_hash: prevHash,
      hash: hashRecord(prevHash, at, entry),
    })
    .execute();
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first record whose link or hash does not match, with why. */
  firstBroken?: { id: number; reason: string };
}

/** Walks the whole chain in id order, in pages, and names the first record that does not verify. */
export async function verifyAuditChain(db: Kysely<DB>, pageSize = 5000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prev_hash !== prevHash) {
        return { ok: false, checked, firstBroken: { id: r.id, reason: '前一条记录的哈希不一致（记录被删除、插入或改动）' } };
      }
      const expected = hashRecord(prevHash, r.at, {
        actorKind: r.actor_kind as AuditEntry['actorKind'],
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorRole: r.actor_role,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        ip: r.ip,
        requestId: r.request_id,
        outcome: r.outcome as AuditEntry['outcome'],
        detail: r.detail,
      });
      if (expected !== r.hash) return { ok: false, checked, firstBroken: { id: r.id, reason: '记录内容与其哈希不符（记录被改动）' } };
      prevHash = r.hash;
      afterId = r.id;
      checked++;
    }
  }
}
