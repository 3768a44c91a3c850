// 统一窗口出件: results decided in the back office are handed out at the hall. The clerk checks the collector's ID
// (the applicant's or the agent's), the collector signs on screen, and the case is delivered (送达) — or it is posted
// with its tracking number, or delivered electronically.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Table, Typography } from 'antd';
import { CaseStatusTag } from '../../cases/CaseTags.tsx';
import type { WorklistRow } from '../../cases/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { SignaturePad } from '../cases/SignaturePad.tsx';
import { useCaseAdminText } from '../cases/text.ts';
import { DocumentModal } from './DocumentModal.tsx';
import { latestDocument } from './IntakePanel.tsx';
import { useHallText } from './text.ts';
import type { CaseDocument } from './types.ts';

export function PickupPanel({ rows, onDone }: { rows: WorklistRow[]; onDone: () => void }) {
  const { t } = useHallText();
  const { formatDate } = useI18n();
  const [handing, setHanding] = useState<WorklistRow | null>(null);
  return (
    <>
      <Table<WorklistRow>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('pickup.empty') }}
        data-testid="pickup-list"
        columns={[
          { title: t('today.number'), dataIndex: 'number' },
          { title: t('today.item'), dataIndex: 'itemName' },
          { title: t('today.applicant'), key: 'applicant', render: (_v, r) => `${r.applicantName}（${r.applicantIdNumber}）` },
          { title: t('today.status'), key: 'status', render: (_v, r) => <CaseStatusTag status={r.status} /> },
          { title: t('today.due'), key: 'due', render: (_v, r) => (r.dueDate ? formatDate(r.dueDate) : '—') },
          { title: '', key: 'act', render: (_v, r) => <Button type="primary" size="small" onClick={() => setHanding(r)}>{t('pickup.handOut')}</Button> },
        ]}
      />
      {handing && (
        <HandOutDialog
          row={handing}
          onClose={() => setHanding(null)}
          onDone={() => {
            setHanding(null);
            onDone();
          }}
        />
      )}
    </>
  );
}

interface DeliveryValues {
  method: 'pickup' | 'mail' | 'electronic';
  collectorIdNumber?: string;
  signature?: string;
  reference?: string;
}

function HandOutDialog({ row, onClose, onDone }: { row: WorklistRow; onClose: () => void; onDone: () => void }) {
  const { t } = useHallText();
  const { t: ta } = useCaseAdminText();
  const [form] = Form.useForm<DeliveryValues>();
  const method = Form.useWatch('method', form) ?? 'pickup';
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [decision, setDecision] = useState<CaseDocument | null>(null);

  async function deliver(values: DeliveryValues) {
    setBusy(true);
    setError(undefined);
    try {
      let version = row.version;
      // 办结 first when the back office has only decided; the clerk hands out in one go.
      if (row.status === 'decided') version = (await api.post<{ version: number }>(`/api/cases/${row.id}/actions`, { expectedVersion: version, action: { type: 'complete' } })).version;
      const action = values.method === 'pickup'
        ? { type: 'deliver', method: 'pickup', collectorIdNumber: values.collectorIdNumber?.trim().toUpperCase(), signature: values.signature }
        : values.method === 'mail' ? { type: 'deliver', method: 'mail', reference: values.reference?.trim() } : { type: 'deliver', method: 'electronic' };
      await api.post(`/api/cases/${row.id}/actions`, { expectedVersion: version, action });
      onDone();
    } catch (failure) {
      setError(isApiError(failure) ? [failure.title, ...failure.errors.map((e) => e.message)].join('：') : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t('pickup.title', { number: row.number })} onCancel={onClose} okText={t('pickup.handOut')} okButtonProps={{ loading: busy, 'data-testid': 'confirm-handout' } as never} onOk={() => form.submit()} width={620}>
      <Typography.Paragraph>
        {row.itemName} · {row.applicantName}{' '}
        <Button type="link" size="small" onClick={() => void latestDocument(row.id).then(setDecision)}>
          {t('doc.decision')}
        </Button>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ method: 'pickup' }} onFinish={(v) => void deliver(v)}>
        <Form.Item name="method" label={t('pickup.method')}>
          <Radio.Group options={(['pickup', 'mail', 'electronic'] as const).map((value) => ({ value, label: ta(`form.method.${value}`) }))} />
        </Form.Item>
        {method === 'pickup' && (
          <>
            <Form.Item name="collectorIdNumber" label={ta('form.collectorIdNumber')} extra={ta('form.collectorIdHint')} rules={[{ required: true, whitespace: true }]}>
              <Input autoFocus maxLength={18} autoComplete="off" data-testid="collector-id" />
            </Form.Item>
            <Form.Item name="signature" label={ta('form.signature')} rules={[{ required: true, message: ta('signature.required') }]}>
              <SignaturePad />
            </Form.Item>
          </>
        )}
        {method === 'mail' && (
          <Form.Item name="reference" label={ta('form.reference')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
      {decision && <DocumentModal document={decision} onClose={() => setDecision(null)} />}
    </Modal>
  );
}
