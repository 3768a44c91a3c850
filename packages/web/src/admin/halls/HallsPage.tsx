import { useState } from 'react';
import { Card, Form, Input, Space, Table } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api } from '../../shared/api.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import { required } from '../../shared/rules.ts';
import type { Hall, ItemList } from '../../shared/types.ts';
import { useApi } from '../../shared/useApi.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import type { RegionOption } from '../regions/regionTree.ts';
import { useRegions } from '../regions/useRegions.ts';
import { AdminCard } from '../shared/AdminCard.tsx';
import { editColumn } from '../shared/columns.tsx';
import { RegionFilter } from '../shared/RegionFilter.tsx';
import { WindowsPanel } from './WindowsPanel.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; hall: Hall };

/** 大厅与窗口: service halls; choosing one shows its windows below. */
export default function HallsPage() {
  const { t } = useI18n();
  const regions = useRegions();
  const [regionCode, setRegionCode] = useState<string>();
  const halls = useApi<ItemList<Hall>>('/api/org/halls', { regionCode });
  const [selectedId, setSelectedId] = useState<string>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const selected = halls.data?.items.find((hall) => hall.id === selectedId);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <AdminCard title={t('halls.title')} addLabel={t('halls.add')} onAdd={() => setDialog({ kind: 'create' })}>
        <RegionFilter id="halls_filter_region" options={regions.options} value={regionCode} onChange={setRegionCode} />
        <LoadError error={halls.error ?? regions.error} onRetry={halls.reload} />
        <Table<Hall>
          rowKey="id"
          dataSource={halls.data?.items}
          loading={halls.loading}
          pagination={false}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: selectedId ? [selectedId] : [],
            onChange: (keys) => setSelectedId(keys[0] === undefined ? undefined : String(keys[0])),
          }}
          onRow={(hall) => ({ onClick: () => setSelectedId(hall.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('field.hallName'), dataIndex: 'name' },
            { title: t('field.region'), dataIndex: 'regionName' },
            { title: t('field.address'), dataIndex: 'address' },
            { title: t('field.phone'), dataIndex: 'phone' },
            { title: t('field.openingHours'), dataIndex: 'openingHours' },
            // The row itself is clickable (it selects the hall), so the edit link keeps its click to itself.
            editColumn<Hall>(t, (hall) => setDialog({ kind: 'edit', hall }), { stopPropagation: true }),
          ]}
        />
      </AdminCard>
      {selected ? (
        <WindowsPanel key={selected.id} hall={selected} />
      ) : (
        <Card>{t('halls.selectHint')}</Card>
      )}
      {dialog && (
        <HallDialog
          hall={dialog.kind === 'edit' ? dialog.hall : null}
          regionOptions={regions.options}
          onClose={() => setDialog(null)}
          onSaved={halls.reload}
        />
      )}
    </Space>
  );
}

interface HallValues {
  name: string;
  regionCode: string;
  address: string;
  phone: string;
  openingHours: string;
}

interface DialogProps {
  hall: Hall | null;
  regionOptions: RegionOption[];
  onClose: () => void;
  onSaved: () => void;
}

function HallDialog({ hall, regionOptions, onClose, onSaved }: DialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<HallValues>();

  async function save(values: HallValues) {
    const body = {
      name: values.name.trim(),
      address: values.address.trim(),
      phone: values.phone.trim(),
      openingHours: values.openingHours.trim(),
    };
    // A hall stays in the region it was created in (PATCH takes no regionCode).
    if (hall) await api.patch(`/api/org/halls/${encodeURIComponent(hall.id)}`, body);
    else await api.post('/api/org/halls', { ...body, regionCode: values.regionCode });
    onSaved();
  }

  return (
    <FormModal<HallValues>
      name="hall"
      form={form}
      title={hall ? t('halls.edit') : t('halls.add')}
      initialValues={hall ?? undefined}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('field.hallName')} rules={[required]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="regionCode" label={t('field.region')} rules={[{ required: true, message: t('field.regionRequired') }]}>
        <RegionTreeSelect options={regionOptions} disabled={hall !== null} />
      </Form.Item>
      <Form.Item name="address" label={t('field.address')} rules={[required]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('field.phone')} rules={[required]}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="openingHours" label={t('field.openingHours')} extra={t('halls.openingHoursHint')} rules={[required]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
