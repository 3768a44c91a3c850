import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { DEFAULT_SERVICE_DOMAINS, GuideContentSchema, checkGuideQuality } from '@onewindow/domain';
import { DEMO_CATALOG } from './demo-catalog.ts';
import { DEPARTMENTS } from './demo.ts';

const knownDomains = DEFAULT_SERVICE_DOMAINS.map((d) => d.code as string);
const departmentNames = new Set(DEPARTMENTS.map(([name]) => name));
const contents = DEMO_CATALOG.map((i) => i.content);

const REQUIRED_ITEMS = [
  '个体工商户设立登记', '企业设立登记', '企业变更登记', '企业注销登记', '食品经营许可', '公共场所卫生许可', '药品零售企业许可',
  '城乡居民基本医疗保险参保登记', '医疗费用手工（零星）报销', '异地就医备案', '职工基本养老保险关系转移接续', '失业保险金申领',
  '社会保障卡申领', '社会保障卡补换', '退休核准', '不动产首次登记', '不动产转移登记', '不动产抵押登记', '不动产登记资料查询',
  '税务登记信息确认', '发票领用', '个人所得税综合所得汇算清缴', '住房公积金提取', '住房公积金贷款申请', '建设工程规划许可证核发',
  '建筑工程施工许可证核发', '出生医学证明办理', '居住证签注', '居住证申领', '身份证换领', '户口迁移', '结婚登记', '最低生活保障申请',
  '高龄津贴申领', '残疾人两项补贴申请', '城乡居民基本养老保险参保登记',
];

describe('demo catalogue', () => {
  it('has at least 60 implementations across at least 8 service domains', () => {
    expect(DEMO_CATALOG.length).toBeGreaterThanOrEqual(60);
    expect(new Set(contents.map((c) => c.domainCode)).size).toBeGreaterThanOrEqual(8);
  });

  it('validates every guide against the schema', () => {
    const failures = DEMO_CATALOG.flatMap((i) =>
      [...Value.Errors(GuideContentSchema, i.content)].map((e) => `${i.implementationCode} ${i.content.name}: ${JSON.stringify(e)}`),
    );
    expect(failures).toEqual([]);
    for (const c of contents) expect(Value.Check(GuideContentSchema, c)).toBe(true);
  });

  it('passes the publication quality rules with no issues', () => {
    const issues = DEMO_CATALOG.flatMap((i) =>
      checkGuideQuality(i.content, { knownDomains, regionCode: i.regionCode }).map((q) => `${i.implementationCode} ${i.content.name} ${q.path} ${q.rule}: ${q.message}`),
    );
    expect(issues).toEqual([]);
  });

  it('has unique implementation codes that fit the database column', () => {
    const codes = DEMO_CATALOG.map((i) => i.implementationCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Za-z-]{6,60}$/);
  });

  it('mixes online depths, case types, fees and levels', () => {
    expect(new Set(contents.map((c) => c.onlineDepth))).toEqual(new Set(['I', 'II', 'III', 'IV']));
    expect(new Set(contents.map((c) => c.caseType))).toEqual(new Set(['1', '2']));
    expect(contents.some((c) => c.charged)).toBe(true);
    expect(new Set(contents.map((c) => c.serviceScope)).size).toBeGreaterThanOrEqual(3);
    expect(DEMO_CATALOG.some((i) => /^[0-9]{9}$/.test(i.regionCode))).toBe(true);
  });

  it('implements some items at the city and a county under one basic code', () => {
    const regionsByCode = new Map<string, Set<string>>();
    for (const i of DEMO_CATALOG) regionsByCode.set(i.content.basicCode, (regionsByCode.get(i.content.basicCode) ?? new Set()).add(i.regionCode));
    const cityAndCounty = [...regionsByCode.values()].filter((r) => r.has('1301') && [...r].some((code) => code.length === 6));
    expect(cityAndCounty.length).toBeGreaterThan(0);
  });

  it('delegates township items from a county implementation of the same item', () => {
    const townships = DEMO_CATALOG.filter((i) => i.regionCode.length === 9);
    expect(townships.length).toBeGreaterThan(0);
    for (const t of townships) {
      expect(t.content.exerciseLevel).toBe('5');
      const county = DEMO_CATALOG.find((i) => i.content.basicCode === t.content.basicCode && i.regionCode === t.regionCode.slice(0, 6));
      expect(county?.content.delegatedToRegions, t.implementationCode).toContain(t.regionCode);
    }
  });

  it('includes the items the demo walks through', () => {
    const names = new Set(contents.map((c) => c.name));
    const missing = REQUIRED_ITEMS.filter((n) => !names.has(n));
    expect(missing).toEqual([]);
  });

  it('gives popular items FAQs and some forms tables and conditional fields', () => {
    expect(contents.filter((c) => c.faqs.length >= 2).length).toBeGreaterThanOrEqual(10);
    for (const c of contents) expect(c.form.fields.length, c.name).toBeGreaterThanOrEqual(3);
    for (const c of contents) expect(c.form.fields.length, c.name).toBeLessThanOrEqual(10);
    expect(contents.filter((c) => c.form.fields.some((f) => f.type === 'table')).length).toBeGreaterThanOrEqual(3);
    expect(contents.filter((c) => c.form.fields.some((f) => f.visibleWhen ?? f.requiredWhen)).length).toBeGreaterThanOrEqual(3);
    expect(contents.some((c) => c.materials.some((m) => m.necessity === 'deferrable'))).toBe(true);
    expect(contents.some((c) => c.materials.some((m) => m.necessity === 'exempt'))).toBe(true);
  });

  it('names only departments of the demo seed', () => {
    for (const i of DEMO_CATALOG) {
      expect(departmentNames, i.implementationCode).toContain(i.departmentName);
      if (i.transferredToDepartmentName !== null) expect(departmentNames, i.implementationCode).toContain(i.transferredToDepartmentName);
    }
  });
});
