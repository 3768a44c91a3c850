import { Alert, Card, Flex, Table, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useStaffMe } from '../shared/guards.tsx';
import type { RoleAssignment } from '../shared/types.ts';
import { useApi } from '../shared/useApi.ts';
import { useRoleLabel } from './roleLabel.ts';

interface CalendarStatus {
  today: string;
  /** The year whose holidays are due and not entered (next year, from 1 November), or null. */
  missingYear: number | null;
  message: string | null;
}

/** 工作台: who you are and where your authority reaches (each role holds in one region, some in one department). */
export default function WorkbenchHome() {
  const { t } = useI18n();
  const me = useStaffMe();
  const roleLabel = useRoleLabel();
  const isSystemAdmin = me.roles.some((assignment) => assignment.role === 'system_admin');

  return (
    <Flex vertical gap={16}>
      {isSystemAdmin && <CalendarWarning />}
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
    </Flex>
  );
}

/** Deadlines in a year without its holidays cannot be computed: system administrators are told to enter them. */
function CalendarWarning() {
  const { t } = useI18n();
  const status = useApi<CalendarStatus>('/api/calendar/status');
  const year = status.data?.missingYear;
  if (!year) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-warning"
      title={t('workbench.calendarMissing', { year })}
      description={t('workbench.calendarMissingText', { year })}
    />
  );
}
