import { useCallback } from 'react';
import { ROLE_CODES, type Role } from '@onewindow/domain';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function isRole(value: string): value is Role {
  return (ROLE_CODES as readonly string[]).includes(value);
}

/** Role names in the current language; an unknown code (e.g. from an older audit row) is shown as it is. */
export function useRoleLabel(): (role: string) => string {
  const { t } = useI18n();
  return useCallback((role: string) => (isRole(role) ? t(`role.${role}`) : role), [t]);
}
