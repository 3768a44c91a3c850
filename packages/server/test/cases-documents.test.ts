// Case documents (文书) through their HTTP routes: each kind is issued by an action taken through the API, comes out
// as an A4 PDF with the Noto Sans CJK font embedded, says what the law asks it to say (checked with pdftotext), and
// renders as a page with ink on it (pdftoppm). It is drawn once, on first request, and served from the store after.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingToday, chineseDate, maskIdNumber } from '@onewindow/domain';
import { addStaff, anonymous, countRows, DEMO, loginApplicant, loginStaff, type Client, type Response, type TestApp, createTestApp } from './harness.ts';
import { allMaterials, caseGuide, PERSON, publishCaseItem, windowIntake } from './fixtures/cases.ts';
import { actOk, openCase, problemOf, readCase, type Created } from './fixtures/case-api.ts';
import { onlineApplication } from './fixtures/online.ts';

let t: TestApp;
let clerk: Client;
let reviewer: Client;
let owner: Client;
let otherApplicant: Client;
let countyClerk: Client;
let otherReviewer: Client;
let itemCode: string;
let tmp: string;

beforeAll(async () => {
  t = await createTestApp();
  clerk = await loginStaff(t.app, 'clerk');
  reviewer = await loginStaff(t.app, 'reviewer');
  owner = await loginApplicant(t.app, DEMO.person.phone);
  otherApplicant = await loginApplicant(t.app, DEMO.company.phone);
  // Out of the case's scope: a clerk of 正定县, and a reviewer of another department of the city.
  await addStaff(t.app, { username: 'zdclerk', name: '正定窗口', roles: [{ role: 'clerk', regionCode: '130123' }] });
  countyClerk = await loginStaff(t.app, 'zdclerk');
  const medical = await t.db.selectFrom('departments').select('id').where('name', '=', '石家庄市医疗保障局').executeTakeFirstOrThrow();
  await addStaff(t.app, { username: 'ybreviewer', name: '医保审批', roles: [{ role: 'reviewer', regionCode: '1301', departmentId: medical.id }] });
  otherReviewer = await loginStaff(t.app, 'ybreviewer');
  itemCode = await publishCaseItem(t, await loginStaff(t.app, 'catalog'), await loginStaff(t.app, 'catalog2'));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-documents-'));
});

afterAll(async () => {
  await t?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

interface DocumentItem {
  seq: number;
  kind: string;
  title: string;
  number: string;
  issuedAt: string;
  url: string;
}

async function documentsOf(client: Client, caseId: string): Promise<DocumentItem[]> {
  const response = await client.get(`/api/cases/${caseId}/documents`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: DocumentItem[] }>().items;
}

async function fetchPdf(client: Client, url: string): Promise<Response> {
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return response;
}

/**
 * The document's text in the order it was drawn (`-raw`: a table cell's lines stay together instead of interleaving
 * with the cell beside it), with all white space removed (lines break where the layout does).
 */
function textOf(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** pdffonts' table: one row per font, with whether it is embedded. */
function fontsOf(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name, type (two words), encoding, emb, sub, uni, object, ID
    return { name: cols[0]!, embedded: cols.at(-5) === 'yes' };
  });
}

/** Decodes an 8-bit RGB or greyscale PNG (what pdftoppm writes) and returns the share of pixels that are not white. */
function inkShare(png: Buffer): number {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, colourType, interlace] = [png[24], png[25], png[28]];
  expect(depth).toBe(8);
  expect([0, 2]).toContain(colourType); // greyscale or RGB
  expect(interlace).toBe(0);
  const channels = colourType === 2 ? 3 : 1;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  // Undo the per-row filters (PNG spec §9), byte by byte against the byte one pixel to the left and the row above.
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const bytes = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i]!;
      const left = i >= channels ? bytes[y * stride + i - channels]! : 0;
      const up = y > 0 ? bytes[(y - 1) * stride + i]! : 0;
      const upLeft = i >= channels && y > 0 ? bytes[(y - 1) * stride + i - channels]! : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      bytes[y * stride + i] = (value + [0, left, up, (left + up) >> 1, paeth][filter]!) & 0xff;
    }
  }
  let ink = 0;
  for (let px = 0; px < width * height; px++) {
    const darkest = Math.min(...Array.from(bytes.subarray(px * channels, px * channels + channels)));
    if (darkest < 200) ink++;
  }
  return ink / (width * height);
}

