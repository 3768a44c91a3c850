import { useState } from 'react';
import { App, Button, Popconfirm, QRCode, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api } from '../../shared/api.ts';
import { useProblemHandler } from '../../shared/errors.ts';
import { LoadError } from '../../shared/LoadError.tsx';
import type { Department, ItemList, RoleAssignment, StaffMember, TotpSetup } from '../../shared/types.ts';
import { useApi } from '../../shared/useApi.ts';
import { useRoleLabel } from '../../workbench/roleLabel.ts';
import { useRegions } from '../regions/useRegions.ts';
import { AdminCard } from '../shared/AdminCard.tsx';
import { EditLink } from '../shared/EditLink.tsx';
import { RegionFilter } from '../shared/RegionFilter.tsx';
import { StaffDialog } from './StaffDialog.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; member: StaffMember };

/** 人员管理: staff accounts, their roles (each held in a region, some in a department), enabling and disabling. */
export default function StaffPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const handleProblem = useProblemHandler();
  const regions = useRegions();
  const [regionCode, setRegionCode] = useState<string>();
  const staff = useApi<ItemList<StaffMember>>('/api/org/staff', { regionCode });
  const departments = useApi<ItemList<Department>>('/api/org/departments');
  const [dialog, setDialog] = useState<Dialog | null>(null);

  function saved(totpSetup: TotpSetup | null) {
    staff.reload();
    if (!totpSetup) return;
    modal.info({
      title: t('staff.totpSetupTitle'),
      width: 520,
      content: <TotpSetupInfo setup={totpSetup} />,
      okText: t('staff.totpSetupDone'),
    });
  }

  async function setActive(member: StaffMember, active: boolean) {
    try {
      await api.patch(`/api/org/staff/${encodeURIComponent(member.id)}`, { active });
      message.success(t(active ? 'staff.enabled' : 'staff.disabled', { name: member.name }));
      staff.reload();
    } catch (error) {
      handleProblem(error);
    }
  }

  return (
    <AdminCard title={t('nav.staff')} addLabel={t('staff.add')} onAdd={() => setDialog({ kind: 'create' })}>
      <RegionFilter id="staff_filter_region" options={regions.options} value={regionCode} onChange={setRegionCode} />
      <LoadError error={staff.error ?? regions.error} onRetry={staff.reload} />
      <Table<StaffMember>
        rowKey="id"
        dataSource={staff.data?.items}
        loading={staff.loading}
        columns={[
          { title: t('field.username'), dataIndex: 'username' },
          { title: t('field.name'), dataIndex: 'name' },
          { title: t('field.mobile'), dataIndex: 'phoneMasked' },
          {
            title: t('staff.rolesAndScope'),
            dataIndex: 'roles',
            render: (roles: RoleAssignment[]) => <RoleTags roles={roles} />,
          },
          {
            title: t('field.status'),
            dataIndex: 'active',
            render: (active: boolean, member) => (
              <Space size={[0, 4]} wrap>
                {active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag>{t('staff.inactive')}</Tag>}
                {member.totpEnabled && <Tag color="purple">{t('staff.totpOn')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_value, member) => (
              <Space>
                <EditLink onClick={() => setDialog({ kind: 'edit', member })} />
                <Popconfirm
                  title={t(member.active ? 'staff.confirmDisable' : 'staff.confirmEnable', { name: member.name })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => setActive(member, !member.active)}
                >
                  <Button type="link" size="small" danger={member.active}>
                    {t(member.active ? 'staff.disable' : 'staff.enable')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {dialog && (
        <StaffDialog
          member={dialog.kind === 'edit' ? dialog.member : null}
          regionOptions={regions.options}
          departments={departments.data?.items ?? []}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
    </AdminCard>
  );
}

function RoleTags({ roles }: { roles: RoleAssignment[] }) {
  const roleLabel = useRoleLabel();
  return (
    <Space size={[0, 4]} wrap>
      {roles.map((assignment) => (
        <Tag key={`${assignment.role}:${assignment.regionCode}:${assignment.departmentId ?? ''}`} color="blue">
          {[roleLabel(assignment.role), assignment.regionName, assignment.departmentName].filter(Boolean).join(' · ')}
        </Tag>
      ))}
    </Space>
  );
}

/** Shown once: the new account's authenticator secret, to be handed to its holder and never shown again. */
function TotpSetupInfo({ setup }: { setup: TotpSetup }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical">
      <Typography.Paragraph>{t('staff.totpSetupText')}</Typography.Paragraph>
      <QRCode value={setup.otpauthUrl} />
      <Typography.Text code copyable>
        {setup.secret}
      </Typography.Text>
    </Space>
  );
}
