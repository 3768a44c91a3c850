// Resumable uploads (断点续传): a file sent in chunks survives an interruption, is typed by its content when completed
// and then kept exactly like a one-shot upload; a wrong type, an oversized file, a chunk at the wrong offset and
// someone else's session are refused; and nothing half-sent ever shows as a file or stays on disk after an abort or
// a day of idleness.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadSweepJob } from '../src/platform/resumable-uploads.ts';
import { countRows, createTestApp, DEMO, loginApplicant, loginStaff, type Client, type TestApp } from './harness.ts';
import { PNG, problemOf, upload, type Uploaded } from './fixtures/case-api.ts';
import { pdf, resumableUpload, sendChunk, sha256 } from './fixtures/online.ts';

/** Small chunks, so that a file of a few hundred kilobytes takes several. */
const CHUNK = 64 * 1024;

let t: TestApp;
let applicant: Client;
let otherApplicant: Client;
let clerk: Client;

beforeAll(async () => {
  t = await createTestApp({ config: { uploadChunkBytes: CHUNK } });
  applicant = await loginApplicant(t.app, DEMO.person.phone);
  otherApplicant = await loginApplicant(t.app, DEMO.company.phone);
  clerk = await loginStaff(t.app, 'clerk');
});

afterAll(async () => {
  await t?.close();
});

/** A PNG of `size` bytes: the signature and a real 1×1 image, padded with random bytes (still a PNG by content). */
function bigPng(size: number): Buffer {
  return Buffer.concat([PNG, crypto.randomBytes(size - PNG.length)]);
}

const partFile = (id: string) => path.join(t.config.dataDir, 'uploads', `${id}.part`);
const sessionRow = (id: string) => t.db.selectFrom('upload_sessions').selectAll().where('id', '=', id).executeTakeFirst();
const fileRow = (sha: string) => t.db.selectFrom('files').selectAll().where('sha256', '=', sha).executeTakeFirst();

async function open(client: Client, filename: string, size: number): Promise<string> {
  const response = await client.post('/api/uploads', { filename, size });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<{ id: string; chunkSize: number; received: number }>();
  expect(body).toEqual({ id: expect.any(String), chunkSize: CHUNK, received: 0 });
  return body.id;
}

