// Full-page 404 and 403 answers, loaded only when one is shown (antd's Result brings its illustrations along).
import { Link } from 'react-router-dom';
import { Button, Result } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbidden')} />;
}
