// Reading one uploaded file from a multipart request, with the checks every upload gets: present, within the size
// limit (streamed, so an oversized file is refused without being held whole), and of an allowed type by content.
import type { FastifyRequest } from 'fastify';
import { AppError } from './problem.ts';
import { checkUpload, type FileKind } from './files.ts';

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
