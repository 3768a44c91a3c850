// Shapes of the catalogue API's JSON answers (packages/server/src/modules/catalog).
import type { GuideChange, GuideContent, QualityIssue } from '@onewindow/domain';

export type { PublishedGuide } from '@onewindow/domain';

/** One hit of GET /api/catalog/search. */
export interface SearchHit {
  code: string;
  name: string;
  department: string;
  departmentId: string;
  region: string;
  regionCode: string;
  domain: string;
  itemType: string;
  onlineDepth: string;
  caseType: string;
  serviceObjects: string[];
  themes: string[];
  popularity: number;
}

export interface SearchResults {
  total: number;
  page: number;
  pageSize: number;
  items: SearchHit[];
}

export type VersionStatus = 'draft' | 'submitted' | 'published';
export type ImplementationStatus = 'active' | 'withdrawn';

/** A row of GET /api/catalog/implementations. */
export interface ImplementationRow {
  id: string;
  code: string;
  name: string;
  status: ImplementationStatus;
  regionCode: string;
  regionName: string;
  departmentId: string;
  departmentName: string;
  domainCode: string | null;
  latestVersion: number;
  latestStatus: VersionStatus;
  updatedAt: string;
}

export interface ImplementationPage {
  total: number;
  items: ImplementationRow[];
}

export interface VersionSummary {
  id: string;
  version: number;
  status: VersionStatus;
  effectiveFrom: string | null;
  createdAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  createdBy: string;
  submittedBy: string | null;
  publishedBy: string | null;
  createdByName: string | null;
  submittedByName: string | null;
  publishedByName: string | null;
}

/** GET /api/catalog/implementations/:id */
export interface ImplementationDetail {
  id: string;
  code: string;
  basicCode: string;
  regionCode: string;
  departmentId: string;
  status: ImplementationStatus;
  withdrawnReason: string | null;
  popularity: number;
  versions: VersionSummary[];
  /** The open version (draft or submitted), if any. */
  draft:
    | (Omit<VersionSummary, 'createdByName' | 'submittedByName' | 'publishedByName'> & {
        content: GuideContent;
        updatedAt: string;
        /** Why the last submission was sent back, by whom and when. */
        returned: { reason: string | null; byName: string | null; at: string } | null;
      })
    | null;
  /** The published version in force today. */
  current: { id: string; version: number; effectiveFrom: string | null; content: GuideContent } | null;
}

/** PUT …/draft */
export interface DraftSaved {
  version: number;
  status: 'draft';
  updatedAt: string;
  quality: QualityIssue[];
}

export interface GuideDiff {
  from: number;
  to: number;
  changes: GuideChange[];
}

/** POST /api/catalog/files */
export interface UploadedFile {
  sha256: string;
  size: number;
  mime: string;
  filename: string;
}

/** One problem of a refused Excel import (CATALOG_IMPORT_REJECTED) or one warning of an accepted one. */
export interface ImportIssue {
  sheet: string;
  /** Excel row number (1 is the header row); 0 when the problem is the sheet itself. */
  row: number;
  column: string;
  message: string;
}

/** POST /api/catalog/import, when every row passed. */
export interface ImportResult {
  implementations: number;
  created: number;
  draftsReplaced: number;
  draftsStarted: number;
  unchanged: number;
  warnings: ImportIssue[];
  warningTotal: number;
}

export function guideFileUrl(sha256: string): string {
  return `/api/catalog/files/${encodeURIComponent(sha256)}`;
}

export function guidePdfUrl(code: string): string {
  return `/api/catalog/items/${encodeURIComponent(code)}/guide.pdf`;
}
