// Reading one uploaded file from a multipart request, with the checks every upload gets: present, within the size
// limit (streamed, so an oversized file is refused without being held whole), and of an allowed type by content.
// Keeping a checked file is one function for every way a file arrives (one-shot or resumable): the bytes into the
// store, then the `files` row and who uploaded it, in the request's audited transaction.
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError, problems } from './problem.ts';
import { checkUpload, MIME, type FileKind, type FileStore } from './files.ts';

/** Material scans and electronic materials (and on-screen signatures): what a case's files may be, and how large. */
export const SCAN_KINDS: readonly FileKind[] = ['pdf', 'jpeg', 'png', 'ofd'];
export const SCAN_MAX_BYTES = 20 * 1024 * 1024;

export interface UploadedFile {
  bytes: Buffer;
  kind: FileKind;
  filename: string;
}

export async function readUpload(request: FastifyRequest, allowed: readonly FileKind[], maxBytes: number): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件', { errors: [{ path: '/file', message: '缺少文件' }] });
  const part = await request.file({ limits: { fileSize: maxBytes } });
  if (!part) throw new AppError(400, 'FILE_MISSING', '没有收到文件', { errors: [{ path: '/file', message: '请选择要上传的文件' }] });
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'FILE_TOO_LARGE', `文件过大，最大 ${(maxBytes / 1024 / 1024).toFixed(0)} MB`, { errors: [{ path: '/file', message: '文件超过大小上限' }] });
    }
    throw error;
  }
  const kind = checkUpload(bytes, allowed, maxBytes);
  return { bytes, kind, filename: part.filename };
}

export interface StoredFile {
  sha256: string;
  size: number;
  mime: string;
}

/**
 * Keeps checked bytes: first into the store (atomic and idempotent, outside any transaction, so a database
 * connection never waits on the disk), then the `files` row and the uploader in one audited transaction, with
 * `alsoInTransaction` (e.g. ending an upload session) — a files row therefore never names bytes that are not stored.
 */
export async function keepFile(
  request: FastifyRequest, store: FileStore, bytes: Buffer, kind: FileKind, alsoInTransaction?: (trx: Transaction<DB>) => Promise<void>,
): Promise<StoredFile> {
  const actor = request.actor;
  if (actor.kind === 'anonymous') throw problems.unauthenticated();
  const sha256 = await store.put(bytes);
  const file = { sha256, size: bytes.length, mime: MIME[kind] };
  await request.change(async (trx, audit) => {
    await trx.insertInto('files').values(file).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    await trx.insertInto('file_owners').values({ sha256, owner_kind: actor.kind, owner_id: actor.id }).onConflict((oc) => oc.columns(['owner_kind', 'owner_id', 'sha256']).doNothing()).execute();
    await alsoInTransaction?.(trx);
    audit({ targetType: 'file', targetId: sha256, detail: { kind, size: bytes.length } });
  });
  return file;
}
