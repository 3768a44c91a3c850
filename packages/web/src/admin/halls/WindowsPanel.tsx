import { useState } from 'react';
import { App, Form, Input, Radio, Select, Table, Tag } from 'antd';
import { WINDOW_NUMBER_PATTERN } from '@onewindow/domain';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api } from '../../shared/api.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import { matches, required } from '../../shared/rules.ts';
import type { Hall, ItemList, ServiceDomain, ServiceWindow, WindowKind } from '../../shared/types.ts';
import { useApi } from '../../shared/useApi.ts';
import { AdminCard } from '../shared/AdminCard.tsx';
import { activeColumn, editColumn } from '../shared/columns.tsx';
import { useActiveToggle } from '../shared/useActiveToggle.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; serviceWindow: ServiceWindow };

/** The windows (窗口) of one hall: 综合窗口 serve every item, 分领域窗口 only the service domains they list. */
export function WindowsPanel({ hall }: { hall: Hall }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const windows = useApi<ItemList<ServiceWindow>>(`/api/org/halls/${encodeURIComponent(hall.id)}/windows`);
  const domains = useApi<ItemList<ServiceDomain>>('/api/org/service-domains');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const domainName = new Map((domains.data?.items ?? []).map((domain) => [domain.code, domain.name]));

  const { isToggling, setActive } = useActiveToggle(
    (serviceWindow: ServiceWindow) => serviceWindow.id,
    async (serviceWindow, active) => {
      await api.patch(`/api/org/windows/${encodeURIComponent(serviceWindow.id)}`, { active });
      message.success(t(active ? 'windows.enabled' : 'windows.disabled', { number: serviceWindow.number }));
      windows.reload();
    },
  );

  return (
    <AdminCard title={t('windows.title', { hall: hall.name })} addLabel={t('windows.add')} onAdd={() => setDialog({ kind: 'create' })}>
      <LoadError error={windows.error ?? domains.error} onRetry={windows.reload} />
      <Table<ServiceWindow>
        rowKey="id"
        dataSource={windows.data?.items}
        loading={windows.loading}
        pagination={false}
        columns={[
          { title: t('field.windowNumber'), dataIndex: 'number' },
          { title: t('field.windowName'), dataIndex: 'name' },
          {
            title: t('field.windowKind'),
            dataIndex: 'kind',
            render: (kind: WindowKind) => (
              <Tag color={kind === 'comprehensive' ? 'green' : 'blue'}>{t(`windows.kind.${kind}`)}</Tag>
            ),
          },
          {
            title: t('field.serviceDomains'),
            dataIndex: 'domainCodes',
            render: (codes: string[], serviceWindow) =>
              serviceWindow.kind === 'comprehensive'
                ? t('windows.allDomains')
                : codes.map((code) => <Tag key={code}>{domainName.get(code) ?? code}</Tag>),
          },
          activeColumn(t, isToggling, setActive),
          editColumn<ServiceWindow>(t, (serviceWindow) => setDialog({ kind: 'edit', serviceWindow })),
        ]}
      />
      {dialog && (
        <WindowDialog
          hallId={hall.id}
          serviceWindow={dialog.kind === 'edit' ? dialog.serviceWindow : null}
          domains={domains.data?.items ?? []}
          onClose={() => setDialog(null)}
          onSaved={windows.reload}
        />
      )}
    </AdminCard>
  );
}

interface WindowValues {
  number: string;
  name: string;
  kind: WindowKind;
  domainCodes?: string[];
}

interface DialogProps {
  hallId: string;
  serviceWindow: ServiceWindow | null;
  domains: ServiceDomain[];
  onClose: () => void;
  onSaved: () => void;
}

function WindowDialog({ hallId, serviceWindow, domains, onClose, onSaved }: DialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<WindowValues>();
  const kind = Form.useWatch('kind', form) ?? serviceWindow?.kind ?? 'comprehensive';
  // A retired domain stays selectable on a window that already serves it, so editing does not silently drop it.
  const domainOptions = domains
    .filter((domain) => domain.active || serviceWindow?.domainCodes.includes(domain.code))
    .map((domain) => ({ value: domain.code, label: domain.name }));

  async function save(values: WindowValues) {
    const domainCodes = values.kind === 'domain' ? (values.domainCodes ?? []) : [];
    const body = { name: values.name.trim(), kind: values.kind, domainCodes };
    if (serviceWindow) await api.patch(`/api/org/windows/${encodeURIComponent(serviceWindow.id)}`, body);
    else await api.post(`/api/org/halls/${encodeURIComponent(hallId)}/windows`, { number: values.number.trim(), ...body });
    onSaved();
  }

  return (
    <FormModal<WindowValues>
      name="window"
      form={form}
      title={serviceWindow ? t('windows.edit', { number: serviceWindow.number }) : t('windows.add')}
      initialValues={serviceWindow ?? { kind: 'comprehensive', domainCodes: [] }}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        name="number"
        label={t('field.windowNumber')}
        extra={serviceWindow ? undefined : t('windows.numberHint')}
        normalize={(value: string) => value.toUpperCase()}
        rules={[required, matches(WINDOW_NUMBER_PATTERN, t('windows.numberFormat'))]}
      >
        <Input disabled={serviceWindow !== null} autoFocus={serviceWindow === null} maxLength={10} />
      </Form.Item>
      <Form.Item name="name" label={t('field.windowName')} rules={[required]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('field.windowKind')}>
        <Radio.Group>
          <Radio value="comprehensive">{t('windows.kind.comprehensive')}</Radio>
          <Radio value="domain">{t('windows.kind.domain')}</Radio>
        </Radio.Group>
      </Form.Item>
      {kind === 'domain' && (
        <Form.Item
          name="domainCodes"
          label={t('field.serviceDomains')}
          rules={[{ required: true, type: 'array', min: 1, message: t('windows.domainsRequired') }]}
        >
          <Select mode="multiple" options={domainOptions} placeholder={t('windows.domainsPlaceholder')} />
        </Form.Item>
      )}
    </FormModal>
  );
}
