// Resumable uploads (断点续传), for applicants on a flaky connection and for staff alike: a session is opened with the
// file's name and size, the bytes come in chunks at the offset received so far (Content-Range), the client asks where
// it stands after an interruption, and completing checks the content and keeps the file exactly as a one-shot upload
// (keepFile). Until then the bytes live only in DATA_DIR/uploads/<id>.part — never in the file store nor in `files` —
// and a session idle for UPLOAD_IDLE_HOURS is removed with its data by a scheduled job.
//
// Each chunk is written and fsynced before the session's `received` is committed, so the database never claims bytes
// the disk does not hold; the offset a client may continue from is the smaller of the two. Like the file store, the
// partial data must be on a DATA_DIR that every server shares.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type Kysely, type Selectable, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Config } from '../config.ts';
import type { DB, UploadSessionsTable } from '../db/schema.ts';
import { appendAudit } from './audit/chain.ts';
import { checkUpload } from './files.ts';
import { AppError, problems } from './problem.ts';
import type { Job } from './scheduler.ts';
import { IdParams, StrictObject } from './schemas.ts';
import { keepFile, SCAN_KINDS, SCAN_MAX_BYTES } from './uploads.ts';

type Session = Selectable<UploadSessionsTable>;

/** Sessions one person may have open at once: enough for every slot of a long application. */
const MAX_OPEN_SESSIONS = 20;
const PART_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.part$/;

const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');
const partPath = (dataDir: string, id: string) => path.join(uploadsDir(dataDir), `${id}.part`);

