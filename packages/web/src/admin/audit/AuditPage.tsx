import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isMessageKey } from '../../i18n/messages.ts';
import type { Query } from '../../shared/api.ts';
import { LoadError } from '../../shared/LoadError.tsx';
import { LoadMore } from '../../shared/LoadMore.tsx';
import type { AuditEntry } from '../../shared/types.ts';
import { useCursorList } from '../../shared/useApi.ts';
import { useRoleLabel } from '../../workbench/roleLabel.ts';
import { auditActionLabel, auditTarget } from './labels.ts';

interface SearchValues {
  actor?: string;
  action?: string;
  outcome?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toQuery(values: SearchValues): Query {
  return {
    actor: values.actor?.trim(),
    action: values.action?.trim(),
    outcome: values.outcome,
    from: values.range?.[0]?.toISOString(),
    to: values.range?.[1]?.toISOString(),
  };
}

const OUTCOMES = ['success', 'rejected', 'failed', 'error'] as const;

// Fixed widths, so that at 1366 px the table scrolls sideways instead of wrapping names one character a line.
const WIDTH = { at: 180, actor: 120, role: 140, action: 200, target: 160, ip: 130, requestId: 130, outcome: 100 };
const TABLE_WIDTH = Object.values(WIDTH).reduce((sum, width) => sum + width, 0);

/** 审计日志: who did what, from where, and whether it succeeded; newest first, paged by cursor. */
export default function AuditPage() {
  const { t, formatDateTime, locale } = useI18n();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<SearchValues>();
  const [query, setQuery] = useState<Query>({});
  const log = useCursorList<AuditEntry>('/api/audit', query);
  // A staff login records all the actor's roles, comma-separated; applicants are recorded as "applicant".
  const actorRoleLabel = (raw: string) =>
    raw
      .split(',')
      .map((role) => (role === 'applicant' ? t('audit.applicant') : roleLabel(role)))
      .join('、');
  const outcomeLabel = (outcome: string) => {
    const key = `audit.outcome.${outcome}`;
    return isMessageKey(key) ? t(key) : outcome;
  };

  function reset() {
    form.resetFields();
    setQuery({});
  }

  return (
    <Card title={t('nav.audit')}>
      <Form<SearchValues>
        form={form}
        name="audit_search"
        layout="inline"
        onFinish={(values) => setQuery(toQuery(values))}
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')} tooltip={t('audit.actionHint')}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="outcome" label={t('audit.outcome')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={OUTCOMES.map((outcome) => ({ value: outcome, label: outcomeLabel(outcome) }))}
          />
        </Form.Item>
        <Form.Item name="range" label={t('audit.timeRange')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button onClick={reset}>{t('common.reset')}</Button>
        </Form.Item>
      </Form>
      <LoadError error={log.error} onRetry={log.reload} />
      <Table<AuditEntry>
        rowKey="id"
        dataSource={log.items}
        loading={log.loading}
        pagination={false}
        scroll={{ x: TABLE_WIDTH }}
        columns={[
          {
            title: t('field.time'),
            dataIndex: 'at',
            width: WIDTH.at,
            fixed: 'left',
            render: (at: string) => formatDateTime(at),
          },
          {
            title: t('audit.actor'),
            dataIndex: 'actorName',
            width: WIDTH.actor,
            ellipsis: true,
            render: (name: string | null) => name ?? '—',
          },
          {
            title: t('field.role'),
            dataIndex: 'actorRole',
            width: WIDTH.role,
            ellipsis: true,
            render: (role: string | null) => (role ? actorRoleLabel(role) : '—'),
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: WIDTH.action,
            render: (action: string) => {
              const label = auditActionLabel(action, locale);
              // The code stays visible: it is what the search by action matches.
              return (
                <>
                  <Typography.Text ellipsis={{ tooltip: label ?? action }} style={{ display: 'block' }}>
                    {label ?? action}
                  </Typography.Text>
                  {label && (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: action }} style={{ display: 'block', fontSize: 12 }}>
                      {action}
                    </Typography.Text>
                  )}
                </>
              );
            },
          },
          {
            title: t('audit.target'),
            dataIndex: 'target',
            width: WIDTH.target,
            render: (raw: string | null) => {
              if (!raw) return '—';
              const target = auditTarget(raw, locale);
              return (
                <>
                  <Typography.Text ellipsis={{ tooltip: target.typeLabel }} style={{ display: 'block' }}>
                    {target.typeLabel}
                  </Typography.Text>
                  {target.id && (
                    <Typography.Text code copyable={{ text: target.id }} title={target.id}>
                      {target.shortId}
                    </Typography.Text>
                  )}
                </>
              );
            },
          },
          { title: 'IP', dataIndex: 'ip', width: WIDTH.ip, ellipsis: true, render: (ip: string | null) => ip ?? '—' },
          {
            title: t('audit.requestId'),
            dataIndex: 'requestId',
            width: WIDTH.requestId,
            render: (id: string | null) =>
              id ? (
                <Typography.Text code copyable={{ text: id }} title={id}>
                  {id.slice(0, 8)}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: t('audit.outcome'),
            dataIndex: 'outcome',
            width: WIDTH.outcome,
            fixed: 'right',
            render: (outcome: string) => (
              <Tag color={outcome === 'success' ? 'green' : 'red'}>{outcomeLabel(outcome)}</Tag>
            ),
          },
        ]}
      />
      <LoadMore hasMore={log.hasMore} loading={log.loading} onClick={log.loadMore} />
    </Card>
  );
}
