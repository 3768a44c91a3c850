import { useState } from 'react';
import { Button, ConfigProvider, Empty, Flex, Table, Tag, Typography } from 'antd';
import { DiffOutlined } from '@ant-design/icons';
import type { GuideChange } from '@onewindow/domain';
import type { GuideDiff, ImplementationDetail, VersionSummary } from '../../../catalog/types.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { api } from '../../../shared/api.ts';
import { LoadError } from '../../../shared/LoadError.tsx';
import { useRoleLabel } from '../../roleLabel.ts';
import { formatDiffValue, type DiffLabels } from '../diffFormat.ts';
import { StatusTags } from '../StatusTags.tsx';
import { useCatalogAdminText } from '../text.ts';

const KIND_COLORS: Record<GuideChange['kind'], string> = { added: 'green', removed: 'red', changed: 'blue' };

/** 版本历史: who made, submitted and published each version, and a readable comparison of any two. */
export function VersionsTab({ detail }: { detail: ImplementationDetail }) {
  const { t } = useCatalogAdminText();
  const { formatDateTime } = useI18n();
  const [selected, setSelected] = useState<number[]>([]);
  const [diff, setDiff] = useState<GuideDiff | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latestPublished = detail.versions.find((version) => version.status === 'published');

  async function compare(from: number, to?: number) {
    setLoading(true);
    setError(null);
    try {
      setDiff(await api.get<GuideDiff>(`/api/catalog/implementations/${detail.id}/diff`, { from, to }));
    } catch (failure) {
      setError(failure);
      setDiff(null);
    } finally {
      setLoading(false);
    }
  }

  const who = (name: string | null, at: string | null) =>
    at ? (
      <>
        {name ?? '—'}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(at)}
          </Typography.Text>
        </div>
      </>
    ) : (
      '—'
    );

  const [older, newer] = [...selected].sort((a, b) => a - b);
  return (
    <ConfigProvider componentDisabled={false}>
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Button
            type="primary"
            icon={<DiffOutlined />}
            disabled={selected.length !== 2}
            loading={loading}
            onClick={() => older !== undefined && newer !== undefined && compare(older, newer)}
            data-testid="versions-compare"
          >
            {t('versions.compare')}
          </Button>
          {detail.draft && latestPublished && (
            <Button onClick={() => compare(latestPublished.version)} loading={loading}>
              {t('versions.compareDraft', { version: latestPublished.version })}
            </Button>
          )}
          <Typography.Text type="secondary">{t('versions.pickTwo')}</Typography.Text>
        </Flex>
        <Table<VersionSummary>
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={detail.versions}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected((keys as number[]).slice(-2)),
            hideSelectAll: true,
          }}
          columns={[
            {
              title: t('versions.version'),
              dataIndex: 'version',
              render: (version: number, row) => (
                <>
                  v{version} {detail.current?.id === row.id && <Tag color="green">{t('versions.inForce')}</Tag>}
                </>
              ),
            },
            { title: t('versions.status'), key: 'status', render: (_value, row) => <StatusTags itemStatus="active" versionStatus={row.status} /> },
            { title: t('versions.created'), key: 'created', render: (_value, row) => who(row.createdByName, row.createdAt) },
            { title: t('versions.submitted'), key: 'submitted', render: (_value, row) => who(row.submittedByName, row.submittedAt) },
            { title: t('versions.published'), key: 'published', render: (_value, row) => who(row.publishedByName, row.publishedAt) },
            { title: t('versions.effectiveFrom'), dataIndex: 'effectiveFrom', render: (date: string | null) => date ?? '—' },
          ]}
        />
        <LoadError error={error} />
        {diff && <DiffTable diff={diff} draftVersion={detail.draft?.version} />}
      </Flex>
    </ConfigProvider>
  );
}

function DiffTable({ diff, draftVersion }: { diff: GuideDiff; draftVersion: number | undefined }) {
  const { t, tc, code } = useCatalogAdminText();
  const roleLabel = useRoleLabel();
  const labels: DiffLabels = {
    code,
    role: (role) => roleLabel(role as Parameters<typeof roleLabel>[0]),
    yes: tc('guide.yes'),
    no: tc('guide.no'),
    empty: t('versions.empty'),
    limit: (amount, unit) => `${amount} ${code(unit === 'G' || unit === 'Z' ? 'legalUnit' : 'promisedUnit', unit)}`,
  };
  const title = t('versions.diffTitle', {
    from: diff.from,
    to: diff.to === draftVersion ? t('versions.draftLabel', { version: diff.to }) : `v${diff.to}`,
  });
  if (diff.changes.length === 0) return <Empty description={`${title}：${t('versions.noChanges')}`} />;
  return (
    <Table<GuideChange>
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      rowKey="path"
      size="small"
      bordered
      pagination={false}
      dataSource={diff.changes}
      columns={[
        {
          title: t('versions.change'),
          dataIndex: 'kind',
          width: 80,
          render: (kind: GuideChange['kind']) => <Tag color={KIND_COLORS[kind]}>{t(`versions.kind.${kind}`)}</Tag>,
        },
        { title: t('versions.field'), dataIndex: 'label', width: 220 },
        {
          title: t('versions.before'),
          key: 'before',
          render: (_value, change) => <DiffValue text={formatDiffValue(change.path, change.before, labels)} />,
        },
        {
          title: t('versions.after'),
          key: 'after',
          render: (_value, change) => <DiffValue text={formatDiffValue(change.path, change.after, labels)} />,
        },
      ]}
    />
  );
}

function DiffValue({ text }: { text: string }) {
  return <div style={{ whiteSpace: 'pre-line', maxHeight: 240, overflow: 'auto', wordBreak: 'break-word' }}>{text}</div>;
}
