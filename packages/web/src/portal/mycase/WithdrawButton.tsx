// 撤回申请: before the decision the applicant may withdraw, with a reason, after confirming in a dialog that says it
// cannot be undone.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import type { CaseDetail } from '../../cases/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { describeError, placeFieldErrors, relativeTo } from '../../shared/errors.ts';
import { usePortalText } from '../portalText.ts';

interface Props {
  detail: CaseDetail;
  onDone: () => void;
  onConflict: () => void;
}

export function WithdrawButton({ detail, onDone, onConflict }: Props) {
  const t = usePortalText();
  const { t: tApp } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  async function withdraw({ reason }: { reason: string }) {
    setSending(true);
    setProblem(null);
    try {
      await api.post(`/api/cases/${encodeURIComponent(detail.id)}/actions`, {
        expectedVersion: detail.version,
        action: { type: 'withdraw', reason: reason.trim() },
      });
      setOpen(false);
      message.success(t('case.withdrawn'));
      onDone();
    } catch (error) {
      if (isApiError(error, 'CASE_VERSION_CONFLICT')) {
        setOpen(false);
        onConflict();
        return;
      }
      const relative = relativeTo(error, '/action');
      if (isApiError(relative) && relative.errors.length > 0) {
        const unplaced = placeFieldErrors(form, relative.errors);
        if (unplaced.length > 0) setProblem(unplaced.map((p) => p.message).join('；'));
        return;
      }
      setProblem(describeError(error, tApp));
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="case-withdraw">
        {t('case.withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('case.withdrawTitle')}
        okText={t('case.withdrawConfirm')}
        okButtonProps={{ danger: true, loading: sending, 'data-testid': 'withdraw-confirm' } as ButtonProps}
        cancelText={tApp('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('case.withdrawText')}</Typography.Paragraph>
        <Form form={form} layout="vertical" name="withdraw" onFinish={(values) => void withdraw(values)} preserve={false}>
          <Form.Item name="reason" label={t('case.withdrawReason')} rules={[{ required: true, whitespace: true, message: t('case.withdrawReasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount data-testid="withdraw-reason" />
          </Form.Item>
        </Form>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Modal>
    </>
  );
}
