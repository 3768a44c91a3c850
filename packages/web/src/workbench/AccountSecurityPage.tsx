import { useState } from 'react';
import { App, Alert, Button, Card, Form, Input, QRCode, Space, Steps, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { api } from '../shared/api.ts';
import { useProblemHandler } from '../shared/errors.ts';
import { useStaffMe } from '../shared/guards.tsx';
import { useSession } from '../shared/session.tsx';
import type { TotpSetup } from '../shared/types.ts';

/** 账号安全: binding an authenticator app (动态口令), which some roles need before they may be granted. */
export default function AccountSecurityPage() {
  const { t } = useI18n();
  const me = useStaffMe();
  return (
    <Card title={t('security.title')}>
      {me.totpEnabled ? (
        <Alert type="success" showIcon title={t('security.totpBound')} description={t('security.totpBoundText')} />
      ) : (
        <TotpEnrolment />
      )}
    </Card>
  );
}

function TotpEnrolment() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleProblem = useProblemHandler();
  const { refresh } = useSession();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    try {
      setSetup(await api.post<TotpSetup>('/api/auth/staff/totp/setup'));
    } catch (error) {
      handleProblem(error);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(values: { code: string }) {
    setBusy(true);
    try {
      await api.post('/api/auth/staff/totp/enable', { code: values.code.trim() });
      message.success(t('security.totpEnabled'));
      await refresh();
    } catch (error) {
      handleProblem(error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('security.totpIntro')}</Typography.Paragraph>
      <Steps
        current={setup ? 1 : 0}
        items={[{ title: t('security.stepScan') }, { title: t('security.stepConfirm') }]}
        style={{ maxWidth: 480 }}
      />
      {!setup && (
        <Button type="primary" onClick={start} loading={busy}>
          {t('security.totpStart')}
        </Button>
      )}
      {setup && (
        <>
          <Space align="start" size="large" wrap>
            <QRCode value={setup.otpauthUrl} />
            <Space orientation="vertical">
              <Typography.Text>{t('security.manualKey')}</Typography.Text>
              <Typography.Text code copyable>
                {setup.secret}
              </Typography.Text>
            </Space>
          </Space>
          <Form form={form} name="totp_enable" layout="inline" onFinish={confirm}>
            <Form.Item
              name="code"
              label={t('login.totp')}
              rules={[{ required: true }, { pattern: /^\d{6}$/, message: t('login.totpFormat') }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('security.totpConfirm')}
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
    </Space>
  );
}
