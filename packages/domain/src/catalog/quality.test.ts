import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { checkGuideQuality } from './quality.ts';
import { GuideContentSchema } from './guide.ts';
import { sampleGuide } from './sample-guide.ts';

const rules = (g = sampleGuide()) => checkGuideQuality(g, { knownDomains: ['market_regulation'] }).map((i) => i.rule);

describe('guide publication quality rules', () => {
  it('the sample guide is schema-valid and publishable', () => {
    expect(Value.Check(GuideContentSchema, sampleGuide())).toBe(true);
    expect(checkGuideQuality(sampleGuide(), { knownDomains: ['market_regulation'] })).toEqual([]);
  });

  it('即办 ⇔ 即办件: a promised limit of 0 needs case type 即办件 and the other way round', () => {
    expect(rules(sampleGuide({ caseType: '2' }))).toContain('IMMEDIATE_MATCHES_CASE_TYPE');
    expect(rules(sampleGuide({ promisedLimit: { amount: 5, unit: 'workday', note: '' } }))).toContain('IMMEDIATE_MATCHES_CASE_TYPE');
  });

  it('visits above zero need a reason', () => {
    const g = sampleGuide({ onlineDepth: 'III', visits: 1 });
    expect(rules(g)).toContain('VISITS_NEED_REASON');
    expect(rules({ ...g, visitsReason: '核验原件' })).not.toContain('VISITS_NEED_REASON');
  });

  it('no visit and no online handling requires mail delivery', () => {
    expect(rules(sampleGuide({ handlingForms: ['1'], onlineDepth: 'I', supportsDelivery: false }))).toContain('ZERO_VISITS_NEEDS_DELIVERY');
  });

  it('depth IV means zero visits', () => {
    expect(rules(sampleGuide({ visits: 1, visitsReason: '领证' }))).toContain('DEPTH_IV_ZERO_VISITS');
  });

  it('a charged item needs its fee basis and fee items; a free one offers no online payment', () => {
    expect(rules(sampleGuide({ charged: true }))).toEqual(expect.arrayContaining(['FEE_NEEDS_BASIS', 'FEE_NEEDS_ITEMS']));
    expect(rules(sampleGuide({ supportsOnlinePayment: true }))).toContain('NO_FEE_NO_PAYMENT');
  });

  it('a licensing item (行政许可) has at least the steps 受理, 审核, 决定, 办结, 送达', () => {
    const g = sampleGuide();
    const issues = checkGuideQuality({ ...g, steps: g.steps.filter((s) => s.kind !== 'deliver') }, { knownDomains: ['market_regulation'] });
    expect(issues.find((i) => i.rule === 'LICENSING_STEPS')?.message).toContain('送达');
    expect(rules({ ...g, itemType: '20', steps: g.steps.filter((s) => s.kind !== 'deliver') })).not.toContain('LICENSING_STEPS');
  });

  it('every required or deferrable material has at least one review point', () => {
    const g = sampleGuide();
    const [first, ...rest] = g.materials;
    expect(rules({ ...g, materials: [{ ...first!, reviewPoints: [] }, ...rest] })).toContain('MATERIAL_NEEDS_REVIEW_POINT');
  });

  it('the promised limit may not exceed the legal one', () => {
    expect(rules(sampleGuide({ caseType: '2', promisedLimit: { amount: 30, unit: 'workday', note: '' } }))).toContain('PROMISED_WITHIN_LEGAL');
  });

  it('a department that does not exist, as the one cases are transferred to or a step’s, blocks publication', () => {
    const known = '11111111-1111-4111-8111-111111111111';
    const gone = '00000000-0000-4000-8000-000000000000';
    const base = sampleGuide();
    const guide = sampleGuide({ transferredToDepartmentId: gone, steps: base.steps.map((s, i) => ({ ...s, departmentId: i === 1 ? gone : i === 2 ? known : null })) });
    const issues = checkGuideQuality(guide, { knownDepartments: [known] }).filter((i) => i.rule === 'UNKNOWN_DEPARTMENT');
    expect(issues.map((i) => i.path)).toEqual(['/transferredToDepartmentId', '/steps/1/departmentId']);
    expect(checkGuideQuality(sampleGuide({ transferredToDepartmentId: known }), { knownDepartments: [known] }).filter((i) => i.rule === 'UNKNOWN_DEPARTMENT')).toEqual([]);
  });

  it('an unknown service domain and a malformed form definition block publication', () => {
    expect(rules(sampleGuide({ domainCode: 'nope' }))).toContain('UNKNOWN_DOMAIN');
    const issues = checkGuideQuality(sampleGuide({ form: { fields: [{ key: '1bad', label: '', type: 'select' }] } }), { knownDomains: ['market_regulation'] });
    expect(issues.filter((i) => i.rule === 'FORM_DEFINITION').map((i) => i.path)).toEqual(['/form/fields/0/key', '/form/fields/0/label', '/form/fields/0/options']);
  });
});
