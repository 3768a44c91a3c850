import { Alert, Button, DatePicker, Form, Input, Space } from 'antd';
import { CheckOutlined, EditOutlined, RollbackOutlined, SaveOutlined, SendOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { beijingToday } from '@onewindow/domain';
import type { ImplementationDetail } from '../../../catalog/types.ts';
import { api } from '../../../shared/api.ts';
import { FormModal } from '../../../shared/FormModal.tsx';
import { useStaffMe } from '../../../shared/guards.tsx';
import { required } from '../../../shared/rules.ts';
import { useCatalogAdminText } from '../text.ts';

export type WorkflowDialog = 'publish' | 'return' | 'withdraw' | 'reinstate';

interface Props {
  detail: ImplementationDetail;
  canEdit: boolean;
  /** An open draft this user may change. */
  editable: boolean;
  busy: 'save' | 'submit' | 'start' | null;
  dialog: WorkflowDialog | null;
  onSave: () => void;
  onSubmit: () => void;
  onStart: () => void;
  onDialog: (dialog: WorkflowDialog | null) => void;
  /** After a dialog's action went through: read the item again. */
  onDone: () => void;
}

/**
 * The buttons for the state the item is in: a draft is saved and submitted; a submitted version is returned or
 * published by another 事项管理员 (four eyes); with only published versions a revision is started; and the item
 * itself is withdrawn (停用) or reinstated.
 */
export function WorkflowActions({ detail, canEdit, editable, busy, dialog, onSave, onSubmit, onStart, onDialog, onDone }: Props) {
  const { t } = useCatalogAdminText();
  if (!canEdit) return null;
  const draft = detail.draft;
  const active = detail.status === 'active';

  return (
    <>
      <Space wrap>
        {editable && (
          <>
            <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy !== null} onClick={onSave} data-testid="draft-save">
              {t('action.save')}
            </Button>
            <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={busy !== null} onClick={onSubmit} data-testid="draft-submit">
              {t('action.submit')}
            </Button>
          </>
        )}
        {draft?.status === 'submitted' && (
          <>
            <Button icon={<RollbackOutlined />} onClick={() => onDialog('return')} data-testid="draft-return">
              {t('action.return')}
            </Button>
            <Button type="primary" icon={<CheckOutlined />} disabled={!active} onClick={() => onDialog('publish')} data-testid="draft-publish">
              {t('action.publish')}
            </Button>
          </>
        )}
        {!draft && active && (
          <Button type="primary" icon={<EditOutlined />} loading={busy === 'start'} onClick={onStart} data-testid="draft-start">
            {t('action.start')}
          </Button>
        )}
        {active ? (
          <Button danger icon={<StopOutlined />} onClick={() => onDialog('withdraw')} data-testid="item-withdraw">
            {t('action.withdraw')}
          </Button>
        ) : (
          <Button icon={<UndoOutlined />} onClick={() => onDialog('reinstate')} data-testid="item-reinstate">
            {t('action.reinstate')}
          </Button>
        )}
      </Space>
      {dialog === 'publish' && <PublishDialog detail={detail} onClose={() => onDialog(null)} onDone={onDone} />}
      {dialog && dialog !== 'publish' && <ReasonDialog kind={dialog} detail={detail} onClose={() => onDialog(null)} onDone={onDone} />}
    </>
  );
}

interface DialogProps {
  detail: ImplementationDetail;
  onClose: () => void;
  onDone: () => void;
}

interface PublishValues {
  effectiveFrom: Dayjs;
}

function PublishDialog({ detail, onClose, onDone }: DialogProps) {
  const { t } = useCatalogAdminText();
  const me = useStaffMe();
  const [form] = Form.useForm<PublishValues>();
  const today = beijingToday();
  const submitter = detail.versions.find((version) => version.status === 'submitted');

  async function publish(values: PublishValues) {
    await api.post(`/api/catalog/implementations/${detail.id}/draft/publish`, { effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD') });
    onDone();
  }

  return (
    <FormModal<PublishValues>
      name="publish"
      form={form}
      title={t('publish.title', { version: detail.draft?.version ?? '' })}
      okText={t('action.publish')}
      initialValues={{ effectiveFrom: dayjs(today) }}
      onSubmit={publish}
      onClose={onClose}
    >
      {submitter?.submittedBy === me.id && <Alert type="warning" showIcon title={t('editor.fourEyesOwn')} style={{ marginBottom: 16 }} />}
      <Form.Item name="effectiveFrom" label={t('publish.effectiveFrom')} extra={t('publish.effectiveHint')} rules={[{ required: true }]}>
        <DatePicker allowClear={false} disabledDate={(date) => date.format('YYYY-MM-DD') < today} />
      </Form.Item>
    </FormModal>
  );
}

const REASON_PATHS: Record<Exclude<WorkflowDialog, 'publish'>, string> = {
  return: 'draft/return',
  withdraw: 'withdraw',
  reinstate: 'reinstate',
};

function ReasonDialog({ kind, detail, onClose, onDone }: DialogProps & { kind: Exclude<WorkflowDialog, 'publish'> }) {
  const { t } = useCatalogAdminText();
  const [form] = Form.useForm<{ reason: string }>();

  async function send(values: { reason: string }) {
    await api.post(`/api/catalog/implementations/${detail.id}/${REASON_PATHS[kind]}`, { reason: values.reason.trim() });
    onDone();
  }

  return (
    <FormModal<{ reason: string }>
      name={kind}
      form={form}
      title={t(`${kind}.title`)}
      okText={t(`action.${kind}`)}
      okDanger={kind === 'withdraw'}
      onSubmit={send}
      onClose={onClose}
    >
      <Form.Item name="reason" label={t('field.reason')} extra={t(`${kind}.hint`)} rules={[required]}>
        <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
      </Form.Item>
    </FormModal>
  );
}
