// Organisation: regions, departments, service domains, halls, windows and staff. Each route family: the happy path,
// and bad input answered with a specific problem+json (field path, Chinese message) that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '@onewindow/domain';
import type { DB } from '../src/db/schema.ts';
import { uniqueViolation } from '../src/modules/org/queries.ts';
import { anonymous, createTestApp, loginStaff, snapshotCounts, type Client, type Response, type TestApp } from './harness.ts';

let t: TestApp;
let admin: Client;
let manager: Client; // hall manager of 石家庄市 (1301)
let cityHallId: string;
let countyHallId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginStaff(t.app, 'admin');
  manager = await loginStaff(t.app, 'hallmgr');
  cityHallId = (await t.db.selectFrom('halls').select('id').where('region_code', '=', '1301').executeTakeFirstOrThrow()).id;
  countyHallId = (await t.db.selectFrom('halls').select('id').where('region_code', '=', '130123').executeTakeFirstOrThrow()).id;
});
afterAll(() => t?.close());

const ORG_TABLES: (keyof DB)[] = ['regions', 'departments', 'service_domains', 'halls', 'windows', 'window_domains', 'staff', 'staff_roles'];

/** Sends a request that must be refused, and checks that no organisation table changed. */
async function refusedWithoutChange(send: () => Promise<Response>): Promise<Response> {
  const before = await snapshotCounts(t.db, ORG_TABLES);
  const res = await send();
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(await snapshotCounts(t.db, ORG_TABLES)).toEqual(before);
  return res;
}

function uscc(body17: string): string {
  return body17 + usccCheckChar(body17);
}

