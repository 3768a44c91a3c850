import { useState } from 'react';
import { Form, Input, Table } from 'antd';
import { validateUscc } from '@onewindow/domain';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api } from '../../shared/api.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import { checkWith, required } from '../../shared/rules.ts';
import type { Department, ItemList } from '../../shared/types.ts';
import { useApi } from '../../shared/useApi.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import type { RegionOption } from '../regions/regionTree.ts';
import { useRegions } from '../regions/useRegions.ts';
import { AdminCard } from '../shared/AdminCard.tsx';
import { editColumn } from '../shared/columns.tsx';
import { RegionFilter } from '../shared/RegionFilter.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; department: Department };

/** 部门管理: departments (with their USCC) per region. */
export default function DepartmentsPage() {
  const { t } = useI18n();
  const regions = useRegions();
  const [regionCode, setRegionCode] = useState<string>();
  const departments = useApi<ItemList<Department>>('/api/org/departments', { regionCode });
  const [dialog, setDialog] = useState<Dialog | null>(null);

  return (
    <AdminCard title={t('nav.departments')} addLabel={t('departments.add')} onAdd={() => setDialog({ kind: 'create' })}>
      <RegionFilter id="departments_filter_region" options={regions.options} value={regionCode} onChange={setRegionCode} />
      <LoadError error={departments.error ?? regions.error} onRetry={departments.reload} />
      <Table<Department>
        rowKey="id"
        dataSource={departments.data?.items}
        loading={departments.loading}
        columns={[
          { title: t('field.departmentName'), dataIndex: 'name' },
          { title: t('field.uscc'), dataIndex: 'uscc' },
          { title: t('field.region'), dataIndex: 'regionName' },
          editColumn<Department>(t, (department) => setDialog({ kind: 'edit', department })),
        ]}
      />
      {dialog && (
        <DepartmentDialog
          department={dialog.kind === 'edit' ? dialog.department : null}
          regionOptions={regions.options}
          onClose={() => setDialog(null)}
          onSaved={departments.reload}
        />
      )}
    </AdminCard>
  );
}

interface DepartmentValues {
  name: string;
  uscc: string;
  regionCode: string;
}

interface DialogProps {
  department: Department | null;
  regionOptions: RegionOption[];
  onClose: () => void;
  onSaved: () => void;
}

function DepartmentDialog({ department, regionOptions, onClose, onSaved }: DialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<DepartmentValues>();

  async function save(values: DepartmentValues) {
    const body = { name: values.name.trim(), uscc: values.uscc.trim().toUpperCase(), regionCode: values.regionCode };
    if (department) await api.patch(`/api/org/departments/${encodeURIComponent(department.id)}`, body);
    else await api.post('/api/org/departments', body);
    onSaved();
  }

  return (
    <FormModal<DepartmentValues>
      name="department"
      form={form}
      title={department ? t('departments.edit') : t('departments.add')}
      initialValues={department ?? undefined}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('field.departmentName')} rules={[required]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="uscc" label={t('field.uscc')} rules={[required, checkWith(validateUscc)]} validateTrigger="onBlur">
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('field.region')} rules={[{ required: true, message: t('field.regionRequired') }]}>
        <RegionTreeSelect options={regionOptions} />
      </Form.Item>
    </FormModal>
  );
}
