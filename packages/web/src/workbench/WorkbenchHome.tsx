import { Card, Table, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useStaffMe } from '../shared/guards.tsx';
import type { RoleAssignment } from '../shared/types.ts';
import { useRoleLabel } from './roleLabel.ts';

/** 工作台: who you are and where your authority reaches (each role holds in one region, some in one department). */
export default function WorkbenchHome() {
  const { t } = useI18n();
  const me = useStaffMe();
  const roleLabel = useRoleLabel();

  return (
    <Card title={t('workbench.welcome', { name: me.name })}>
      <Typography.Paragraph type="secondary">
        {t('workbench.account', { username: me.username })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('workbench.scopeTitle')}</Typography.Title>
      <Table<RoleAssignment>
        rowKey={(row) => `${row.role}:${row.regionCode}:${row.departmentId ?? ''}`}
        dataSource={me.roles}
        pagination={false}
        size="small"
        columns={[
          { title: t('field.role'), dataIndex: 'role', render: (role: string) => roleLabel(role) },
          { title: t('field.region'), dataIndex: 'regionName' },
          { title: t('field.department'), dataIndex: 'departmentName', render: (name: string | null) => name ?? '—' },
        ]}
      />
    </Card>
  );
}
