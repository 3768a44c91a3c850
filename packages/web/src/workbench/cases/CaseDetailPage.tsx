import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { ArrowLeftOutlined, FileSearchOutlined } from '@ant-design/icons';
import { CaseStatusTag, ClockTag } from '../../cases/CaseTags.tsx';
import { CaseDocuments } from '../../cases/CaseDocuments.tsx';
import { CaseTimeline } from '../../cases/CaseTimeline.tsx';
import { CorrectionNotice } from '../../cases/CorrectionNotice.tsx';
import { FormDataView } from '../../cases/FormDataView.tsx';
import { MaterialsTable } from '../../cases/MaterialsTable.tsx';
import type { ApplicantFull, CaseDetail } from '../../cases/types.ts';
import { useCaseText } from '../../cases/useCaseText.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FullPageSpin } from '../../shared/guards.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import { Notice } from '../../shared/Notice.tsx';
import { useApi } from '../../shared/useApi.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { ApplicantPanel } from './ApplicantPanel.tsx';
import { useCaseAdminText } from './text.ts';

/** /workbench/cases/:id — the case file: who applied for what, the form, the materials, the history, and what to do. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t: tApp } = useI18n();
  const detail = useApi<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`);
  const number = detail.data?.number;

  useEffect(() => {
    if (number) document.title = `${number} - ${tApp('app.name')}`;
  }, [number, tApp]);

  if (detail.error && !detail.data) {
    const missing = detail.error.status === 404 || detail.error.status === 400;
    return (
      <Card>
        <BackLink />
        {missing ? (
          <Notice icon={<FileSearchOutlined style={{ color: '#8c8c8c' }} />} title={tApp('error.notFoundTitle')} />
        ) : (
          <LoadError error={detail.error} onRetry={detail.reload} />
        )}
      </Card>
    );
  }
  if (!detail.data) return <FullPageSpin />;
  return <CaseFile detail={detail.data} reload={detail.reload} />;
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Link to="/workbench/cases" style={{ display: 'inline-block', marginBottom: 12 }}>
      <ArrowLeftOutlined /> {t('nav.cases')}
    </Link>
  );
}

function CaseFile({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const { t } = useCaseAdminText();
  const { t: tc } = useCaseText();
  const { formatDate, formatDateTime } = useI18n();
  const { state } = detail;
  // The personal data in full, once staff asked for it (the look is audited): the applicant's and the form's.
  const [full, setFull] = useState<ApplicantFull | null>(null);
  const outstanding = state.deferred.filter((item) => item.receivedAt === null);
  const nameOf = (materialId: string) => detail.materials.find((material) => material.materialId === materialId)?.name ?? materialId;

  return (
    <Flex vertical gap={16}>
      <Card>
        <BackLink />
        <Flex wrap align="center" gap={12} style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-number">
            {detail.number}
          </Typography.Title>
          <CaseStatusTag status={detail.status} />
          <ClockTag clock={detail.clock} remaining={detail.remainingWorkdays} />
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'item', label: tc('field.item'), children: detail.item.name },
            { key: 'department', label: tc('field.department'), children: detail.department.name },
            { key: 'result', label: t('detail.result'), children: detail.item.resultName || '—' },
            { key: 'channel', label: t('detail.channel'), children: channelLabel(detail.channel, t) },
            { key: 'applied', label: tc('field.appliedAt'), children: formatDateTime(detail.appliedAt) },
            { key: 'accepted', label: tc('field.acceptedAt'), children: detail.acceptedAt ? formatDateTime(detail.acceptedAt) : '—' },
            { key: 'due', label: tc('field.dueDate'), children: detail.dueDate ? formatDate(detail.dueDate) : '—' },
            { key: 'step', label: tc('field.currentStep'), children: detail.currentStep?.name ?? '—' },
          ]}
        />
      </Card>

      {detail.status === 'awaiting_correction' && state.correction && <CorrectionNotice correction={state.correction} materials={detail.materials} />}
      {state.pendingExtension && (
        <Alert type="info" showIcon title={t('detail.pendingExtension', { days: state.pendingExtension.workdays, reason: state.pendingExtension.reason })} />
      )}
      {outstanding.map((item) => (
        <Alert key={item.materialId} type="warning" showIcon title={t('detail.deferred', { name: nameOf(item.materialId), date: formatDate(item.dueDate) })} />
      ))}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <ApplicantPanel detail={detail} full={full} onRevealed={setFull} />
            <Card title={tc('form.title')} size="small">
              <FormDataView form={detail.form} values={full?.formData ?? detail.formData} />
            </Card>
            <Card title={tc('materials.title')} size="small">
              <MaterialsTable caseId={detail.id} materials={detail.materials} staff />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <ActionPanel detail={detail} onChanged={reload} />
            <Card title={tc('documents.title')} size="small">
              <CaseDocuments caseId={detail.id} version={detail.version} />
            </Card>
            <Card title={tc('timeline.title')} size="small">
              <CaseTimeline
                showHandling
                items={detail.timeline.map((entry) => ({ ...entry, key: entry.seq }))}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

function channelLabel(channel: string, t: ReturnType<typeof useCaseAdminText>['t']): string {
  switch (channel) {
    case 'window':
    case 'online':
    case 'mobile':
    case 'mail':
      return t(`detail.channel.${channel}`);
    default:
      return channel;
  }
}
