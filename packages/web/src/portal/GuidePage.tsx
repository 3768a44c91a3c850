import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Skeleton } from 'antd';
import { FileSearchOutlined, StopOutlined } from '@ant-design/icons';
import { GuideView } from '../catalog/GuideView.tsx';
import type { PublishedGuide } from '../catalog/types.ts';
import { useCatalogText } from '../catalog/useCatalogText.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { Notice } from '../shared/Notice.tsx';
import { PublicLayout } from '../shared/PublicLayout.tsx';
import { useApi } from '../shared/useApi.ts';
import { canApplyOnline } from './apply/applyModel.ts';

/** /guide/:code — the service guide in force, for anyone. */
export default function GuidePage() {
  const { code = '' } = useParams();
  const { t: tApp } = useI18n();
  const { t } = useCatalogText();
  const navigate = useNavigate();
  const item = useApi<PublishedGuide>(`/api/catalog/items/${encodeURIComponent(code)}`);
  const name = item.data?.guide.name;

  useEffect(() => {
    if (name) document.title = `${name} - ${tApp('app.name')}`;
  }, [name, tApp]);

  const backToSearch = (
    <Button type="primary" onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/search'))}>
      {t('guide.backToSearch')}
    </Button>
  );

  let body;
  if (item.error?.status === 404 || item.error?.status === 400) {
    body = <Notice icon={<FileSearchOutlined style={{ color: '#8c8c8c' }} />} title={tApp('error.notFoundTitle')} text={t('guide.notFound')} action={backToSearch} />;
  } else if (item.error?.code === 'ITEM_WITHDRAWN') {
    body = <Notice icon={<StopOutlined style={{ color: '#faad14' }} />} title={item.error.title} text={t('guide.withdrawn')} action={backToSearch} />;
  } else if (item.error) {
    body = <LoadError error={item.error} onRetry={item.reload} />;
  } else if (!item.data) {
    body = <Skeleton active paragraph={{ rows: 12 }} style={{ maxWidth: 1080, margin: '0 auto' }} />;
  } else {
    const data = item.data;
    body = (
      <GuideView
        guide={data.guide}
        applyTo={canApplyOnline(data.guide) ? `/portal/apply/${encodeURIComponent(data.code)}` : undefined}
        meta={{
          code: data.code,
          regionName: data.regionName,
          departmentName: data.departmentName,
          version: data.version,
          effectiveFrom: data.effectiveFrom,
        }}
      />
    );
  }
  return <PublicLayout>{body}</PublicLayout>;
}
