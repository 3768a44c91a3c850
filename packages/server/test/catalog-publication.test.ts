// Publication channels of the catalogue: the printable PDF guide (cached per version) and the Excel template, export
// and all-or-nothing import.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingToday, type GuideContent } from '@onewindow/domain';
import { writeCatalogWorkbook, type WorkbookRow } from '../src/modules/catalog/excel.ts';
import { renderGuidePdf } from '../src/modules/catalog/guide-pdf.ts';
import { addStaff, anonymous, DEMO, latestAudit, loginApplicant, loginStaff, snapshotCounts, type Client, type TestApp, createTestApp } from './harness.ts';
import { uploaded } from './fixtures/case-api.ts';
import { validGuide } from './fixtures/guide.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let catalog: Client;
let catalog2: Client;
let department: { id: string; uscc: string };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-publication-'));

beforeAll(async () => {
  t = await createTestApp();
  catalog = await loginStaff(t.app, 'catalog');
  catalog2 = await loginStaff(t.app, 'catalog2');
  department = await t.db.selectFrom('departments').select(['id', 'uscc']).where('name', '=', '石家庄市行政审批局').executeTakeFirstOrThrow();
});

afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function createItem(code: string, content: GuideContent = validGuide()): Promise<string> {
  const created = await catalog.post('/api/catalog/implementations', { code, regionCode: '1301', departmentId: department.id, content });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

async function publishItem(code: string, content: GuideContent = validGuide()): Promise<string> {
  const id = await createItem(code, content);
  const submitted = await catalog.post(`/api/catalog/implementations/${id}/draft/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  const published = await catalog2.post(`/api/catalog/implementations/${id}/draft/publish`, { effectiveFrom: beijingToday() });
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

function multipart(filename: string, bytes: Buffer, contentType = XLSX) {
  const boundary = `----ow${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function importWorkbook(client: Client, bytes: Buffer, filename = 'catalog.xlsx') {
  const { payload, headers } = multipart(filename, bytes);
  return client.post('/api/catalog/import', payload, { headers });
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (!found) throw new Error(`no column ${header} on ${sheet.name}`);
  return found;
}

function rowOf(sheet: ExcelJS.Worksheet, code: string): number {
  const col = columnOf(sheet, '实施编码');
  let found = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(col).value === code && !found) found = n;
  });
  if (!found) throw new Error(`no row ${code} on ${sheet.name}`);
  return found;
}

function setCell(sheet: ExcelJS.Worksheet, row: number, header: string, value: ExcelJS.CellValue): void {
  sheet.getRow(row).getCell(columnOf(sheet, header)).value = value;
}

async function catalogWorkbook(rows: WorkbookRow[]): Promise<Buffer> {
  const domains = await t.db.selectFrom('service_domains').select(['code', 'name']).execute();
  return writeCatalogWorkbook(rows, { departmentUscc: new Map([[department.id, department.uscc]]), domains: { title: '业务领域', entries: domains.map((d) => ({ code: d.code, label: d.name })) } });
}

describe('PDF guide', () => {
  const code = 'PDF-130100-0001';
  beforeAll(async () => {
    await publishItem(code);
  });

  it('a published guide downloads as an A4 PDF whose Chinese text (name, 审查要点) extracts, and page 1 renders', async () => {
    const response = await anonymous(t.app).get(`/api/catalog/items/${code}/guide.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('药品零售企业许可证核发')}`);
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(tmp, 'guide.pdf');
    fs.writeFileSync(file, bytes);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('药品零售企业许可证核发');
    expect(text).toContain('核验身份证在有效期内');
    expect(text).toContain('租赁合同剩余期限不少于一年');
    expect(text).toContain('行政许可'); // a label, never the code 01
    expect(text).toContain(code);
    expect(text).toMatch(/第1页\/共\d+页/);

    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', file, path.join(tmp, 'page')]);
    const png = fs.readdirSync(tmp).find((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(png).toBeDefined();
    const image = fs.readFileSync(path.join(tmp, png!));
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(image.readUInt32BE(16)).toBeGreaterThan(400); // A4 at 50 dpi is 413 × 585 pixels
    expect(image.length).toBeGreaterThan(10_000); // a page with text, not a blank one
  });

  it('is generated once per version: later requests are served from the stored file', async () => {
    const version = await t.db
      .selectFrom('guide_versions as v')
      .innerJoin('catalog_implementations as i', 'i.id', 'v.implementation_id')
      .select('v.id')
      .where('i.code', '=', code)
      .where('v.status', '=', 'published')
      .executeTakeFirstOrThrow();
    const first = await t.db.selectFrom('guide_pdfs').selectAll().where('version_id', '=', version.id).execute();
    expect(first).toHaveLength(1);
    const files = await snapshotCounts(t.db, ['files', 'guide_pdfs']);

    const again = await anonymous(t.app).get(`/api/catalog/items/${code}/versions/1/guide.pdf`);
    expect(again.statusCode).toBe(200);
    expect(crypto.createHash('sha256').update(again.rawPayload).digest('hex')).toBe(first[0]!.sha256);
    expect(again.headers.etag).toBe(`"${first[0]!.sha256}"`);
    expect(await snapshotCounts(t.db, ['files', 'guide_pdfs'])).toEqual(files);
  });

  it('two first requests at once store one PDF', async () => {
    const other = 'PDF-130100-0002';
    await publishItem(other, validGuide({ name: '食品经营许可证核发' }));
    const [a, b] = await Promise.all([anonymous(t.app).get(`/api/catalog/items/${other}/guide.pdf`), anonymous(t.app).get(`/api/catalog/items/${other}/guide.pdf`)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.rawPayload.equals(b.rawPayload)).toBe(true);
    const rows = await t.db
      .selectFrom('guide_pdfs as p')
      .innerJoin('guide_versions as v', 'v.id', 'p.version_id')
      .innerJoin('catalog_implementations as i', 'i.id', 'v.implementation_id')
      .select('p.sha256')
      .where('i.code', '=', other)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('without the Chinese font the server says so in Chinese instead of printing boxes', async () => {
    const source = { code: 'PDF-130100-0001', regionName: '石家庄市', departmentName: '石家庄市行政审批局', versionId: crypto.randomUUID(), version: 1, effectiveFrom: beijingToday(), publishedAt: null, guide: validGuide() };
    await expect(renderGuidePdf(source, { fontPath: path.join(tmp, 'missing.ttc'), publicBaseUrl: 'http://localhost:3000' })).rejects.toMatchObject({
      status: 500,
      code: 'PDF_FONT_MISSING',
      options: { detail: expect.stringContaining('CJK_FONT_PATH') },
    });
  });

  it('an item that was never published has no PDF', async () => {
    await createItem('PDF-130100-DRAFT');
    expect((await anonymous(t.app).get('/api/catalog/items/PDF-130100-DRAFT/guide.pdf')).statusCode).toBe(404);
    expect((await anonymous(t.app).get('/api/catalog/items/NO-SUCH-ITEM/guide.pdf')).statusCode).toBe(404);
  });
});

describe('Excel template, export and import', () => {
  it('the template has the data sheets, a frozen header, drop-down lists and the explanations', async () => {
    const response = await catalog.get('/api/catalog/import-template.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const wb = await loadWorkbook(response.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['事项', '材料', '流程', '收费项目', '特别程序', '常见问题', '表单', '说明', '代码表']);
    const items = wb.getWorksheet('事项')!;
    expect(items.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (const header of ['实施编码', '区划代码', '部门统一社会信用代码', '事项类型', '服务对象', '法定办结时限', '到现场次数', '通办范围']) columnOf(items, header);
    const validations = (items as unknown as { dataValidations: { model: Record<string, { formulae?: string[] }> } }).dataValidations.model;
    const itemTypeCell = `${items.getColumn(columnOf(items, '事项类型')).letter}2`;
    expect(validations[itemTypeCell]?.formulae?.[0]).toContain('代码表');
    columnOf(wb.getWorksheet('材料')!, '审查要点');
    const help = JSON.stringify(wb.getWorksheet('说明')!.getSheetValues());
    expect(help).toContain('01 行政许可');
  });

  it('an export imports back unchanged, and edits come back as drafts (new items, replaced drafts, new drafts of published items)', async () => {
    const publishedId = await publishItem('XLS-130100-0001');
    const draftId = await createItem('XLS-130100-0002', validGuide({ name: '药品经营许可证变更' }));
    const exported = await catalog.get('/api/catalog/export.xlsx', { query: { regionCode: '1301' } });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain("filename*=UTF-8''");
    const implementations = (await snapshotCounts(t.db, ['catalog_implementations'])).catalog_implementations!;

    const same = await importWorkbook(catalog, exported.rawPayload);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ implementations, created: 0, draftsReplaced: 0, draftsStarted: 0, unchanged: implementations });

    const wb = await loadWorkbook(exported.rawPayload);
    const items = wb.getWorksheet('事项')!;
    setCell(items, rowOf(items, 'XLS-130100-0001'), '事项名称', '药品零售企业许可证核发（修订）');
    setCell(items, rowOf(items, 'XLS-130100-0002'), '承诺办结时限', 8);
    const copy = items.addRow((items.getRow(rowOf(items, 'XLS-130100-0001')).values as ExcelJS.CellValue[]).slice(1));
    setCell(items, copy.number, '实施编码', 'XLS-130100-0003');
    setCell(items, copy.number, '事项类型', '01'); // a code instead of the label
    setCell(items, copy.number, '服务对象', '自然人、企业法人');
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    const response = await importWorkbook(catalog, edited);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ created: number; draftsReplaced: number; draftsStarted: number; warnings: { code: string; rule: string; sheet: string }[] }>();
    expect(body).toMatchObject({ created: 1, draftsReplaced: 1, draftsStarted: 1 });
    // The new item has no steps or materials yet: fine for a draft, reported as what publication will need.
    expect(body.warnings).toContainEqual(expect.objectContaining({ code: 'XLS-130100-0003', rule: 'STEPS_REQUIRED', sheet: '事项' }));

    const published = (await catalog.get(`/api/catalog/implementations/${publishedId}`)).json<{ draft: { version: number; content: GuideContent }; current: { content: GuideContent } }>();
    expect(published.draft.version).toBe(2);
    expect(published.draft.content).toEqual({ ...published.current.content, name: '药品零售企业许可证核发（修订）' });
    const draft = (await catalog.get(`/api/catalog/implementations/${draftId}`)).json<{ draft: { version: number; content: GuideContent } }>();
    expect(draft.draft).toMatchObject({ version: 1, content: { promisedLimit: { amount: 8 } } });
    const created = await t.db.selectFrom('catalog_implementations').select('id').where('code', '=', 'XLS-130100-0003').executeTakeFirstOrThrow();
    const createdDraft = (await catalog.get(`/api/catalog/implementations/${created.id}`)).json<{ draft: { version: number; content: GuideContent } }>();
    expect(createdDraft.draft.version).toBe(1);
    expect(createdDraft.draft.content.serviceObjects).toEqual(['1', '2']);
    expect(createdDraft.draft.content.materials).toEqual([]);

    const audit = await latestAudit(t.db);
    expect(audit).toMatchObject({ action: 'catalog.edit', target_type: 'catalog_import', outcome: 'success' });
    expect(audit.detail).toMatchObject({ created: 1, draftsReplaced: 1, draftsStarted: 1 });
    expect((audit.detail as { codes: string[] }).codes.sort()).toEqual(['XLS-130100-0001', 'XLS-130100-0002', 'XLS-130100-0003']);
  });

  it('one bad row refuses the whole file: nothing is created, each bad cell is named, and a marked-up workbook downloads', async () => {
    const good = (code: string): WorkbookRow => ({ code, regionCode: '1301', departmentUscc: department.uscc, content: validGuide() });
    const bytes = await catalogWorkbook([good('BAD-130100-0001'), good('BAD-130100-0002'), good('BAD-130100-0003'), good('BAD-130100-0004')]);
    const wb = await loadWorkbook(bytes);
    const items = wb.getWorksheet('事项')!;
    setCell(items, 3, '事项类型', '行政审判');
    setCell(items, 4, '区划代码', '9999');
    setCell(items, 5, '部门统一社会信用代码', '91130100MA0NOTFND1');
    const before = await snapshotCounts(t.db, ['catalog_implementations', 'guide_versions']);

    const response = await importWorkbook(catalog, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json<{ code: string; errors: { sheet: string; row: number; column: string; message: string }[]; errorTotal: number; reportUrl: string }>();
    expect(problem.code).toBe('CATALOG_IMPORT_REJECTED');
    expect(problem.errors).toContainEqual(expect.objectContaining({ sheet: '事项', row: 3, column: '事项类型', message: expect.stringContaining('行政审判') }));
    expect(problem.errors).toContainEqual(expect.objectContaining({ sheet: '事项', row: 4, column: '区划代码', message: expect.stringContaining('9999') }));
    expect(problem.errors).toContainEqual(expect.objectContaining({ sheet: '事项', row: 5, column: '部门统一社会信用代码' }));
    expect(problem.errors.some((e) => e.row === 2)).toBe(false);
    expect(problem.errorTotal).toBe(problem.errors.length);
    expect(await snapshotCounts(t.db, ['catalog_implementations', 'guide_versions'])).toEqual(before);

    const report = await catalog.get(problem.reportUrl);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toBe(XLSX);
    const marked = await loadWorkbook(report.rawPayload);
    const list = marked.getWorksheet('错误报告')!;
    const lines = JSON.stringify(list.getSheetValues());
    expect(lines).toContain('行政审判');
    const markedItems = marked.getWorksheet('事项')!;
    expect(String(markedItems.getRow(3).getCell(columnOf(markedItems, '错误')).value)).toContain('事项类型');
    expect(markedItems.getRow(2).getCell(columnOf(markedItems, '错误')).value).toBeNull();
    expect((markedItems.getRow(3).getCell(columnOf(markedItems, '事项类型')).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');

    // The report holds draft content: only the person who uploaded the workbook may download it.
    expect((await catalog2.get(problem.reportUrl)).statusCode).toBe(404);
    expect((await anonymous(t.app).get(problem.reportUrl)).statusCode).toBe(401);
    expect((await latestAudit(t.db))).toMatchObject({ target_type: 'catalog_import', outcome: 'rejected' });

    // Fixing the marked-up workbook and uploading it again imports it; the marks are ignored.
    setCell(markedItems, 3, '事项类型', '行政许可');
    setCell(markedItems, 4, '区划代码', '1301');
    setCell(markedItems, 5, '部门统一社会信用代码', department.uscc);
    const fixed = await importWorkbook(catalog, Buffer.from(await marked.xlsx.writeBuffer()));
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ created: 4, warningTotal: 0 });
  });

  it('rows outside the administrator’s scope and items awaiting publication are row errors, not a refusal of the request', async () => {
    await addStaff(t.app, { username: 'catalog_zd', roles: [{ role: 'catalog_admin', regionCode: '130123' }] });
    const county = await loginStaff(t.app, 'catalog_zd');
    const submittedId = await createItem('SUB-130100-0001');
    expect((await catalog.post(`/api/catalog/implementations/${submittedId}/draft/submit`)).statusCode).toBe(200);

    const rows: WorkbookRow[] = [
      { code: 'SCP-130100-0001', regionCode: '1301', departmentUscc: department.uscc, content: validGuide() },
      { code: 'SUB-130100-0001', regionCode: '1301', departmentUscc: department.uscc, content: validGuide({ name: '改了名字' }) },
    ];
    const bytes = await catalogWorkbook(rows);
    const byCounty = await importWorkbook(county, bytes);
    expect(byCounty.statusCode).toBe(422);
    expect(byCounty.json<{ errors: { row: number; message: string }[] }>().errors).toContainEqual(expect.objectContaining({ row: 2, message: expect.stringContaining('管理范围') }));

    const byCity = await importWorkbook(catalog, bytes);
    expect(byCity.statusCode).toBe(422);
    const errors = byCity.json<{ errors: { row: number; column: string; message: string }[] }>().errors;
    expect(errors).toEqual([expect.objectContaining({ row: 3, column: '实施编码', message: expect.stringContaining('已提交待发布') })]);
  });

  it('a workbook may name only catalogue files: an applicant’s upload is an error on its cell, a catalogue upload imports', async () => {
    const applicant = await loginApplicant(t.app, DEMO.person.phone);
    const scan = await uploaded(applicant, '身份证.pdf', Buffer.from('%PDF-1.4\n% an applicant’s scan named in a workbook\n%%EOF\n'), 'application/pdf');
    const { payload, headers } = multipart('结果样本.pdf', Buffer.from('%PDF-1.4\n% a result sample for the workbook\n%%EOF\n'), 'application/pdf');
    const sample = await catalog.post('/api/catalog/files', payload, { headers });
    expect(sample.statusCode, sample.body).toBe(201);
    const row = (resultSample: string): WorkbookRow => ({ code: 'FIL-130100-0001', regionCode: '1301', departmentUscc: department.uscc, content: validGuide({ resultSample }) });

    const before = await snapshotCounts(t.db, ['catalog_implementations', 'guide_versions']);
    const refused = await importWorkbook(catalog, await catalogWorkbook([row(scan.sha256)]));
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json<{ errors: unknown[] }>().errors).toEqual([expect.objectContaining({ sheet: '事项', row: 2, column: '结果样本', message: expect.stringContaining('未找到该附件') })]);
    expect(await snapshotCounts(t.db, ['catalog_implementations', 'guide_versions'])).toEqual(before);

    const accepted = await importWorkbook(catalog, await catalogWorkbook([row(sample.json<{ sha256: string }>().sha256)]));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ created: 1 });
  });

  it('refuses a file that is not an Excel workbook by its content, and one over 20 MB', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(200)]);
    const wrongType = await importWorkbook(catalog, png, 'catalog.xlsx');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });

    // A ZIP that claims to be a workbook but whose contents are damaged.
    const damaged = Buffer.from((await catalog.get('/api/catalog/import-template.xlsx')).rawPayload);
    damaged.fill(0x41, 2000, 6000);
    const unreadable = await importWorkbook(catalog, damaged);
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json()).toMatchObject({ code: 'XLSX_UNREADABLE' });

    const tooLarge = await importWorkbook(catalog, Buffer.alloc(20 * 1024 * 1024 + 1, 0x50), 'catalog.xlsx');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('only catalogue administrators import; other staff may export', async () => {
    const clerk = await loginStaff(t.app, 'clerk');
    expect((await clerk.get('/api/catalog/export.xlsx')).statusCode).toBe(200);
    expect((await importWorkbook(clerk, await catalogWorkbook([]))).statusCode).toBe(403);
    expect((await anonymous(t.app).get('/api/catalog/import-template.xlsx')).statusCode).toBe(401);
  });
});
