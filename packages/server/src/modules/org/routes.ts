// Organisation: the region tree, departments, the managed list of service domains, halls, their windows, and staff
// with their scoped roles. Managers act only inside the region subtrees their roles cover.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { maskPhone, parentRegionCode, passwordWeakness, regionLevel, validateMobile, validateUscc, ROLE_CODES, USERNAME_PATTERN, WINDOW_NUMBER_PATTERN, DOMAIN_CODE_PATTERN, type Role } from '@onewindow/domain';
import { AppError, problems, type FieldError } from '../../platform/problem.ts';
import { regionRootsFor, ROLES_ONLY_SYSTEM_ADMIN_GRANTS, type Actor } from '../../platform/policy.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { PatchObject, StrictObject, NonEmpty, IdParams, RegionCode, Uuid } from '../../platform/schemas.ts';
import { describeRoles } from '../identity/me.ts';
import { newTotpSecret, totpUri } from '../identity/credentials.ts';
import { releaseWindowIfBarred } from '../hall/sign-in.ts';
import { inRegionRoots, loadRegion, loadDepartment, loadHall, uniqueViolation } from './queries.ts';

const WindowNumber = Type.String({ pattern: WINDOW_NUMBER_PATTERN, description: '窗口编号，如 A01' });
const WindowKind = Type.Union([Type.Literal('comprehensive'), Type.Literal('domain')], { description: 'comprehensive 综合窗口 / domain 分领域窗口' });
const RoleCode = Type.Union(ROLE_CODES.map((r) => Type.Literal(r)));
const RoleAssignmentBody = StrictObject({ role: RoleCode, regionCode: RegionCode, departmentId: Type.Optional(Type.Union([Uuid, Type.Null()])) });
/** PostgreSQL's name for the UNIQUE on staff.username (0001_foundation.sql). */
const STAFF_USERNAME_CONSTRAINT = 'staff_username_key';

const isSystemAdmin = (actor: Actor) => actor.kind === 'staff' && actor.roles.some((r) => r.role === 'system_admin');