/**
 * Saves the PDF, checks that its fonts are Noto Sans CJK and embedded, that page 1 at 50 dpi is an A4 page with a
 * meaningful share of ink (text, tables, the QR code) and not a blank or black one, and returns its text.
 */
function inspect(bytes: Buffer, name: string): string {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  const fonts = fontsOf(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansCJK\w*-(Regular|Bold)$/);
    expect(font.embedded, `${font.name} embedded`).toBe(true);
  }
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', file, path.join(tmp, name)]);
  const png = fs.readFileSync(path.join(tmp, `${name}.png`));
  // A4 at 50 dpi is 413.4 × 584.6 pixels, rounded either way.
  expect(Math.abs(png.readUInt32BE(16) - 413.4)).toBeLessThan(1);
  expect(Math.abs(png.readUInt32BE(20) - 584.6)).toBeLessThan(1);
  const share = inkShare(png);
  expect(share).toBeGreaterThan(0.03);
  expect(share).toBeLessThan(0.5);
  return textOf(file);
}

const compact = (s: string) => s.replace(/\s+/g, '');
const REFUSAL_REMEDIES = '可申请行政复议';

describe('受理通知书 (acceptance receipt)', () => {
  let created: Created;
  let receipt: DocumentItem;

  beforeAll(async () => {
    created = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
  });

  it('is not drawn during intake: nothing is stored until someone asks for it', async () => {
    const stored = await t.db.selectFrom('case_documents').selectAll().where('case_id', '=', created.id).execute();
    expect(stored).toEqual([]);
    const items = await documentsOf(clerk, created.id);
    expect(items).toHaveLength(1);
    receipt = items[0]!;
    expect(receipt).toMatchObject({ seq: 2, kind: 'receipt', title: '受理通知书', number: `${created.number}-SL`, url: `/api/cases/${created.id}/documents/2` });
  });

  it('holds the case number, item, masked applicant, every material with form and count, due date, tracking QR, hall, window and clerk', async () => {
    const response = await fetchPdf(clerk, receipt.url);
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`受理通知书-${created.number}-SL.pdf`)}`);
    const text = inspect(response.rawPayload, 'receipt');
    const view = await readCase(clerk, created.id);
    expect(created.dueDate).not.toBeNull();
    for (const expected of [
      '石家庄市行政审批局', '受理通知书', `${created.number}-SL`, created.number, '个体工商户设立登记（办件测试）', itemCode, PERSON.name,
      maskIdNumber(PERSON.idNumber), chineseDate(created.dueDate!), '5个工作日', chineseDate(beijingToday(new Date(view.acceptedAt!))),
      '个体工商户登记（备案）申请书', '经营者身份证明', '经营场所使用证明', '原件', '复印件',
      `${t.config.publicBaseUrl}/track/t/${created.trackingToken}`, '后6位', '石家庄市政务服务中心', '石家庄市长安区中山东路39号', 'A01', '李窗口', '（盖章）',
    ]) {
      expect(text, expected).toContain(compact(expected));
    }
    expect(text).not.toContain(PERSON.idNumber);
  });

  it('is served from the store after the first request: one case_documents row, the same bytes', async () => {
    const first = await fetchPdf(owner, receipt.url);
    const rows = await t.db.selectFrom('case_documents').selectAll().where('case_id', '=', created.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ seq: 2, kind: 'receipt', sha256: crypto.createHash('sha256').update(first.rawPayload).digest('hex') });
    const files = await countRows(t.db, 'files');

    const again = await fetchPdf(clerk, receipt.url);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(again.headers.etag).toBe(`"${rows[0]!.sha256}"`);
    expect(await t.db.selectFrom('case_documents').selectAll().where('case_id', '=', created.id).execute()).toHaveLength(1);
    expect(await countRows(t.db, 'files')).toBe(files);
  });

  it('two first requests at once store one document', async () => {
    const other = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
    const url = `/api/cases/${other.id}/documents/2`;
    const [a, b] = await Promise.all([clerk.get(url), owner.get(url)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.rawPayload.equals(b.rawPayload)).toBe(true);
    expect(await t.db.selectFrom('case_documents').selectAll().where('case_id', '=', other.id).execute()).toHaveLength(1);
  });

  it('容缺受理: the deferred material shows as 容缺后补 with its promised date, even when first printed after it came in', async () => {
    const promised = (await readCase(clerk, created.id)).dueDate!;
    const deferred = await openCase(clerk, windowIntake(itemCode, {
      materials: allMaterials({ premises: 'deferred' }),
      decision: { type: 'accept', deferred: [{ materialId: 'premises', dueDate: promised }], commitment: '本人承诺五个工作日内补交经营场所使用证明' },
    }));
    await actOk(clerk, deferred.id, { type: 'deferred_received', material: { materialId: 'premises', receivedAs: 'copy', count: 1, files: [], checks: { address: true } } });
    const text = inspect((await fetchPdf(clerk, `/api/cases/${deferred.id}/documents/2`)).rawPayload, 'receipt-deferred');
    expect(text).toContain(`容缺后补（${chineseDate(promised)}前补交）`);
  });
});

describe('受理通知书 of an online application', () => {
  it('accepted at the online pre-review, it names the guide’s place of handling and the clerk who accepted', async () => {
    const applied = await openCase(owner, await onlineApplication(owner, itemCode, { submit: true }));
    await actOk(clerk, applied.id, { type: 'accept' });
    const [receipt] = await documentsOf(owner, applied.id);
    expect(receipt).toMatchObject({ seq: 3, kind: 'receipt' });
    const text = inspect((await fetchPdf(owner, receipt!.url)).rawPayload, 'receipt-online');
    const view = await readCase(owner, applied.id);
    for (const expected of [applied.number, view.applicant.name, chineseDate(view.dueDate!), caseGuide().location, '受理人：李窗口', caseGuide().consultPhone]) {
      expect(text, expected).toContain(compact(expected));
    }
  });
});

describe('补齐补正告知书 (correction notice)', () => {
  it('lists every missing or defective material with its fix and the date allowed; a case may carry two', async () => {
    const created = await openCase(clerk, windowIntake(itemCode, { materials: allMaterials({ 'id-card': 'missing' }), decision: { type: 'request_correction' } }));
    // The applicant brings the ID but the premises proof does not match: a second notice, then 受理.
    await actOk(clerk, created.id, { type: 'resubmit', materials: [{ materialId: 'id-card', receivedAs: 'original', count: 1, files: [], checks: { valid: true } }, { materialId: 'premises', receivedAs: 'copy', count: 1, files: [], checks: { address: false } }] });
    await actOk(clerk, created.id, { type: 'request_correction' });
    await actOk(clerk, created.id, { type: 'resubmit', materials: [{ materialId: 'premises', receivedAs: 'copy', count: 1, files: [], checks: { address: true } }] });
    await actOk(clerk, created.id, { type: 'accept' });

    const items = await documentsOf(owner, created.id);
    expect(items.map((d) => [d.seq, d.kind, d.number])).toEqual([
      [2, 'correction', `${created.number}-BZ1`],
      [4, 'correction', `${created.number}-BZ2`],
      [6, 'receipt', `${created.number}-SL`],
    ]);
    expect(items[0]!.title).toBe('补齐补正告知书');

    const timeline = (await readCase(clerk, created.id)).timeline;
    const notices = timeline.filter((a) => a.type === 'request_correction').map((a) => a.event as { items: { materialId: string; problem: string; fix: string }[]; dueDate: string });
    const pairs: [DocumentItem, (typeof notices)[number]][] = [[items[0]!, notices[0]!], [items[1]!, notices[1]!]];
    for (const [i, [doc, notice]] of pairs.entries()) {
      const text = inspect((await fetchPdf(owner, doc.url)).rawPayload, `correction-${i + 1}`);
      expect(text).toContain(doc.number);
      expect(text).toContain(created.number);
      expect(text).toContain(compact(chineseDate(notice.dueDate)));
      expect(text).toContain('退件');
      expect(text).toContain(`${t.config.publicBaseUrl}/track/t/${created.trackingToken}`);
      expect(notice.items.length).toBeGreaterThan(0);
      for (const item of notice.items) expect(text).toContain(compact(item.fix));
    }
    const first = textOf(path.join(tmp, 'correction-1.pdf'));
    expect(first).toContain('经营者身份证明');
    expect(first).not.toContain('经营场所使用证明');
    expect(textOf(path.join(tmp, 'correction-2.pdf'))).toContain('经营场所使用证明');
  });
});

describe('不予受理决定书 and 准予/不予许可决定书', () => {
  it('不予受理 states the reason, the guide’s legal basis, and both remedies with their time limits', async () => {
    const reason = '申请事项依法不属于本机关职权范围，请向正定县行政审批局申请';
    const created = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'refuse', reason, remedies: REFUSAL_REMEDIES } }));
    const [doc] = await documentsOf(clerk, created.id);
    expect(doc).toMatchObject({ seq: 2, kind: 'refusal', title: '不予受理决定书', number: `${created.number}-BYSL` });
    const text = inspect((await fetchPdf(owner, doc!.url)).rawPayload, 'refusal');
    for (const expected of [created.number, reason, caseGuide().legalBasis, REFUSAL_REMEDIES, '行政复议', '六十日', '行政诉讼', '六个月', '（盖章）']) {
      expect(text, expected).toContain(compact(expected));
    }
  });

  it('不予许可 states the decision, the reason and the remedies; 准予许可 the result', async () => {
    const refused = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
    await actOk(reviewer, refused.id, { type: 'complete_step', opinion: '经营场所需现场核查' });
    const reason = '经营场所位于禁止经营区域，不符合住所登记管理规定';
    await actOk(reviewer, refused.id, { type: 'decide', grant: false, reason, remedies: '可以自收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼', opinion: reason });
    const docs = await documentsOf(owner, refused.id);
    expect(docs.map((d) => [d.kind, d.title])).toEqual([['receipt', '受理通知书'], ['decision', '不予许可决定书']]);
    const text = inspect((await fetchPdf(owner, docs[1]!.url)).rawPayload, 'decision-refused');
    for (const expected of [refused.number, `${refused.number}-BYXK`, '不予许可', reason, '行政复议', '六十日', '行政诉讼', '六个月', '（盖章）']) {
      expect(text, expected).toContain(compact(expected));
    }

    const granted = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
    await actOk(reviewer, granted.id, { type: 'complete_step', opinion: '材料齐全' });
    await actOk(reviewer, granted.id, { type: 'decide', grant: true, opinion: '准予登记' });
    const decision = (await documentsOf(clerk, granted.id)).find((d) => d.kind === 'decision')!;
    expect(decision).toMatchObject({ title: '准予许可决定书', number: `${granted.number}-ZYXK` });
    const grantText = inspect((await fetchPdf(clerk, decision.url)).rawPayload, 'decision-granted');
    for (const expected of [granted.number, '准予许可', caseGuide().resultName]) expect(grantText, expected).toContain(compact(expected));
    expect(grantText).not.toContain('行政诉讼');
  });
});

describe('who may read the documents', () => {
  let created: Created;
  beforeAll(async () => {
    created = await openCase(clerk, windowIntake(itemCode, { decision: { type: 'accept' } }));
  });

  it('an action that issued no document is a 404 problem, in Chinese', async () => {
    for (const seq of [1, 99]) {
      const response = await clerk.get(`/api/cases/${created.id}/documents/${seq}`);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(problemOf(response)).toMatchObject({ code: 'NOT_FOUND', title: '文书不存在' });
    }
  });

  it('another applicant is told the case does not exist; staff out of scope are refused; nobody signed in must sign in', async () => {
    const urls = [`/api/cases/${created.id}/documents`, `/api/cases/${created.id}/documents/2`];
    for (const url of urls) {
      expect((await owner.get(url)).statusCode, url).toBe(200);
      expect((await otherApplicant.get(url)).statusCode, url).toBe(404);
      expect((await countyClerk.get(url)).statusCode, url).toBe(403);
      expect((await otherReviewer.get(url)).statusCode, url).toBe(403);
      expect((await anonymous(t.app).get(url)).statusCode, url).toBe(401);
    }
  });
});
