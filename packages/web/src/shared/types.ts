// Shapes of the server's JSON answers, as the API contract describes them.
import type { ApplicantType, Role } from '@onewindow/domain';

export interface RoleAssignment {
  role: Role;
  regionCode: string;
  regionName: string;
  departmentId: string | null;
  departmentName: string | null;
}

export interface StaffMe {
  kind: 'staff';
  id: string;
  username: string;
  name: string;
  /** Whether the account has bound an authenticator app (动态口令). */
  totpEnabled: boolean;
  roles: RoleAssignment[];
}

export interface ApplicantMe {
  kind: 'applicant';
  id: string;
  applicantType: ApplicantType;
  name: string;
  idNumberMasked: string | null;
  usccMasked: string | null;
  legalRepresentative: string | null;
  phoneMasked: string;
}

export type Me = StaffMe | ApplicantMe;

export interface AuthResult {
  me: Me;
  csrfToken: string;
}

export interface ItemList<T> {
  items: T[];
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
  level: string;
}

export interface Department {
  id: string;
  name: string;
  uscc: string;
  regionCode: string;
  regionName: string;
}

export interface ServiceDomain {
  code: string;
  name: string;
  active: boolean;
}

export interface Hall {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  address: string;
  phone: string;
  openingHours: string;
}

export type WindowKind = 'comprehensive' | 'domain';

export interface ServiceWindow {
  id: string;
  hallId: string;
  number: string;
  name: string;
  kind: WindowKind;
  domainCodes: string[];
  active: boolean;
}

export interface StaffMember {
  id: string;
  username: string;
  name: string;
  phoneMasked: string;
  active: boolean;
  totpEnabled: boolean;
  roles: RoleAssignment[];
}

/** Given once, when an account whose role requires 动态口令 is created: to be passed on to its holder. */
export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export interface SmsMessage {
  id: string;
  phoneMasked: string;
  text: string;
  purpose: string;
  status: string;
  attempts: number;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  requestId: string | null;
  outcome: string;
}

/** One in-app message (站内消息), most about a case. */
export interface InboxMessage {
  id: string;
  caseId: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/messages: the latest 100 and how many of them are unread. */
export interface Inbox {
  unread: number;
  items: InboxMessage[];
}
