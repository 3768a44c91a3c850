import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, FileSearchOutlined } from '@ant-design/icons';
import type { DeliveryPreference, PublishedGuide } from '@onewindow/domain';
import { CaseDocuments } from '../cases/CaseDocuments.tsx';
import { CaseStatusTag, ClockTag } from '../cases/CaseTags.tsx';
import { CaseTimeline } from '../cases/CaseTimeline.tsx';
import { CorrectionNotice } from '../cases/CorrectionNotice.tsx';
import { FormDataView } from '../cases/FormDataView.tsx';
import { MaterialsTable } from '../cases/MaterialsTable.tsx';
import type { CaseDetail } from '../cases/types.ts';
import { useCaseText } from '../cases/useCaseText.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { api } from '../shared/api.ts';
import { describeError } from '../shared/errors.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { Notice } from '../shared/Notice.tsx';
import { useApi } from '../shared/useApi.ts';
import { ApplicantLayout } from './ApplicantLayout.tsx';
import { CorrectionPanel } from './mycase/CorrectionPanel.tsx';
import { DeliveryPanel } from './mycase/DeliveryPanel.tsx';
import { WithdrawButton } from './mycase/WithdrawButton.tsx';
import { usePortalText } from './portalText.ts';
import './apply/apply.css';

/**
 * /portal/cases/:id — one of the applicant's cases: where it stands and until when, what to correct (with upload
 * slots for just those materials), withdrawal before the decision, how the result is to be delivered, the documents
 * issued, and what happened.
 */
export default function MyCasePage() {
  const { id = '' } = useParams();
  const { t } = useCaseText();
  const detail = useApi<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`);

  let body;
  if (detail.error && !detail.data) {
    const missing = detail.error.status === 404 || detail.error.status === 400;
    body = missing ? <Notice icon={<FileSearchOutlined style={{ color: '#595959' }} />} title={t('my.notFound')} /> : <LoadError error={detail.error} onRetry={detail.reload} />;
  } else if (!detail.data) {
    body = <Skeleton active paragraph={{ rows: 10 }} />;
  } else {
    body = <MyCase detail={detail.data} reload={detail.reload} />;
  }

  return (
    <ApplicantLayout>
      <Flex vertical gap={16} style={{ maxWidth: 1080, margin: '0 auto' }}>
        <Link to="/portal/cases">
          <ArrowLeftOutlined aria-hidden /> {t('my.back')}
        </Link>
        {body}
      </Flex>
    </ApplicantLayout>
  );
}

function MyCase({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const { t } = useCaseText();
  const tPortal = usePortalText();
  const { t: tApp, formatDate, formatDateTime } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const guide = useApi<PublishedGuide>(`/api/catalog/items/${encodeURIComponent(detail.item.code)}`);
  const [delivery, setDelivery] = useState<DeliveryPreference | null | undefined>(undefined);
  const shown = { ...detail, delivery: delivery === undefined ? detail.delivery : delivery };
  const correction = detail.status === 'awaiting_correction' ? detail.state.correction : null;
  const canResubmit = correction !== null && detail.allowedActions.includes('resubmit');
  const canWithdraw = detail.status !== 'draft' && detail.allowedActions.includes('withdraw');
  const draft = detail.status === 'draft';
  const showDelivery = !draft && detail.status !== 'closed';

  const conflict = () => {
    message.warning(tPortal('case.conflict'));
    reload();
  };

  function discardDraft() {
    modal.confirm({
      title: tPortal('apply.discardTitle'),
      content: tPortal('apply.discardConfirm'),
      okText: tPortal('apply.discard'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api.delete(`/api/cases/${encodeURIComponent(detail.id)}/draft`);
          message.success(tPortal('apply.discarded'));
          navigate('/portal/cases', { replace: true });
        } catch (error) {
          message.error(describeError(error, tApp));
        }
      },
    });
  }

  return (
    <>
      <Card>
        <Flex wrap align="center" gap={12} style={{ marginBottom: 12 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
            {detail.item.name}
          </Typography.Title>
          <CaseStatusTag status={detail.status} />
          <ClockTag clock={detail.clock} remaining={detail.remainingWorkdays} />
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'number', label: t('field.number'), children: <span data-testid="case-number">{detail.number}</span> },
            { key: 'department', label: t('field.department'), children: detail.department.name },
            { key: 'applied', label: t('field.appliedAt'), children: formatDateTime(detail.appliedAt) },
            ...(detail.acceptedAt ? [{ key: 'accepted', label: t('field.acceptedAt'), children: formatDateTime(detail.acceptedAt) }] : []),
            { key: 'due', label: tPortal('case.dueDate'), children: <span data-testid="case-due-date">{detail.dueDate ? formatDate(detail.dueDate) : '—'}</span> },
            ...(detail.currentStep?.name ? [{ key: 'step', label: t('field.currentStep'), children: detail.currentStep.name }] : []),
          ]}
        />
        {(draft || canWithdraw) && (
          <Flex wrap gap={8} style={{ marginTop: 12 }}>
            {draft && (
              <>
                <Button
                  type="primary"
                  icon={<EditOutlined />}
                  onClick={() => navigate(`/portal/apply/${encodeURIComponent(detail.item.code)}?case=${encodeURIComponent(detail.id)}`)}
                  data-testid="case-continue"
                >
                  {tPortal('case.continue')}
                </Button>
                <Button danger onClick={discardDraft} data-testid="case-discard">
                  {tPortal('apply.discard')}
                </Button>
              </>
            )}
            {canWithdraw && <WithdrawButton detail={detail} onDone={reload} onConflict={conflict} />}
          </Flex>
        )}
        {draft && <Alert type="info" showIcon title={tPortal('case.draftNote')} style={{ marginTop: 12 }} />}
      </Card>
      {correction && <CorrectionNotice correction={correction} materials={detail.materials} />}
      {canResubmit && <CorrectionPanel key={`correction-${detail.version}`} detail={detail} guide={guide.data} onDone={reload} onConflict={conflict} />}
      {showDelivery && <DeliveryPanel key={`delivery-${detail.version}`} detail={shown} supportsDelivery={guide.data?.guide.supportsDelivery} onSaved={setDelivery} />}
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
