// Material scans and uploads: typed by their content (not their name), referenced by a case's materials, and served
// only to those who may read the case.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, loginApplicant, loginStaff, type Client, type TestApp } from './harness.ts';
import { allMaterials, FORM_DATA, publishCaseItem, windowIntake } from './fixtures/cases.ts';
import { openCase, PNG, problemOf, readCase, upload, uploaded } from './fixtures/case-api.ts';

/** A one-page PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let t: TestApp;
let clerk: Client;
let reviewer: Client;
let supervisor: Client;
let applicant: Client;
let otherApplicant: Client;
let itemCode: string;

beforeAll(async () => {
  t = await createTestApp();
  clerk = await loginStaff(t.app, 'clerk');
  reviewer = await loginStaff(t.app, 'reviewer');
  supervisor = await loginStaff(t.app, 'supervisor');
  applicant = await loginApplicant(t.app, DEMO.person.phone);
  otherApplicant = await loginApplicant(t.app, DEMO.company.phone);
  itemCode = await publishCaseItem(t, await loginStaff(t.app, 'catalog'), await loginStaff(t.app, 'catalog2'));
});

afterAll(async () => {
  await t?.close();
});

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** The sample guide's materials with scans attached: the application as a PDF, the ID card as an image. */
function scannedMaterials(applicationFile: string, idCardFile: string) {
  return allMaterials().map((m) => {
    if (m.materialId === 'application') return { ...m, receivedAs: 'electronic', files: [applicationFile] };
    if (m.materialId === 'id-card') return { ...m, receivedAs: 'electronic', files: [idCardFile] };
    return m;
  });
}

describe('material files', () => {
  it('a scan referenced by a case is served, with its type, to everyone who may read the case and to no other applicant', async () => {
    const png = await uploaded(clerk, 'id-card.png', PNG, 'image/png');
    expect(png).toEqual({ sha256: sha256(PNG), size: PNG.length, mime: 'image/png' });
    const pdf = await uploaded(clerk, 'application.pdf', PDF, 'application/pdf');
    expect(pdf.mime).toBe('application/pdf');

    const created = await openCase(clerk, windowIntake(itemCode, { materials: scannedMaterials(pdf.sha256, png.sha256), decision: { type: 'accept' } }));
    const view = await readCase(clerk, created.id);
    expect(view.materials.find((m) => m.materialId === 'id-card')).toMatchObject({ receivedAs: 'electronic', trustLevel: 'C', files: [{ sha256: png.sha256, mime: 'image/png' }] });

    for (const reader of [clerk, reviewer, supervisor, applicant]) {
      const image = await reader.get(`/api/cases/${created.id}/files/${png.sha256}`);
      expect(image.statusCode, `${reader.label}: ${image.body}`).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.rawPayload.equals(PNG)).toBe(true);
    }
    const document = await applicant.get(`/api/cases/${created.id}/files/${pdf.sha256}`);
    expect(document.headers['content-type']).toBe('application/pdf');
    expect(document.rawPayload.equals(PDF)).toBe(true);

    expect((await otherApplicant.get(`/api/cases/${created.id}/files/${png.sha256}`)).statusCode).toBe(404);
  });

  it('a file that belongs to another case is not served through this one', async () => {
    const own = await uploaded(clerk, 'own.png', PNG, 'image/png');
    const other = await uploaded(clerk, 'other.pdf', Buffer.concat([PDF, Buffer.from('% another document\n')]), 'application/pdf');
    const created = await openCase(clerk, windowIntake(itemCode, { materials: scannedMaterials(own.sha256, own.sha256) }));
    expect((await clerk.get(`/api/cases/${created.id}/files/${other.sha256}`)).statusCode).toBe(404);
  });

  it('a file is typed by its content: PDF bytes named .png are stored and served as a PDF', async () => {
    const disguised = Buffer.concat([PDF, Buffer.from('% named as an image\n')]);
    const stored = await uploaded(applicant, 'photo.png', disguised, 'image/png');
    expect(stored.mime).toBe('application/pdf');

    // Online, every material is an electronic file the applicant uploaded, with no review point ticked (staff's job).
    const materials = scannedMaterials(stored.sha256, stored.sha256).map((m) => ({ ...m, receivedAs: 'electronic', files: [stored.sha256], checks: {} }));
    const created = await openCase(applicant, { itemCode, channel: 'online', formData: FORM_DATA, materials, submit: true, declaration: true });
    const served = await applicant.get(`/api/cases/${created.id}/files/${stored.sha256}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    // An applicant's own upload is trusted least until staff check it.
    expect((await readCase(applicant, created.id)).materials.find((m) => m.materialId === 'application')?.trustLevel).toBe('D');
  });

  it('a file of a type not accepted is refused by its content (415), whatever its name', async () => {
    const response = await upload(clerk, 'scan.pdf', Buffer.from('just some text, not a scan'), 'application/pdf');
    expect(response.statusCode).toBe(415);
    expect(problemOf(response).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('a material naming a file that was never uploaded is refused (400), naming the field', async () => {
    const unknown = sha256(Buffer.from('never uploaded'));
    const response = await clerk.post('/api/cases', windowIntake(itemCode, { materials: scannedMaterials(sha256(PDF), unknown) }));
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([{ path: '/materials/1/files/0', message: '文件不存在，请重新上传' }]);
  });

  it('a clerk cannot attach a file someone else uploaded (an applicant’s scan): it is “not there”, so not readable through the case', async () => {
    const theirs = await uploaded(applicant, 'their-id.png', Buffer.concat([PNG, Buffer.from('applicant scan')]), 'image/png');
    const own = await uploaded(clerk, 'own.pdf', PDF, 'application/pdf');
    const response = await clerk.post('/api/cases', windowIntake(itemCode, { materials: scannedMaterials(own.sha256, theirs.sha256) }));
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([{ path: '/materials/1/files/0', message: '文件不存在，请重新上传' }]);
  });

  it('an electronic material needs its file', async () => {
    const materials = allMaterials().map((m) => (m.materialId === 'id-card' ? { ...m, receivedAs: 'electronic' } : m));
    const response = await clerk.post('/api/cases', windowIntake(itemCode, { materials }));
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([{ path: '/materials/1/files', message: '请上传“经营者身份证明”的电子件' }]);
  });
});
