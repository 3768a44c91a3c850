import type { MouseEvent } from 'react';
import { Button } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The small "edit" link in a table row's actions. */
export function EditLink({ onClick }: { onClick: (event: MouseEvent<HTMLElement>) => void }) {
  const { t } = useI18n();
  return (
    <Button type="link" size="small" onClick={onClick}>
      {t('common.edit')}
    </Button>
  );
}
