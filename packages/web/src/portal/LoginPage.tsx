import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Tabs, type FormInstance } from 'antd';
import { validateMobile } from '@onewindow/domain';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { api, ApiError, isApiError } from '../shared/api.ts';
import { describeError, placeFieldErrors } from '../shared/errors.ts';
import { safeNext } from '../shared/guards.tsx';
import { PublicLayout } from '../shared/PublicLayout.tsx';
import { checkWith, required } from '../shared/rules.ts';
import { useSession } from '../shared/session.tsx';
import type { AuthResult } from '../shared/types.ts';

type Tab = 'staff' | 'applicant';

export default function LoginPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'applicant' ? 'applicant' : 'staff';

  function switchTab(key: string) {
    const next = new URLSearchParams(params);
    next.set('tab', key);
    setParams(next, { replace: true });
  }

  return (
    <PublicLayout>
      <Card style={{ maxWidth: 440, margin: '0 auto' }}>
        <Tabs
          activeKey={tab}
          onChange={switchTab}
          centered
          items={[
            { key: 'staff', label: t('login.staffTab'), children: <StaffLoginForm /> },
            { key: 'applicant', label: t('login.applicantTab'), children: <ApplicantLoginForm /> },
          ]}
        />
      </Card>
    </PublicLayout>
  );
}

/** Handles what both forms share: calling the server, storing the session, going on to where the user wanted. */
function useLogin(path: string, home: string) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [submitting, setSubmitting] = useState(false);

  async function login(body: object): Promise<void> {
    setSubmitting(true);
    try {
      const result = await api.post<AuthResult>(path, body);
      signedIn(result);
      navigate(safeNext(params.get('next'), home), { replace: true });
    } finally {
      setSubmitting(false);
    }
  }
  return { login, submitting };
}

interface StaffLoginValues {
  username: string;
  password: string;
  totp?: string;
}

function StaffLoginForm() {
  const { t } = useI18n();
  const [form] = Form.useForm<StaffLoginValues>();
  const { login, submitting } = useLogin('/api/auth/staff/login', '/workbench');
  const [needTotp, setNeedTotp] = useState(false);
  const [notice, setNotice] = useState<{ type: 'error' | 'info'; text: string } | null>(null);

  async function submit(values: StaffLoginValues) {
    setNotice(null);
    try {
      await login({ username: values.username.trim(), password: values.password, totp: needTotp ? values.totp : undefined });
    } catch (error) {
      if (isApiError(error, 'TOTP_REQUIRED')) {
        setNeedTotp(true);
        setNotice({ type: 'info', text: t('login.totpRequired') });
        return;
      }
      if (isApiError(error, 'TOTP_INVALID')) {
        form.setFields([{ name: 'totp', errors: [error.detail ?? error.title] }]);
        return;
      }
      const text = loginErrorText(error, form, t);
      if (text) setNotice({ type: 'error', text });
    }
  }

  return (
    <Form form={form} name="login_staff" layout="vertical" onFinish={submit} requiredMark={false}>
      {notice && <Alert type={notice.type} showIcon title={notice.text} style={{ marginBottom: 16 }} />}
      <Form.Item name="username" label={t('login.username')} rules={[required]}>
        <Input autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {needTotp && (
        <Form.Item
          name="totp"
          label={t('login.totp')}
          extra={t('login.totpHint')}
          rules={[{ required: true }, { pattern: /^\d{6}$/, message: t('login.totpFormat') }]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block loading={submitting}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}

interface ApplicantLoginValues {
  phone: string;
  password: string;
}

function ApplicantLoginForm() {
  const { t } = useI18n();
  const [form] = Form.useForm<ApplicantLoginValues>();
  const { login, submitting } = useLogin('/api/auth/applicant/login', '/portal');
  const [notice, setNotice] = useState<{ type: 'error' | 'info'; text: string } | null>(null);

  async function submit(values: ApplicantLoginValues) {
    setNotice(null);
    try {
      await login({ phone: values.phone.trim(), password: values.password });
    } catch (error) {
      const text = loginErrorText(error, form, t);
      if (text) setNotice({ type: 'error', text });
    }
  }

  return (
    <Form form={form} name="login_applicant" layout="vertical" onFinish={submit} requiredMark={false}>
      {notice && <Alert type={notice.type} showIcon title={notice.text} style={{ marginBottom: 16 }} />}
      <Form.Item name="phone" label={t('field.mobile')} rules={[required, checkWith(validateMobile)]} validateTrigger="onBlur">
        <Input inputMode="tel" autoComplete="tel" maxLength={11} />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting}>
        {t('login.submit')}
      </Button>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        {t('login.noAccount')} <Link to="/register">{t('login.toRegister')}</Link>
      </div>
    </Form>
  );
}

/** Wrong password, locked account and the like concern the whole form: their text goes in the alert above it. */
function loginErrorText(error: unknown, form: FormInstance, t: (key: MessageKey) => string): string | null {
  const allOnFields = error instanceof ApiError && error.errors.length > 0 && placeFieldErrors(form, error.errors).length === 0;
  return allOnFields ? null : describeError(error, t);
}
