// The API shapes of cases (TypeBox: validation, OpenAPI and types from one source).
import { Type, type Static } from 'typebox';
import { KeyedBy, NonEmpty, StrictObject } from '../../platform/schemas.ts';

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: '已上传文件的 SHA-256' });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Opinion = Type.String({ maxLength: 2000, description: '办理意见' });

export const ReceivedMaterialInput = StrictObject(
  {
    materialId: NonEmpty(40),
    receivedAs: Type.Union(['original', 'copy', 'electronic', 'exempt', 'deferred', 'missing'].map((v) => Type.Literal(v)), {
      description: '收取方式：原件、复印件、电子件、免提交、容缺后补、未提交',
    }),
    count: Type.Integer({ minimum: 0, maximum: 999, description: '份数' }),
    files: Type.Array(Sha256, { maxItems: 20 }),
    checks: KeyedBy(Type.Boolean(), { description: '审查要点 id → 是否符合' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { description: '收取的一项材料' },
);
export type ReceivedMaterialInput = Static<typeof ReceivedMaterialInput>;

const ApplicantInput = StrictObject(
  {
    kind: Type.Union([Type.Literal('person'), Type.Literal('company')]),
    name: NonEmpty(100),
    idNumber: Type.String({ minLength: 15, maxLength: 18, description: '公民身份号码或统一社会信用代码' }),
    phone: Type.String({ pattern: '^1[3-9][0-9]{9}$', description: '手机号码' }),
    legalRepresentative: Type.Optional(NonEmpty(50)),
  },
  { description: '申请人（窗口收件时由工作人员录入；网上申请取自账户）' },
);

const AgentInput = StrictObject(
  {
    name: NonEmpty(50),
    idNumber: Type.String({ minLength: 18, maxLength: 18 }),
    phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }),
    authorisation: Type.Union([Sha256, Type.Null()], { description: '授权委托书扫描件' }),
  },
  { description: '代理人及其授权' },
);

const Deferred = Type.Array(StrictObject({ materialId: NonEmpty(40), dueDate: IsoDate }), { maxItems: 50, description: '容缺材料及承诺补交日期' });
const CorrectionItems = Type.Array(StrictObject({ materialId: NonEmpty(40), problem: NonEmpty(300), fix: NonEmpty(500) }), { minItems: 1, maxItems: 100 });

/** The decision a window takes on the spot, in the same request as the intake. */
export const IntakeDecision = Type.Union([
  StrictObject({ type: Type.Literal('accept'), deferred: Type.Optional(Deferred), commitment: Type.Optional(Type.String({ maxLength: 1000, description: '容缺承诺' })) }),
  StrictObject({ type: Type.Literal('request_correction'), items: Type.Optional(CorrectionItems) }),
  StrictObject({ type: Type.Literal('refuse'), reason: NonEmpty(1000), remedies: NonEmpty(1000) }),
]);

export const CreateCaseBody = StrictObject({
  itemCode: NonEmpty(60),
  channel: Type.Union([Type.Literal('window'), Type.Literal('online'), Type.Literal('mobile'), Type.Literal('mail')]),
  applicant: Type.Optional(ApplicantInput),
  agent: Type.Optional(AgentInput),
  formData: KeyedBy(Type.Unknown()),
  materials: Type.Array(ReceivedMaterialInput, { maxItems: 100 }),
  /** online: submit at once instead of keeping a draft */
  submit: Type.Optional(Type.Boolean()),
  /** online with `submit`: the applicant confirms the declaration of truth (承诺) */
  declaration: Type.Optional(Type.Boolean({ description: '申请人确认承诺（网上提交时须为 true）' })),
  /** online with `submit`: the date each 容缺 material is promised by */
  deferred: Type.Optional(Deferred),
  decision: Type.Optional(IntakeDecision),
});
export type CreateCaseBody = Static<typeof CreateCaseBody>;

/** One action on a case; the server fills in what it decides itself (due dates, the current step, the approver). */
export const CaseActionBody = Type.Union([
  StrictObject({
    type: Type.Literal('submit'),
    declaration: Type.Optional(Type.Boolean({ description: '申请人确认承诺（申请人提交时须为 true）；有容缺材料时含容缺承诺' })),
    deferred: Type.Optional(Deferred),
  }),
  StrictObject({ type: Type.Literal('accept'), deferred: Type.Optional(Deferred), commitment: Type.Optional(Type.String({ maxLength: 1000 })), opinion: Type.Optional(Opinion) }),
  StrictObject({ type: Type.Literal('request_correction'), items: Type.Optional(CorrectionItems), opinion: Type.Optional(Opinion) }),
  StrictObject({ type: Type.Literal('resubmit'), materials: Type.Array(ReceivedMaterialInput, { minItems: 1, maxItems: 100 }) }),
  StrictObject({ type: Type.Literal('refuse'), reason: NonEmpty(1000), remedies: NonEmpty(1000) }),
  StrictObject({ type: Type.Literal('deferred_received'), material: ReceivedMaterialInput }),
  StrictObject({ type: Type.Literal('complete_step'), opinion: NonEmpty(2000) }),
  StrictObject({ type: Type.Literal('send_back'), toStepId: NonEmpty(40), opinion: NonEmpty(2000) }),
  StrictObject({ type: Type.Literal('start_special'), kind: Type.Union([Type.Literal('1'), Type.Literal('2')]), reason: NonEmpty(500) }),
  StrictObject({ type: Type.Literal('end_special'), result: NonEmpty(500) }),
  StrictObject({ type: Type.Literal('request_extension'), workdays: Type.Integer({ minimum: 1, maximum: 10 }), reason: NonEmpty(500) }),
  StrictObject({ type: Type.Literal('decide_extension'), approve: Type.Boolean(), opinion: NonEmpty(500) }),
  StrictObject({ type: Type.Literal('decide'), grant: Type.Boolean(), opinion: NonEmpty(2000), reason: Type.Optional(Type.String({ maxLength: 1000 })), remedies: Type.Optional(Type.String({ maxLength: 1000 })) }),
  StrictObject({ type: Type.Literal('withdraw'), reason: NonEmpty(500) }),
  StrictObject({ type: Type.Literal('complete') }),
  StrictObject({
    type: Type.Literal('deliver'),
    method: Type.Union([Type.Literal('pickup'), Type.Literal('mail'), Type.Literal('electronic')]),
    reference: Type.Optional(Type.String({ maxLength: 100, description: '邮件号（邮寄）' })),
    collectorIdNumber: Type.Optional(Type.String({ maxLength: 18, description: '窗口领取：核验的领取人证件号码（须为申请人或代理人）' })),
    signature: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: '窗口领取：领取人屏幕签名（PNG，先上传）的 SHA-256' })),
  }),
]);
export type CaseActionBody = Static<typeof CaseActionBody>;

