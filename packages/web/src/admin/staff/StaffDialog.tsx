import { Button, Form, Input, Select, Space, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { DEPARTMENT_SCOPED_ROLES, isInRegion, ROLE_CODES, USERNAME_PATTERN, validateMobile, type Role } from '@onewindow/domain';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api } from '../../shared/api.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { checkWith, matches, required, strongPassword } from '../../shared/rules.ts';
import type { Department, StaffMember, TotpSetup } from '../../shared/types.ts';
import { useRoleLabel } from '../../workbench/roleLabel.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import type { RegionOption } from '../regions/regionTree.ts';

interface RoleValues {
  role?: Role;
  regionCode?: string;
  departmentId?: string;
}

interface StaffValues {
  username: string;
  name: string;
  phone?: string;
  password?: string;
  roles: RoleValues[];
}

interface Props {
  /** null to create a new account. */
  member: StaffMember | null;
  regionOptions: RegionOption[];
  departments: Department[];
  onClose: () => void;
  /** `totpSetup` comes back once when a new account's role requires 动态口令. */
  onSaved: (totpSetup: TotpSetup | null) => void;
}

function toRoleBody(roles: RoleValues[]) {
  return roles.map((assignment) => ({
    role: assignment.role,
    regionCode: assignment.regionCode,
    departmentId: assignment.departmentId ?? undefined,
  }));
}

export function StaffDialog({ member, regionOptions, departments, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<StaffValues>();
  const initialValues: Partial<StaffValues> = member
    ? {
        username: member.username,
        name: member.name,
        roles: member.roles.map((assignment) => ({
          role: assignment.role,
          regionCode: assignment.regionCode,
          departmentId: assignment.departmentId ?? undefined,
        })),
      }
    : { roles: [{}] };

  async function save(values: StaffValues) {
    const phone = values.phone?.trim() || undefined;
    if (member) {
      await api.patch(`/api/org/staff/${encodeURIComponent(member.id)}`, {
        name: values.name.trim(),
        phone,
        roles: toRoleBody(values.roles),
      });
      onSaved(null);
      return;
    }
    const created = await api.post<{ totpSetup: TotpSetup | null }>('/api/org/staff', {
      username: values.username.trim(),
      name: values.name.trim(),
      phone,
      password: values.password,
      roles: toRoleBody(values.roles),
    });
    onSaved(created.totpSetup ?? null);
  }

  return (
    <FormModal<StaffValues>
      name="staff"
      form={form}
      width={760}
      title={member ? t('staff.edit', { name: member.name }) : t('staff.add')}
      initialValues={initialValues}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        name="username"
        label={t('field.username')}
        extra={member ? undefined : t('staff.usernameHint')}
        rules={[required, matches(USERNAME_PATTERN, t('staff.usernameFormat'))]}
      >
        <Input disabled={member !== null} autoComplete="off" autoFocus={member === null} />
      </Form.Item>
      <Form.Item name="name" label={t('field.name')} rules={[required]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('field.mobile')}
        extra={member ? t('staff.phoneKeep', { phone: member.phoneMasked }) : undefined}
        rules={[...(member ? [] : [required]), checkWith(validateMobile)]}
        validateTrigger="onBlur"
      >
        <Input inputMode="tel" maxLength={11} autoComplete="off" />
      </Form.Item>
      {member === null && (
        <Form.Item
          name="password"
          label={t('staff.initialPassword')}
          extra={t('password.hint')}
          rules={[{ required: true }, strongPassword]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <RoleList form={form} regionOptions={regionOptions} departments={departments} />
    </FormModal>
  );
}

interface RoleListProps {
  form: FormInstance<StaffValues>;
  regionOptions: RegionOption[];
  departments: Department[];
}

/** Each row is one role held in one region, and for reviewers and catalog admins in one department of it. */
function RoleList({ form, regionOptions, departments }: RoleListProps) {
  const { t } = useI18n();
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_rule, roles: unknown[] | undefined) => {
            if (!roles || roles.length === 0) throw new Error(t('staff.rolesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('staff.roles')} required>
          {fields.map((field) => (
            <RoleRow
              key={field.key}
              index={field.name}
              form={form}
              regionOptions={regionOptions}
              departments={departments}
              onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
            />
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
            {t('staff.addRole')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}

interface RoleRowProps extends RoleListProps {
  index: number;
  onRemove?: () => void;
}

function RoleRow({ index, form, regionOptions, departments, onRemove }: RoleRowProps) {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  const role = Form.useWatch(['roles', index, 'role'], form) as Role | undefined;
  const regionCode = Form.useWatch(['roles', index, 'regionCode'], form) as string | undefined;
  const needsDepartment = role !== undefined && DEPARTMENT_SCOPED_ROLES.includes(role);
  // The server accepts a department inside the role's region or one whose region contains it.
  const departmentOptions = departments
    .filter(
      (department) =>
        regionCode !== undefined &&
        (isInRegion(department.regionCode, regionCode) || isInRegion(regionCode, department.regionCode)),
    )
    .map((department) => ({ value: department.id, label: department.name }));

  return (
    <Space align="start" style={{ display: 'flex', marginBottom: 4 }} wrap>
      <Form.Item name={[index, 'role']} rules={[{ required: true, message: t('staff.roleRequired') }]}>
        <Select
          style={{ width: 150 }}
          placeholder={t('field.role')}
          options={ROLE_CODES.map((code) => ({ value: code, label: roleLabel(code) }))}
        />
      </Form.Item>
      <Form.Item name={[index, 'regionCode']} rules={[{ required: true, message: t('field.regionRequired') }]}>
        <RegionTreeSelect options={regionOptions} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item
        name={[index, 'departmentId']}
        rules={[{ required: needsDepartment, message: t('staff.departmentRequired') }]}
      >
        <Select
          style={{ width: 220 }}
          allowClear
          placeholder={needsDepartment ? t('field.department') : t('staff.departmentOptional')}
          options={departmentOptions}
          notFoundContent={regionCode ? t('staff.noDepartments') : t('staff.chooseRegionFirst')}
        />
      </Form.Item>
      {onRemove && (
        <Button type="text" icon={<MinusCircleOutlined />} onClick={onRemove} aria-label={t('staff.removeRole')} />
      )}
    </Space>
  );
}
