import { Link, useParams } from 'react-router-dom';
import { Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, FileSearchOutlined } from '@ant-design/icons';
import { CaseStatusTag } from '../cases/CaseTags.tsx';
import { CaseDocuments } from '../cases/CaseDocuments.tsx';
import { CaseTimeline } from '../cases/CaseTimeline.tsx';
import { CorrectionNotice } from '../cases/CorrectionNotice.tsx';
import { FormDataView } from '../cases/FormDataView.tsx';
import { MaterialsTable } from '../cases/MaterialsTable.tsx';
import type { CaseDetail } from '../cases/types.ts';
import { useCaseText } from '../cases/useCaseText.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { Notice } from '../shared/Notice.tsx';
import { useApi } from '../shared/useApi.ts';
import { ApplicantLayout } from './ApplicantLayout.tsx';

/** /portal/cases/:id — one of the applicant's cases, read-only: where it stands, what to correct, what happened. */
export default function MyCasePage() {
  const { id = '' } = useParams();
  const { t } = useCaseText();
  const detail = useApi<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`);

  let body;
  if (detail.error && !detail.data) {
    const missing = detail.error.status === 404 || detail.error.status === 400;
    body = missing ? <Notice icon={<FileSearchOutlined style={{ color: '#8c8c8c' }} />} title={t('my.notFound')} /> : <LoadError error={detail.error} onRetry={detail.reload} />;
  } else if (!detail.data) {
    body = <Skeleton active paragraph={{ rows: 10 }} />;
  } else {
    body = <MyCase detail={detail.data} />;
  }

  return (
    <ApplicantLayout>
      <Flex vertical gap={16} style={{ maxWidth: 1080, margin: '0 auto' }}>
        <Link to="/portal/cases">
          <ArrowLeftOutlined /> {t('my.back')}
        </Link>
        {body}
      </Flex>
    </ApplicantLayout>
  );
}

function MyCase({ detail }: { detail: CaseDetail }) {
  const { t } = useCaseText();
  const { formatDate, formatDateTime } = useI18n();
  const correction = detail.status === 'awaiting_correction' ? detail.state.correction : null;
  return (
    <>
      <Card>
        <Flex wrap align="center" gap={12} style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {detail.item.name}
          </Typography.Title>
          <CaseStatusTag status={detail.status} />
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'number', label: t('field.number'), children: detail.number },
            { key: 'department', label: t('field.department'), children: detail.department.name },
            { key: 'applied', label: t('field.appliedAt'), children: formatDateTime(detail.appliedAt) },
            { key: 'due', label: t('field.dueDate'), children: detail.dueDate ? formatDate(detail.dueDate) : '—' },
          ]}
        />
      </Card>
      {correction && <CorrectionNotice correction={correction} materials={detail.materials} />}
      <Card title={t('documents.title')} size="small">
        <CaseDocuments caseId={detail.id} version={detail.version} />
      </Card>
      <Card title={t('timeline.title')} size="small">
        <CaseTimeline items={detail.timeline.map((entry) => ({ ...entry, key: entry.seq }))} />
      </Card>
      <Card title={t('form.title')} size="small">
        <FormDataView form={detail.form} values={detail.formData} />
      </Card>
      <Card title={t('materials.title')} size="small">
        <MaterialsTable caseId={detail.id} materials={detail.materials} />
      </Card>
    </>
  );
}
