// A readable field-by-field difference between two guide versions: materials, steps and review points are matched
// by their stable ids, so "材料 2 renamed" reads as such instead of as a shifted list.
import type { GuideContent } from './guide.ts';

export interface GuideChange {
  path: string;
  label: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const LABELS: Record<string, string> = {
  name: '事项名称', basicCode: '基本编码', itemType: '事项类型', exerciseLevel: '行使层级', legalBasis: '设定依据',
  serviceObjects: '服务对象', themes: '主题', implementingBody: '实施主体', implementingBodyCode: '实施主体编码',
  implementingBodyNature: '实施主体性质', jointDepartments: '共同实施部门', handlingAgency: '承办机构',
  intermediaryServices: '中介服务', quantityLimit: '数量限制', legalLimit: '法定办结时限', promisedLimit: '承诺办结时限',
  caseType: '办件类型', handlingForms: '办理形式', onlineDepth: '网上办理深度', onlineUrl: '网办地址',
  supportsAppointment: '支持预约', supportsOnlinePayment: '支持网上支付', supportsDelivery: '支持物流快递',
  visits: '到现场次数', visitsReason: '到现场原因', charged: '是否收费', feeBasis: '收费依据', feeItems: '收费项目',
  acceptanceConditions: '受理条件', steps: '办理流程', specialProcedures: '特别程序', resultName: '结果名称',
  resultType: '结果类型', resultSample: '结果样本', serviceScope: '通办范围', location: '办理地点', hours: '办理时间',
  consultPhone: '咨询电话', supervisePhone: '监督电话', faqs: '常见问题', domainCode: '业务领域', inHall: '进驻大厅',
  transferredToDepartmentId: '划转至', delegatedToRegions: '赋权乡镇（街道）', materials: '申请材料', form: '申请表单',
  issuer: '出具机构', source: '来源渠道', necessity: '必要性', type: '材料类型', originalCount: '原件份数',
  copyCount: '复印件份数', blankForm: '空白表格', sample: '示例样表', fillingNotes: '填报说明',
  acceptanceStandard: '受理标准', basis: '依据', licenceTypeCode: '可替代的电子证照', reviewPoints: '审查要点',
  kind: '环节类型', role: '办理岗位', departmentId: '办理部门', timeLimitDays: '环节时限', description: '说明',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diffById<T extends { id: string; name?: string; text?: string }>(
  before: T[], after: T[], path: string, label: string, changes: GuideChange[], inner?: (a: T, b: T, at: string, itemLabel: string) => void,
): void {
  for (const b of after) {
    const a = before.find((x) => x.id === b.id);
    const itemLabel = `${label}“${b.name ?? b.text ?? b.id}”`;
    if (!a) changes.push({ path: `${path}/${b.id}`, label: itemLabel, kind: 'added', after: b });
    else if (!same(a, b)) {
      if (inner) inner(a, b, `${path}/${b.id}`, itemLabel);
      else changes.push({ path: `${path}/${b.id}`, label: itemLabel, kind: 'changed', before: a, after: b });
    }
  }
  for (const a of before) {
    if (!after.some((x) => x.id === a.id)) changes.push({ path: `${path}/${a.id}`, label: `${label}“${a.name ?? a.text ?? a.id}”`, kind: 'removed', before: a });
  }
}

/** Within a material or a step, "name" is the material's or the step's own name. */
const NESTED_LABELS: Record<string, Record<string, string>> = { material: { name: '材料名称' }, step: { name: '环节名称' } };

function diffFields(a: Record<string, unknown>, b: Record<string, unknown>, at: string, prefix: string, changes: GuideChange[], skip: string[] = [], nested?: 'material' | 'step'): void {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (skip.includes(key) || same(a[key], b[key])) continue;
    const label = (nested && NESTED_LABELS[nested]![key]) ?? LABELS[key] ?? key;
    changes.push({ path: `${at}/${key}`, label: `${prefix}${label}`, kind: 'changed', before: a[key], after: b[key] });
  }
}

export function diffGuides(before: GuideContent, after: GuideContent): GuideChange[] {
  const changes: GuideChange[] = [];
  diffFields(before, after, '', '', changes, ['materials', 'steps']);
  diffById(before.materials, after.materials, '/materials', '材料', changes, (a, b, at, itemLabel) => {
    diffFields(a, b, at, `${itemLabel} · `, changes, ['reviewPoints'], 'material');
    diffById(a.reviewPoints, b.reviewPoints, `${at}/reviewPoints`, `${itemLabel} · 审查要点`, changes);
  });
  diffById(before.steps, after.steps, '/steps', '环节', changes, (a, b, at, itemLabel) => diffFields(a, b, at, `${itemLabel} · `, changes, [], 'step'));
  return changes;
}
