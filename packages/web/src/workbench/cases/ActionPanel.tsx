import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Typography } from 'antd';
import type { CaseDetail } from '../../cases/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, isApiError, type ApiError } from '../../shared/api.ts';
import { describeError, relativeTo } from '../../shared/errors.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { useStaffMe } from '../../shared/guards.tsx';
import { useRoleLabel } from '../roleLabel.ts';
import { actionBody, correctionDraft, materialValues, type ActionValues } from './actionBody.ts';
import { ActionFields } from './ActionFields.tsx';
import { actionsFor, isDangerous, type StaffAction } from './actions.ts';
import { useCaseAdminText } from './text.ts';

interface Props {
  detail: CaseDetail;
  /** After an action went through, or the case turned out to have changed: read it again. */
  onChanged: () => void;
}

/** 办理: the actions this staff member may take on the case now, each with its form in a dialog. */
export function ActionPanel({ detail, onChanged }: Props) {
  const { t } = useCaseAdminText();
  const roleLabel = useRoleLabel();
  const me = useStaffMe();
  const [open, setOpen] = useState<StaffAction | null>(null);
  const currentStep = detail.steps.find((step) => step.id === detail.currentStep?.id);
  const actions = actionsFor(
    {
      allowedActions: detail.allowedActions,
      pendingRole: detail.pendingRole,
      regionCode: detail.regionCode,
      departmentId: detail.department.id,
      pendingDepartmentId: currentStep?.departmentId ?? null,
      extensionRequestedBy: detail.state.pendingExtension?.requestedBy ?? null,
    },
    me,
  );

  let waiting: string | null = null;
  if (detail.status === 'awaiting_correction') waiting = t('detail.waitingApplicant');
  else if (detail.pendingRole) waiting = t('detail.waitingFor', { role: roleLabel(detail.pendingRole) });

  return (
    <Card title={t('detail.handling')} size="small" data-testid="case-actions">
      <Flex vertical gap={12}>
        {waiting && <Typography.Text type="secondary">{waiting}</Typography.Text>}
        {actions.length === 0 ? (
          <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>
        ) : (
          <Flex wrap gap={8}>
            {actions.map((action, index) => (
              <Button
                key={action}
                type={index === 0 && !isDangerous(action) ? 'primary' : 'default'}
                danger={isDangerous(action)}
                onClick={() => setOpen(action)}
                data-testid={`case-action-${action}`}
              >
                {t(`action.${action}`)}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
      {open && <ActionDialog action={open} detail={detail} onClose={() => setOpen(null)} onChanged={onChanged} />}
    </Card>
  );
}

interface DialogProps {
  action: StaffAction;
  detail: CaseDetail;
  onClose: () => void;
  onChanged: () => void;
}

function ActionDialog({ action, detail, onClose, onChanged }: DialogProps) {
  const { t } = useCaseAdminText();
  const { t: tApp } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const label = t(`action.${action}`);

  async function submit() {
    // The whole store, not only the mounted fields: scans already on file travel with the materials unseen.
    const values = form.getFieldsValue(true) as ActionValues;
    try {
      await api.post(`/api/cases/${encodeURIComponent(detail.id)}/actions`, { expectedVersion: detail.version, action: actionBody(action, values) });
    } catch (error) {
      // Someone acted first, or the state moved on: say so in the server's words and show the case as it now is.
      if (isApiError(error, 'CASE_VERSION_CONFLICT') || isApiError(error, 'ILLEGAL_TRANSITION')) {
        modal.warning({ title: t('result.conflictTitle'), content: describeError(error, tApp) });
        onChanged();
        return;
      }
      if (isApiError(error, 'MATERIALS_INCOMPLETE')) {
        modal.error({ title: t('result.incompleteTitle'), content: <ProblemList error={error} hint={t('result.incompleteHint')} /> });
        return;
      }
      // The body's problems name fields under `/action/…`; the dialog's fields are the action's own.
      throw relativeTo(error, '/action');
    }
    message.success(t('result.done', { action: label }));
    onChanged();
  }

  return (
    <FormModal<ActionValues>
      title={label}
      name="caseAction"
      form={form}
      initialValues={initialValues(action, detail, t('form.remediesDefault'))}
      width={action === 'resubmit' || action === 'request_correction' ? 860 : 560}
      okText={label}
      okDanger={isDangerous(action)}
      onSubmit={submit}
      onClose={onClose}
    >
      <ActionFields action={action} detail={detail} form={form} />
    </FormModal>
  );
}

function initialValues(action: StaffAction, detail: CaseDetail, remedies: string): ActionValues {
  switch (action) {
    case 'request_correction':
      return { items: correctionDraft(detail.materials) };
    case 'refuse':
      return { remedies };
    case 'decide':
      return { grant: true, remedies };
    case 'decide_extension':
      return { approve: true };
    case 'request_extension':
      return { workdays: 1 };
    case 'deliver':
      return { method: 'pickup' };
    case 'resubmit':
      return { materials: materialValues(detail.materials) };
    default:
      return {};
  }
}

function ProblemList({ error, hint }: { error: ApiError; hint: string }) {
  return (
    <>
      <ul style={{ paddingInlineStart: 20 }}>
        {error.errors.map((problem) => (
          <li key={problem.path}>{problem.message}</li>
        ))}
      </ul>
      <Alert type="info" title={hint} />
    </>
  );
}
