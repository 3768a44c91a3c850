import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { describeError } from './errors.ts';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={t('error.loadFailed')}
      description={describeError(error, t)}
      action={onRetry && <Button size="small" onClick={onRetry}>{t('common.retry')}</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
