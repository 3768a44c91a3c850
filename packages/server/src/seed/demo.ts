// Demo data for an empty database: 河北省 → 石家庄市 → districts, counties and townships with their real codes;
// the bureaus a city hall works with; a city and a county hall with comprehensive and domain windows; one staff
// account per role and two applicants. Loaded once, on first start, and by `npm run seed`.
import type { Kysely } from 'kysely';
import { beijingToday, DEFAULT_SERVICE_DOMAINS, usccCheckChar, type Role } from '@onewindow/domain';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../platform/passwords.ts';
import { loadPublishedCatalog } from '../modules/catalog/bulk-load.ts';
import { DEMO_CATALOG } from './demo-catalog.ts';

export const DEMO_PASSWORD = 'Demo@2026';
/** Fixed so the README can tell demo users what to add to their authenticator app. Logins refuse it (and the demo
 * password) when NODE_ENV=production. */
export const DEMO_ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXPONEWINDOWDEMO234';

const REGIONS: [code: string, name: string][] = [
  ['13', '河北省'],
  ['1301', '石家庄市'],
  ['130102', '长安区'],
  ['130104', '桥西区'],
  ['130105', '新华区'],
  ['130123', '正定县'],
  ['130102001', '建北街道'],
  ['130102002', '青园街道'],
  ['130104001', '东里街道'],
  ['130123100', '正定镇'],
  ['130123101', '诸福屯镇'],
];

function withCheckChar(body17: string): string {
  return body17 + usccCheckChar(body17);
}

/** A valid unified social credit code for a government body (机关, 11) in a region, numbered by `serial`. */
function demoUscc(regionCode: string, serial: number): string {
  return withCheckChar(`11${regionCode.padEnd(6, '0')}${String(serial).padStart(8, '0')}A`);
}

export const DEPARTMENTS: [name: string, region: string][] = [
  ['石家庄市行政审批局', '1301'],
  ['石家庄市医疗保障局', '1301'],
  ['石家庄市人力资源和社会保障局', '1301'],
  ['石家庄市自然资源和规划局（不动产登记中心）', '1301'],
  ['国家税务总局石家庄市税务局', '1301'],
  ['石家庄市市场监督管理局', '1301'],
  ['石家庄市卫生健康委员会', '1301'],
  ['石家庄市公安局', '1301'],
  ['石家庄住房公积金管理中心', '1301'],
  ['正定县行政审批局', '130123'],
  ['正定县医疗保障局', '130123'],
];

export const DEMO_STAFF: { username: string; name: string; role: Role; region: string; department?: string }[] = [
  { username: 'admin', name: '系统管理员', role: 'system_admin', region: '13' },
  { username: 'hallmgr', name: '王大厅', role: 'hall_manager', region: '1301' },
  { username: 'clerk', name: '李窗口', role: 'clerk', region: '1301' },
  { username: 'reviewer', name: '赵审批', role: 'reviewer', region: '1301', department: '石家庄市行政审批局' },
  // The 医保 items are reviewed by their own bureau: without its reviewer their cases would wait for nobody.
  { username: 'yibao', name: '钱医保', role: 'reviewer', region: '1301', department: '石家庄市医疗保障局' },
  // Two catalogue administrators, so one can submit and the other publish (four eyes).
  { username: 'catalog', name: '孙事项', role: 'catalog_admin', region: '1301' },
  { username: 'catalog2', name: '钱清单', role: 'catalog_admin', region: '1301' },
  { username: 'supervisor', name: '周监察', role: 'supervisor', region: '1301' },
];

export const DEMO_APPLICANTS = [
  { type: 'person' as const, name: '张三', idNumber: '130102199003075314', phone: '13800000001' },
  { type: 'company' as const, name: '石家庄市示例科技有限公司', uscc: withCheckChar('91130100MA0DEM001'), legalRepresentative: '李四', phone: '13800000002' },
];

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('regions').select('code').limit(1).executeTakeFirst();
  return !row;
}

export async function seedDemoData(db: Kysely<DB>): Promise<void> {
  await seedOrganisation(db);
  await seedDemoCatalog(db);
}