/** Bytes of the partial file on disk (0 when it is not there). */
async function partLength(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

async function removePart(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

/**
 * Writes a chunk at `start`, after cutting off anything beyond it (the remains of a chunk that was never
 * acknowledged), and syncs it to disk before the caller commits the new offset.
 */
async function writeChunk(file: string, start: number, chunk: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  try {
    await handle.truncate(start);
    await handle.write(chunk, 0, chunk.length, start);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface ContentRange {
  start: number;
  end: number;
  total: number;
}

const rangeProblem = (message: string) =>
  new AppError(400, 'CONTENT_RANGE_INVALID', 'Content-Range 无效', { errors: [{ path: '/headers/content-range', message }] });

/** `bytes <start>-<end>/<total>`, end inclusive (RFC 9110 §14.4). */
function parseContentRange(header: string | undefined): ContentRange {
  const match = /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/.exec(header?.trim() ?? '');
  if (!match) throw rangeProblem('请以 “bytes 起始-结束/总大小” 说明本段在文件中的位置');
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (end < start || end >= total) throw rangeProblem('应满足 起始 ≤ 结束 < 总大小');
  return { start, end, total };
}

const tooLarge = (size: number, path: string) =>
  new AppError(413, 'FILE_TOO_LARGE', `文件过大，最大 ${(SCAN_MAX_BYTES / 1024 / 1024).toFixed(0)} MB`, {
    errors: [{ path, message: `文件大小 ${(size / 1024 / 1024).toFixed(1)} MB，超过上限` }],
  });

const offsetMismatch = (received: number) =>
  new AppError(409, 'UPLOAD_OFFSET_MISMATCH', '上传位置与已接收的内容不符，请从已接收处继续', { extra: { received } });

export const uploadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { dataDir, uploadChunkBytes: chunkSize } = app.config;
  const partOf = (id: string) => partPath(dataDir, id);

  // Chunks arrive as raw bytes; this parser serves this plugin's routes only.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  /** The caller's own session (another's is "not found"), optionally locked for the change. */
  async function ownSession(db: Kysely<DB> | Transaction<DB>, request: FastifyRequest, id: string, lock = false): Promise<Session> {
    const actor = request.actor;
    if (actor.kind === 'anonymous') throw problems.unauthenticated();
    let q = db.selectFrom('upload_sessions').selectAll().where('id', '=', id).where('owner_kind', '=', actor.kind).where('owner_id', '=', actor.id);
    if (lock) q = q.forUpdate();
    const session = await q.executeTakeFirst();
    if (!session) throw problems.notFound('上传');
    return session;
  }

  /** What the client may continue from: acknowledged and still on disk. */
  const receivedOf = async (session: Session) => Math.min(session.received, await partLength(partOf(session.id)));

  app.post(
    '/api/uploads',
    {
      config: { action: 'file.upload' },
      schema: {
        tags: ['files'],
        summary: '开始一次可续传的上传（材料文件：PDF、JPEG、PNG、OFD，最大 20 MB）；返回上传编号和分段大小',
        body: StrictObject({
          filename: Type.String({ minLength: 1, maxLength: 255, pattern: '^[^\\u0000-\\u001f]+$', description: '原文件名（仅供显示，类型按内容判断）' }),
          size: Type.Integer({ minimum: 1, description: '文件总字节数' }),
        }),
      },
    },
    async (request, reply) => {
      const { filename, size } = request.body;
      if (size > SCAN_MAX_BYTES) throw tooLarge(size, '/size');
      const actor = request.actor;
      if (actor.kind === 'anonymous') throw problems.unauthenticated();
      const session = await request.change(async (trx, audit) => {
        const open = await trx.selectFrom('upload_sessions').select((eb) => eb.fn.countAll<string>().as('n')).where('owner_kind', '=', actor.kind).where('owner_id', '=', actor.id).executeTakeFirstOrThrow();
        if (Number(open.n) >= MAX_OPEN_SESSIONS) {
          throw new AppError(429, 'TOO_MANY_UPLOADS', `同时进行的上传不能超过 ${MAX_OPEN_SESSIONS} 个，请先完成或取消其他上传`);
        }
        const row = await trx.insertInto('upload_sessions').values({ owner_kind: actor.kind, owner_id: actor.id, filename, size }).returning('id').executeTakeFirstOrThrow();
        audit({ targetType: 'upload', targetId: row.id, detail: { size } });
        return row;
      });
      return reply.status(201).send({ id: session.id, chunkSize, received: 0 });
    },
  );

  app.put(
    '/api/uploads/:id',
    {
      config: { action: 'file.upload' },
      bodyLimit: chunkSize,
      schema: {
        tags: ['files'],
        summary: '上传一段内容（application/octet-stream，Content-Range: bytes 起始-结束/总大小，起始须等于已接收字节数）',
        params: IdParams,
      },
    },
    async (request) => {
      const chunk = request.body;
      if (!Buffer.isBuffer(chunk)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 application/octet-stream 上传文件内容');
      const range = parseContentRange(request.headers['content-range']);
      if (chunk.length !== range.end - range.start + 1) throw rangeProblem(`本段应有 ${range.end - range.start + 1} 字节，实际收到 ${chunk.length} 字节`);
      return request.change(async (trx, audit) => {
        const session = await ownSession(trx, request, request.params.id, true);
        if (range.end >= session.size || range.total > session.size) throw tooLarge(Math.max(range.end + 1, range.total), '/headers/content-range');
        if (range.total !== session.size) throw rangeProblem(`总大小应为开始上传时登记的 ${session.size} 字节`);
        const received = await receivedOf(session);
        if (range.start !== received) throw offsetMismatch(received);
        await writeChunk(partOf(session.id), range.start, chunk);
        const now = range.start + chunk.length;
        await trx.updateTable('upload_sessions').set({ received: now, updated_at: new Date() }).where('id', '=', session.id).execute();
        audit({ targetType: 'upload', targetId: session.id, detail: { start: range.start, length: chunk.length } });
        return { received: now };
      });
    },
  );

  app.get(
    '/api/uploads/:id',
    { config: { action: 'file.upload' }, schema: { tags: ['files'], summary: '上传进度（中断后从 received 处继续）', params: IdParams } },
    async (request) => {
      const session = await ownSession(app.db, request, request.params.id);
      return { id: session.id, filename: session.filename, size: session.size, received: await receivedOf(session) };
    },
  );

  app.post(
    '/api/uploads/:id/complete',
    {
      config: { action: 'file.upload' },
      schema: { tags: ['files'], summary: '完成上传：按内容判断类型，存入文件库（与一次性上传相同），删除临时数据', params: IdParams },
    },
    async (request, reply) => {
      const session = await ownSession(app.db, request, request.params.id);
      const file = partOf(session.id);
      const received = await receivedOf(session);
      if (received < session.size) {
        throw new AppError(409, 'UPLOAD_INCOMPLETE', `文件尚未传完（已接收 ${received} / ${session.size} 字节）`, { extra: { received, size: session.size } });
      }
      const bytes = (await fs.readFile(file)).subarray(0, session.size);
      let kind;
      try {
        kind = checkUpload(bytes, SCAN_KINDS, SCAN_MAX_BYTES);
      } catch (error) {
        // A file of the wrong type will not become right: the session and its data go, the refusal is recorded.
        await request.change(async (trx, audit) => {
          await trx.deleteFrom('upload_sessions').where('id', '=', session.id).execute();
          audit({ targetType: 'upload', targetId: session.id, outcome: 'rejected', detail: { code: (error as AppError).code } });
        });
        await removePart(file);
        throw error;
      }
      const stored = await keepFile(request, app.files, bytes, kind, async (trx) => {
        const ended = await trx.deleteFrom('upload_sessions').where('id', '=', session.id).returning('id').executeTakeFirst();
        if (!ended) throw problems.notFound('上传');
      });
      await removePart(file);
      return reply.status(201).send(stored);
    },
  );

  app.delete(
    '/api/uploads/:id',
    { config: { action: 'file.upload' }, schema: { tags: ['files'], summary: '取消上传并删除已接收的内容', params: IdParams } },
    async (request, reply) => {
      await request.change(async (trx, audit) => {
        const session = await ownSession(trx, request, request.params.id, true);
        await trx.deleteFrom('upload_sessions').where('id', '=', session.id).execute();
        audit({ targetType: 'upload', targetId: session.id, detail: { received: session.received } });
      });
      await removePart(partOf(request.params.id));
      return reply.status(204).send();
    },
  );
};

/**
 * Removes sessions untouched since `idleSince` with their partial data, and partial files as old that no session
 * names (left by a crash between a commit and the file's removal). Runs inside the job's transaction.
 */
export async function sweepIdleUploads(trx: Transaction<DB>, dataDir: string, idleSince: Date): Promise<{ sessions: number; orphans: number }> {
  const idle = await trx.deleteFrom('upload_sessions').where('updated_at', '<', idleSince).returning('id').execute();
  for (const { id } of idle) await removePart(partPath(dataDir, id));

  let names: string[];
  try {
    names = await fs.readdir(uploadsDir(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    names = [];
  }
  const parts = names.map((name) => PART_NAME.exec(name)?.[1]).filter((id): id is string => id !== undefined);
  const live = new Set(parts.length > 0 ? (await trx.selectFrom('upload_sessions').select('id').where('id', 'in', parts).execute()).map((r) => r.id) : []);
  let orphans = 0;
  for (const id of parts) {
    if (live.has(id)) continue;
    const file = partPath(dataDir, id);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || stat.mtime >= idleSince) continue;
    await removePart(file);
    orphans += 1;
  }
  if (idle.length + orphans > 0) {
    await appendAudit(trx, {
      actorKind: 'system', actorId: null, actorName: '系统', actorRole: null, action: 'upload.sweep', targetType: null, targetId: null,
      ip: '', requestId: '', outcome: 'success', detail: { sessions: idle.length, orphans },
    });
  }
  return { sessions: idle.length, orphans };
}

export function uploadSweepJob(config: Pick<Config, 'dataDir' | 'uploadIdleHours'>): Job {
  return {
    name: 'uploads.sweep',
    lockKey: 7_120_330_103,
    intervalMs: 60 * 60_000,
    run: (trx) => sweepIdleUploads(trx, config.dataDir, new Date(Date.now() - config.uploadIdleHours * 3_600_000)),
  };
}
