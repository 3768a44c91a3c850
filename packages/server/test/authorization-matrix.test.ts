// The authorization matrix: for every /api route, what each kind of caller gets — nobody signed in, the applicant
// who owns the record, another applicant, and each staff role — on a resource inside and outside their region.
// A route without a row here fails the first spec: adding a route means deciding, in this table, who may call it.
//
// Out-of-scope data lives in 唐山市 (1302), created for this file with a department, hall, window and staff, and a
// hall manager of its own. Status codes are what the caller sees: 2xx allowed, 401 not signed in, 403 not allowed,
// 404 not found (also what an applicant gets for another applicant's record, so its existence is not revealed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleGuide, usccCheckChar } from '@onewindow/domain';
import { POLICY } from '../src/platform/policy.ts';
import { publishCaseItem, windowIntake } from './fixtures/cases.ts';
import {
  anonymous, createTestApp, DEMO, DEMO_PASSWORD, invalidTotpCode, loginApplicant, loginStaff, type Client, type Response, type TestApp,
} from './harness.ts';

const WHO = ['anonymous', 'owner', 'otherApplicant', 'clerk', 'reviewer', 'hallManager', 'catalogAdmin', 'supervisor', 'systemAdmin', 'hallManager1302'] as const;
type Who = (typeof WHO)[number];
/** One status per caller, in the order of WHO. */
type Statuses = [number, number, number, number, number, number, number, number, number, number];

/** Records this file creates, so that requests have something real to act on in and out of each scope. */
interface Fixtures {
  ownerId: string;
  regionIn: string;
  regionOut: string;
  departmentIn: string;
  departmentOut: string;
  hallIn: string;
  hallOut: string;
  windowIn: string;
  windowOut: string;
  staffIn: string;
  staffOut: string;
  domainCode: string;
  implementationIn: string;
  demoItemCode: string;
  /** A published 1301 item, and a case on it taken in at a window for the owner (DEMO.person). */
  caseItemCode: string;
  caseIn: string;
  caseNumber: string;
  caseToken: string;
  /** Resumable uploads the owner (DEMO.person) opened: one to send to, one to abort. */
  uploadIn: string;
  uploadToAbort: string;
}

