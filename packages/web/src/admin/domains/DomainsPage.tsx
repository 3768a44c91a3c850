import { useState } from 'react';
import { App, Button, Card, Form, Input, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { DOMAIN_CODE_PATTERN } from '@onewindow/domain';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api } from '../../shared/api.ts';
import { useProblemHandler } from '../../shared/errors.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import { matches, required } from '../../shared/rules.ts';
import type { ItemList, ServiceDomain } from '../../shared/types.ts';
import { useApi } from '../../shared/useApi.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; domain: ServiceDomain };

/** 业务领域: the managed list of service domains that 分领域窗口 serve. */
export default function DomainsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleProblem = useProblemHandler();
  const domains = useApi<ItemList<ServiceDomain>>('/api/org/service-domains');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [toggling, setToggling] = useState<string>();

  async function setActive(domain: ServiceDomain, active: boolean) {
    setToggling(domain.code);
    try {
      await api.patch(`/api/org/service-domains/${encodeURIComponent(domain.code)}`, { active });
      message.success(t(active ? 'domains.enabled' : 'domains.disabled', { name: domain.name }));
      domains.reload();
    } catch (error) {
      handleProblem(error);
    } finally {
      setToggling(undefined);
    }
  }

  return (
    <Card
      title={t('nav.domains')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('domains.add')}
        </Button>
      }
    >
      <LoadError error={domains.error} onRetry={domains.reload} />
      <Table<ServiceDomain>
        rowKey="code"
        dataSource={domains.data?.items}
        loading={domains.loading}
        pagination={false}
        columns={[
          { title: t('field.domainCode'), dataIndex: 'code' },
          { title: t('field.domainName'), dataIndex: 'name' },
          {
            title: t('field.active'),
            dataIndex: 'active',
            render: (active: boolean, domain) => (
              <Switch
                checked={active}
                loading={toggling === domain.code}
                onChange={(next) => setActive(domain, next)}
                aria-label={t('field.active')}
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_value, domain) => (
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', domain })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {dialog && (
        <DomainDialog
          domain={dialog.kind === 'edit' ? dialog.domain : null}
          onClose={() => setDialog(null)}
          onSaved={domains.reload}
        />
      )}
    </Card>
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