describe('an upload interrupted and resumed', () => {
  it('picks up from what the server says it received and completes with the right SHA-256, kept like a one-shot upload', async () => {
    const bytes = bigPng(5 * CHUNK + 1234);
    const id = await open(applicant, '身份证.png', bytes.length);

    // Two chunks arrive, then the connection drops mid-way through the third (the server never sees it).
    expect((await sendChunk(applicant, id, bytes, 0, CHUNK)).json()).toEqual({ received: CHUNK });
    expect((await sendChunk(applicant, id, bytes, CHUNK, 2 * CHUNK)).json()).toEqual({ received: 2 * CHUNK });

    // Nothing half-sent is a file: no row in `files`, nothing in the store.
    expect(await fileRow(sha256(bytes))).toBeUndefined();
    expect(await t.app.files.exists(sha256(bytes))).toBe(false);

    // Later, on another device of the same applicant: where does it stand?
    const resumer = await loginApplicant(t.app, DEMO.person.phone);
    const status = await resumer.get(`/api/uploads/${id}`);
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toEqual({ id, filename: '身份证.png', size: bytes.length, received: 2 * CHUNK });
    for (let start = 2 * CHUNK; start < bytes.length; start += CHUNK) {
      const sent = await sendChunk(resumer, id, bytes, start, Math.min(start + CHUNK, bytes.length));
      expect(sent.statusCode, sent.body).toBe(200);
    }

    const completed = await resumer.post(`/api/uploads/${id}/complete`);
    expect(completed.statusCode, completed.body).toBe(201);
    expect(completed.json<Uploaded>()).toEqual({ sha256: sha256(bytes), size: bytes.length, mime: 'image/png' });
    expect(await fileRow(sha256(bytes))).toMatchObject({ mime: 'image/png' });
    expect((await t.app.files.get(sha256(bytes)))?.equals(bytes)).toBe(true);
    // The uploader is recorded, so their materials may name the file.
    const owner = await t.db.selectFrom('file_owners').select('owner_kind').where('sha256', '=', sha256(bytes)).executeTakeFirst();
    expect(owner).toEqual({ owner_kind: 'applicant' });

    // The partial data is gone, and so is the session.
    expect(fs.existsSync(partFile(id))).toBe(false);
    expect(await sessionRow(id)).toBeUndefined();
    expect((await resumer.get(`/api/uploads/${id}`)).statusCode).toBe(404);
  });

  it('staff (a clerk scanning at the window) upload the same way', async () => {
    const bytes = pdf('scanned at the window');
    const stored = await resumableUpload(clerk, 'scan.pdf', bytes);
    expect(stored).toEqual({ sha256: sha256(bytes), size: bytes.length, mime: 'application/pdf' });
  });

  it('a chunk at the wrong offset is refused with what was received, so the client can resume; nothing is written', async () => {
    const bytes = bigPng(3 * CHUNK);
    const id = await open(applicant, 'photo.png', bytes.length);
    await sendChunk(applicant, id, bytes, 0, CHUNK);

    for (const [start, end] of [[0, CHUNK], [2 * CHUNK, 3 * CHUNK]] as const) {
      const response = await sendChunk(applicant, id, bytes, start, end);
      expect(response.statusCode).toBe(409);
      expect(problemOf(response)).toMatchObject({ code: 'UPLOAD_OFFSET_MISMATCH', received: CHUNK });
    }
    expect(fs.statSync(partFile(id)).size).toBe(CHUNK);
    expect((await applicant.get(`/api/uploads/${id}`)).json<{ received: number }>().received).toBe(CHUNK);

    const early = await applicant.post(`/api/uploads/${id}/complete`);
    expect(early.statusCode).toBe(409);
    expect(problemOf(early)).toMatchObject({ code: 'UPLOAD_INCOMPLETE', received: CHUNK, size: 3 * CHUNK });
  });

  it('a Content-Range that does not describe the chunk, or a body that is not raw bytes, is refused', async () => {
    const bytes = pdf('range checks');
    const id = await open(applicant, 'a.pdf', bytes.length);
    const put = (headers: Record<string, string>, body: unknown = bytes) => applicant.put(`/api/uploads/${id}`, body, { headers });

    const missing = await put({ 'content-type': 'application/octet-stream' });
    expect(missing.statusCode).toBe(400);
    expect(problemOf(missing)).toMatchObject({ code: 'CONTENT_RANGE_INVALID', errors: [{ path: '/headers/content-range' }] });
    const short = await put({ 'content-type': 'application/octet-stream', 'content-range': `bytes 0-9/${bytes.length}` });
    expect(problemOf(short).code).toBe('CONTENT_RANGE_INVALID');
    const wrongTotal = await put({ 'content-type': 'application/octet-stream', 'content-range': `bytes 0-9/${bytes.length - 1}` }, bytes.subarray(0, 10));
    expect(wrongTotal.statusCode).toBe(400);
    expect(problemOf(wrongTotal).errors?.[0]?.message).toContain(`登记的 ${bytes.length} 字节`);
    const json = await put({ 'content-type': 'application/json', 'content-range': `bytes 0-1/${bytes.length}` }, { not: 'bytes' });
    expect(json.statusCode).toBe(415);
    expect(problemOf(json).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await applicant.get(`/api/uploads/${id}`)).json<{ received: number }>().received).toBe(0);
  });
});

describe('what an upload may not be', () => {
  it('a type not accepted, by its content whatever its name (text named .pdf), is refused at completion and its data removed', async () => {
    const text = Buffer.from('这不是扫描件，只是一段文字。'.repeat(50));
    const id = await open(applicant, '申请书.pdf', text.length);
    expect((await sendChunk(applicant, id, text, 0, text.length)).statusCode).toBe(200);
    expect(fs.existsSync(partFile(id))).toBe(true);

    const response = await applicant.post(`/api/uploads/${id}/complete`);
    expect(response.statusCode).toBe(415);
    expect(problemOf(response)).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(problemOf(response).errors?.[0]?.message).toContain('按文件内容判断');
    expect(fs.existsSync(partFile(id))).toBe(false);
    expect(await sessionRow(id)).toBeUndefined();
    expect(await fileRow(sha256(text))).toBeUndefined();
  });

  it('a file too short to be a PDF, JPEG, PNG or OFD (1–3 bytes) is refused as a wrong type, never a server error', async () => {
    for (const bytes of [Buffer.from('%'), Buffer.from('PK'), Buffer.from([0xff, 0xd8, 0x00])]) {
      const oneShot = await upload(applicant, '扫描件.pdf', bytes, 'application/pdf');
      expect(oneShot.statusCode, oneShot.body).toBe(415);
      expect(problemOf(oneShot)).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', errors: [{ path: '/file' }] });

      const id = await open(applicant, '扫描件.pdf', bytes.length);
      expect((await sendChunk(applicant, id, bytes, 0, bytes.length)).statusCode).toBe(200);
      const completed = await applicant.post(`/api/uploads/${id}/complete`);
      expect(completed.statusCode, completed.body).toBe(415);
      expect(problemOf(completed)).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', errors: [{ path: '/file' }] });
      expect(await sessionRow(id)).toBeUndefined();
      expect(fs.existsSync(partFile(id))).toBe(false);
      expect(await fileRow(sha256(bytes))).toBeUndefined();
    }
  });

  it('PNG bytes named .pdf are kept as the PNG they are', async () => {
    const bytes = bigPng(2000);
    const stored = await resumableUpload(applicant, '营业执照.pdf', bytes);
    expect(stored.mime).toBe('image/png');
  });

  it('a file declared above 20 MB is refused at once (413), before a byte is sent', async () => {
    const sessions = await countRows(t.db, 'upload_sessions');
    const response = await applicant.post('/api/uploads', { filename: 'huge.pdf', size: 20 * 1024 * 1024 + 1 });
    expect(response.statusCode).toBe(413);
    expect(problemOf(response)).toMatchObject({ code: 'FILE_TOO_LARGE', errors: [{ path: '/size' }] });
    expect(await countRows(t.db, 'upload_sessions')).toBe(sessions);
  });

  it('more bytes than declared are refused (413), and so is a chunk larger than the chunk size', async () => {
    const bytes = pdf('declared small, sent large');
    const id = await open(applicant, 'small.pdf', 100);
    const beyond = await sendChunk(applicant, id, bytes, 0, 150, 150);
    expect(beyond.statusCode).toBe(413);
    expect(problemOf(beyond).code).toBe('FILE_TOO_LARGE');

    const big = bigPng(CHUNK + 1);
    const id2 = await open(applicant, 'big.png', big.length);
    const oversized = await sendChunk(applicant, id2, big, 0, big.length);
    expect(oversized.statusCode).toBe(413);
    expect(problemOf(oversized).code).toBe('BODY_TOO_LARGE');
    expect((await applicant.get(`/api/uploads/${id2}`)).json<{ received: number }>().received).toBe(0);
  });
});

