import { useState } from 'react';
import { Button, Card, Form, Input, Space, Table } from 'antd';
import { regionLevel } from '@onewindow/domain';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api } from '../../shared/api.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import { required } from '../../shared/rules.ts';
import type { Region } from '../../shared/types.ts';
import { checkChildRegionCode, childCodeLength, type RegionNode } from './regionTree.ts';
import { useRegions } from './useRegions.ts';

type Dialog = { kind: 'create'; parent: Region } | { kind: 'rename'; region: Region };

/** 区划管理: the region tree (省/市/县/乡镇), adding a child region, renaming. */
export default function RegionsPage() {
  const { t } = useI18n();
  const regions = useRegions();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Until the user opens or folds a row, provinces and cities are open and counties keep their townships folded.
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const expandedCodes = expanded ?? upperLevelCodes(regions.items);

  function childAdded(parentCode: string) {
    regions.reload();
    setExpanded([...new Set([...expandedCodes, parentCode])]);
  }

  return (
    <Card title={t('nav.regions')}>
      <LoadError error={regions.error} onRetry={regions.reload} />
      <Table<RegionNode>
        rowKey="code"
        dataSource={regions.tree}
        loading={regions.loading}
        pagination={false}
        expandable={{ expandedRowKeys: expandedCodes, onExpandedRowsChange: (keys) => setExpanded(keys.map(String)) }}
        columns={[
          { title: t('field.regionName'), dataIndex: 'name' },
          { title: t('field.regionCode'), dataIndex: 'code' },
          { title: t('field.level'), dataIndex: 'code', key: 'level', render: (code: string) => <LevelLabel code={code} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_value, region) => (
              <Space>
                {childCodeLength(region.code) !== null && (
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'create', parent: region })}>
                    {t('regions.addChild')}
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'rename', region })}>
                  {t('regions.rename')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' && (
        <CreateRegionDialog parent={dialog.parent} onClose={() => setDialog(null)} onSaved={() => childAdded(dialog.parent.code)} />
      )}
      {dialog?.kind === 'rename' && (
        <RenameRegionDialog region={dialog.region} onClose={() => setDialog(null)} onSaved={regions.reload} />
      )}
    </Card>
  );
}

function upperLevelCodes(regions: readonly Region[]): string[] {
  return regions.filter((region) => region.code.length <= 4).map((region) => region.code);
}

function LevelLabel({ code }: { code: string }) {
  const { t } = useI18n();
  const level = regionLevel(code);
  return <>{level ? t(`level.${level}`) : '—'}</>;
}

interface RegionValues {
  code: string;
  name: string;
}

function CreateRegionDialog({ parent, onClose, onSaved }: { parent: Region; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RegionValues>();
  const parentCode = parent.code;
  const digits = childCodeLength(parentCode) ?? 0;

  async function save(values: RegionValues) {
    await api.post('/api/org/regions', { code: values.code.trim(), name: values.name.trim(), parentCode });
    onSaved();
  }

  const codeRule = {
    validator: async (_rule: unknown, value: unknown) => {
      if (!value) return;
      const problem = checkChildRegionCode(String(value).trim(), parentCode);
      if (problem === 'format') throw new Error(t('regions.codeFormat'));
      if (problem === 'parent') throw new Error(t('regions.codeParent', { parent: parentCode, digits }));
    },
  };

  return (
    <FormModal<RegionValues>
      name="region"
      form={form}
      title={t('regions.addChildOf', { name: parent.name })}
      onSubmit={save}
      onClose={onClose}
      initialValues={{ code: parentCode }}
    >
      <Form.Item
        name="code"
        label={t('field.regionCode')}
        extra={t('regions.codeHint', { digits })}
        rules={[required, codeRule]}
        validateTrigger="onBlur"
      >
        <Input inputMode="numeric" maxLength={digits} autoFocus />
      </Form.Item>
      <Form.Item name="name" label={t('field.regionName')} rules={[required]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}

function RenameRegionDialog({ region, onClose, onSaved }: { region: Region; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Pick<RegionValues, 'name'>>();

  async function save(values: Pick<RegionValues, 'name'>) {
    await api.patch(`/api/org/regions/${encodeURIComponent(region.code)}`, { name: values.name.trim() });
    onSaved();
  }

  return (
    <FormModal
      name="region"
      form={form}
      title={t('regions.renameTitle', { code: region.code })}
      onSubmit={save}
      onClose={onClose}
      initialValues={{ name: region.name }}
    >
      <Form.Item name="name" label={t('field.regionName')} rules={[required]}>
        <Input autoFocus />
      </Form.Item>
    </FormModal>
  );
}
