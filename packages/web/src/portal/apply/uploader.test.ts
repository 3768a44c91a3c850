import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import { backoffDelay, contentRange, MAX_UPLOAD_BYTES, resumableUpload, UploadAbortedError, type UploadTransport } from './uploader.ts';

/** An in-memory server: holds the bytes in order, and can be told to fail the next requests. */
function fakeServer(chunkSize = 4) {
  let held = new Uint8Array(0);
  const log: string[] = [];
  const failures: { put: ApiError[]; complete: ApiError[]; status: ApiError[] } = { put: [], complete: [], status: [] };
  let loseAnswers = 0;
  const transport: UploadTransport = {
    start: async (filename, size) => {
      log.push(`start ${filename} ${size}`);
      return { id: 'u1', chunkSize, received: 0 };
    },
    put: async (_id, start, chunk) => {
      log.push(`put ${start}+${chunk.size}`);
      const failure = failures.put.shift();
      if (failure) throw failure;
      if (start !== held.length) throw new ApiError(409, 'UPLOAD_OFFSET_MISMATCH', '偏移不一致', undefined, [], { received: held.length });
      const bytes = new Uint8Array(await chunk.arrayBuffer());
      const next = new Uint8Array(held.length + bytes.length);
      next.set(held);
      next.set(bytes, held.length);
      held = next;
      if (loseAnswers > 0) {
        // The chunk arrived, but its answer was lost on the way back.
        loseAnswers -= 1;
        throw new ApiError(0, 'NETWORK_ERROR', '网络错误');
      }
      return { received: held.length };
    },
    status: async () => {
      log.push('status');
      const failure = failures.status.shift();
      if (failure) throw failure;
      return { received: held.length };
    },
    complete: async () => {
      log.push('complete');
      const failure = failures.complete.shift();
      if (failure) throw failure;
      return { sha256: 'a'.repeat(64), size: held.length, mime: 'application/pdf' };
    },
    abort: async () => {
      log.push('abort');
    },
  };
  return {
    transport,
    log,
    failures,
    held: () => new TextDecoder().decode(held),
    loseNextAnswer: () => {
      loseAnswers += 1;
    },
  };
}

const network = () => new ApiError(0, 'NETWORK_ERROR', '无法连接服务器');
const noSleep = async () => undefined;

