// The catalogue: four-eyes publishing, immutable published versions, search in Chinese and pinyin with filters, and
// specific errors for bad guides — on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { beijingToday, sampleGuide, type GuideContent } from '@onewindow/domain';
import { anonymous, countRows, createTestApp, DEMO, loginApplicant, loginStaff, type Client, type TestApp } from './harness.ts';
import { uploaded } from './fixtures/case-api.ts';

let t: TestApp;
let editor: Client;
let publisher: Client;
let departmentId: string;

async function createItem(code: string, content: GuideContent = sampleGuide(), regionCode = '1301') {
  const r = await editor.post('/api/catalog/implementations', { code, regionCode, departmentId, content });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

async function publish(id: string, effectiveFrom = beijingToday()) {
  expect((await editor.post(`/api/catalog/implementations/${id}/draft/submit`)).statusCode).toBe(200);
  const r = await publisher.post(`/api/catalog/implementations/${id}/draft/publish`, { effectiveFrom });
  expect(r.statusCode, r.body).toBe(200);
}

const search = async (query: Record<string, string>) => {
  const r = await anonymous(t.app).get('/api/catalog/search', { query });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { total: number; items: { code: string; name: string; region: string; department: string }[] };
};

beforeAll(async () => {
  t = await createTestApp();
  editor = await loginStaff(t.app, 'catalog');
  publisher = await loginStaff(t.app, 'catalog2');
  departmentId = (await anonymous(t.app).get('/api/org/departments?regionCode=1301')).json().items[0].id;
});
afterAll(() => t.close());

describe('four-eyes publication', () => {
  it('the administrator who submitted a version cannot publish it; a second one can, and it becomes findable', async () => {
    const id = await createItem('T00001-1301', sampleGuide({ name: '测试事项甲乙丙' }));
    expect((await search({ q: '测试事项甲乙丙' })).total).toBe(0); // drafts are not public
    await editor.post(`/api/catalog/implementations/${id}/draft/submit`);
    const own = await editor.post(`/api/catalog/implementations/${id}/draft/publish`, { effectiveFrom: beijingToday() });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('FOUR_EYES_REQUIRED');
    expect((await publisher.post(`/api/catalog/implementations/${id}/draft/publish`, { effectiveFrom: beijingToday() })).statusCode).toBe(200);
    expect((await search({ q: '测试事项甲乙丙' })).items.map((i) => i.code)).toEqual(['T00001-1301']);
  });

  it('a guide that fails the quality rules cannot be submitted, and the refusal lists every reason', async () => {
    const id = await createItem('T00002-1301', sampleGuide({ visits: 2, charged: true }));
    const r = await editor.post(`/api/catalog/implementations/${id}/draft/submit`);
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('GUIDE_QUALITY_FAILED');
    expect(r.json().rules).toEqual(expect.arrayContaining(['VISITS_NEED_REASON', 'DEPTH_IV_ZERO_VISITS', 'FEE_NEEDS_BASIS', 'FEE_NEEDS_ITEMS']));
    expect(r.json().errors.map((e: { path: string }) => e.path)).toContain('/content/visitsReason');
  });

  it('a guide that hands its cases to a department that does not exist is told so on saving and cannot be submitted', async () => {
    const id = await createItem('T00015-1301');
    const content = sampleGuide({ transferredToDepartmentId: '00000000-0000-4000-8000-000000000000' });
    const saved = await editor.put(`/api/catalog/implementations/${id}/draft`, { content });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().quality).toContainEqual(expect.objectContaining({ path: '/transferredToDepartmentId', rule: 'UNKNOWN_DEPARTMENT' }));
    const r = await editor.post(`/api/catalog/implementations/${id}/draft/submit`);
    expect([r.statusCode, r.json().code]).toEqual([422, 'GUIDE_QUALITY_FAILED']);
    expect(r.json().errors.map((e: { path: string }) => e.path)).toContain('/content/transferredToDepartmentId');
    const fixed = await editor.put(`/api/catalog/implementations/${id}/draft`, { content: { ...content, transferredToDepartmentId: departmentId } });
    expect(fixed.json().quality).toEqual([]);
  });

  it('a version sent back keeps the reason, who and when, for its editor to read', async () => {
    const id = await createItem('T00013-1301');
    await editor.post(`/api/catalog/implementations/${id}/draft/submit`);
    expect((await publisher.post(`/api/catalog/implementations/${id}/draft/return`, { reason: '审查要点不够具体' })).statusCode).toBe(200);
    const draft = (await editor.get(`/api/catalog/implementations/${id}`)).json().draft;
    expect(draft.status).toBe('draft');
    expect(draft.returned).toMatchObject({ reason: '审查要点不够具体', byName: '钱清单' });
  });

  it('a version published with a future effective date is not in force until that day', async () => {
    const id = await createItem('T00003-1301', sampleGuide({ name: '将来生效事项' }));
    await publish(id, '2099-01-01');
    expect((await search({ q: '将来生效事项' })).total).toBe(0);
    expect((await anonymous(t.app).get('/api/catalog/items/T00003-1301')).statusCode).toBe(404);
  });
});