export const ActBody = StrictObject({
  /** The version the client saw; acting on a newer one is refused with 409 and the fresh state. */
  expectedVersion: Type.Integer({ minimum: 1 }),
  action: CaseActionBody,
});

export const WORKLIST_BOXES = ['todo', 'done', 'due_soon', 'overdue', 'suspended', 'all'] as const;
export type WorklistBox = (typeof WORKLIST_BOXES)[number];

export const WorklistQuery = StrictObject({
  box: Type.Union(WORKLIST_BOXES.map((b) => Type.Literal(b)), { description: '待办、已办、即将超期、已超期、挂起、全部' }),
  q: Type.Optional(Type.String({ maxLength: 100, description: '办件编号或申请人名称' })),
  itemCode: Type.Optional(Type.String({ maxLength: 60 })),
  status: Type.Optional(Type.String({ maxLength: 30 })),
  sort: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('applied')], { description: '按承诺办结日期（默认）或申请时间' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type WorklistQuery = Static<typeof WorklistQuery>;

export const MyCasesQuery = StrictObject({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: '每页条数，默认 50' })),
});

/** 网上申请草稿: saved as often as the applicant likes, checked against the form only when submitted. */
export const DraftBody = StrictObject({
  expectedVersion: Type.Integer({ minimum: 1 }),
  formData: KeyedBy(Type.Unknown()),
  materials: Type.Array(ReceivedMaterialInput, { maxItems: 100 }),
  /** 经办人: who applies for a company account, with the company's authorisation; null removes it */
  agent: Type.Optional(Type.Union([AgentInput, Type.Null()])),
});
export type DraftBody = Static<typeof DraftBody>;

const MailAddressInput = StrictObject(
  {
    recipient: NonEmpty(50),
    phone: Type.String({ maxLength: 20, description: '手机号码或带区号的固定电话' }),
    regionCode: Type.String({ maxLength: 9, description: '区县（6位）或乡镇街道（9位）行政区划代码' }),
    detail: NonEmpty(200),
  },
  { description: '邮寄地址' },
);

export const DeliveryBody = StrictObject({
  method: Type.Union([Type.Literal('pickup'), Type.Literal('mail'), Type.Literal('electronic')], { description: '窗口领取、邮寄送达、电子送达' }),
  address: Type.Optional(MailAddressInput),
});
export type DeliveryBody = Static<typeof DeliveryBody>;
