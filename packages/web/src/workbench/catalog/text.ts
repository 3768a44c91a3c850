import { useCallback } from 'react';
import { useCatalogText } from '../../catalog/useCatalogText.ts';
import { useMessages } from '../../i18n/I18nProvider.tsx';
import type { StaffMe } from '../../shared/types.ts';
import { catalogAdminMessages, isCatalogAdminKey, type CatalogAdminKey } from './messages.ts';

/** `t` for the catalogue workbench's text, `tc` for the guide's (shared with the portal), `code` for code labels. */
export function useCatalogAdminText() {
  const t = useMessages(catalogAdminMessages);
  const { t: tc, code } = useCatalogText();
  /** A message for a code the server sends (a status, a rule), or the code itself when it has none. */
  const known = useCallback((key: string) => (isCatalogAdminKey(key) ? t(key) : key), [t]);
  return { t, tc, code, known };
}

export type { CatalogAdminKey };

/** Whether the user may edit the catalogue at all; the server still checks the item's region and department. */
export function isCatalogAdmin(me: StaffMe): boolean {
  return me.roles.some((assignment) => assignment.role === 'catalog_admin');
}
