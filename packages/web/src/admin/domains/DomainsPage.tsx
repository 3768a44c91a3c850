import { useState } from 'react';
import { App, Form, Input, Table } from 'antd';
import { DOMAIN_CODE_PATTERN } from '@onewindow/domain';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api } from '../../shared/api.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import { matches, required } from '../../shared/rules.ts';
import type { ItemList, ServiceDomain } from '../../shared/types.ts';
import { useApi } from '../../shared/useApi.ts';
import { AdminCard } from '../shared/AdminCard.tsx';
import { activeColumn, editColumn } from '../shared/columns.tsx';
import { useActiveToggle } from '../shared/useActiveToggle.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; domain: ServiceDomain };

/** 业务领域: the managed list of service domains that 分领域窗口 serve. */
export default function DomainsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const domains = useApi<ItemList<ServiceDomain>>('/api/org/service-domains');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { isToggling, setActive } = useActiveToggle(
    (domain: ServiceDomain) => domain.code,
    async (domain, active) => {
      await api.patch(`/api/org/service-domains/${encodeURIComponent(domain.code)}`, { active });
      message.success(t(active ? 'domains.enabled' : 'domains.disabled', { name: domain.name }));
      domains.reload();
    },
  );

  return (
    <AdminCard title={t('nav.domains')} addLabel={t('domains.add')} onAdd={() => setDialog({ kind: 'create' })}>
      <LoadError error={domains.error} onRetry={domains.reload} />
      <Table<ServiceDomain>
        rowKey="code"
        dataSource={domains.data?.items}
        loading={domains.loading}
        pagination={false}
        columns={[
          { title: t('field.domainCode'), dataIndex: 'code' },
          { title: t('field.domainName'), dataIndex: 'name' },
          activeColumn(t, isToggling, setActive),
          editColumn<ServiceDomain>(t, (domain) => setDialog({ kind: 'edit', domain })),
        ]}
      />
      {dialog && (
        <DomainDialog
          domain={dialog.kind === 'edit' ? dialog.domain : null}
          onClose={() => setDialog(null)}
          onSaved={domains.reload}
        />
      )}
    </AdminCard>
  );
}

interface DomainValues {
  code: string;
  name: string;
}

function DomainDialog({ domain, onClose, onSaved }: { domain: ServiceDomain | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<DomainValues>();

  async function save(values: DomainValues) {
    if (domain) await api.patch(`/api/org/service-domains/${encodeURIComponent(domain.code)}`, { name: values.name.trim() });
    else await api.post('/api/org/service-domains', { code: values.code.trim(), name: values.name.trim() });
    onSaved();
  }

  return (
    <FormModal<DomainValues>
      name="domain"
      form={form}
      title={domain ? t('domains.edit') : t('domains.add')}
      initialValues={domain ?? undefined}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        name="code"
        label={t('field.domainCode')}
        extra={domain ? undefined : t('domains.codeHint')}
        rules={[required, matches(DOMAIN_CODE_PATTERN, t('domains.codeFormat'))]}
      >
        <Input disabled={domain !== null} autoFocus={domain === null} />
      </Form.Item>
      <Form.Item name="name" label={t('field.domainName')} rules={[required]}>
        <Input autoFocus={domain !== null} />
      </Form.Item>
    </FormModal>
  );
}
