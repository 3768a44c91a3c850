// 结果送达方式: window pickup, post (with the address: recipient, phone, county or township, street) or electronic;
// checked here by the rule the server applies (deliveryProblems), each problem next to its field.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Radio, Typography } from 'antd';
import { deliveryProblems, type DeliveryMethod, type DeliveryPreference, type MailAddress } from '@onewindow/domain';
import { RegionTreeSelect } from '../../admin/regions/RegionTreeSelect.tsx';
import { useRegions } from '../../admin/regions/useRegions.ts';
import type { CaseDetail } from '../../cases/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { describeError, placeFieldErrors } from '../../shared/errors.ts';
import { usePortalText } from '../portalText.ts';

interface Values {
  method: DeliveryMethod;
  address?: Partial<MailAddress>;
}

const METHODS: DeliveryMethod[] = ['pickup', 'mail', 'electronic'];

interface Props {
  detail: CaseDetail;
  /** Whether the item posts results (办事指南 “支持快递送达”), when the guide is at hand. */
  supportsDelivery: boolean | undefined;
  onSaved: (delivery: DeliveryPreference) => void;
}

export function DeliveryPanel({ detail, supportsDelivery, onSaved }: Props) {
  const t = usePortalText();
  const { t: tApp } = useI18n();
  const { message } = App.useApp();
  const regions = useRegions();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const current = detail.delivery ?? null;
  const fixed = detail.status === 'delivered' || detail.status === 'closed';
  const methods = METHODS.filter((m) => m !== 'mail' || supportsDelivery !== false || current?.method === 'mail');

  async function save(values: Values) {
    setProblem(null);
    const address = values.method === 'mail'
      ? {
          recipient: values.address?.recipient?.trim() ?? '',
          phone: values.address?.phone?.trim() ?? '',
          regionCode: values.address?.regionCode ?? '',
          detail: values.address?.detail?.trim() ?? '',
        }
      : undefined;
    const body = { method: values.method, ...(address ? { address } : {}) };
    const local = deliveryProblems(body, { supportsDelivery: supportsDelivery ?? true });
    if (local.length > 0) {
      const unplaced = placeFieldErrors(form, local);
      if (unplaced.length > 0) setProblem(unplaced.map((p) => p.message).join('；'));
      return;
    }
    setSaving(true);
    try {
      const saved = await api.put<{ delivery: DeliveryPreference }>(`/api/cases/${encodeURIComponent(detail.id)}/delivery`, body);
      message.success(t('delivery.saved'));
      onSaved(saved.delivery);
    } catch (error) {
      if (isApiError(error) && error.errors.length > 0) {
        const unplaced = placeFieldErrors(form, error.errors);
        if (unplaced.length > 0) setProblem(unplaced.map((p) => p.message).join('；'));
        return;
      }
      setProblem(describeError(error, tApp));
    } finally {
      setSaving(false);
    }
  }

  const hint = { pickup: t('delivery.pickupHint'), mail: t('delivery.mailHint'), electronic: t('delivery.electronicHint') };

  return (
    <section className="portal-panel" aria-labelledby="delivery-title" data-testid="delivery-panel">
      <Typography.Title level={2} id="delivery-title" className="apply-section-title">
        {t('delivery.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {fixed ? t('delivery.fixed') : t('delivery.intro')}{' '}
        {t('delivery.current', { method: current ? t(`delivery.${current.method}`) : t('delivery.none') })}
      </Typography.Paragraph>
      {!fixed && (
        <Form<Values>
          form={form}
          layout="vertical"
          name="delivery"
          initialValues={{ method: current?.method ?? 'pickup', address: current?.address ?? undefined }}
          onFinish={(values) => void save(values)}
          style={{ maxWidth: 560 }}
        >
          <Form.Item name="method" label={t('delivery.method')} extra={method ? hint[method] : undefined}>
            <Radio.Group
              options={methods.map((m) => ({ value: m, label: t(`delivery.${m}`) }))}
              optionType="button"
              buttonStyle="solid"
              data-testid="delivery-method"
            />
          </Form.Item>
          {method === 'mail' && (
            <>
              <Form.Item name={['address', 'recipient']} label={t('delivery.recipient')} required>
                <Input maxLength={50} autoComplete="name" data-testid="delivery-recipient" />
              </Form.Item>
              <Form.Item name={['address', 'phone']} label={t('delivery.phone')} required>
                <Input maxLength={20} inputMode="tel" autoComplete="tel" data-testid="delivery-phone" />
              </Form.Item>
              <Form.Item name={['address', 'regionCode']} label={t('delivery.region')} required>
                <RegionTreeSelect options={regions.options} allowClear />
              </Form.Item>
              <Form.Item name={['address', 'detail']} label={t('delivery.detail')} required>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} placeholder={t('delivery.detailPlaceholder')} autoComplete="street-address" data-testid="delivery-detail" />
              </Form.Item>
            </>
          )}
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" loading={saving} data-testid="delivery-save">
            {t('delivery.save')}
          </Button>
        </Form>
      )}
    </section>
  );
}
