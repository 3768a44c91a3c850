// The service guide (办事指南) of one implementation of an item, as one versioned document. One TypeBox schema gives
// the API validation, the OpenAPI document and the TypeScript type; the fields follow GB/T 39046-2020 table 4.
import { Type, type Static, type TSchema } from 'typebox';
import {
  CASE_TYPES, EXERCISE_LEVELS, HANDLING_FORMS, ITEM_TYPES, LEGAL_LIMIT_UNITS, MATERIAL_FORMS, MATERIAL_NECESSITY,
  MATERIAL_SOURCES, MATERIAL_TYPES, ONLINE_DEPTHS, PROMISED_LIMIT_UNITS, RESULT_TYPES, SERVICE_OBJECTS, SERVICE_SCOPES,
  SPECIAL_PROCEDURE_TYPES, STEP_KINDS, THEME_CODES, type CodeEntry,
} from './codes.ts';
import { FIELD_TYPES } from './form.ts';
import { ROLE_CODES } from '../roles.ts';

const Strict = <P extends Record<string, TSchema>>(props: P, description?: string) =>
  Type.Object(props, { additionalProperties: false, description });
/** An enum of codes, typed as the union of its literals (`Unsafe` keeps the exact JSON schema `enum`). */
const OneOf = <const C extends string>(codes: readonly C[], description?: string) =>
  Type.Unsafe<C>({ type: 'string', enum: [...codes], description });
const CodeOf = <const C extends string>(set: { entries: readonly CodeEntry<C>[] }, description: string) =>
  OneOf(set.entries.map((e) => e.code), `${description}：${set.entries.map((e) => `${e.code} ${e.label}`).join('，')}`);
const Text = (maxLength: number, description?: string) => Type.String({ maxLength, description });
const Count = (max: number, description?: string) => Type.Integer({ minimum: 0, maximum: max, description });
const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: '版本内稳定的标识，用于差异对比与办件引用' });
const FileRef = Type.Union([Type.String({ pattern: '^[0-9a-f]{64}$', description: '已上传文件的 SHA-256' }), Type.Null()]);

const Condition = Strict({ field: Type.String({ maxLength: 40 }), in: Type.Array(Type.Union([Type.String({ maxLength: 100 }), Type.Number(), Type.Boolean()]), { maxItems: 50 }) });
const fieldProps = {
  key: Type.String({ maxLength: 40 }),
  label: Text(100),
  type: OneOf(FIELD_TYPES, '字段类型'),
  required: Type.Optional(Type.Boolean()),
  requiredWhen: Type.Optional(Condition),
  visibleWhen: Type.Optional(Condition),
  help: Type.Optional(Text(500)),
  options: Type.Optional(Type.Array(Strict({ value: Text(100), label: Text(100) }), { maxItems: 200 })),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  minRows: Type.Optional(Count(200)),
  maxRows: Type.Optional(Count(200)),
};
export const FormFieldSchema = Strict({ ...fieldProps, columns: Type.Optional(Type.Array(Strict(fieldProps), { maxItems: 30 })) }, '表单字段');
export const FormDefinitionSchema = Strict({ fields: Type.Array(FormFieldSchema, { maxItems: 200 }) }, '申请表单定义');

export const ReviewPointSchema = Strict({ id: Id, text: Text(300, '审查要点：窗口可核验的一句话') });

export const MaterialSchema = Strict(
  {
    id: Id,
    name: Text(200, '材料名称'),
    issuer: Text(200, '出具机构'),
    source: CodeOf(MATERIAL_SOURCES, '来源渠道'),
    necessity: CodeOf(MATERIAL_NECESSITY, '必要性'),
    type: CodeOf(MATERIAL_TYPES, '材料类型'),
    form: CodeOf(MATERIAL_FORMS, '材料形式'),
    originalCount: Count(99, '原件份数'),
    copyCount: Count(99, '复印件份数'),
    blankForm: FileRef,
    sample: FileRef,
    fillingNotes: Text(2000, '填报说明'),
    acceptanceStandard: Text(2000, '受理标准'),
    basis: Text(1000, '依据'),
    /** An e-licence type that can replace this material (免提交), once e-licences exist. */
    licenceTypeCode: Type.Union([Text(60), Type.Null()]),
    reviewPoints: Type.Array(ReviewPointSchema, { maxItems: 50 }),
  },
  '申请材料',
);

export const StepSchema = Strict(
  {
    id: Id,
    name: Text(50, '环节名称'),
    kind: CodeOf(STEP_KINDS, '环节类型'),
    role: OneOf(ROLE_CODES, '办理岗位'),
    departmentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: '办理部门，空为实施主体' }),
    timeLimitDays: Type.Union([Count(365), Type.Null()]),
    description: Text(500),
  },
  '办理流程环节',
);