describe('regions (行政区划)', () => {
  it('lists the demo tree in code order with levels and parents', async () => {
    const res = await manager.get('/api/org/regions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; parentCode: string | null; level: string }[];
    expect(items[0]).toEqual({ code: '13', name: '河北省', parentCode: null, level: 'province' });
    expect(items.find((r) => r.code === '130123101')).toMatchObject({ parentCode: '130123', level: 'township' });
    expect(items.map((r) => r.code)).toEqual([...items.map((r) => r.code)].sort());
  });

  it('a hall manager adds a county under their city; its level follows from the code', async () => {
    const res = await manager.post('/api/org/regions', { code: '130108', name: '裕华区', parentCode: '1301' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ code: '130108', name: '裕华区', parentCode: '1301', level: 'county' });
    const township = await manager.post('/api/org/regions', { code: '130108001', name: '裕兴街道', parentCode: '130108' });
    expect(township.json()).toMatchObject({ level: 'township' });
  });

  it('a code that does not extend its parent is refused on /code', async () => {
    const res = await refusedWithoutChange(() => manager.post('/api/org/regions', { code: '130201', name: '路南区', parentCode: '1301' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: '/code', message: expect.stringContaining('上级代码 1301') }]);
  });

  it('a code that skips a level (a township straight under a city) is refused on /code', async () => {
    const res = await refusedWithoutChange(() => manager.post('/api/org/regions', { code: '130102009', name: '跳级街道', parentCode: '1301' }));
    expect(res.json().errors[0].path).toBe('/code');
  });

  it('a code of no valid length is refused by the schema on /code', async () => {
    const res = await refusedWithoutChange(() => manager.post('/api/org/regions', { code: '13011', name: '错误', parentCode: '1301' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: '/code', message: '格式不正确' }]);
  });

  it('a parent that does not exist is refused on /parentCode', async () => {
    const res = await refusedWithoutChange(() => admin.post('/api/org/regions', { code: '139901', name: '不存在', parentCode: '1399' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: '/parentCode', message: '区划 1399 不存在' }]);
  });

  it('an existing code is a 409 on /code', async () => {
    const res = await refusedWithoutChange(() => manager.post('/api/org/regions', { code: '130102', name: '长安区', parentCode: '1301' }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ALREADY_EXISTS', errors: [{ path: '/code', message: '该区划代码已存在' }] });
  });

  it('a hall manager of a city may not add a sibling city under the province', async () => {
    const res = await refusedWithoutChange(() => manager.post('/api/org/regions', { code: '1303', name: '秦皇岛市', parentCode: '13' }));
    expect(res.statusCode).toBe(403);
  });

  it('renames a region; an unknown code is a 404', async () => {
    const res = await manager.patch('/api/org/regions/130108', { name: '裕华区（新）' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '130108', name: '裕华区（新）', level: 'county' });
    expect((await manager.patch('/api/org/regions/130199', { name: 'x' })).statusCode).toBe(404);
    const empty = await manager.patch('/api/org/regions/130108', { name: '' });
    expect(empty.json().errors).toEqual([{ path: '/name', message: '不能为空' }]);
  });

  it('a change that names nothing to change is a 400, not a server error', async () => {
    const dept = (await manager.get('/api/org/departments?regionCode=1301')).json().items[0] as { id: string };
    const hall = (await manager.get('/api/org/halls')).json().items[0] as { id: string };
    for (const url of [`/api/org/departments/${dept.id}`, `/api/org/halls/${hall.id}`]) {
      const res = await manager.patch(url, {});
      expect([res.statusCode, res.json().errors], url).toEqual([400, [{ path: '/', message: '请至少填写一项要修改的内容' }]]);
    }
  });
});

describe('departments (部门)', () => {
  it('adds a department with a valid unified social credit code, normalised to upper case', async () => {
    const code = uscc('11130100MB0DEPT01');
    const res = await manager.post('/api/org/departments', { name: '石家庄市数据和政务服务局', uscc: code.toLowerCase(), regionCode: '1301' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '石家庄市数据和政务服务局', uscc: code, regionCode: '1301', regionName: '石家庄市' });
  });

  it('a department with a bad USCC check character is refused on /uscc in Chinese', async () => {
    const body17 = '11130100MB0DEPT02';
    const wrong = body17 + (usccCheckChar(body17) === 'Y' ? 'X' : 'Y');
    const res = await refusedWithoutChange(() => manager.post('/api/org/departments', { name: '错误代码局', uscc: wrong, regionCode: '1301' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/uscc', message: '统一社会信用代码校验位不正确，请核对后重新输入' }] });
  });

  it('a department in a region that does not exist is refused on /regionCode', async () => {
    const res = await refusedWithoutChange(() => admin.post('/api/org/departments', { name: '无区划局', uscc: uscc('11130100MB0DEPT03'), regionCode: '1399' }));
    expect(res.json().errors).toEqual([{ path: '/regionCode', message: '区划 1399 不存在' }]);
  });

  it('a USCC already used by another department is a 409 on /uscc', async () => {
    const taken = (await t.db.selectFrom('departments').select('uscc').executeTakeFirstOrThrow()).uscc;
    const res = await refusedWithoutChange(() => manager.post('/api/org/departments', { name: '重复代码局', uscc: taken, regionCode: '1301' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ path: '/uscc', message: '该统一社会信用代码或部门名称已存在' }]);
  });

  it('lists departments of a region subtree', async () => {
    const res = await manager.get('/api/org/departments', { query: { regionCode: '130123' } });
    expect(res.json().items.map((d: { name: string }) => d.name).sort()).toEqual(['正定县医疗保障局', '正定县行政审批局']);
  });

  it('edits a department; a bad USCC in the edit is refused and nothing changes', async () => {
    const dept = await t.db.selectFrom('departments').selectAll().where('name', '=', '正定县医疗保障局').executeTakeFirstOrThrow();
    const res = await manager.patch(`/api/org/departments/${dept.id}`, { name: '正定县医疗保障局（医保服务中心）' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '正定县医疗保障局（医保服务中心）', uscc: dept.uscc, regionCode: '130123', regionName: '正定县' });
    const bad = await manager.patch(`/api/org/departments/${dept.id}`, { uscc: '123' });
    expect(bad.json().errors).toEqual([{ path: '/uscc', message: '统一社会信用代码应为18位' }]);
    expect((await t.db.selectFrom('departments').select('uscc').where('id', '=', dept.id).executeTakeFirstOrThrow()).uscc).toBe(dept.uscc);
  });

  it('a hall manager may not move a department out of their city', async () => {
    await admin.post('/api/org/regions', { code: '1302', name: '唐山市', parentCode: '13' });
    const dept = await t.db.selectFrom('departments').select('id').where('region_code', '=', '1301').executeTakeFirstOrThrow();
    const res = await refusedWithoutChange(() => manager.patch(`/api/org/departments/${dept.id}`, { regionCode: '1302' }));
    expect(res.statusCode).toBe(403);
    expect((await t.db.selectFrom('departments').select('region_code').where('id', '=', dept.id).executeTakeFirstOrThrow()).region_code).toBe('1301');
  });
});

describe('service domains (业务领域)', () => {
  it('lists the default domains', async () => {
    const res = await manager.get('/api/org/service-domains');
    expect(res.json().items).toContainEqual({ code: 'medical_insurance', name: '医保', active: true });
  });

  it('a system administrator adds a domain; a hall manager may not', async () => {
    const res = await admin.post('/api/org/service-domains', { code: 'veterans', name: '退役军人事务' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ code: 'veterans', name: '退役军人事务', active: true });
    const refused = await refusedWithoutChange(() => manager.post('/api/org/service-domains', { code: 'culture', name: '文化旅游' }));
    expect(refused.statusCode).toBe(403);
  });

  it('a code that is not lower-case latin is refused on /code; a duplicate name is a 409', async () => {
    const bad = await refusedWithoutChange(() => admin.post('/api/org/service-domains', { code: 'Culture', name: '文化旅游' }));
    expect(bad.json().errors).toEqual([{ path: '/code', message: '格式不正确' }]);
    const dup = await refusedWithoutChange(() => admin.post('/api/org/service-domains', { code: 'medical2', name: '医保' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('/code');
  });

  it('deactivates a domain; an unknown domain is a 404', async () => {
    const res = await admin.patch('/api/org/service-domains/veterans', { active: false });
    expect(res.json()).toEqual({ code: 'veterans', name: '退役军人事务', active: false });
    expect((await admin.patch('/api/org/service-domains/nothing', { active: false })).statusCode).toBe(404);
  });
});

describe('halls (政务服务大厅)', () => {
  const hall = (overrides: Record<string, unknown> = {}) => ({ name: '长安区政务服务中心', regionCode: '130102', address: '长安区建设北大街', phone: '0311-1234567', openingHours: '工作日 9:00–17:00', ...overrides });

  it('a hall manager adds a hall anywhere in their city', async () => {
    const res = await manager.post('/api/org/halls', hall());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '长安区政务服务中心', regionCode: '130102', regionName: '长安区', openingHours: '工作日 9:00–17:00' });
  });

  it('a hall in an unknown region is refused on /regionCode', async () => {
    const res = await refusedWithoutChange(() => manager.post('/api/org/halls', hall({ regionCode: '130199' })));
    expect(res.json().errors).toEqual([{ path: '/regionCode', message: '区划 130199 不存在' }]);
  });

  it('missing fields are each named', async () => {
    const res = await refusedWithoutChange(() => manager.post('/api/org/halls', { name: '只有名称' }));
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['/address', '/openingHours', '/phone', '/regionCode']);
  });

  it('edits a hall; an unknown hall is a 404', async () => {
    const res = await manager.patch(`/api/org/halls/${countyHallId}`, { openingHours: '工作日 8:30–17:30' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: countyHallId, name: '正定县政务服务中心', openingHours: '工作日 8:30–17:30' });
    expect((await manager.patch('/api/org/halls/00000000-0000-4000-8000-000000000000', { name: 'x' })).statusCode).toBe(404);
  });
});

describe('windows (窗口)', () => {
  it('lists a hall’s windows with their domains', async () => {
    const res = await manager.get(`/api/org/halls/${cityHallId}/windows`);
    const items = res.json().items as { number: string; kind: string; domainCodes: string[] }[];
    expect(items.map((w) => w.number)).toEqual(['A01', 'A02', 'A03', 'B01', 'B02', 'C01', 'D01']);
    expect(items.find((w) => w.number === 'C01')).toMatchObject({ kind: 'domain', domainCodes: ['real_estate', 'tax'] });
  });

  it('adds a comprehensive window (serves every item, so it names no domain)', async () => {
    const res = await manager.post(`/api/org/halls/${cityHallId}/windows`, { number: 'A04', name: '综合受理窗口四', kind: 'comprehensive' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ number: 'A04', kind: 'comprehensive', active: true, domainCodes: [] });
  });

  it('adds a domain window with its domains', async () => {
    const res = await manager.post(`/api/org/halls/${cityHallId}/windows`, { number: 'B03', name: '公积金窗口', kind: 'domain', domainCodes: ['housing_fund', 'housing_fund'] });
    expect(res.statusCode).toBe(201);
    expect(res.json().domainCodes).toEqual(['housing_fund']);
  });

  it('a domain window without domains is refused on /domainCodes', async () => {
    const res = await refusedWithoutChange(() => manager.post(`/api/org/halls/${cityHallId}/windows`, { number: 'B04', name: '空领域窗口', kind: 'domain' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: '/domainCodes', message: '分领域窗口至少选择一个业务领域' }]);
  });

  it('a domain window with an unknown or deactivated domain is refused on /domainCodes', async () => {
    const res = await refusedWithoutChange(() =>
      manager.post(`/api/org/halls/${cityHallId}/windows`, { number: 'B04', name: '错误领域窗口', kind: 'domain', domainCodes: ['tax', 'astrology', 'veterans'] }),
    );
    expect(res.json().errors).toEqual([{ path: '/domainCodes', message: '未知或已停用的业务领域：astrology、veterans' }]);
  });

  it('a window number already used in the hall is a 409 on /number; the same number in another hall is fine', async () => {
    const res = await refusedWithoutChange(() => manager.post(`/api/org/halls/${cityHallId}/windows`, { number: 'A01', name: '重复窗口', kind: 'comprehensive' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ path: '/number', message: '本大厅已有 A01 号窗口' }]);
    expect((await manager.post(`/api/org/halls/${countyHallId}/windows`, { number: 'A02', name: '综合受理窗口二', kind: 'comprehensive' })).statusCode).toBe(201);
  });

  it('a window number must be upper-case letters, digits and hyphens', async () => {
    const res = await refusedWithoutChange(() => manager.post(`/api/org/halls/${cityHallId}/windows`, { number: 'a 5', name: '窗口', kind: 'comprehensive' }));
    expect(res.json().errors).toEqual([{ path: '/number', message: '格式不正确' }]);
  });

  it('turns a comprehensive window into a domain window, and back; switching without domains is refused', async () => {
    const window = (await manager.post(`/api/org/halls/${cityHallId}/windows`, { number: 'E01', name: '弹性窗口', kind: 'comprehensive' })).json();
    const noDomains = await refusedWithoutChange(() => manager.patch(`/api/org/windows/${window.id}`, { kind: 'domain' }));
    expect(noDomains.json().errors).toEqual([{ path: '/domainCodes', message: '分领域窗口至少选择一个业务领域' }]);
    const toDomain = await manager.patch(`/api/org/windows/${window.id}`, { kind: 'domain', domainCodes: ['tax'] });
    expect(toDomain.json()).toMatchObject({ kind: 'domain', domainCodes: ['tax'] });
    const back = await manager.patch(`/api/org/windows/${window.id}`, { kind: 'comprehensive', active: false });
    expect(back.json()).toMatchObject({ kind: 'comprehensive', domainCodes: [], active: false });
    expect((await manager.patch('/api/org/windows/00000000-0000-4000-8000-000000000000', { name: 'x' })).statusCode).toBe(404);
  });
});

describe('staff (工作人员)', () => {
  const newStaff = (overrides: Record<string, unknown> = {}) => ({
    username: 'newclerk', name: '新窗口', phone: '13912345678', password: 'Clerk#2026', roles: [{ role: 'clerk', regionCode: '130102' }], ...overrides,
  });

  it('lists staff with masked phones; a hall manager sees only staff in their city', async () => {
    const all = (await admin.get('/api/org/staff')).json().items as { username: string; phoneMasked: string }[];
    expect(all.map((s) => s.username)).toContain('admin');
    expect(all.find((s) => s.username === 'clerk')!.phoneMasked).toMatch(/^139\*{4}\d{4}$/);
    const mine = (await manager.get('/api/org/staff')).json().items as { username: string }[];
    expect(mine.map((s) => s.username)).toContain('clerk');
    expect(mine.map((s) => s.username)).not.toContain('admin');
  });

  it('filters staff by the region their roles are in', async () => {
    const city = (await admin.get('/api/org/staff?regionCode=1301')).json().items as { username: string }[];
    expect(city.map((s) => s.username)).toEqual(expect.arrayContaining(['clerk', 'hallmgr']));
    expect(city.map((s) => s.username)).not.toContain('admin'); // scoped to the province, above 1301
    const county = (await admin.get('/api/org/staff?regionCode=130123')).json().items as { username: string }[];
    expect(county.map((s) => s.username)).not.toContain('clerk');
  });

  it('a hall manager adds a clerk for a district of their city, who can then sign in', async () => {
    const res = await manager.post('/api/org/staff', newStaff());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'newclerk', phoneMasked: '139****5678', active: true, totpSetup: null, roles: [{ role: 'clerk', regionCode: '130102', regionName: '长安区' }] });
    const clerk = await loginStaff(t.app, 'newclerk', 'Clerk#2026');
    expect(clerk.me).toMatchObject({ username: 'newclerk' });
  });

  it('a weak password and a bad phone are refused field by field', async () => {
    const res = await refusedWithoutChange(() => manager.post('/api/org/staff', newStaff({ username: 'weak', password: 'password', phone: '12345' })));
    expect(res.json().errors).toEqual([
      { path: '/phone', message: '手机号码应为11位，以1开头' },
      { path: '/password', message: '密码应包含大写字母、小写字母、数字、符号中的至少三类' },
    ]);
  });

  it('a username already in use is a 409 on /username', async () => {
    const res = await refusedWithoutChange(() => manager.post('/api/org/staff', newStaff({ username: 'clerk' })));
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ path: '/username', message: '该用户名已被使用' }]);
  });

  it('a hall manager cannot grant the system administrator role', async () => {
    const res = await refusedWithoutChange(() => manager.post('/api/org/staff', newStaff({ username: 'sneaky', roles: [{ role: 'system_admin', regionCode: '1301' }] })));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: '/roles/0/role', message: '只有系统管理员可以授予系统管理员角色' }]);
  });

  it('a hall manager cannot grant a role outside their city, nor a department of another region', async () => {
    const outside = await refusedWithoutChange(() => manager.post('/api/org/staff', newStaff({ username: 'faraway', roles: [{ role: 'clerk', regionCode: '13' }] })));
    expect(outside.json().errors).toEqual([{ path: '/roles/0/regionCode', message: '不能授予超出您管辖范围的区划' }]);
    const countyDept = (await t.db.selectFrom('departments').select('id').where('region_code', '=', '130123').executeTakeFirstOrThrow()).id;
    const wrongDept = await refusedWithoutChange(() =>
      manager.post('/api/org/staff', newStaff({ username: 'mismatch', roles: [{ role: 'reviewer', regionCode: '130102', departmentId: countyDept }] })),
    );
    expect(wrongDept.json().errors).toEqual([{ path: '/roles/0/departmentId', message: '部门不在该区划内' }]);
  });

  it('a hall manager cannot make an existing colleague a system administrator either', async () => {
    const clerkId = (await t.db.selectFrom('staff').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()).id;
    const res = await refusedWithoutChange(() => manager.patch(`/api/org/staff/${clerkId}`, { roles: [{ role: 'system_admin', regionCode: '1301' }] }));
    expect(res.json().errors).toEqual([{ path: '/roles/0/role', message: '只有系统管理员可以授予系统管理员角色' }]);
    const roles = await t.db.selectFrom('staff_roles').select('role').where('staff_id', '=', clerkId).execute();
    expect(roles).toEqual([{ role: 'clerk' }]);
  });

  it('the same role assignment twice is refused on its /roles/<i> before anything is written', async () => {
    const twice = [{ role: 'clerk', regionCode: '1301' }, { role: 'clerk', regionCode: '1301', departmentId: null }];
    const created = await refusedWithoutChange(() => manager.post('/api/org/staff', newStaff({ username: 'twice', roles: twice })));
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/roles/1', message: '重复的岗位' }] });

    const clerkId = (await t.db.selectFrom('staff').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()).id;
    const edited = await refusedWithoutChange(() =>
      manager.patch(`/api/org/staff/${clerkId}`, { roles: [{ role: 'reviewer', regionCode: '1301' }, { role: 'clerk', regionCode: '1301' }, { role: 'reviewer', regionCode: '1301' }] }),
    );
    expect(edited.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/roles/2', message: '重复的岗位' }] });
    expect(await t.db.selectFrom('staff_roles').select('role').where('staff_id', '=', clerkId).execute()).toEqual([{ role: 'clerk' }]);
  });

  it('only a collision on the username constraint is reported on /username; another unique violation is not blamed on it', () => {
    const onUsername = uniqueViolation('/username', '该用户名已被使用', 'staff_username_key');
    const thrownBy = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      throw new Error('nothing was thrown');
    };
    const elsewhere = Object.assign(new Error('duplicate key value violates unique constraint "staff_pkey"'), { code: '23505', constraint: 'staff_pkey' });
    expect(thrownBy(() => onUsername(elsewhere))).toBe(elsewhere);
    expect(thrownBy(() => onUsername({ code: '23505', constraint: 'staff_username_key' }))).toMatchObject({
      status: 409, code: 'ALREADY_EXISTS', options: { errors: [{ path: '/username', message: '该用户名已被使用' }] },
    });
  });

  it('a hall manager may not change a system administrator whose roles lie in their city; a system administrator may', async () => {
    const created = await admin.post('/api/org/staff', newStaff({ username: 'cityadmin', roles: [{ role: 'system_admin', regionCode: '1301' }] }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    for (const change of [{ active: false }, { roles: [{ role: 'clerk', regionCode: '1301' }] }, { name: '改名', phone: '13900001111' }]) {
      const res = await refusedWithoutChange(() => manager.patch(`/api/org/staff/${id}`, change));
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'SYSTEM_ADMIN_PROTECTED', title: '系统管理员的账号、角色和启停只能由系统管理员修改' });
    }
    expect(await t.db.selectFrom('staff').select(['name', 'phone', 'active']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ name: '新窗口', phone: '13912345678', active: true });
    expect(await t.db.selectFrom('staff_roles').select(['role', 'region_code']).where('staff_id', '=', id).execute()).toEqual([{ role: 'system_admin', region_code: '1301' }]);

    const byAdmin = await admin.patch(`/api/org/staff/${id}`, { active: false });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json()).toMatchObject({ active: false, roles: [{ role: 'system_admin', regionCode: '1301' }] });
  });

  it('a system administrator creating another one gets a one-time TOTP secret for them', async () => {
    const res = await admin.post('/api/org/staff', newStaff({ username: 'admin2', roles: [{ role: 'system_admin', regionCode: '13' }] }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ totpEnabled: true, totpSetup: { secret: expect.any(String), otpauthUrl: expect.stringMatching(/^otpauth:/) } });
  });

  it('the system administrator role is not granted to someone without TOTP', async () => {
    const clerkId = (await t.db.selectFrom('staff').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()).id;
    const res = await refusedWithoutChange(() => admin.patch(`/api/org/staff/${clerkId}`, { roles: [{ role: 'system_admin', regionCode: '13' }] }));
    expect(res.json().errors).toEqual([{ path: '/roles', message: expect.stringContaining('动态口令') }]);
  });

  it('deactivating a staff member ends their sessions at once', async () => {
    const before = await loginStaff(t.app, 'newclerk', 'Clerk#2026');
    const id = before.me!.id as string;
    const res = await manager.patch(`/api/org/staff/${id}`, { active: false });
    expect(res.json()).toMatchObject({ active: false });
    expect((await before.get('/api/auth/me')).statusCode).toBe(401);
    const login = await anonymous(t.app).post('/api/auth/staff/login', { username: 'newclerk', password: 'Clerk#2026' });
    expect(login.statusCode).toBe(401);
  });

  it('changes roles within scope; an unknown staff id is a 404', async () => {
    const id = (await t.db.selectFrom('staff').select('id').where('username', '=', 'newclerk').executeTakeFirstOrThrow()).id;
    const res = await manager.patch(`/api/org/staff/${id}`, { roles: [{ role: 'reviewer', regionCode: '1301' }], active: true });
    expect(res.json()).toMatchObject({ active: true, roles: [{ role: 'reviewer', regionCode: '1301' }] });
    expect((await manager.patch('/api/org/staff/00000000-0000-4000-8000-000000000000', { name: 'x' })).statusCode).toBe(404);
  });
});
