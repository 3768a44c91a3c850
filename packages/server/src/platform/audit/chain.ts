// The audit chains: each record's hash covers its own fields and the previous record's hash in its chain, so changing,
// removing or reordering any record breaks every hash after it. The log is AUDIT_CHAINS chains rather than one, each
// append picking one and serialised only with the appends to that chain (the row lock on the chain's head in
// audit_chain_heads, held until commit): with a single chain every change in every hall would queue for one lock.
import crypto from 'node:crypto';
import { sql, type Kysely, type QueryCreator, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';

export const GENESIS_HASH = '0'.repeat(64);
export const AUDIT_CHAINS = 64;

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

/** The hashed text of a record: its fields as canonical JSON (the previous hash is prepended when hashing). */
function recordBody(at: Date, e: AuditEntry): string {
  return canonicalJson({
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
}

export function hashRecord(prevHash: string, at: Date, e: AuditEntry): string {
  return crypto.createHash('sha256').update(prevHash).update('\n').update(recordBody(at, e)).digest('hex');
}

/** One record ready to append: its chain, its time, the text its hash covers, and the values it stores. */
export interface AuditAppend extends Omit<AuditEntry, 'detail'> {
  chain: number;
  at: Date;
  body: string;
  /** `detail` as the JSON text the row stores */
  detail: string;
}

export function auditAppend(entry: AuditEntry): AuditAppend {
  const at = new Date();
  return { ...entry, chain: crypto.randomInt(AUDIT_CHAINS), at, body: recordBody(at, entry), detail: JSON.stringify(entry.detail) };
}

/**
 * One append as two statements for a WITH clause: `audit_head` moves the chain's head on (waiting for the row lock
 * while another append to the chain is uncommitted, then computing from the head that one left: PostgreSQL's sha256
 * over the same text hashRecord hashes), and `audit_record` inserts the record with both links. The head is locked
 * only once the CTEs named in `after` have written their rows, so a statement never holds a chain while it waits for
 * another lock (changes that audit as their last statement take the chain last too, so no two can deadlock). If the
 * head is missing the record's hashes are null and the statement fails: a change is never written without its record.
 */
function appendStatements(a: AuditAppend, after: readonly string[]): { head: RawBuilder<AuditHead>; record: RawBuilder<Record<string, unknown>> } {
  const written = after.map((cte) => sql`(SELECT FROM ${sql.table(cte)}) AS ${sql.id(`after_${cte}`)}`);
  const head = sql<AuditHead>`
    UPDATE audit_chain_heads AS h
    SET prev_hash = h.hash, hash = encode(sha256(convert_to(h.hash || E'\n' || ${a.body}, 'UTF8')), 'hex')
    ${written.length > 0 ? sql`FROM ${sql.join(written)}` : sql``}
    WHERE h.chain = ${a.chain}
    RETURNING h.prev_hash, h.hash`;
  const record = sql<Record<string, unknown>>`
    INSERT INTO audit_log (chain, at, actor_kind, actor_id, actor_name, actor_role, action, target_type, target_id, ip, request_id, outcome, detail, prev_hash, hash)
    SELECT ${a.chain}, ${a.at}, ${a.actorKind}, ${a.actorId}, ${a.actorName}, ${a.actorRole}, ${a.action}, ${a.targetType}, ${a.targetId},
           ${a.ip}, ${a.requestId}, ${a.outcome}, ${a.detail}::jsonb, head.prev_hash, head.hash
    FROM (VALUES (1)) AS one LEFT JOIN audit_head AS head ON true`;
  return { head, record };
}

interface AuditHead {
  prev_hash: string;
  hash: string;
}

/**
 * Appends one record in one statement, inside the caller's transaction or on its own; in a transaction call it last,
 * so that the chain stays locked only until commit.
 */
export async function appendAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  const { head, record } = appendStatements(auditAppend(entry), []);
  await sql`WITH audit_head AS (${head}) ${record}`.execute(db);
}

/**
 * Adds an append to the WITH clause of a change's one write statement: the change and its record commit together, in
 * one round trip. `after` names the statement's CTEs that may wait for a lock (see appendStatements).
 */
export function withAuditAppend<Q>(q: Q, append: AuditAppend, after: readonly string[]): Q {
  const { head, record } = appendStatements(append, after);
  // Kysely writes a raw CTE as it is given: the parentheses are ours.
  return (q as QueryCreator<DB>).with('audit_head', () => sql<AuditHead>`(${head})`).with('audit_record', () => sql<Record<string, unknown>>`(${record})`) as unknown as Q;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first record whose link or hash does not match, with why. */
  firstBroken?: { id: number; reason: string };
}

/**
 * Walks the whole log in id order, in pages, following each chain, and names the first record that does not verify.
 * Within a chain ids rise in append order: the next append waits for the head's lock, released when the last one
 * committed, and draws its id after that.
 */
export async function verifyAuditChain(db: Kysely<DB>, pageSize = 5000): Promise<ChainVerdict> {
  const lastHash = new Map<number, string>();
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      const prevHash = lastHash.get(r.chain) ?? GENESIS_HASH;
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
      lastHash.set(r.chain, r.hash);
      afterId = r.id;
      checked++;
    }
  }
}