async function seedOrganisation(db: Kysely<DB>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const [code, name] of REGIONS) {
      const level = ({ 2: 'province', 4: 'city', 6: 'county', 9: 'township' } as const)[code.length as 2 | 4 | 6 | 9];
      const parent = { 2: null, 4: code.slice(0, 2), 6: code.slice(0, 4), 9: code.slice(0, 6) }[code.length as 2 | 4 | 6 | 9];
      await trx.insertInto('regions').values({ code, name, level, parent_code: parent }).execute();
    }
    await trx.insertInto('service_domains').values(DEFAULT_SERVICE_DOMAINS.map((d) => ({ code: d.code, name: d.name }))).execute();
    const departments = new Map<string, string>();
    for (const [i, [name, region]] of DEPARTMENTS.entries()) {
      const row = await trx.insertInto('departments').values({ name, region_code: region, uscc: demoUscc(region, i + 1) }).returning('id').executeTakeFirstOrThrow();
      departments.set(name, row.id);
    }

    const cityHall = await trx
      .insertInto('halls')
      .values({ name: '石家庄市政务服务中心', region_code: '1301', address: '石家庄市长安区中山东路 39 号', phone: '0311-12345', opening_hours: '工作日 9:00–12:00，13:30–17:00' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const countyHall = await trx
      .insertInto('halls')
      .values({ name: '正定县政务服务中心', region_code: '130123', address: '正定县常山西路 1 号', phone: '0311-88012345', opening_hours: '工作日 8:30–12:00，14:00–17:30' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const windows: [hallId: string, number: string, name: string, domains: string[]][] = [
      [cityHall.id, 'A01', '综合受理窗口一', []],
      [cityHall.id, 'A02', '综合受理窗口二', []],
      [cityHall.id, 'A03', '综合受理窗口三', []],
      [cityHall.id, 'B01', '医保综合窗口', ['medical_insurance']],
      [cityHall.id, 'B02', '社保综合窗口', ['social_security']],
      [cityHall.id, 'C01', '不动产登记综合窗口', ['real_estate', 'tax']],
      [cityHall.id, 'D01', '出件窗口（统一出件）', []],
      [countyHall.id, 'A01', '综合受理窗口', []],
      [countyHall.id, 'B01', '医保社保窗口', ['medical_insurance', 'social_security']],
    ];
    const windowIds = new Map<string, string>();
    for (const [hallId, number, name, domains] of windows) {
      const w = await trx
        .insertInto('windows')
        .values({ hall_id: hallId, number, name, kind: domains.length > 0 ? 'domain' : 'comprehensive' })
        .returning('id')
        .executeTakeFirstOrThrow();
      windowIds.set(`${hallId}/${number}`, w.id);
      if (domains.length > 0) await trx.insertInto('window_domains').values(domains.map((d) => ({ window_id: w.id, domain_code: d }))).execute();
    }

    for (const s of DEMO_STAFF) {
      const admin = s.role === 'system_admin';
      const row = await trx
        .insertInto('staff')
        .values({
          username: s.username,
          name: s.name,
          phone: `1390000000${DEMO_STAFF.indexOf(s)}`,
          password_hash: passwordHash,
          totp_secret: admin ? DEMO_ADMIN_TOTP_SECRET : null,
          totp_enabled: admin,
          totp_last_step: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('staff_roles')
        .values({ staff_id: row.id, role: s.role, region_code: s.region, department_id: s.department ? departments.get(s.department)! : null })
        .execute();
      // The demo clerk starts signed in at the city hall's first comprehensive window, ready to take cases in.
      if (s.username === 'clerk') await trx.insertInto('window_sign_ins').values({ staff_id: row.id, window_id: windowIds.get(`${cityHall.id}/A01`)! }).execute();
    }

    for (const a of DEMO_APPLICANTS) {
      await trx
        .insertInto('applicants')
        .values({
          type: a.type,
          name: a.name,
          id_number: a.type === 'person' ? a.idNumber : null,
          uscc: a.type === 'company' ? a.uscc : null,
          legal_representative: a.type === 'company' ? a.legalRepresentative : null,
          phone: a.phone,
          password_hash: passwordHash,
          phone_verified_at: new Date(),
        })
        .execute();
    }
  });
}

/**
 * The demo catalogue as published guides: submitted by one catalogue administrator and published by the other, in
 * force from today.
 */
export async function seedDemoCatalog(db: Kysely<DB>): Promise<void> {
  const departments = new Map((await db.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.name, d.id]));
  const staff = new Map((await db.selectFrom('staff').select(['id', 'username']).execute()).map((s) => [s.username, s.id]));
  const entries = DEMO_CATALOG.map((d) => ({
    code: d.implementationCode,
    regionCode: d.regionCode,
    departmentId: departments.get(d.departmentName)!,
    popularity: d.popularity,
    content: { ...d.content, transferredToDepartmentId: d.transferredToDepartmentName ? departments.get(d.transferredToDepartmentName)! : null },
  }));
  await loadPublishedCatalog(db, entries, { submittedBy: staff.get('catalog')!, publishedBy: staff.get('catalog2')!, effectiveFrom: beijingToday() });
}