describe('whose upload it is', () => {
  it('only the one who opened a session may see, send to, complete or abort it; others are told it does not exist', async () => {
    const bytes = pdf('private');
    const id = await open(applicant, 'private.pdf', bytes.length);
    for (const stranger of [otherApplicant, clerk]) {
      expect((await stranger.get(`/api/uploads/${id}`)).statusCode, stranger.label).toBe(404);
      expect((await sendChunk(stranger, id, bytes, 0, bytes.length)).statusCode, stranger.label).toBe(404);
      expect((await stranger.post(`/api/uploads/${id}/complete`)).statusCode, stranger.label).toBe(404);
      expect((await stranger.delete(`/api/uploads/${id}`)).statusCode, stranger.label).toBe(404);
    }
    expect((await applicant.get(`/api/uploads/${id}`)).json<{ received: number }>().received).toBe(0);
  });
});

describe('nothing half-stored is left behind', () => {
  it('an aborted upload leaves neither its row nor its partial file', async () => {
    const bytes = bigPng(2 * CHUNK);
    const id = await open(applicant, 'abort.png', bytes.length);
    await sendChunk(applicant, id, bytes, 0, CHUNK);
    expect(fs.existsSync(partFile(id))).toBe(true);

    const aborted = await applicant.delete(`/api/uploads/${id}`);
    expect(aborted.statusCode, aborted.body).toBe(204);
    expect(fs.existsSync(partFile(id))).toBe(false);
    expect(await sessionRow(id)).toBeUndefined();
    expect((await applicant.get(`/api/uploads/${id}`)).statusCode).toBe(404);
  });

  it('the scheduled sweep removes sessions idle for more than a day with their data, and stray partial files; it keeps live ones', async () => {
    const bytes = bigPng(2 * CHUNK);
    const idle = await open(applicant, 'forgotten.png', bytes.length);
    await sendChunk(applicant, idle, bytes, 0, CHUNK);
    const live = await open(applicant, 'in-progress.png', bytes.length);
    await sendChunk(applicant, live, bytes, 0, CHUNK);
    await t.db.updateTable('upload_sessions').set({ updated_at: new Date(Date.now() - 25 * 3_600_000) }).where('id', '=', idle).execute();
    // A partial file whose session is gone (a crash between a commit and the file's removal), as old.
    const stray = path.join(t.config.dataDir, 'uploads', `${crypto.randomUUID()}.part`);
    fs.writeFileSync(stray, 'left over');
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    fs.utimesSync(stray, dayAgo, dayAgo);

    expect(await t.app.scheduler.runOnce(uploadSweepJob(t.config))).toBe(true);

    expect(await sessionRow(idle)).toBeUndefined();
    expect(fs.existsSync(partFile(idle))).toBe(false);
    expect(fs.existsSync(stray)).toBe(false);
    expect(await sessionRow(live)).toMatchObject({ received: CHUNK });
    expect(fs.statSync(partFile(live)).size).toBe(CHUNK);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'upload.sweep').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ sessions: 1, orphans: 1 });
  });
});
