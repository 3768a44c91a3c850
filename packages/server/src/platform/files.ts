// File storage: content-addressed by SHA-256 and written atomically (temp file + rename), so a crash never leaves a
// half-written file under a real name and the same bytes are stored once. The type is decided by the bytes, never by
// the file name. `FileStore` is the interface an S3-compatible store would implement (put by key = sha256, get by
// key, exists); `FsFileStore` is the local implementation under DATA_DIR/files.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from './problem.ts';

export interface FileStore {
  /** Stores the bytes under their SHA-256 (idempotent) and returns it. */
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer | null>;
  exists(sha256: string): Promise<boolean>;
}

export class FsFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) return sha256;
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
    return sha256;
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}

/** In memory, for tests and for PGlite's memory:// mode. */
export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, Buffer>();
  async put(bytes: Buffer): Promise<string> {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    this.files.set(sha256, Buffer.from(bytes));
    return sha256;
  }
  async get(sha256: string): Promise<Buffer | null> {
    return this.files.get(sha256) ?? null;
  }
  async exists(sha256: string): Promise<boolean> {
    return this.files.has(sha256);
  }
}

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'ofd' | 'docx' | 'xlsx' | 'doc';

export const MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
};

const KIND_LABEL: Record<FileKind, string> = { pdf: 'PDF', jpeg: 'JPEG 图片', png: 'PNG 图片', ofd: 'OFD 版式文件', docx: 'Word 文档', xlsx: 'Excel 表格', doc: 'Word 97-2003 文档' };

/** Names of the entries in a ZIP's central directory (OFD, DOCX and XLSX are ZIP packages). */
function zipEntryNames(bytes: Buffer): string[] {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) return [];
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count && offset + 46 <= bytes.length; i++) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) break;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    names.push(bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** What the bytes are, by their signature and structure; null when not a type we accept. */
export function sniffFileKind(bytes: Buffer): FileKind | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'doc';
  // Every check compares a prefix, so bytes shorter than a signature are simply not that type (never a RangeError).
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const names = zipEntryNames(bytes);
    if (names.some((n) => n === 'OFD.xml')) return 'ofd';
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

/** Checks size and content type; a refusal says which types are allowed, so the user knows what to send instead. */
export function checkUpload(bytes: Buffer, allowed: readonly FileKind[], maxBytes: number, field = '/file'): FileKind {
  if (bytes.length === 0) throw new AppError(400, 'FILE_EMPTY', '上传的文件为空', { errors: [{ path: field, message: '文件为空' }] });
  if (bytes.length > maxBytes) {
    throw new AppError(413, 'FILE_TOO_LARGE', `文件过大，最大 ${(maxBytes / 1024 / 1024).toFixed(0)} MB`, {
      errors: [{ path: field, message: `文件大小 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过上限` }],
    });
  }
  const kind = sniffFileKind(bytes);
  if (!kind || !allowed.includes(kind)) {
    throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', '文件类型不符合要求', {
      errors: [{ path: field, message: `文件内容${kind ? `为${KIND_LABEL[kind]}` : '无法识别'}，只接受：${allowed.map((k) => KIND_LABEL[k]).join('、')}（按文件内容判断，与扩展名无关）` }],
    });
  }
  return kind;
}
