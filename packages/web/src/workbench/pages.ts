// The workbench's pages and which roles may open them: one list drives both the side menu and the routes.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ROLE_CODES, type Role } from '@onewindow/domain';
import type { MessageKey } from '../i18n/messages.ts';
import type { StaffMe } from '../shared/types.ts';

export interface WorkbenchPage {
  /** Relative to /workbench; may hold route parameters (`catalog/:id`). */
  path: string;
  label: MessageKey;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
  /** False for pages reached from another page (an item's editor); the menu then marks their parent. */
  inMenu?: boolean;
}

/** Who works on cases (办件); the server narrows each to their region and, for reviewers, their department. */
const CASE_ROLES: readonly Role[] = ['clerk', 'reviewer', 'hall_manager', 'supervisor'];

export const WORKBENCH_PAGES: readonly WorkbenchPage[] = [
  {
    // 窗口受理: the window clerk's desk (sign in to a window, intake, corrections, results, today).
    path: 'desk',
    label: 'nav.desk',
    roles: ['clerk'],
    component: lazy(() => import('./hall/DeskPage.tsx')),
  },
  {
    path: 'cases',
    label: 'nav.cases',
    roles: CASE_ROLES,
    component: lazy(() => import('./cases/CaseListPage.tsx')),
  },
  {
    path: 'cases/:id',
    label: 'nav.cases',
    roles: CASE_ROLES,
    component: lazy(() => import('./cases/CaseDetailPage.tsx')),
    inMenu: false,
  },
  {
    // Every staff role may read the catalogue; only 事项管理员 edit it (the server enforces both).
    path: 'catalog',
    label: 'nav.catalog',
    roles: ROLE_CODES,
    component: lazy(() => import('./catalog/CatalogListPage.tsx')),
  },
  {
    path: 'catalog/:id',
    label: 'nav.catalog',
    roles: ROLE_CODES,
    component: lazy(() => import('./catalog/CatalogEditorPage.tsx')),
    inMenu: false,
  },
  {
    path: 'admin/regions',
    label: 'nav.regions',
    roles: ['system_admin'],
    component: lazy(() => import('../admin/regions/RegionsPage.tsx')),
  },
  {
    path: 'admin/departments',
    label: 'nav.departments',
    roles: ['system_admin'],
    component: lazy(() => import('../admin/departments/DepartmentsPage.tsx')),
  },
  {
    path: 'admin/halls',
    label: 'nav.halls',
    roles: ['system_admin', 'hall_manager'],
    component: lazy(() => import('../admin/halls/HallsPage.tsx')),
  },
  {
    path: 'admin/domains',
    label: 'nav.domains',
    roles: ['system_admin'],
    component: lazy(() => import('../admin/domains/DomainsPage.tsx')),
  },
  {
    path: 'admin/staff',
    label: 'nav.staff',
    roles: ['system_admin', 'hall_manager'],
    component: lazy(() => import('../admin/staff/StaffPage.tsx')),
  },
  {
    path: 'admin/sms-outbox',
    label: 'nav.smsOutbox',
    roles: ['system_admin'],
    component: lazy(() => import('../admin/sms/SmsOutboxPage.tsx')),
  },
  {
    path: 'admin/audit',
    label: 'nav.audit',
    roles: ['system_admin', 'supervisor'],
    component: lazy(() => import('../admin/audit/AuditPage.tsx')),
  },
];

export function canOpen(page: WorkbenchPage, me: StaffMe): boolean {
  return me.roles.some((assignment) => page.roles.includes(assignment.role));
}
