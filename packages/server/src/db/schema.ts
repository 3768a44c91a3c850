// Kysely's view of the tables, kept in step with migrations/*.sql.
import type { ColumnType, Generated } from 'kysely';
import type { CaseEvent, CaseState, DeliveryPreference, GuideContent } from '@onewindow/domain';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface RegionsTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: 'province' | 'city' | 'county' | 'township';
  created_at: CreatedAt;
}

export interface DepartmentsTable {
  id: Generated<string>;
  name: string;
  uscc: string;
  region_code: string;
  created_at: CreatedAt;
}

export interface ServiceDomainsTable {
  code: string;
  name: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface HallsTable {
  id: Generated<string>;
  name: string;
  region_code: string;
  address: Generated<string>;
  phone: Generated<string>;
  opening_hours: Generated<string>;
  created_at: CreatedAt;
}

export interface WindowsTable {
  id: Generated<string>;
  hall_id: string;
  number: string;
  name: string;
  kind: 'comprehensive' | 'domain';
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface WindowDomainsTable {
  window_id: string;
  domain_code: string;
}

export interface WindowSignInsTable {
  staff_id: string;
  window_id: string;
  signed_in_at: ColumnType<Date, Date | undefined, Date>;
}

export interface IntakeDraftsTable {
  staff_id: string;
  data: ColumnType<unknown, string, string>;
  started_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface StaffTable {
  id: Generated<string>;
  username: string;
  name: string;
  phone: Generated<string>;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface StaffRolesTable {
  id: Generated<string>;
  staff_id: string;
  role: string;
  region_code: string;
  department_id: string | null;
}

export interface ApplicantsTable {
  id: Generated<string>;
  type: 'person' | 'company';
  name: string;
  id_number: string | null;
  uscc: string | null;
  legal_representative: string | null;
  phone: string;
  password_hash: string;
  phone_verified_at: Timestamp;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  subject_kind: 'staff' | 'applicant';
  subject_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  ip: string;
  user_agent: string;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  account_key: string;
  at: ColumnType<Date, Date | undefined, never>;
}

export interface SmsCodesTable {
  id: Generated<number>;
  phone: string;
  purpose: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SmsOutboxTable {
  id: Generated<number>;
  phone: string;
  text: string;
  purpose: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string;
  request_id: string;
  outcome: string;
  detail: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
  /** Which of the AUDIT_CHAINS chains the record belongs to. */
  chain: ColumnType<number, number | undefined, never>;
}

/** One row per audit chain (0–63): the hash of its last record, and the one before it (see 0012_audit_chain_heads). */
export interface AuditChainHeadsTable {
  chain: number;
  prev_hash: string;
  hash: string;
}

export interface FilesTable {
  sha256: string;
  size: number;
  mime: string;
  created_at: CreatedAt;
}

/**
 * Who uploaded a stored file; an applicant's materials may name only their own uploads. 'catalog': uploaded as a
 * catalogue file (blank form, sample) by the administrator `owner_id`; only these may a guide name (0014).
 */
export interface FileOwnersTable {
  sha256: string;
  owner_kind: 'staff' | 'applicant' | 'catalog';
  owner_id: string;
  created_at: CreatedAt;
}

/** A resumable upload in progress; its bytes so far are in DATA_DIR/uploads/<id>.part. */
export interface UploadSessionsTable {
  id: Generated<string>;
  owner_kind: 'staff' | 'applicant';
  owner_id: string;
  filename: string;
  size: number;
  received: Generated<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CatalogImplementationsTable {
  id: Generated<string>;
  code: string;
  basic_code: string;
  region_code: string;
  department_id: string;
  status: Generated<'active' | 'withdrawn'>;
  withdrawn_reason: string | null;
  withdrawn_at: Timestamp | null;
  popularity: Generated<number>;
  created_at: CreatedAt;
}

export interface GuideVersionsTable {
  id: Generated<string>;
  implementation_id: string;
  version: number;
  status: 'draft' | 'submitted' | 'published';
  content: ColumnType<GuideContent, string, string>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  published_by: string | null;
  published_at: Timestamp | null;
  /** YYYY-MM-DD */
  effective_from: string | null;
  returned_reason: ColumnType<string | null, string | null | undefined, string | null>;
  returned_by: ColumnType<string | null, string | null | undefined, string | null>;
  returned_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CatalogSearchTable {
  implementation_id: string;
  version_id: string;
  code: string;
  name: string;
  search_text: string;
  pinyin_text: string;
  initials_text: string;
  region_code: string;
  region_name: string;
  service_scope: string;
  department_id: string;
  department_name: string;
  domain_code: string;
  item_type: string;
  service_objects: string[];
  themes: string[];
  online_depth: string;
  case_type: string;
  popularity: number;
}

export interface GuidePdfsTable {
  version_id: string;
  sha256: string;
  created_at: CreatedAt;
}

export interface CalendarYearsTable {
  year: number;
  source: 'official' | 'admin';
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CalendarDaysTable {
  /** YYYY-MM-DD */
  date: string;
  year: number;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CatalogImportReportsTable {
  sha256: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface CasesTable {
  id: Generated<string>;
  number: string;
  tracking_token: string;
  implementation_id: string;
  guide_version_id: string;
  item_code: string;
  item_name: string;
  region_code: string;
  department_id: string;
  channel: 'window' | 'online' | 'mobile' | 'mail';
  applicant_account: string | null;
  applicant_kind: 'person' | 'company';
  applicant_name: string;
  applicant_id_type: string;
  applicant_id_number: string;
  applicant_phone: string;
  parties: ColumnType<CaseParties, string, string>;
  form_data: ColumnType<Record<string, unknown>, string, string>;
  hall_id: string | null;
  window_id: string | null;
  received_by: string | null;
  intake_started_at: Timestamp | null;
  state: ColumnType<CaseState, string, string>;
  status: string;
  version: number;
  pending_role: string | null;
  pending_department: string | null;
  limit_amount: ColumnType<string, number, number>;
  limit_unit: 'workday' | 'day' | 'hour';
  applied_at: ColumnType<Date, Date | undefined, Date>;
  accepted_at: Timestamp | null;
  due_date: ColumnType<string | null, string | null, string | null>;
  due_at: Timestamp | null;
  clock: 'green' | 'yellow' | 'red' | 'paused' | null;
  close_result: string | null;
  closed_at: Timestamp | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  /** The applicant's choice of 送达 (null until chosen); never written by an action. */
  delivery: ColumnType<DeliveryPreference | null, string | null | undefined, string | null>;
}

/** 代理人 (or a company's 经办人) and the scan of their authorisation (授权委托书). */
export interface CaseAgent {
  name: string;
  idNumber: string;
  phone: string;
  authorisation: string | null;
}

/** Who else is on the application besides the applicant. */
export interface CaseParties {
  legalRepresentative: string | null;
  agent: CaseAgent | null;
}

export interface CaseActionsTable {
  case_id: string;
  seq: number;
  type: string;
  event: ColumnType<CaseEvent, string, never>;
  step_id: string | null;
  opinion: string | null;
  actor_kind: 'staff' | 'applicant' | 'system';
  actor_id: string | null;
  actor_name: string;
  at: ColumnType<Date, Date | undefined, never>;
}

export interface CaseHandlersTable {
  staff_id: string;
  case_id: string;
  last_acted_at: Date;
}

export interface CaseMaterialsTable {
  case_id: string;
  material_id: string;
  name: string;
  received_as: 'original' | 'copy' | 'electronic' | 'exempt' | 'deferred' | 'missing';
  count: number;
  files: string[];
  checks: ColumnType<Record<string, boolean>, string, string>;
  trust_level: 'A' | 'B' | 'C' | 'D' | null;
  note: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CaseDocumentsTable {
  case_id: string;
  /** the case action that issued the document */
  seq: number;
  kind: 'receipt' | 'correction' | 'refusal' | 'decision';
  sha256: string;
  created_at: CreatedAt;
}

export interface MessagesTable {
  id: Generated<string>;
  recipient_kind: 'applicant' | 'staff';
  recipient_id: string;
  case_id: string | null;
  title: string;
  body: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  owner: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: CreatedAt;
}

export interface DB {
  cases: CasesTable;
  case_actions: CaseActionsTable;
  case_handlers: CaseHandlersTable;
  case_materials: CaseMaterialsTable;
  case_documents: CaseDocumentsTable;
  messages: MessagesTable;
  idempotency_keys: IdempotencyKeysTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  files: FilesTable;
  file_owners: FileOwnersTable;
  upload_sessions: UploadSessionsTable;
  catalog_implementations: CatalogImplementationsTable;
  guide_versions: GuideVersionsTable;
  catalog_search: CatalogSearchTable;
  guide_pdfs: GuidePdfsTable;
  catalog_import_reports: CatalogImportReportsTable;
  regions: RegionsTable;
  departments: DepartmentsTable;
  service_domains: ServiceDomainsTable;
  halls: HallsTable;
  windows: WindowsTable;
  window_domains: WindowDomainsTable;
  window_sign_ins: WindowSignInsTable;
  intake_drafts: IntakeDraftsTable;
  staff: StaffTable;
  staff_roles: StaffRolesTable;
  applicants: ApplicantsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  sms_codes: SmsCodesTable;
  sms_outbox: SmsOutboxTable;
  audit_log: AuditLogTable;
  audit_chain_heads: AuditChainHeadsTable;
}
