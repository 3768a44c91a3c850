// Resumable upload of one material file (POST /api/uploads, PUT chunks with Content-Range, POST …/complete): a phone on
// a flaky connection loses a chunk, not the whole file. After a network error it waits (exponential backoff), asks the
// server how much it already holds and goes on from there. The server decides the type by the bytes at `complete`.
import { api, ApiError, isApiError } from '../../shared/api.ts';

/** The limit the server applies to materials (UPLOAD_LIMIT_BYTES); checked here first so nothing is sent in vain. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** What the file picker offers; the server still decides by content. */
export const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png';

export interface StoredFile {
  sha256: string;
  size: number;
  mime: string;
}

/** The upload API, as functions, so the loop can be tested without a server. */
export interface UploadTransport {
  start(filename: string, size: number): Promise<{ id: string; chunkSize: number; received: number }>;
  put(id: string, start: number, chunk: Blob, total: number): Promise<{ received: number }>;
  status(id: string): Promise<{ received: number }>;
  complete(id: string): Promise<StoredFile>;
  abort(id: string): Promise<void>;
}

/** An upload session on the server, kept after a network failure so that "upload again" goes on from there. */
export interface UploadSession {
  id: string;
  chunkSize: number;
}

export interface UploadOptions {
  /** Go on with this session (what `onSession` reported for this file before) instead of starting anew. */
  session?: UploadSession;
  onSession?: (session: UploadSession) => void;
  onProgress?: (sent: number, total: number) => void;
  /** Told each time a failed request will be tried again, with the attempt number and the wait. */
  onRetry?: (attempt: number, delayMs: number) => void;
  signal?: AbortSignal;
  /** Attempts after the first for one step before giving up. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_CHUNK = 1024 * 1024;

/** Failures worth trying again: the network, a timeout, a busy or restarting server. */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return false;
  // Too many open uploads does not pass by waiting: the applicant has to finish or cancel some.
  if (error.code === 'TOO_MANY_UPLOADS') return false;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** Exponential backoff: base, 2×base, 4×base … capped at `max`. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export class UploadAbortedError extends Error {
  constructor() {
    super('上传已取消');
    this.name = 'UploadAbortedError';
  }
}

/** The header of the chunk [start, start + length) of a file of `total` bytes (RFC 9110 §14.4, end inclusive). */
export function contentRange(start: number, length: number, total: number): string {
  return `bytes ${start}-${start + length - 1}/${total}`;
}

export function offsetFromMismatch(error: unknown): number | null {
  if (!isApiError(error, 'UPLOAD_OFFSET_MISMATCH')) return null;
  const received = error.body.received;
  return typeof received === 'number' && Number.isInteger(received) && received >= 0 ? received : null;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function resumableUpload(file: Blob, filename: string, transport: UploadTransport, options: UploadOptions = {}): Promise<StoredFile> {
  const { onProgress, onRetry, onSession, signal, retries = 6, baseDelayMs = 500, maxDelayMs = 8000, sleep = defaultSleep } = options;
  const total = file.size;
  if (total > MAX_UPLOAD_BYTES) throw new ApiError(413, 'FILE_TOO_LARGE', '文件超过 20 MB，请压缩或分成几份后再上传');
  if (total === 0) throw new ApiError(422, 'FILE_EMPTY', '文件是空的，请重新选择');

  const checkAbort = () => {
    if (signal?.aborted) throw new UploadAbortedError();
  };

  /** One request, tried again after network failures with a growing wait. */
  async function withRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      checkAbort();
      try {
        return await work();
      } catch (error) {
        if (!isRetryable(error) || attempt >= retries) throw error;
        const delay = backoffDelay(attempt + 1, baseDelayMs, maxDelayMs);
        onRetry?.(attempt + 1, delay);
        await sleep(delay);
      }
    }
  }

  const session = (options.session && (await resumed(options.session))) ?? (await withRetry(() => transport.start(filename, total)));
  onSession?.({ id: session.id, chunkSize: session.chunkSize });
  const chunkSize = session.chunkSize > 0 ? session.chunkSize : DEFAULT_CHUNK;
  let offset = session.received;
  onProgress?.(offset, total);

  /** The earlier session and how much of it the server holds; null when it is gone (expired, or finished elsewhere). */
  async function resumed(earlier: UploadSession): Promise<{ id: string; chunkSize: number; received: number } | null> {
    try {
      const { received } = await withRetry(() => transport.status(earlier.id));
      return { ...earlier, received };
    } catch (error) {
      if (isApiError(error) && (error.status === 404 || error.status === 410)) return null;
      throw error;
    }
  }

  try {
    let failures = 0;
    let mismatches = 0;
    for (;;) {
      while (offset < total) {
        checkAbort();
        const end = Math.min(offset + chunkSize, total);
        try {
          const answer = await transport.put(session.id, offset, file.slice(offset, end), total);
          offset = answer.received;
          failures = 0;
          onProgress?.(offset, total);
          continue;
        } catch (error) {
          const told = offsetFromMismatch(error);
          // The server holds another amount than we thought (a chunk that arrived although its answer was lost): go
          // on from its count. Bounded, so a server that keeps disagreeing cannot loop us forever.
          if (told !== null && mismatches < 10) {
            mismatches += 1;
            offset = told;
            continue;
          }
          if (!isRetryable(error) || failures >= retries) throw error;
          failures += 1;
          const delay = backoffDelay(failures, baseDelayMs, maxDelayMs);
          onRetry?.(failures, delay);
          await sleep(delay);
          checkAbort();
          offset = (await withRetry(() => transport.status(session.id))).received;
          onProgress?.(offset, total);
        }
      }
      try {
        return await withRetry(() => transport.complete(session.id));
      } catch (error) {
        // The server has less than we sent (its disk lost the tail of a chunk): send the rest, then complete again.
        const held = isApiError(error, 'UPLOAD_INCOMPLETE') ? error.body.received : null;
        if (typeof held !== 'number' || mismatches >= 10) throw error;
        mismatches += 1;
        offset = held;
      }
    }
  } catch (error) {
    // Refused (wrong type, too large) or cancelled: tell the server to drop what it holds, without waiting on it. After
    // a network failure the session stays, for "upload again" to go on from (the server drops abandoned ones).
    // A wrong type found at completion has already been dropped by the server.
    if (!isRetryable(error) && !isApiError(error, 'FILE_TYPE_NOT_ALLOWED')) transport.abort(session.id).catch(() => undefined);
    throw error;
  }
}

const uploadPath = (id: string) => `/api/uploads/${encodeURIComponent(id)}`;

/** The server's resumable upload API. */
export const httpTransport: UploadTransport = {
  start: (filename, size) => api.post('/api/uploads', { filename, size }),
  put: (id, start, chunk, total) => api.putBytes(uploadPath(id), chunk, { 'content-range': contentRange(start, chunk.size, total) }),
  status: (id) => api.get(uploadPath(id)),
  complete: (id) => api.post(`${uploadPath(id)}/complete`),
  abort: (id) => api.delete(uploadPath(id)),
};