describe('published versions', () => {
  it('are immutable: the database refuses to change or delete them', async () => {
    const id = await createItem('T00004-1301');
    await publish(id);
    await expect(sql`UPDATE guide_versions SET content = '{}'::jsonb WHERE implementation_id = ${id}`.execute(t.db)).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM guide_versions WHERE implementation_id = ${id}`.execute(t.db)).rejects.toThrow(/immutable/);
  });

  it('a revision is a new version with its own diff; the old version stays readable by number', async () => {
    const id = await createItem('T00005-1301', sampleGuide({ name: '修订测试事项' }));
    await publish(id);
    expect((await editor.post(`/api/catalog/implementations/${id}/draft`)).statusCode).toBe(201);
    const detail = (await editor.get(`/api/catalog/implementations/${id}`)).json();
    const save = await editor.put(`/api/catalog/implementations/${id}/draft`, { content: sampleGuide({ name: '修订测试事项', consultPhone: '0311-88888888' }), baseUpdatedAt: detail.draft.updatedAt });
    expect(save.statusCode, save.body).toBe(200);
    const stale = await editor.put(`/api/catalog/implementations/${id}/draft`, { content: sampleGuide({ name: '修订测试事项' }), baseUpdatedAt: detail.draft.updatedAt });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('DRAFT_CHANGED');
    const diff = (await editor.get(`/api/catalog/implementations/${id}/diff?from=1`)).json();
    expect(diff.changes).toEqual([{ path: '/consultPhone', label: '咨询电话', kind: 'changed', before: '0311-12345', after: '0311-88888888' }]);
    await publish(id);
    expect((await anonymous(t.app).get('/api/catalog/items/T00005-1301')).json().guide.consultPhone).toBe('0311-88888888');
    expect((await anonymous(t.app).get('/api/catalog/items/T00005-1301/versions/1')).json().guide.consultPhone).toBe('0311-12345');
  });

  it('a version number beyond any the database can hold is a 400 on that field, for the public and for staff', async () => {
    const id = await createItem('T00018-1301', sampleGuide({ name: '版本号越界测试事项' }));
    await publish(id);
    for (const url of ['/api/catalog/items/T00018-1301/versions/99999999999', '/api/catalog/items/T00018-1301/versions/99999999999/guide.pdf']) {
      const r = await anonymous(t.app).get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().errors, url).toEqual([expect.objectContaining({ path: '/params/version' })]);
    }
    const diff = await editor.get(`/api/catalog/implementations/${id}/diff`, { query: { from: '1', to: '2147483648' } });
    expect(diff.statusCode).toBe(400);
    expect(diff.json().errors).toEqual([expect.objectContaining({ path: '/querystring/to' })]);
    const page = await editor.get('/api/catalog/implementations', { query: { page: '1e21' } });
    expect(page.statusCode).toBe(400);
    expect(page.json().errors).toEqual([expect.objectContaining({ path: '/querystring/page' })]);
    const popular = await editor.post('/api/catalog/implementations', { code: 'T00019-1301', regionCode: '1301', departmentId, popularity: 2 ** 31, content: sampleGuide() });
    expect(popular.statusCode).toBe(400);
    expect(popular.json().errors).toEqual([expect.objectContaining({ path: '/popularity' })]);
  });

  it('withdrawing (停用) hides the item but keeps its history; reinstating brings it back', async () => {
    const id = await createItem('T00006-1301', sampleGuide({ name: '停用测试事项' }));
    await publish(id);
    expect((await publisher.post(`/api/catalog/implementations/${id}/withdraw`, { reason: '职能调整' })).statusCode).toBe(200);
    expect((await search({ q: '停用测试事项' })).total).toBe(0);
    expect((await anonymous(t.app).get('/api/catalog/items/T00006-1301')).statusCode).toBe(410);
    expect((await anonymous(t.app).get('/api/catalog/items/T00006-1301/versions/1')).statusCode).toBe(200);
    expect((await publisher.post(`/api/catalog/implementations/${id}/reinstate`, { reason: '恢复办理' })).statusCode).toBe(200);
    expect((await search({ q: '停用测试事项' })).total).toBe(1);
  });
});

describe('search (demo catalogue)', () => {
  it('finds items by Chinese words in any order, including common abbreviations (医保)', async () => {
    for (const q of ['医保 参保', '参保 医保']) {
      expect((await search({ q, region: '1301' })).items.map((i) => i.name)).toContain('城乡居民基本医疗保险参保登记');
    }
  });

  it('finds 个体工商户设立登记 by its result 营业执照 in characters, full pinyin and initials', async () => {
    for (const q of ['营业执照', 'yingyezhizhao', 'yyzz', 'gtgshsldj', 'getigongshanghu']) {
      expect((await search({ q })).items.map((i) => i.name), q).toContain('个体工商户设立登记');
    }
  });

  it('ranks the exact name first', async () => {
    expect((await search({ q: '不动产抵押登记' })).items[0]!.name).toBe('不动产抵押登记');
  });

  it('shows a city item in its counties only where 通办范围 allows', async () => {
    const local = await createItem('T00007-1301', sampleGuide({ name: '仅本级办理事项', serviceScope: 'local' }));
    const wide = await createItem('T00008-1301', sampleGuide({ name: '辖区通办事项', serviceScope: 'subtree' }));
    await publish(local);
    await publish(wide);
    const inCounty = (await search({ q: '事项', region: '130123', pageSize: '100' })).items.map((i) => i.code);
    expect(inCounty).toContain('T00008-1301');
    expect(inCounty).not.toContain('T00007-1301');
    expect((await search({ q: '仅本级办理事项', region: '1301' })).total).toBe(1);
    expect((await search({ q: '仅本级办理事项', region: '13' })).total).toBe(1); // the province sees what lies inside it
  });

  it('filters by department, domain, service object, theme and online depth, and pages with a total', async () => {
    const byDomain = await search({ domain: 'real_estate', pageSize: '100' });
    expect(byDomain.total).toBeGreaterThan(0);
    const all = await search({ pageSize: '5', page: '2' });
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThanOrEqual(73);
    const companies = await search({ serviceObject: '2', pageSize: '100' });
    expect(companies.items.map((i) => i.name)).toContain('企业设立登记');
    expect(companies.items.map((i) => i.name)).not.toContain('城乡居民基本医疗保险参保登记');
    const legalPersons = await search({ serviceObject: '2,3,4,6', pageSize: '100' });
    expect(legalPersons.total).toBeGreaterThanOrEqual(companies.total);
    expect((await anonymous(t.app).get('/api/catalog/search', { query: { serviceObject: '2;drop' } })).statusCode).toBe(400);
    const ivOnly = await search({ depth: 'IV', pageSize: '100' });
    for (const item of ivOnly.items) expect((item as unknown as { onlineDepth: string }).onlineDepth).toBe('IV');
    const theme = await search({ theme: 'real_estate', pageSize: '100' });
    expect(theme.items.every((i) => (i as unknown as { themes: string[] }).themes.includes('real_estate'))).toBe(true);
    const dept = await search({ department: departmentId, pageSize: '100' });
    expect(dept.items.length).toBeGreaterThan(0);
    expect(new Set(dept.items.map((i) => i.department)).size).toBe(1);
  });

  it('answers a page past the end with the total and no items', async () => {
    const r = await search({ q: '登记', page: '500' });
    expect(r.items).toEqual([]);
    expect(r.total).toBeGreaterThan(0);
  });
});

describe('bad input changes nothing', () => {
  const count = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM guide_versions`.execute(t.db)).rows[0]!.n);

  it('a malformed form definition, an unknown code, or a missing field is refused with its path', async () => {
    const before = await count();
    const bad = sampleGuide() as unknown as Record<string, unknown>;
    const cases: [unknown, string][] = [
      [{ ...bad, itemType: '99' }, '/content/itemType'],
      [{ ...bad, form: { fields: [{ key: 'x', label: 'X', type: 'colour' }] } }, '/content/form/fields/0/type'],
      [{ ...bad, serviceObjects: [] }, '/content/serviceObjects'],
      [{ ...bad, unexpected: 1 }, '/content/unexpected'],
    ];
    for (const [content, path] of cases) {
      const r = await editor.post('/api/catalog/implementations', { code: 'T00009-1301', regionCode: '1301', departmentId, content });
      expect(r.statusCode, path).toBe(400);
      expect(r.json().errors.map((e: { path: string }) => e.path), path).toContain(path);
    }
    expect(await count()).toBe(before);
  });

  it('a form definition that is schema-valid but inconsistent blocks submission with the field path', async () => {
    const id = await createItem('T00010-1301', sampleGuide({ form: { fields: [{ key: 'a', label: 'A', type: 'select', options: [] }] } }));
    const r = await editor.post(`/api/catalog/implementations/${id}/draft/submit`);
    expect(r.statusCode).toBe(422);
    expect(r.json().errors).toContainEqual({ path: '/content/form/fields/0/options', message: '下拉选择至少需要一个选项' });
  });

  it('an implementation code in use is a 409 on that field', async () => {
    const r = await editor.post('/api/catalog/implementations', { code: 'T00001-1301', regionCode: '1301', departmentId, content: sampleGuide() });
    expect(r.statusCode).toBe(409);
    expect(r.json().errors).toEqual([{ path: '/code', message: '该实施编码已存在' }]);
  });

  it('a catalogue administrator cannot create items outside their region', async () => {
    const tangshan = (await anonymous(t.app).get('/api/org/regions')).json().items.find((r: { code: string }) => r.code === '13');
    expect(tangshan).toBeTruthy();
    const r = await editor.post('/api/catalog/implementations', { code: 'T00011-13', regionCode: '13', departmentId, content: sampleGuide({ exerciseLevel: '2' }) });
    expect(r.statusCode).toBe(403);
  });
});