export const GuideContentSchema = Strict(
  {
    // 基本事项
    name: Type.String({ minLength: 1, maxLength: 200, description: '事项名称' }),
    basicCode: Type.String({ pattern: '^[0-9A-Z-]{6,40}$', description: '基本编码' }),
    itemType: CodeOf(ITEM_TYPES, '事项类型'),
    exerciseLevel: CodeOf(EXERCISE_LEVELS, '行使层级'),
    legalBasis: Text(5000, '设定依据'),
    serviceObjects: Type.Array(CodeOf(SERVICE_OBJECTS, '服务对象'), { minItems: 1, maxItems: 6 }),
    themes: Type.Array(OneOf(THEME_CODES, '主题'), { maxItems: 10 }),
    // 实施清单
    implementingBody: Text(200, '实施主体'),
    implementingBodyCode: Text(18, '实施主体统一社会信用代码'),
    implementingBodyNature: Text(50, '实施主体性质'),
    jointDepartments: Text(500, '共同实施部门'),
    handlingAgency: Text(200, '承办机构'),
    intermediaryServices: Text(500, '中介服务'),
    quantityLimit: Text(500, '数量限制'),
    legalLimit: Strict({ amount: Count(3650), unit: CodeOf(LEGAL_LIMIT_UNITS, '法定时限单位'), note: Text(500) }, '法定办结时限'),
    promisedLimit: Strict({ amount: Count(3650), unit: CodeOf(PROMISED_LIMIT_UNITS, '承诺时限单位'), note: Text(500) }, '承诺办结时限'),
    caseType: CodeOf(CASE_TYPES, '办件类型'),
    handlingForms: Type.Array(CodeOf(HANDLING_FORMS, '办理形式'), { minItems: 1, maxItems: 5 }),
    onlineDepth: CodeOf(ONLINE_DEPTHS, '网上办理深度'),
    onlineUrl: Text(500, '网办地址'),
    supportsAppointment: Type.Boolean({ description: '是否支持预约' }),
    supportsOnlinePayment: Type.Boolean({ description: '是否支持网上支付' }),
    supportsDelivery: Type.Boolean({ description: '是否支持物流快递' }),
    visits: Count(10, '到办事现场次数'),
    visitsReason: Text(500, '到现场原因'),
    charged: Type.Boolean({ description: '是否收费' }),
    feeBasis: Text(1000, '收费依据'),
    feeItems: Type.Array(Strict({ name: Text(100), standard: Text(200), basis: Text(500) }), { maxItems: 30 }),
    acceptanceConditions: Text(5000, '受理条件'),
    steps: Type.Array(StepSchema, { maxItems: 30 }),
    specialProcedures: Type.Array(Strict({ type: CodeOf(SPECIAL_PROCEDURE_TYPES, '特别程序种类'), name: Text(100), timeLimit: Text(100), note: Text(500) }), { maxItems: 10 }),
    resultName: Text(200, '结果名称'),
    resultType: CodeOf(RESULT_TYPES, '结果类型'),
    resultSample: FileRef,
    serviceScope: CodeOf(SERVICE_SCOPES, '通办范围'),
    location: Text(500, '办理地点'),
    hours: Text(500, '办理时间'),
    consultPhone: Text(100, '咨询电话'),
    supervisePhone: Text(100, '监督电话'),
    faqs: Type.Array(Strict({ question: Text(300), answer: Text(2000) }), { maxItems: 50 }),
    domainCode: Type.String({ maxLength: 40, description: '业务领域（分领域窗口据此受理）' }),
    inHall: Type.Boolean({ description: '是否进驻大厅' }),
    transferredToDepartmentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: '划转至（行政审批局）' }),
    delegatedToRegions: Type.Array(Type.String({ pattern: '^[0-9]{9}$' }), { maxItems: 200, description: '赋权乡镇（街道）' }),
    materials: Type.Array(MaterialSchema, { maxItems: 100 }),
    form: FormDefinitionSchema,
  },
  '办事指南（一个版本）',
);

export type GuideContent = Static<typeof GuideContentSchema>;
export type Material = Static<typeof MaterialSchema>;
export type GuideStep = Static<typeof StepSchema>;

/** A published guide as the public API gives it (GET /api/catalog/items/:code): the guide and where it applies. */
export interface PublishedGuide {
  implementationId: string;
  code: string;
  regionCode: string;
  regionName: string;
  departmentId: string;
  departmentName: string;
  versionId: string;
  version: number;
  /** YYYY-MM-DD */
  effectiveFrom: string | null;
  publishedAt: string | null;
  guide: GuideContent;
}