describe('resumable material upload', () => {
  it('sends the file in the chunks the server asks for and reports progress up to the whole size', async () => {
    const server = fakeServer(4);
    const progress: number[] = [];
    const stored = await resumableUpload(new Blob(['%PDF-1.7 x']), 'a.pdf', server.transport, { onProgress: (sent) => progress.push(sent), sleep: noSleep });
    expect(stored.size).toBe(10);
    expect(server.held()).toBe('%PDF-1.7 x');
    expect(server.log).toEqual(['start a.pdf 10', 'put 0+4', 'put 4+4', 'put 8+2', 'complete']);
    expect(progress).toEqual([0, 4, 8, 10]);
  });

  it('after a dropped connection waits, asks the server how much it holds and goes on from there', async () => {
    const server = fakeServer(4);
    server.failures.put.push(network(), network());
    const waits: number[] = [];
    await resumableUpload(new Blob(['0123456789']), 'a.pdf', server.transport, {
      baseDelayMs: 100,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(server.held()).toBe('0123456789');
    expect(waits).toEqual([100, 200]);
    expect(server.log.filter((entry) => entry === 'status')).toHaveLength(2);
  });

  it('does not send a chunk twice when it arrived but its answer was lost', async () => {
    const server = fakeServer(4);
    server.loseNextAnswer();
    await resumableUpload(new Blob(['0123456789']), 'a.pdf', server.transport, { sleep: noSleep });
    expect(server.held()).toBe('0123456789');
    expect(server.log).toEqual(['start a.pdf 10', 'put 0+4', 'status', 'put 4+4', 'put 8+2', 'complete']);
  });

  it('follows the offset a 409 UPLOAD_OFFSET_MISMATCH names', async () => {
    const server = fakeServer(4);
    // The server already holds 4 bytes (sent from another tab, or a retry that got through).
    await server.transport.put('u1', 0, new Blob(['0123']), 10);
    server.log.length = 0;
    await resumableUpload(new Blob(['0123456789']), 'a.pdf', server.transport, { sleep: noSleep });
    expect(server.held()).toBe('0123456789');
    expect(server.log).toEqual(['start a.pdf 10', 'put 0+4', 'put 4+4', 'put 8+2', 'complete']);
  });

  it('gives up after the allowed retries keeping the session, and "upload again" goes on from what the server holds', async () => {
    const server = fakeServer(4);
    server.failures.put.push(network(), network(), network());
    const file = new Blob(['0123456789']);
    let session: { id: string; chunkSize: number } | undefined;
    const first = resumableUpload(file, 'a.pdf', server.transport, { retries: 2, sleep: noSleep, onSession: (s) => (session = s) });
    await expect(first).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(server.log).not.toContain('abort');
    expect(session).toEqual({ id: 'u1', chunkSize: 4 });

    // Meanwhile the first chunk had reached the server after all.
    await server.transport.put('u1', 0, new Blob(['0123']), 10);
    server.log.length = 0;
    await resumableUpload(file, 'a.pdf', server.transport, { session, sleep: noSleep });
    expect(server.held()).toBe('0123456789');
    expect(server.log).toEqual(['status', 'put 4+4', 'put 8+2', 'complete']);
  });

  it('starts afresh when the earlier session is gone', async () => {
    const server = fakeServer(4);
    server.failures.status.push(new ApiError(404, 'NOT_FOUND', '上传不存在'));
    await resumableUpload(new Blob(['0123']), 'a.pdf', server.transport, { session: { id: 'old', chunkSize: 4 }, sleep: noSleep });
    expect(server.log).toEqual(['status', 'start a.pdf 4', 'put 0+4', 'complete']);
  });

  it('a file of the wrong type is refused at completion without retrying (the server drops it itself)', async () => {
    const server = fakeServer(4);
    server.failures.complete.push(new ApiError(415, 'FILE_TYPE_NOT_ALLOWED', '文件类型不允许'));
    await expect(resumableUpload(new Blob(['MZ......']), 'a.exe', server.transport, { sleep: noSleep })).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(server.log.filter((entry) => entry === 'complete')).toHaveLength(1);
    expect(server.log).not.toContain('abort');
  });

  it('a refusal before completion drops the half-stored upload', async () => {
    const server = fakeServer(4);
    server.failures.put.push(new ApiError(413, 'FILE_TOO_LARGE', '文件过大'));
    await expect(resumableUpload(new Blob(['0123456789']), 'a.pdf', server.transport, { sleep: noSleep })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(server.log.at(-1)).toBe('abort');
  });

  it('refuses a file over 20 MB before sending anything', async () => {
    const server = fakeServer(4);
    const big = { size: MAX_UPLOAD_BYTES + 1, slice: () => new Blob() } as unknown as Blob;
    await expect(resumableUpload(big, 'big.pdf', server.transport)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
    expect(server.log).toEqual([]);
  });

  it('stops between chunks when cancelled', async () => {
    const server = fakeServer(4);
    const controller = new AbortController();
    const upload = resumableUpload(new Blob(['0123456789']), 'a.pdf', server.transport, {
      signal: controller.signal,
      onProgress: (sent) => sent >= 4 && controller.abort(),
      sleep: noSleep,
    });
    await expect(upload).rejects.toBeInstanceOf(UploadAbortedError);
    expect(server.log).not.toContain('complete');
    expect(server.log.at(-1)).toBe('abort');
  });
});

describe('upload arithmetic', () => {
  it('Content-Range names the last byte of the chunk, not the one after it', () => {
    expect(contentRange(0, 4, 10)).toBe('bytes 0-3/10');
    expect(contentRange(8, 2, 10)).toBe('bytes 8-9/10');
  });

  it('backoff doubles up to its cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, 500, 8000))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });
});

describe('upload completion', () => {
  it('when the server says at completion that it holds less, the rest is sent and completion asked again', async () => {
    const server = fakeServer(4);
    server.failures.complete.push(new ApiError(409, 'UPLOAD_INCOMPLETE', '文件尚未传完', undefined, [], { received: 8, size: 10 }));
    await resumableUpload(new Blob(['0123456789']), 'a.pdf', server.transport, { sleep: noSleep });
    expect(server.log).toEqual(['start a.pdf 10', 'put 0+4', 'put 4+4', 'put 8+2', 'complete', 'put 8+2', 'complete']);
  });

  it('too many open uploads is said at once, not waited out', async () => {
    const server = fakeServer(4);
    server.transport.start = async () => {
      throw new ApiError(429, 'TOO_MANY_UPLOADS', '同时进行的上传不能超过 20 个');
    };
    const waits: number[] = [];
    await expect(resumableUpload(new Blob(['0123']), 'a.pdf', server.transport, { sleep: async (ms) => void waits.push(ms) })).rejects.toMatchObject({ code: 'TOO_MANY_UPLOADS' });
    expect(waits).toEqual([]);
  });
});