describe('guide files (blank forms, samples)', () => {
  const multipart = (bytes: Buffer, filename: string) => {
    const boundary = 'owtestboundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  };
  const upload = (bytes: Buffer, filename: string) => {
    const { payload, headers } = multipart(bytes, filename);
    return editor.post('/api/catalog/files', payload, { headers });
  };
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  it('the type is decided by content, not by name', async () => {
    const ok = await upload(pdf, '申请表.docx');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ mime: 'application/pdf', size: pdf.length });
    const fake = await upload(Buffer.from('MZ this is not a document'), '申请表.pdf');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(fake.json().errors[0].message).toContain('按文件内容判断');
  });

  it('an oversized file is refused with 413 and nothing is stored', async () => {
    const before = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM files`.execute(t.db)).rows[0]!.n);
    const big = Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]);
    const r = await upload(big, 'big.pdf');
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('FILE_TOO_LARGE');
    expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM files`.execute(t.db)).rows[0]!.n)).toBe(before);
  });

  it('a file is public only once a published guide offers it', async () => {
    const bytes = Buffer.from('%PDF-1.4\n% blank form for the download test\n%%EOF\n');
    const { sha256 } = (await upload(bytes, 'blank.pdf')).json();
    const guide = sampleGuide({ name: '附件下载测试事项' });
    guide.materials[0] = { ...guide.materials[0]!, blankForm: sha256 };
    const id = await createItem('T00012-1301', guide);
    expect((await anonymous(t.app).get(`/api/catalog/files/${sha256}`)).statusCode).toBe(404);
    const forStaff = await (await loginStaff(t.app, 'clerk')).get(`/api/catalog/files/${sha256}`);
    expect(forStaff.statusCode).toBe(200); // the editor's preview of a draft
    expect(forStaff.headers['cache-control']).toBe('private, no-store');
    await publish(id);
    const r = await anonymous(t.app).get(`/api/catalog/files/${sha256}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.equals(bytes)).toBe(true);
  });

  it('a result sample (结果样本) of a published guide is public too', async () => {
    const bytes = Buffer.from('%PDF-1.4\n% result sample\n%%EOF\n');
    const { sha256 } = (await upload(bytes, 'sample.pdf')).json();
    expect((await anonymous(t.app).get(`/api/catalog/files/${sha256}`)).statusCode).toBe(404);
    await publish(await createItem('T00014-1301', sampleGuide({ name: '结果样本测试事项', resultSample: sha256 })));
    expect((await anonymous(t.app).get(`/api/catalog/files/${sha256}`)).statusCode).toBe(200);
  });

  it('a file too short to be any accepted type (2 bytes) is refused as a wrong type, not a server error', async () => {
    const r = await upload(Buffer.from('PK'), '空白表格.docx');
    expect(r.statusCode, r.body).toBe(415);
    expect(r.json()).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', errors: [{ path: '/file' }] });
  });

  it('a guide may name only catalogue files: an applicant’s upload as a blank form, sample or result sample is refused on its path', async () => {
    const applicant = await loginApplicant(t.app, DEMO.person.phone);
    const scan = await uploaded(applicant, '身份证.pdf', Buffer.from('%PDF-1.4\n% an applicant’s ID card scan\n%%EOF\n'), 'application/pdf');
    const named = sampleGuide({ name: '附件引用测试事项' });
    named.materials[2] = { ...named.materials[2]!, blankForm: scan.sha256 };
    const before = await countRows(t.db, 'guide_versions');

    const created = await editor.post('/api/catalog/implementations', { code: 'T00016-1301', regionCode: '1301', departmentId, content: named });
    expect(created.statusCode, created.body).toBe(400);
    expect(created.json()).toMatchObject({ code: 'GUIDE_FILE_UNKNOWN', errors: [{ path: '/content/materials/2/blankForm' }] });
    expect(await countRows(t.db, 'guide_versions')).toBe(before);

    const id = await createItem('T00016-1301', sampleGuide({ name: '附件引用测试事项' }));
    const elsewhere = sampleGuide({ name: '附件引用测试事项', resultSample: scan.sha256 });
    elsewhere.materials[0] = { ...elsewhere.materials[0]!, sample: scan.sha256 };
    const saved = await editor.put(`/api/catalog/implementations/${id}/draft`, { content: elsewhere });
    expect(saved.statusCode, saved.body).toBe(400);
    expect(saved.json().code).toBe('GUIDE_FILE_UNKNOWN');
    expect(saved.json().errors.map((e: { path: string }) => e.path)).toEqual(['/content/resultSample', '/content/materials/0/sample']);
    expect((await editor.get(`/api/catalog/implementations/${id}`)).json().draft.content.resultSample).toBeNull();
  });

  it('the file route serves nothing but catalogue files, even one a guide names (a draft from before the rule), and such a draft cannot be submitted', async () => {
    const applicant = await loginApplicant(t.app, DEMO.person.phone);
    const scan = await uploaded(applicant, '户口本.pdf', Buffer.from('%PDF-1.4\n% an applicant’s household register\n%%EOF\n'), 'application/pdf');
    const id = await createItem('T00017-1301', sampleGuide({ name: '旧草稿附件测试事项' }));
    const legacy = sampleGuide({ name: '旧草稿附件测试事项' });
    legacy.materials[2] = { ...legacy.materials[2]!, blankForm: scan.sha256 };
    await sql`UPDATE guide_versions SET content = ${JSON.stringify(legacy)}::jsonb WHERE implementation_id = ${id}`.execute(t.db);

    for (const client of [editor, await loginStaff(t.app, 'clerk'), anonymous(t.app), applicant]) {
      expect((await client.get(`/api/catalog/files/${scan.sha256}`)).statusCode).toBe(404);
    }
    const submitted = await editor.post(`/api/catalog/implementations/${id}/draft/submit`);
    expect(submitted.statusCode).toBe(422);
    expect(submitted.json().rules).toContain('GUIDE_FILE_UNKNOWN');
    expect(submitted.json().errors.map((e: { path: string }) => e.path)).toContain('/content/materials/2/blankForm');
  });
});