export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // ---- regions 行政区划 ----
  app.get('/api/org/regions', { config: { action: 'org.public.read' }, schema: { tags: ['org'], summary: '行政区划（平铺列表，按代码排序）' } }, async () => {
    const rows = await app.db.selectFrom('regions').select(['code', 'name', 'parent_code', 'level']).orderBy('code').execute();
    return { items: rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, level: r.level })) };
  });

  app.post(
    '/api/org/regions',
    {
      config: { action: 'region.manage' },
      schema: { tags: ['org'], summary: '新增下级区划', body: StrictObject({ code: RegionCode, name: NonEmpty(100), parentCode: RegionCode }) },
    },
    async (request, reply) => {
      const { code, name, parentCode } = request.body;
      const parent = await loadRegion(app.db, parentCode, '/parentCode');
      request.authorize({ regionCode: parent.code });
      if (parentRegionCode(code) !== parentCode) {
        throw problems.field('/code', `区划代码应在上级代码 ${parentCode} 之后续编（省2位、市4位、县6位、乡镇9位）`);
      }
      const level = regionLevel(code)!;
      await request.change(async (trx, audit) => {
        await trx.insertInto('regions').values({ code, name, parent_code: parentCode, level }).execute().catch(uniqueViolation('/code', '该区划代码已存在'));
        audit({ targetType: 'region', targetId: code, detail: { name, parentCode } });
      });
      return reply.status(201).send({ code, name, parentCode, level });
    },
  );

  app.patch(
    '/api/org/regions/:code',
    {
      config: { action: 'region.manage' },
      schema: { tags: ['org'], summary: '修改区划名称', params: StrictObject({ code: RegionCode }), body: StrictObject({ name: NonEmpty(100) }) },
    },
    async (request) => {
      const region = await loadRegion(app.db, request.params.code);
      request.authorize({ regionCode: region.code });
      await request.change(async (trx, audit) => {
        await trx.updateTable('regions').set({ name: request.body.name }).where('code', '=', region.code).execute();
        audit({ targetType: 'region', targetId: region.code, detail: { from: region.name, to: request.body.name } });
      });
      return { code: region.code, name: request.body.name, parentCode: region.parent_code, level: region.level };
    },
  );

  // ---- departments 部门 ----
  const departmentView = (d: { id: string; name: string; uscc: string; region_code: string; region_name: string }) => ({
    id: d.id, name: d.name, uscc: d.uscc, regionCode: d.region_code, regionName: d.region_name,
  });
  const selectDepartments = () =>
    app.db.selectFrom('departments as d').innerJoin('regions as r', 'r.code', 'd.region_code').select(['d.id', 'd.name', 'd.uscc', 'd.region_code', 'r.name as region_name']);

  app.get(
    '/api/org/departments',
    { config: { action: 'org.public.read' }, schema: { tags: ['org'], summary: '部门列表', querystring: StrictObject({ regionCode: Type.Optional(RegionCode) }) } },
    async (request) => {
      let q = selectDepartments().orderBy('d.region_code').orderBy('d.name');
      if (request.query.regionCode) q = q.where('d.region_code', 'like', `${request.query.regionCode}%`);
      return { items: (await q.execute()).map(departmentView) };
    },
  );

  const checkUscc = (uscc: string) => {
    const check = validateUscc(uscc);
    if (!check.ok) throw problems.field('/uscc', check.reason);
    return uscc.trim().toUpperCase();
  };

  app.post(
    '/api/org/departments',
    {
      config: { action: 'department.manage' },
      schema: { tags: ['org'], summary: '新增部门', body: StrictObject({ name: NonEmpty(100), uscc: Type.String({ maxLength: 18 }), regionCode: RegionCode }) },
    },
    async (request, reply) => {
      const uscc = checkUscc(request.body.uscc);
      const region = await loadRegion(app.db, request.body.regionCode, '/regionCode');
      request.authorize({ regionCode: region.code });
      const id = await request.change(async (trx, audit) => {
        const row = await trx
          .insertInto('departments')
          .values({ name: request.body.name, uscc, region_code: region.code })
          .returning('id')
          .executeTakeFirstOrThrow()
          .catch(uniqueViolation('/uscc', '该统一社会信用代码或部门名称已存在'));
        audit({ targetType: 'department', targetId: row.id, detail: { name: request.body.name, uscc } });
        return row.id;
      });
      return reply.status(201).send(departmentView({ id, name: request.body.name, uscc, region_code: region.code, region_name: region.name }));
    },
  );

  app.patch(
    '/api/org/departments/:id',
    {
      config: { action: 'department.manage' },
      schema: {
        tags: ['org'],
        summary: '修改部门',
        params: IdParams,
        body: PatchObject({ name: Type.Optional(NonEmpty(100)), uscc: Type.Optional(Type.String({ maxLength: 18 })), regionCode: Type.Optional(RegionCode) }),
      },
    },
    async (request) => {
      const dept = await loadDepartment(app.db, request.params.id);
      request.authorize({ regionCode: dept.region_code });
      const b = request.body;
      const changes = { name: b.name, uscc: b.uscc === undefined ? undefined : checkUscc(b.uscc), region_code: b.regionCode };
      if (b.regionCode) request.authorize({ regionCode: (await loadRegion(app.db, b.regionCode, '/regionCode')).code });
      await request.change(async (trx, audit) => {
        await trx.updateTable('departments').set(changes).where('id', '=', dept.id).execute().catch(uniqueViolation('/uscc', '该统一社会信用代码或部门名称已存在'));
        audit({ targetType: 'department', targetId: dept.id, detail: { changes } });
      });
      return departmentView((await selectDepartments().where('d.id', '=', dept.id).executeTakeFirstOrThrow()));
    },
  );

  // ---- service domains 业务领域 ----
  app.get('/api/org/service-domains', { config: { action: 'org.public.read' }, schema: { tags: ['org'], summary: '业务领域清单' } }, async () => {
    const rows = await app.db.selectFrom('service_domains').select(['code', 'name', 'active']).orderBy('created_at').orderBy('code').execute();
    return { items: rows };
  });

  app.post(
    '/api/org/service-domains',
    {
      config: { action: 'service_domain.manage' },
      schema: { tags: ['org'], summary: '新增业务领域', body: StrictObject({ code: Type.String({ pattern: DOMAIN_CODE_PATTERN, description: '英文代码，如 medical_insurance' }), name: NonEmpty(30) }) },
    },
    async (request, reply) => {
      const { code, name } = request.body;
      await request.change(async (trx, audit) => {
        await trx.insertInto('service_domains').values({ code, name }).execute().catch(uniqueViolation('/code', '该领域代码或名称已存在'));
        audit({ targetType: 'service_domain', targetId: code, detail: { name } });
      });
      return reply.status(201).send({ code, name, active: true });
    },
  );

  app.patch(
    '/api/org/service-domains/:code',
    {
      config: { action: 'service_domain.manage' },
      schema: {
        tags: ['org'],
        summary: '修改或停用业务领域',
        params: StrictObject({ code: Type.String({ maxLength: 40 }) }),
        body: PatchObject({ name: Type.Optional(NonEmpty(30)), active: Type.Optional(Type.Boolean()) }),
      },
    },
    async (request) => {
      const updated = await request.change(async (trx, audit) => {
        const row = await trx
          .updateTable('service_domains')
          .set(request.body)
          .where('code', '=', request.params.code)
          .returning(['code', 'name', 'active'])
          .executeTakeFirst()
          .catch(uniqueViolation('/name', '该领域名称已存在'));
        if (!row) throw problems.notFound('业务领域');
        audit({ targetType: 'service_domain', targetId: row.code, detail: request.body });
        return row;
      });
      return updated;
    },
  );

  // ---- halls 政务服务大厅 ----
  const HallBody = { name: NonEmpty(100), regionCode: RegionCode, address: Type.String({ maxLength: 200 }), phone: Type.String({ maxLength: 30 }), openingHours: Type.String({ maxLength: 200 }) };
  const selectHalls = () =>
    app.db.selectFrom('halls as h').innerJoin('regions as r', 'r.code', 'h.region_code').select(['h.id', 'h.name', 'h.region_code', 'r.name as region_name', 'h.address', 'h.phone', 'h.opening_hours']);
  const hallView = (h: { id: string; name: string; region_code: string; region_name: string; address: string; phone: string; opening_hours: string }) => ({
    id: h.id, name: h.name, regionCode: h.region_code, regionName: h.region_name, address: h.address, phone: h.phone, openingHours: h.opening_hours,
  });

  app.get(
    '/api/org/halls',
    { config: { action: 'org.public.read' }, schema: { tags: ['org'], summary: '政务服务大厅', querystring: StrictObject({ regionCode: Type.Optional(RegionCode) }) } },
    async (request) => {
      let q = selectHalls().orderBy('h.region_code').orderBy('h.name');
      if (request.query.regionCode) q = q.where('h.region_code', 'like', `${request.query.regionCode}%`);
      return { items: (await q.execute()).map(hallView) };
    },
  );

  app.post(
    '/api/org/halls',
    { config: { action: 'hall.manage' }, schema: { tags: ['org'], summary: '新增大厅', body: StrictObject(HallBody) } },
    async (request, reply) => {
      const b = request.body;
      const region = await loadRegion(app.db, b.regionCode, '/regionCode');
      request.authorize({ regionCode: region.code });
      const id = await request.change(async (trx, audit) => {
        const row = await trx
          .insertInto('halls')
          .values({ name: b.name, region_code: region.code, address: b.address, phone: b.phone, opening_hours: b.openingHours })
          .returning('id')
          .executeTakeFirstOrThrow();
        audit({ targetType: 'hall', targetId: row.id, detail: { name: b.name, regionCode: region.code } });
        return row.id;
      });
      return reply.status(201).send(hallView(await selectHalls().where('h.id', '=', id).executeTakeFirstOrThrow()));
    },
  );

  app.patch(
    '/api/org/halls/:id',
    {
      config: { action: 'hall.manage' },
      schema: { tags: ['org'], summary: '修改大厅', params: IdParams, body: PatchObject({ name: Type.Optional(HallBody.name), address: Type.Optional(HallBody.address), phone: Type.Optional(HallBody.phone), openingHours: Type.Optional(HallBody.openingHours) }) },
    },
    async (request) => {
      const hall = await loadHall(app.db, request.params.id);
      request.authorize({ regionCode: hall.region_code });
      const b = request.body;
      await request.change(async (trx, audit) => {
        await trx.updateTable('halls').set({ name: b.name, address: b.address, phone: b.phone, opening_hours: b.openingHours }).where('id', '=', hall.id).execute();
        audit({ targetType: 'hall', targetId: hall.id, detail: b });
      });
      return hallView(await selectHalls().where('h.id', '=', hall.id).executeTakeFirstOrThrow());
    },
  );

  // ---- windows 窗口 ----
  const windowsOf = async (where: { hallId?: string; windowId?: string }) => {
    let q = app.db.selectFrom('windows').select(['id', 'hall_id', 'number', 'name', 'kind', 'active']).orderBy('number');
    if (where.hallId) q = q.where('hall_id', '=', where.hallId);
    if (where.windowId) q = q.where('id', '=', where.windowId);
    const windows = await q.execute();
    const domains = windows.length === 0 ? [] : await app.db.selectFrom('window_domains').selectAll().where('window_id', 'in', windows.map((w) => w.id)).execute();
    return windows.map((w) => ({
      id: w.id, hallId: w.hall_id, number: w.number, name: w.name, kind: w.kind, active: w.active,
      domainCodes: domains.filter((d) => d.window_id === w.id).map((d) => d.domain_code).sort(),
    }));
  };

  /** A domain window must name at least one active domain; a comprehensive window names none (it serves all). */
  const checkWindowDomains = async (kind: 'comprehensive' | 'domain', domainCodes: string[]): Promise<string[]> => {
    if (kind === 'comprehensive') return [];
    if (domainCodes.length === 0) throw problems.field('/domainCodes', '分领域窗口至少选择一个业务领域');
    const known = await app.db.selectFrom('service_domains').select('code').where('code', 'in', domainCodes).where('active', '=', true).execute();
    const unknown = domainCodes.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length > 0) throw problems.field('/domainCodes', `未知或已停用的业务领域：${unknown.join('、')}`);
    return [...new Set(domainCodes)];
  };

  app.get(
    '/api/org/halls/:id/windows',
    { config: { action: 'org.public.read' }, schema: { tags: ['org'], summary: '大厅的窗口', params: IdParams } },
    async (request) => {
      const hall = await loadHall(app.db, request.params.id);
      return { items: await windowsOf({ hallId: hall.id }) };
    },
  );

  app.post(
    '/api/org/halls/:id/windows',
    {
      config: { action: 'hall.manage' },
      schema: {
        tags: ['org'],
        summary: '新增窗口（综合窗口或分领域窗口）',
        params: IdParams,
        body: StrictObject({ number: WindowNumber, name: NonEmpty(50), kind: WindowKind, domainCodes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30, default: [] }) }),
      },
    },
    async (request, reply) => {
      const hall = await loadHall(app.db, request.params.id);
      request.authorize({ regionCode: hall.region_code });
      const b = request.body;
      const domainCodes = await checkWindowDomains(b.kind, b.domainCodes);
      const id = await request.change(async (trx, audit) => {
        const row = await trx
          .insertInto('windows')
          .values({ hall_id: hall.id, number: b.number, name: b.name, kind: b.kind })
          .returning('id')
          .executeTakeFirstOrThrow()
          .catch(uniqueViolation('/number', `本大厅已有 ${b.number} 号窗口`));
        if (domainCodes.length > 0) await trx.insertInto('window_domains').values(domainCodes.map((c) => ({ window_id: row.id, domain_code: c }))).execute();
        audit({ targetType: 'window', targetId: row.id, detail: { hallId: hall.id, number: b.number, kind: b.kind, domainCodes } });
        return row.id;
      });
      return reply.status(201).send((await windowsOf({ windowId: id }))[0]);
    },
  );

  app.patch(
    '/api/org/windows/:id',
    {
      config: { action: 'hall.manage' },
      schema: {
        tags: ['org'],
        summary: '修改窗口类型、领域或启停',
        params: IdParams,
        body: PatchObject({ name: Type.Optional(NonEmpty(50)), kind: Type.Optional(WindowKind), domainCodes: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 })), active: Type.Optional(Type.Boolean()) }),
      },
    },
    async (request) => {
      const [current] = await windowsOf({ windowId: request.params.id });
      if (!current) throw problems.notFound('窗口');
      const hall = await loadHall(app.db, current.hallId);
      request.authorize({ regionCode: hall.region_code });
      const b = request.body;
      const kind = b.kind ?? current.kind;
      const domainCodes = await checkWindowDomains(kind, b.domainCodes ?? current.domainCodes);
      await request.change(async (trx, audit) => {
        await trx.updateTable('windows').set({ name: b.name, kind, active: b.active }).where('id', '=', current.id).execute();
        await trx.deleteFrom('window_domains').where('window_id', '=', current.id).execute();
        if (domainCodes.length > 0) await trx.insertInto('window_domains').values(domainCodes.map((c) => ({ window_id: current.id, domain_code: c }))).execute();
        audit({ targetType: 'window', targetId: current.id, detail: { ...b, kind, domainCodes } });
      });
      return (await windowsOf({ windowId: current.id }))[0];
    },
  );

  // ---- staff 工作人员 ----
  /** Staff by id, or those with a role in one of the region subtrees (and, if given, inside `regionCode`). */
  const staffList = async (filter: { ids: string[] } | { roots: string[] | 'all'; regionCode?: string }) => {
    let q = app.db.selectFrom('staff').select(['id', 'username', 'name', 'phone', 'active', 'totp_enabled']).orderBy('username');
    if ('ids' in filter) q = q.where('id', 'in', filter.ids);
    else {
      const { roots, regionCode } = filter;
      q = q.where((eb) => {
        let roles = eb.selectFrom('staff_roles as r').select('r.id').whereRef('r.staff_id', '=', 'staff.id');
        if (roots !== 'all') roles = roles.where((e) => e.or(roots.map((root) => e('r.region_code', 'like', `${root}%`))));
        if (regionCode) roles = roles.where('r.region_code', 'like', `${regionCode}%`);
        const withRole = eb.exists(roles);
        // Staff without any role (possible only through the database) are shown to province-wide readers.
        const provinceWide = roots === 'all' || roots.some((root) => root.length === 2);
        return provinceWide ? eb.or([withRole, eb.not(eb.exists(eb.selectFrom('staff_roles as n').select('n.id').whereRef('n.staff_id', '=', 'staff.id')))]) : withRole;
      });
    }
    const rows = await q.execute();
    const roles = await describeRoles(app.db, rows.map((r) => r.id));
    return rows.map((s) => ({ id: s.id, username: s.username, name: s.name, phoneMasked: maskPhone(s.phone), active: s.active, totpEnabled: s.totp_enabled, roles: roles.get(s.id) ?? [] }));
  };

  /**
   * Role assignments a manager may grant: each inside their own scope, departments in the assignment's region, and
   * system_admin only by a system administrator. Each at most once: staff_roles holds an assignment once.
   */
  const checkAssignments = async (request: FastifyRequest, roles: { role: Role; regionCode: string; departmentId?: string | null }[]) => {
    const errors: FieldError[] = [];
    const grantorIsSystemAdmin = isSystemAdmin(request.actor);
    const seen = new Set<string>();
    for (const [i, a] of roles.entries()) {
      const key = `${a.role}/${a.regionCode}/${a.departmentId ?? ''}`;
      if (seen.has(key)) errors.push({ path: `/roles/${i}`, message: '重复的岗位' });
      seen.add(key);
      if (ROLES_ONLY_SYSTEM_ADMIN_GRANTS.includes(a.role) && !grantorIsSystemAdmin) errors.push({ path: `/roles/${i}/role`, message: '只有系统管理员可以授予系统管理员角色' });
      const region = await app.db.selectFrom('regions').select('code').where('code', '=', a.regionCode).executeTakeFirst();
      if (!region) errors.push({ path: `/roles/${i}/regionCode`, message: '区划不存在' });
      else if (!inRegionRoots(a.regionCode, regionRootsFor(request.actor, 'staff.manage'))) errors.push({ path: `/roles/${i}/regionCode`, message: '不能授予超出您管辖范围的区划' });
      if (a.departmentId) {
        const dept = await app.db.selectFrom('departments').select('region_code').where('id', '=', a.departmentId).executeTakeFirst();
        if (!dept) errors.push({ path: `/roles/${i}/departmentId`, message: '部门不存在' });
        else if (!dept.region_code.startsWith(a.regionCode) && !a.regionCode.startsWith(dept.region_code)) errors.push({ path: `/roles/${i}/departmentId`, message: '部门不在该区划内' });
      }
    }
    if (errors.length > 0) throw problems.validation(errors);
    return roles.map((a) => ({ role: a.role, region_code: a.regionCode, department_id: a.departmentId ?? null }));
  };

  /**
   * Staff are managed by whoever covers every region their roles are in; a system administrator only by another one,
   * else a hall manager whose city holds one of their roles could lock them out or take their roles.
   */
  const authorizeStaffTarget = async (request: FastifyRequest, staffId: string) => {
    const assignments = await app.db.selectFrom('staff_roles').select(['role', 'region_code']).where('staff_id', '=', staffId).$narrowType<{ role: Role }>().execute();
    for (const a of assignments) request.authorize({ regionCode: a.region_code });
    const protectedTarget = assignments.some((a) => ROLES_ONLY_SYSTEM_ADMIN_GRANTS.includes(a.role));
    if (protectedTarget && !isSystemAdmin(request.actor)) {
      throw new AppError(403, 'SYSTEM_ADMIN_PROTECTED', '系统管理员的账号、角色和启停只能由系统管理员修改');
    }
  };

  app.get(
    '/api/org/staff',
    { config: { action: 'staff.read' }, schema: { tags: ['org'], summary: '工作人员（手机号脱敏）', querystring: StrictObject({ regionCode: Type.Optional(RegionCode) }) } },
    async (request) => {
      return { items: await staffList({ roots: regionRootsFor(request.actor, 'staff.read'), regionCode: request.query.regionCode }) };
    },
  );

  app.post(
    '/api/org/staff',
    {
      config: { action: 'staff.manage' },
      schema: {
        tags: ['org'],
        summary: '新增工作人员（系统管理员须绑定动态口令：返回一次性密钥）',
        body: StrictObject({
          username: Type.String({ pattern: USERNAME_PATTERN, description: '小写字母开头，3–32位' }),
          name: NonEmpty(50),
          phone: Type.String({ maxLength: 20 }),
          password: Type.String({ minLength: 1, maxLength: 128 }),
          roles: Type.Array(RoleAssignmentBody, { minItems: 1, maxItems: 20 }),
        }),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const errors: FieldError[] = [];
      const mobile = validateMobile(b.phone);
      if (!mobile.ok) errors.push({ path: '/phone', message: mobile.reason });
      const weakness = passwordWeakness(b.password);
      if (weakness) errors.push({ path: '/password', message: weakness });
      if (errors.length > 0) throw problems.validation(errors);
      const roles = await checkAssignments(request, b.roles);
      const passwordHash = await hashPassword(b.password);
      const needsTotp = roles.some((r) => app.config.totpRequiredRoles.includes(r.role));
      const totpSecret = needsTotp ? newTotpSecret() : null;
      const id = await request.change(async (trx, audit) => {
        const row = await trx
          .insertInto('staff')
          .values({ username: b.username, name: b.name, phone: b.phone, password_hash: passwordHash, totp_secret: totpSecret, totp_enabled: needsTotp, totp_last_step: null })
          .returning('id')
          .executeTakeFirstOrThrow()
          .catch(uniqueViolation('/username', '该用户名已被使用', STAFF_USERNAME_CONSTRAINT));
        await trx.insertInto('staff_roles').values(roles.map((r) => ({ ...r, staff_id: row.id }))).execute();
        audit({ targetType: 'staff', targetId: row.id, detail: { username: b.username, roles: b.roles } });
        return row.id;
      });
      const [created] = await staffList({ ids: [id] });
      return reply.status(201).send({ ...created, totpSetup: totpSecret ? { secret: totpSecret, otpauthUrl: totpUri(totpSecret, b.username) } : null });
    },
  );

  app.patch(
    '/api/org/staff/:id',
    {
      config: { action: 'staff.manage' },
      schema: {
        tags: ['org'],
        summary: '修改工作人员、角色或启停',
        params: IdParams,
        body: PatchObject({ name: Type.Optional(NonEmpty(50)), phone: Type.Optional(Type.String({ maxLength: 20 })), active: Type.Optional(Type.Boolean()), roles: Type.Optional(Type.Array(RoleAssignmentBody, { minItems: 1, maxItems: 20 })) }),
      },
    },
    async (request) => {
      const target = await app.db.selectFrom('staff').select(['id', 'totp_enabled']).where('id', '=', request.params.id).executeTakeFirst();
      if (!target) throw problems.notFound('工作人员');
      await authorizeStaffTarget(request, target.id);
      const b = request.body;
      if (b.phone !== undefined) {
        const mobile = validateMobile(b.phone);
        if (!mobile.ok) throw problems.field('/phone', mobile.reason);
      }
      const roles = b.roles ? await checkAssignments(request, b.roles) : null;
      if (roles && !target.totp_enabled && roles.some((r) => app.config.totpRequiredRoles.includes(r.role))) {
        throw problems.field('/roles', '授予系统管理员角色前，该人员须先在“账号安全”中绑定动态口令');
      }
      await request.change(async (trx, audit) => {
        const fields = { name: b.name, phone: b.phone, active: b.active };
        // A change of roles alone sets no column, and an empty SET is not SQL.
        if (Object.values(fields).some((v) => v !== undefined)) await trx.updateTable('staff').set(fields).where('id', '=', target.id).execute();
        if (roles) {
          await trx.deleteFrom('staff_roles').where('staff_id', '=', target.id).execute();
          await trx.insertInto('staff_roles').values(roles.map((r) => ({ ...r, staff_id: target.id }))).execute();
        }
        if (b.active === false) await trx.deleteFrom('sessions').where('subject_id', '=', target.id).execute();
        const leftWindowId = await releaseWindowIfBarred(trx, target.id);
        audit({ targetType: 'staff', targetId: target.id, detail: { ...b, phone: b.phone ? maskPhone(b.phone) : undefined, leftWindowId: leftWindowId ?? undefined } });
      });
      app.sessionCache.forgetSubject(target.id);
      return (await staffList({ ids: [target.id] }))[0];
    },
  );
};