interface Row {
  route: string;
  /** What this row is about, when a route has more than one. */
  about?: string;
  send(c: Client, f: Fixtures, who: Who): Promise<Response>;
  expect: Statuses;
  /** Use a session signed in just for this row (logout ends the one it is sent with). */
  freshSession?: boolean;
}

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const NO_SUCH_SHA = 'f'.repeat(64);
let serial = 0;
const next = () => ++serial;
let county1302 = 10;
const uscc = (regionCode: string) => {
  const body = `11${regionCode.padEnd(6, '0')}MX${String(next()).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};
const newStaff = (regionCode: string) => ({
  username: `matrix${next()}`, name: '矩阵测试', phone: '13912345678', password: 'Matrix#2026', roles: [{ role: 'clerk', regionCode }],
});
const hallBody = (regionCode: string) => ({ name: `矩阵大厅${next()}`, regionCode, address: '', phone: '', openingHours: '' });

const all = (status: number): Statuses => [status, status, status, status, status, status, status, status, status, status];
/** Only the listed staff may; applicants are refused, nobody signed in must sign in. */
const staffOnly = (allowed: Partial<Record<Who, number>>): Statuses =>
  WHO.map((w) => allowed[w] ?? (w === 'anonymous' ? 401 : 403)) as Statuses;
const get = (url: (f: Fixtures) => string) => (c: Client, f: Fixtures) => c.get(url(f));

// Each row's statuses are in the order of WHO; `staffOnly` and `all` spell out the common shapes.
const ROWS: Row[] = [
  // ---- system ----
  { route: 'GET /api/health', send: get(() => '/api/health'), expect: all(200) },
  { route: 'GET /api/ready', send: get(() => '/api/ready'), expect: all(200) },
  { route: 'GET /api/openapi.json', send: get(() => '/api/openapi.json'), expect: all(200) },
  { route: 'GET /api/audit', about: 'supervisors and system administrators read the audit log', send: get(() => '/api/audit'), expect: staffOnly({ supervisor: 200, systemAdmin: 200 }) },
  { route: 'GET /api/admin/sms-outbox', send: get(() => '/api/admin/sms-outbox'), expect: staffOnly({ systemAdmin: 200 }) },

  // ---- identity ----
  { route: 'POST /api/auth/staff/login', send: (c) => c.post('/api/auth/staff/login', { username: 'supervisor', password: DEMO_PASSWORD }), expect: all(200) },
  { route: 'POST /api/auth/applicant/login', send: (c) => c.post('/api/auth/applicant/login', { phone: DEMO.person.phone, password: DEMO_PASSWORD }), expect: all(200) },
  { route: 'POST /api/auth/applicant/sms-code', send: (c) => c.post('/api/auth/applicant/sms-code', { phone: `1390001${String(next()).padStart(4, '0')}`, purpose: 'register' }), expect: all(202) },
  {
    route: 'POST /api/auth/applicant/register',
    about: 'anyone reaches it; without a code sent to the phone it is refused as SMS_CODE_INVALID',
    send: (c) => c.post('/api/auth/applicant/register', { kind: 'person', name: '矩阵', idNumber: '11010519491231002X', phone: `1390002${String(next()).padStart(4, '0')}`, smsCode: '123456', password: 'Matrix#2026' }),
    expect: all(400),
  },
  { route: 'POST /api/auth/logout', send: (c) => c.post('/api/auth/logout'), expect: [401, 204, 204, 204, 204, 204, 204, 204, 204, 204], freshSession: true },
  { route: 'GET /api/auth/me', send: get(() => '/api/auth/me'), expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  {
    route: 'POST /api/auth/staff/totp/setup',
    about: 'staff only; the admin already has TOTP (409)',
    send: (c) => c.post('/api/auth/staff/totp/setup'),
    expect: [401, 403, 403, 200, 200, 200, 200, 200, 409, 200],
  },
  {
    route: 'POST /api/auth/staff/totp/enable',
    about: 'staff only (after setup, a wrong code is a 400); the admin already has TOTP (409)',
    async send(c) {
      // A code that is surely wrong for the secret the setup row gave this staff member.
      const username = typeof c.me?.username === 'string' ? c.me.username : '';
      const staff = await t.db.selectFrom('staff').select('totp_secret').where('username', '=', username).executeTakeFirst();
      return c.post('/api/auth/staff/totp/enable', { code: staff?.totp_secret ? invalidTotpCode(staff.totp_secret, username) : '000000' });
    },
    expect: [401, 403, 403, 400, 400, 400, 400, 400, 409, 400],
  },
  { route: 'GET /api/identity/applicants', send: get(() => `/api/identity/applicants?phone=${DEMO.person.phone}`), expect: staffOnly({ clerk: 200, reviewer: 200, hallManager: 200, supervisor: 200, hallManager1302: 200 }) },
  {
    route: 'GET /api/identity/applicants/:id/personal-data',
    about: 'the owner’s record: the owner and window staff read it; another applicant is told it does not exist',
    send: get((f) => `/api/identity/applicants/${f.ownerId}/personal-data`),
    expect: [401, 200, 404, 200, 200, 403, 403, 200, 403, 403],
  },
  {
    route: 'GET /api/identity/applicants/:id/personal-data',
    about: 'a record that does not exist: the same 404 an applicant gets for someone else’s',
    send: get(() => `/api/identity/applicants/${NO_SUCH_ID}/personal-data`),
    expect: [401, 404, 404, 404, 404, 403, 403, 404, 403, 403],
  },

  // ---- org: public reads ----
  { route: 'GET /api/org/regions', send: get(() => '/api/org/regions'), expect: all(200) },
  { route: 'GET /api/org/departments', send: get(() => '/api/org/departments'), expect: all(200) },
  { route: 'GET /api/org/service-domains', send: get(() => '/api/org/service-domains'), expect: all(200) },
  { route: 'GET /api/org/halls', send: get(() => '/api/org/halls'), expect: all(200) },
  { route: 'GET /api/org/halls/:id/windows', send: get((f) => `/api/org/halls/${f.hallOut}/windows`), expect: all(200) },

  // ---- org: writes, in scope (石家庄市 1301) and out of scope (唐山市 1302) ----
  {
    route: 'POST /api/org/regions', about: 'under 1301',
    send: (c) => c.post('/api/org/regions', { code: `130104${100 + next()}`, name: '矩阵街道', parentCode: '130104' }),
    expect: staffOnly({ hallManager: 201, systemAdmin: 201 }),
  },
  {
    route: 'POST /api/org/regions', about: 'under 1302',
    send: (c) => c.post('/api/org/regions', { code: `1302${county1302++}`, name: '矩阵县', parentCode: '1302' }),
    expect: staffOnly({ systemAdmin: 201, hallManager1302: 201 }),
  },
  { route: 'PATCH /api/org/regions/:code', about: '1301', send: (c, f) => c.patch(`/api/org/regions/${f.regionIn}`, { name: '石家庄市' }), expect: staffOnly({ hallManager: 200, systemAdmin: 200 }) },
  { route: 'PATCH /api/org/regions/:code', about: '1302', send: (c, f) => c.patch(`/api/org/regions/${f.regionOut}`, { name: '唐山市' }), expect: staffOnly({ systemAdmin: 200, hallManager1302: 200 }) },
  {
    route: 'POST /api/org/departments', about: 'in 1301',
    send: (c) => c.post('/api/org/departments', { name: `矩阵部门${next()}`, uscc: uscc('1301'), regionCode: '1301' }),
    expect: staffOnly({ hallManager: 201, systemAdmin: 201 }),
  },
  {
    route: 'POST /api/org/departments', about: 'in 1302',
    send: (c) => c.post('/api/org/departments', { name: `矩阵部门${next()}`, uscc: uscc('1302'), regionCode: '1302' }),
    expect: staffOnly({ systemAdmin: 201, hallManager1302: 201 }),
  },
  { route: 'PATCH /api/org/departments/:id', about: 'in 1301', send: (c, f) => c.patch(`/api/org/departments/${f.departmentIn}`, { name: `矩阵部门${next()}` }), expect: staffOnly({ hallManager: 200, systemAdmin: 200 }) },
  { route: 'PATCH /api/org/departments/:id', about: 'in 1302', send: (c, f) => c.patch(`/api/org/departments/${f.departmentOut}`, { name: `矩阵部门${next()}` }), expect: staffOnly({ systemAdmin: 200, hallManager1302: 200 }) },
  {
    route: 'POST /api/org/service-domains', about: 'the managed list of domains is the system administrator’s',
    send: (c) => c.post('/api/org/service-domains', { code: `matrix_${next()}`, name: `矩阵领域${serial}` }),
    expect: staffOnly({ systemAdmin: 201 }),
  },
  { route: 'PATCH /api/org/service-domains/:code', send: (c, f) => c.patch(`/api/org/service-domains/${f.domainCode}`, { name: `矩阵领域${next()}` }), expect: staffOnly({ systemAdmin: 200 }) },
  { route: 'POST /api/org/halls', about: 'in 1301', send: (c) => c.post('/api/org/halls', hallBody('1301')), expect: staffOnly({ hallManager: 201, systemAdmin: 201 }) },
  { route: 'POST /api/org/halls', about: 'in 1302', send: (c) => c.post('/api/org/halls', hallBody('1302')), expect: staffOnly({ systemAdmin: 201, hallManager1302: 201 }) },
  { route: 'PATCH /api/org/halls/:id', about: 'in 1301', send: (c, f) => c.patch(`/api/org/halls/${f.hallIn}`, { name: `矩阵大厅${next()}` }), expect: staffOnly({ hallManager: 200, systemAdmin: 200 }) },
  { route: 'PATCH /api/org/halls/:id', about: 'in 1302', send: (c, f) => c.patch(`/api/org/halls/${f.hallOut}`, { name: `矩阵大厅${next()}` }), expect: staffOnly({ systemAdmin: 200, hallManager1302: 200 }) },
  {
    route: 'POST /api/org/halls/:id/windows', about: 'in a 1301 hall',
    send: (c, f) => c.post(`/api/org/halls/${f.hallIn}/windows`, { number: `M${next()}`, name: '矩阵窗口', kind: 'comprehensive' }),
    expect: staffOnly({ hallManager: 201, systemAdmin: 201 }),
  },
  {
    route: 'POST /api/org/halls/:id/windows', about: 'in a 1302 hall',
    send: (c, f) => c.post(`/api/org/halls/${f.hallOut}/windows`, { number: `M${next()}`, name: '矩阵窗口', kind: 'comprehensive' }),
    expect: staffOnly({ systemAdmin: 201, hallManager1302: 201 }),
  },
  { route: 'PATCH /api/org/windows/:id', about: 'in 1301', send: (c, f) => c.patch(`/api/org/windows/${f.windowIn}`, { name: `矩阵窗口${next()}` }), expect: staffOnly({ hallManager: 200, systemAdmin: 200 }) },
  { route: 'PATCH /api/org/windows/:id', about: 'in 1302', send: (c, f) => c.patch(`/api/org/windows/${f.windowOut}`, { name: `矩阵窗口${next()}` }), expect: staffOnly({ systemAdmin: 200, hallManager1302: 200 }) },
  {
    route: 'GET /api/org/staff', about: 'managers and supervisors read the staff list',
    send: get(() => '/api/org/staff'),
    expect: staffOnly({ hallManager: 200, supervisor: 200, systemAdmin: 200, hallManager1302: 200 }),
  },
  {
    route: 'POST /api/org/staff', about: 'a clerk for 1301 (granting outside one’s region is refused on the field: 400)',
    send: (c) => c.post('/api/org/staff', newStaff('1301')),
    expect: staffOnly({ hallManager: 201, systemAdmin: 201, hallManager1302: 400 }),
  },
  {
    route: 'POST /api/org/staff', about: 'a clerk for 1302',
    send: (c) => c.post('/api/org/staff', newStaff('1302')),
    expect: staffOnly({ hallManager: 400, systemAdmin: 201, hallManager1302: 201 }),
  },
  { route: 'PATCH /api/org/staff/:id', about: 'staff of 1301', send: (c, f) => c.patch(`/api/org/staff/${f.staffIn}`, { name: `矩阵${next()}` }), expect: staffOnly({ hallManager: 200, systemAdmin: 200 }) },
  { route: 'PATCH /api/org/staff/:id', about: 'staff of 1302', send: (c, f) => c.patch(`/api/org/staff/${f.staffOut}`, { name: `矩阵${next()}` }), expect: staffOnly({ systemAdmin: 200, hallManager1302: 200 }) },

  // ---- catalog: staff workbench (the route-level gate; ids that do not exist show who gets past it) ----
  { route: 'GET /api/catalog/implementations', send: get(() => '/api/catalog/implementations'), expect: staffOnly({ clerk: 200, reviewer: 200, hallManager: 200, catalogAdmin: 200, supervisor: 200, systemAdmin: 200, hallManager1302: 200 }) },
  {
    route: 'POST /api/catalog/implementations', about: 'in 1301',
    send: (c, f) => c.post('/api/catalog/implementations', { code: `MATRIX-${next()}-IN`, regionCode: '1301', departmentId: f.departmentIn, content: sampleGuide() }),
    expect: staffOnly({ catalogAdmin: 201 }),
  },
  {
    route: 'POST /api/catalog/implementations', about: 'in 1302: outside the catalogue administrator’s region',
    send: (c, f) => c.post('/api/catalog/implementations', { code: `MATRIX-${next()}-OUT`, regionCode: '1302', departmentId: f.departmentOut, content: sampleGuide() }),
    expect: staffOnly({}),
  },
  ...(['GET /api/catalog/implementations/:id', 'GET /api/catalog/implementations/:id/draft/quality'] as const).map((route) => ({
    route,
    send: get((f) => route.slice(4).replace(':id', f.implementationIn)),
    expect: staffOnly({ clerk: 200, reviewer: 200, hallManager: 200, catalogAdmin: 200, supervisor: 200, systemAdmin: 200, hallManager1302: 200 }),
  })),
  {
    route: 'GET /api/catalog/implementations/:id/diff',
    send: get((f) => `/api/catalog/implementations/${f.implementationIn}/diff?from=1`),
    expect: staffOnly({ clerk: 200, reviewer: 200, hallManager: 200, catalogAdmin: 200, supervisor: 200, systemAdmin: 200, hallManager1302: 200 }),
  },
  { route: 'POST /api/catalog/implementations/:id/draft', send: (c) => c.post(`/api/catalog/implementations/${NO_SUCH_ID}/draft`), expect: staffOnly({ catalogAdmin: 404 }) },
  { route: 'PUT /api/catalog/implementations/:id/draft', send: (c) => c.put(`/api/catalog/implementations/${NO_SUCH_ID}/draft`, { content: sampleGuide() }), expect: staffOnly({ catalogAdmin: 404 }) },
  { route: 'POST /api/catalog/implementations/:id/draft/submit', send: (c) => c.post(`/api/catalog/implementations/${NO_SUCH_ID}/draft/submit`), expect: staffOnly({ catalogAdmin: 404 }) },
  { route: 'POST /api/catalog/implementations/:id/draft/return', send: (c) => c.post(`/api/catalog/implementations/${NO_SUCH_ID}/draft/return`, { reason: '矩阵' }), expect: staffOnly({ catalogAdmin: 404 }) },
  { route: 'POST /api/catalog/implementations/:id/draft/publish', send: (c) => c.post(`/api/catalog/implementations/${NO_SUCH_ID}/draft/publish`, { effectiveFrom: '2099-01-01' }), expect: staffOnly({ catalogAdmin: 404 }) },
  { route: 'POST /api/catalog/implementations/:id/withdraw', send: (c) => c.post(`/api/catalog/implementations/${NO_SUCH_ID}/withdraw`, { reason: '矩阵' }), expect: staffOnly({ catalogAdmin: 404 }) },
  { route: 'POST /api/catalog/implementations/:id/reinstate', send: (c) => c.post(`/api/catalog/implementations/${NO_SUCH_ID}/reinstate`, { reason: '矩阵' }), expect: staffOnly({ catalogAdmin: 404 }) },
  { route: 'POST /api/catalog/files', about: 'catalogue administrators get past the gate to the upload check (415: not multipart)', send: (c) => c.post('/api/catalog/files'), expect: staffOnly({ catalogAdmin: 415 }) },
  { route: 'GET /api/catalog/import-template.xlsx', send: get(() => '/api/catalog/import-template.xlsx'), expect: staffOnly({ clerk: 200, reviewer: 200, hallManager: 200, catalogAdmin: 200, supervisor: 200, systemAdmin: 200, hallManager1302: 200 }) },
  { route: 'GET /api/catalog/export.xlsx', send: get(() => '/api/catalog/export.xlsx?regionCode=1302'), expect: staffOnly({ clerk: 200, reviewer: 200, hallManager: 200, catalogAdmin: 200, supervisor: 200, systemAdmin: 200, hallManager1302: 200 }) },
  { route: 'POST /api/catalog/import', about: 'catalogue administrators get past the gate to the upload check (415: not multipart)', send: (c) => c.post('/api/catalog/import'), expect: staffOnly({ catalogAdmin: 415 }) },
  { route: 'GET /api/catalog/import-reports/:sha256', send: get(() => `/api/catalog/import-reports/${NO_SUCH_SHA}`), expect: staffOnly({ catalogAdmin: 404 }) },

  // ---- catalog: public ----
  { route: 'GET /api/catalog/search', send: get(() => '/api/catalog/search?q=%E7%99%BB%E8%AE%B0'), expect: all(200) },
  { route: 'GET /api/catalog/items/:code', send: get((f) => `/api/catalog/items/${f.demoItemCode}`), expect: all(200) },
  { route: 'GET /api/catalog/items/:code/versions/:version', send: get((f) => `/api/catalog/items/${f.demoItemCode}/versions/1`), expect: all(200) },
  { route: 'GET /api/catalog/items/:code/guide.pdf', about: 'public (an unknown item: 404 for everyone)', send: get(() => '/api/catalog/items/NO-SUCH-ITEM/guide.pdf'), expect: all(404) },
  { route: 'GET /api/catalog/items/:code/versions/:version/guide.pdf', about: 'public (an unknown item: 404 for everyone)', send: get(() => '/api/catalog/items/NO-SUCH-ITEM/versions/1/guide.pdf'), expect: all(404) },
  { route: 'GET /api/catalog/files/:sha256', about: 'public (an unknown file: 404 for everyone)', send: get(() => `/api/catalog/files/${NO_SUCH_SHA}`), expect: all(404) },

  // ---- cases ----
  {
    route: 'POST /api/cases', about: 'window intake: clerks only (applicants pass the gate and are told to apply online)',
    send: (c, f) => c.post('/api/cases', windowIntake(f.caseItemCode)),
    expect: staffOnly({ owner: 400, otherApplicant: 400, clerk: 201 }),
  },
  {
    route: 'POST /api/cases', about: 'online application: any applicant for themself (staff are told to take it in at a window)',
    send: (c, f) => c.post('/api/cases', { itemCode: f.caseItemCode, channel: 'online', formData: {}, materials: [] }),
    expect: staffOnly({ owner: 201, otherApplicant: 201, clerk: 400 }),
  },
  {
    route: 'POST /api/cases/:id/actions', about: 'those who may act on the case reach the version check (409); the other applicant learns nothing (404)',
    send: (c, f) => c.post(`/api/cases/${f.caseIn}/actions`, { expectedVersion: 999, action: { type: 'complete' } }),
    expect: staffOnly({ owner: 409, otherApplicant: 404, clerk: 409, reviewer: 409, hallManager: 409 }),
  },
  {
    route: 'POST /api/cases/:id/actions', about: '受理 (and the other front-desk steps: 补正, 不予受理, 办结, 送达) are the clerk’s alone; each caller gets a case of its own just taken in',
    async send(c, f) {
      const received = await clients.get('clerk')!.post('/api/cases', windowIntake(f.caseItemCode));
      expect(received.statusCode, received.body).toBe(201);
      return c.post(`/api/cases/${received.json().id}/actions`, { expectedVersion: received.json().version, action: { type: 'accept' } });
    },
    expect: staffOnly({ otherApplicant: 404, clerk: 200 }),
  },
  { route: 'GET /api/cases', send: get(() => '/api/cases?box=todo'), expect: staffOnly({ clerk: 200, reviewer: 200, hallManager: 200, supervisor: 200, hallManager1302: 200 }) },
  { route: 'GET /api/my/cases', send: get(() => '/api/my/cases'), expect: staffOnly({ owner: 200, otherApplicant: 200 }) },
  ...(['GET /api/cases/:id', 'GET /api/cases/:id/applicant'] as const).map((route) => ({
    route,
    send: get((f) => route.replace(':id', f.caseIn).replace('GET ', '')),
    expect: staffOnly({ owner: 200, otherApplicant: 404, clerk: 200, reviewer: 200, hallManager: 200, supervisor: 200 }),
  })),
  { route: 'POST /api/cases/files', about: 'applicants and clerks get past the gate to the upload check (415: not multipart)', send: (c) => c.post('/api/cases/files'), expect: staffOnly({ owner: 415, otherApplicant: 415, clerk: 415 }) },
  {
    route: 'GET /api/cases/:id/files/:sha256', about: 'readers of the case reach the file lookup (404: not a file of this case)',
    send: get((f) => `/api/cases/${f.caseIn}/files/${NO_SUCH_SHA}`),
    expect: staffOnly({ owner: 404, otherApplicant: 404, clerk: 404, reviewer: 404, hallManager: 404, supervisor: 404 }),
  },
  {
    route: 'GET /api/cases/:id/documents', about: 'readers of the case: the owner and staff in scope; the other applicant learns nothing (404)',
    send: get((f) => `/api/cases/${f.caseIn}/documents`),
    expect: staffOnly({ owner: 200, otherApplicant: 404, clerk: 200, reviewer: 200, hallManager: 200, supervisor: 200 }),
  },
  {
    route: 'GET /api/cases/:id/documents/:seq', about: 'readers of the case reach the document lookup (404: action 1, 收件, issues no document)',
    send: get((f) => `/api/cases/${f.caseIn}/documents/1`),
    expect: staffOnly({ owner: 404, otherApplicant: 404, clerk: 404, reviewer: 404, hallManager: 404, supervisor: 404 }),
  },
  {
    route: 'PUT /api/cases/:id/draft', about: 'the owner only (a stale version: 409); staff never edit an applicant’s draft, the other applicant learns nothing',
    send: (c, f) => c.put(`/api/cases/${f.caseIn}/draft`, { expectedVersion: 999, formData: {}, materials: [] }),
    expect: staffOnly({ owner: 409, otherApplicant: 404 }),
  },
  {
    route: 'DELETE /api/cases/:id/draft', about: 'the owner only (a case taken in at the window is no draft: 409)',
    send: (c, f) => c.delete(`/api/cases/${f.caseIn}/draft`),
    expect: staffOnly({ owner: 409, otherApplicant: 404 }),
  },
  {
    route: 'PUT /api/cases/:id/delivery', about: 'the owner chooses how the result is delivered',
    send: (c, f) => c.put(`/api/cases/${f.caseIn}/delivery`, { method: 'electronic' }),
    expect: staffOnly({ owner: 200, otherApplicant: 404 }),
  },

  // ---- resumable uploads: applicants and clerks, each only their own sessions ----
  { route: 'POST /api/uploads', send: (c) => c.post('/api/uploads', { filename: 'scan.pdf', size: 1024 }), expect: staffOnly({ owner: 201, otherApplicant: 201, clerk: 201 }) },
  {
    route: 'PUT /api/uploads/:id', about: 'the owner’s session: the owner reaches the offset check (409), other uploaders are told it does not exist',
    send: (c, f) => c.put(`/api/uploads/${f.uploadIn}`, Buffer.from('x'), { headers: { 'content-type': 'application/octet-stream', 'content-range': 'bytes 5-5/1024' } }),
    expect: staffOnly({ owner: 409, otherApplicant: 404, clerk: 404 }),
  },
  { route: 'GET /api/uploads/:id', send: get((f) => `/api/uploads/${f.uploadIn}`), expect: staffOnly({ owner: 200, otherApplicant: 404, clerk: 404 }) },
  {
    route: 'POST /api/uploads/:id/complete', about: 'the owner reaches the completeness check (409: nothing sent yet)',
    send: (c, f) => c.post(`/api/uploads/${f.uploadIn}/complete`),
    expect: staffOnly({ owner: 409, otherApplicant: 404, clerk: 404 }),
  },
  { route: 'DELETE /api/uploads/:id', send: (c, f) => c.delete(`/api/uploads/${f.uploadToAbort}`), expect: staffOnly({ owner: 204, otherApplicant: 404, clerk: 404 }) },

  { route: 'GET /api/track', about: 'public; a wrong ID suffix is answered like an unknown number', send: get((f) => `/api/track?number=${f.caseNumber}&idSuffix=000000`), expect: all(404) },
  { route: 'GET /api/track/t/:token', send: get((f) => `/api/track/t/${f.caseToken}`), expect: all(200) },
  { route: 'GET /api/messages', send: get(() => '/api/messages'), expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { route: 'POST /api/messages/:id/read', send: (c) => c.post(`/api/messages/${NO_SUCH_ID}/read`), expect: [401, 404, 404, 404, 404, 404, 404, 404, 404, 404] },

  // ---- hall (the window clerk's desk) ----
  { route: 'GET /api/hall/windows', send: get(() => '/api/hall/windows'), expect: staffOnly({ clerk: 200 }) },
  { route: 'PUT /api/hall/sign-in', about: 'a window in the clerk\'s region (comprehensive, so the intake rows still pass)', send: (c, f) => c.put('/api/hall/sign-in', { windowId: f.windowIn }), expect: staffOnly({ clerk: 200 }) },
  { route: 'PUT /api/hall/sign-in', about: 'a window of 唐山市: out of the clerk\'s region', send: (c, f) => c.put('/api/hall/sign-in', { windowId: f.windowOut }), expect: staffOnly({ clerk: 403 }) },
  { route: 'DELETE /api/hall/sign-in', about: 'after the intake rows: the clerk leaves the window', send: (c) => c.delete('/api/hall/sign-in'), expect: staffOnly({ clerk: 200 }) },
  { route: 'GET /api/hall/desk', send: get(() => '/api/hall/desk'), expect: staffOnly({ clerk: 200 }) },
  { route: 'GET /api/hall/draft', send: get(() => '/api/hall/draft'), expect: staffOnly({ clerk: 200 }) },
  { route: 'PUT /api/hall/draft', send: (c) => c.put('/api/hall/draft', { data: { itemCode: 'x' } }), expect: staffOnly({ clerk: 200 }) },
  { route: 'DELETE /api/hall/draft', send: (c) => c.delete('/api/hall/draft'), expect: staffOnly({ clerk: 200 }) },
  {
    route: 'GET /api/hall/lookup', about: 'staff who may read the case find it by number; the owner too (case.read), the other applicant learns nothing',
    send: get((f) => `/api/hall/lookup?code=${f.caseNumber}`),
    expect: staffOnly({ owner: 200, otherApplicant: 404, clerk: 200, reviewer: 200, hallManager: 200, supervisor: 200 }),
  },

  // ---- calendar ----
  { route: 'GET /api/calendar/due-date', send: get(() => '/api/calendar/due-date?start=2026-01-05&amount=5&unit=workday'), expect: all(200) },
  { route: 'GET /api/calendar/status', send: get(() => '/api/calendar/status'), expect: all(200) },
  { route: 'GET /api/calendar/:year', send: get(() => '/api/calendar/2026'), expect: all(200) },
  { route: 'PUT /api/calendar/:year', send: (c) => c.put('/api/calendar/2099', { holidays: [], workdays: [] }), expect: staffOnly({ systemAdmin: 200 }) },
];

let t: TestApp;
let fixtures: Fixtures;
const clients = new Map<Who, Client>();

async function signIn(who: Who): Promise<Client> {
  switch (who) {
    case 'anonymous': return anonymous(t.app);
    case 'owner': return loginApplicant(t.app, DEMO.person.phone);
    case 'otherApplicant': return loginApplicant(t.app, DEMO.company.phone);
    case 'clerk': return loginStaff(t.app, 'clerk');
    case 'reviewer': return loginStaff(t.app, 'reviewer');
    case 'hallManager': return loginStaff(t.app, 'hallmgr');
    case 'catalogAdmin': return loginStaff(t.app, 'catalog');
    case 'supervisor': return loginStaff(t.app, 'supervisor');
    case 'systemAdmin': return loginStaff(t.app, 'admin');
    case 'hallManager1302': return loginStaff(t.app, 'hallmgr1302', 'Matrix#2026');
  }
}

/** Creates the 唐山市 (1302) records and the 1301 records the rows act on, through the API as the system administrator. */
async function createFixtures(admin: Client): Promise<Fixtures> {
  const created = async (res: Promise<Response>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  await created(admin.post('/api/org/regions', { code: '1302', name: '唐山市', parentCode: '13' }));
  const departmentIn = (await created(admin.post('/api/org/departments', { name: '矩阵部门（石家庄）', uscc: uscc('1301'), regionCode: '1301' }))).id;
  const departmentOut = (await created(admin.post('/api/org/departments', { name: '唐山市行政审批局', uscc: uscc('1302'), regionCode: '1302' }))).id;
  const hallIn = (await created(admin.post('/api/org/halls', hallBody('1301')))).id;
  const hallOut = (await created(admin.post('/api/org/halls', { ...hallBody('1302'), name: '唐山市政务服务中心' }))).id;
  const windowIn = (await created(admin.post(`/api/org/halls/${hallIn}/windows`, { number: 'A01', name: '综合受理窗口', kind: 'comprehensive' }))).id;
  const windowOut = (await created(admin.post(`/api/org/halls/${hallOut}/windows`, { number: 'A01', name: '综合受理窗口', kind: 'comprehensive' }))).id;
  await created(admin.post('/api/org/staff', { ...newStaff('1302'), username: 'hallmgr1302', name: '唐大厅', roles: [{ role: 'hall_manager', regionCode: '1302' }] }));
  const staffIn = (await created(admin.post('/api/org/staff', newStaff('1301')))).id;
  const staffOut = (await created(admin.post('/api/org/staff', newStaff('1302')))).id;
  const domainCode = (await created(admin.post('/api/org/service-domains', { code: 'matrix_domain', name: '矩阵测试领域' }))).code;
  const catalog = await loginStaff(t.app, 'catalog');
  const implementationIn = (await created(catalog.post('/api/catalog/implementations', { code: 'MATRIX-IN-0001', regionCode: '1301', departmentId: departmentIn, content: sampleGuide() }))).id;
  const owner = await t.db.selectFrom('applicants').select('id').where('phone', '=', DEMO.person.phone).executeTakeFirstOrThrow();
  const demoItem = await t.db.selectFrom('catalog_implementations').select('code').where('status', '=', 'active').orderBy('code').executeTakeFirstOrThrow();
  const caseItemCode = await publishCaseItem(t, catalog, await loginStaff(t.app, 'catalog2'));
  const theCase = await created((await loginStaff(t.app, 'clerk')).post('/api/cases', windowIntake(caseItemCode)));
  const ownerClient = await loginApplicant(t.app, DEMO.person.phone);
  const uploadIn = (await created(ownerClient.post('/api/uploads', { filename: 'matrix.pdf', size: 1024 }))).id;
  const uploadToAbort = (await created(ownerClient.post('/api/uploads', { filename: 'abort.pdf', size: 1024 }))).id;
  return {
    caseItemCode, caseIn: theCase.id, caseNumber: theCase.number, caseToken: theCase.trackingToken, uploadIn, uploadToAbort,
    ownerId: owner.id, regionIn: '1301', regionOut: '1302', departmentIn, departmentOut, hallIn, hallOut, windowIn, windowOut, staffIn, staffOut, domainCode,
    implementationIn, demoItemCode: demoItem.code,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await loginStaff(t.app, 'admin');
  fixtures = await createFixtures(admin);
  clients.set('systemAdmin', admin);
  for (const who of WHO) if (!clients.has(who)) clients.set(who, await signIn(who));
});
afterAll(() => t?.close());

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe('the authorization matrix', () => {
  it('has a row for every /api route, and no row for a route that does not exist', () => {
    const routes = new Set(t.app.apiRoutes.map(routeKey));
    const covered = new Set(ROWS.map((r) => r.route));
    expect([...routes].filter((r) => !covered.has(r)), 'routes without a row in the matrix').toEqual([]);
    expect([...covered].filter((r) => !routes.has(r)), 'rows for routes that do not exist').toEqual([]);
  });

  it('expects 401 from nobody signed in exactly on the routes whose action is not public', () => {
    const actionOf = new Map(t.app.apiRoutes.map((r) => [routeKey(r), r.action]));
    const inconsistent = ROWS.filter((row) => {
      const action = actionOf.get(row.route);
      if (!action) return false; // reported by the spec above
      const isPublic = POLICY[action].who === 'anyone';
      return isPublic === (row.expect[0] === 401);
    }).map((row) => `${row.route} (${actionOf.get(row.route)})`);
    expect(inconsistent).toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.route}${row.about ? ` — ${row.about}` : ''}`, async () => {
      const actual: Partial<Record<Who, number>> = {};
      const expected: Partial<Record<Who, number>> = {};
      for (const [i, who] of WHO.entries()) {
        const client = row.freshSession ? await signIn(who) : clients.get(who)!;
        const res = await row.send(client, fixtures, who);
        actual[who] = res.statusCode;
        expected[who] = row.expect[i];
      }
      expect(actual).toEqual(expected);
    });
  }
});

describe('the route-level gate on every route, whatever its body', () => {
  /** The route with made-up parameters: the gate runs before validation and before any record is loaded. */
  const placeholderUrl = (url: string) =>
    url.replace(':id', NO_SUCH_ID).replace(':code', '1301').replace(':sha256', NO_SUCH_SHA).replace(':year', '2026').replace(':version', '1');

  it('nobody signed in gets 401 from every route that is not public', async () => {
    const wrong: string[] = [];
    for (const r of t.app.apiRoutes) {
      if (POLICY[r.action].who === 'anyone') continue;
      const res = await anonymous(t.app).request(r.method as 'GET', placeholderUrl(r.url), r.method === 'GET' ? undefined : {});
      if (res.statusCode !== 401) wrong.push(`${routeKey(r)} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('an applicant gets 403 from every staff-only route', async () => {
    const applicant = clients.get('owner')!;
    const wrong: string[] = [];
    for (const r of t.app.apiRoutes) {
      if (POLICY[r.action].who !== 'staff') continue;
      const res = await applicant.request(r.method as 'GET', placeholderUrl(r.url), r.method === 'GET' ? undefined : {});
      if (res.statusCode !== 403) wrong.push(`${routeKey(r)} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});
