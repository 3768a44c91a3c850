import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, Radio, Space, Typography, type FormInstance } from 'antd';
import { validateMobile, validateResidentId, validateUscc, type ApplicantType } from '@onewindow/domain';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { api } from '../shared/api.ts';
import { useProblemHandler } from '../shared/errors.ts';
import { PublicLayout } from '../shared/PublicLayout.tsx';
import { checkWith, required, strongPassword } from '../shared/rules.ts';
import { useSession } from '../shared/session.tsx';
import type { AuthResult } from '../shared/types.ts';
import { useCountdown } from '../shared/useCountdown.ts';

const SMS_RESEND_SECONDS = 60;

interface RegisterValues {
  kind: ApplicantType;
  name: string;
  idNumber?: string;
  uscc?: string;
  legalRepresentative?: string;
  phone: string;
  smsCode: string;
  password: string;
  confirm: string;
}

function toRequestBody(values: RegisterValues) {
  const common = {
    name: values.name.trim(),
    phone: values.phone.trim(),
    smsCode: values.smsCode.trim(),
    password: values.password,
  };
  if (values.kind === 'person') {
    return { kind: 'person', ...common, idNumber: (values.idNumber ?? '').trim().toUpperCase() };
  }
  return {
    kind: 'company',
    ...common,
    uscc: (values.uscc ?? '').trim().toUpperCase(),
    legalRepresentative: (values.legalRepresentative ?? '').trim(),
  };
}

export default function RegisterPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterValues>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const handleProblem = useProblemHandler();
  const [submitting, setSubmitting] = useState(false);

  async function submit(values: RegisterValues) {
    setSubmitting(true);
    try {
      const result = await api.post<AuthResult>('/api/auth/applicant/register', toRequestBody(values));
      signedIn(result);
      navigate('/portal', { replace: true });
    } catch (error) {
      handleProblem(error, form);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <PublicLayout>
      <Card title={t('register.title')} style={{ maxWidth: 520, margin: '0 auto' }}>
        <Form<RegisterValues>
          form={form}
          name="register"
          layout="vertical"
          initialValues={{ kind: 'person' }}
          onFinish={submit}
          validateTrigger="onBlur"
        >
          <Form.Item name="kind" label={t('register.kind')}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value="person">{t('register.person')}</Radio.Button>
              <Radio.Button value="company">{t('register.company')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          {kind === 'person' ? <PersonFields /> : <CompanyFields />}
          <Form.Item name="phone" label={t('field.mobile')} rules={[required, checkWith(validateMobile)]}>
            <Input inputMode="tel" autoComplete="tel" maxLength={11} />
          </Form.Item>
          <Form.Item label={t('register.smsCode')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="smsCode" noStyle rules={[required]}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
              </Form.Item>
              <SmsCodeButton form={form} />
            </Space.Compact>
          </Form.Item>
          <Form.Item
            name="password"
            label={t('register.password')}
            extra={t('password.hint')}
            rules={[{ required: true }, strongPassword]}
            hasFeedback
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('register.confirm')}
            dependencies={['password']}
            hasFeedback
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: unknown) => {
                  if (!value || value === getFieldValue('password')) return;
                  throw new Error(t('register.confirmMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('register.submit')}
          </Button>
          <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
            {t('register.haveAccount')} <Link to="/login?tab=applicant">{t('register.toLogin')}</Link>
          </Typography.Paragraph>
        </Form>
      </Card>
    </PublicLayout>
  );
}

function PersonFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t('register.personName')} rules={[required]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('register.idNumber')} rules={[required, checkWith(validateResidentId)]}>
        <Input maxLength={18} />
      </Form.Item>
    </>
  );
}

function CompanyFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t('register.companyName')} rules={[required]}>
        <Input autoComplete="organization" />
      </Form.Item>
      <Form.Item name="uscc" label={t('field.uscc')} rules={[required, checkWith(validateUscc)]}>
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="legalRepresentative" label={t('register.legalRepresentative')} rules={[required]}>
        <Input />
      </Form.Item>
    </>
  );
}

/** 获取验证码: checks the phone number first, then waits 60 s before it may be asked again. */
function SmsCodeButton({ form }: { form: FormInstance<RegisterValues> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleProblem = useProblemHandler();
  const [secondsLeft, startCountdown] = useCountdown();
  const [sending, setSending] = useState(false);

  async function send() {
    let phone: string;
    try {
      phone = (await form.validateFields(['phone'])).phone.trim();
    } catch {
      return; // the phone field now shows why
    }
    setSending(true);
    try {
      const answer = await api.post<{ resendAfterSeconds?: number }>('/api/auth/applicant/sms-code', { phone, purpose: 'register' });
      startCountdown(answer?.resendAfterSeconds ?? SMS_RESEND_SECONDS);
      message.success(t('register.smsSent'));
    } catch (error) {
      handleProblem(error, form);
    } finally {
      setSending(false);
    }
  }

  return (
    <Button id="register_sendSms" onClick={send} loading={sending} disabled={secondsLeft > 0}>
      {secondsLeft > 0 ? t('register.smsResend', { seconds: secondsLeft }) : t('register.smsSend')}
    </Button>
  );
}
