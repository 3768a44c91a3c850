// 确认提交: everything the application says, each part with a way back to change it, what still blocks submission,
// the promised date of each 容缺 material with the commitment it makes, and the declaration of truth (承诺) to agree
// to before 提交申请.
import { Alert, Button, Checkbox, DatePicker, Descriptions, Flex, Grid, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { beijingToday, deferralCommitment, maskIdNumber, maskPhone, validateFormData, type FormDefinition, type Material, type PublishedGuide } from '@onewindow/domain';
import { FormDataView } from '../../cases/FormDataView.tsx';
import { usePortalText } from '../portalText.ts';
import { handlerIssues, isExempt, outstandingMaterials, type Handler, type Slots } from './applyModel.ts';

interface Props {
  published: PublishedGuide;
  form: FormDefinition;
  formData: Record<string, unknown>;
  slots: Slots;
  applicantNote: string;
  /** The materials chosen as 容缺, the date promised for each (YYYY-MM-DD) and what is wrong with those dates. */
  deferred: Material[];
  promisedDates: Record<string, string>;
  onPromisedDate: (materialId: string, date: string | null) => void;
  deferralIssues: { materialId: string; message: string }[];
  /** A company account's 经办人; null for a person. */
  handler: Handler | null;
  declared: boolean;
  onDeclared: (declared: boolean) => void;
  uploading: boolean;
  submitting: boolean;
  submitError: string | null;
  onEdit: (step: number) => void;
  onSubmit: () => void;
}

export function ConfirmStep(props: Props) {
  const { published, form, formData, slots, applicantNote, deferred, promisedDates, onPromisedDate, deferralIssues, handler, declared, onDeclared, uploading, submitting, submitError, onEdit, onSubmit } = props;
  const t = usePortalText();
  const guide = published.guide;
  const missing = outstandingMaterials(guide, slots);
  const formIssues = validateFormData(form, formData);
  const handlerIncomplete = handler !== null && handlerIssues(handler).length > 0;
  const blocked = missing.length > 0 || formIssues.length > 0 || deferralIssues.length > 0 || handlerIncomplete;
  const today = beijingToday();
  // What is left to do once the materials and the form are right: the promised dates, then the declaration.
  const onlyDatesMissing = deferralIssues.length > 0 && missing.length === 0 && formIssues.length === 0 && !handlerIncomplete;
  const hint = onlyDatesMissing ? t('confirm.deferralRequired') : !declared && !blocked ? t('confirm.declarationRequired') : null;
  // On a phone each label goes above its value, as in the 申请表 below, instead of being squeezed into a narrow column.
  const stacked = Grid.useBreakpoint().sm === false;
  const commitment = deferred.length > 0 && deferralIssues.length === 0 ? deferralCommitment(deferred.map((m) => ({ name: m.name, dueDate: promisedDates[m.id]! }))) : null;

  return (
    <Flex vertical gap={20}>
      <Descriptions
        bordered
        size="small"
        column={1}
        layout={stacked ? 'vertical' : 'horizontal'}
        items={[
          { key: 'item', label: t('confirm.item'), children: guide.name },
          { key: 'department', label: t('confirm.department'), children: `${published.departmentName}（${published.regionName}）` },
          { key: 'applicant', label: t('apply.applicant'), children: applicantNote },
          ...(handler ? [{ key: 'handler', label: t('confirm.handler'), children: handlerIncomplete ? '—' : `${handler.name}（${maskIdNumber(handler.idNumber.trim().toUpperCase())}，${maskPhone(handler.phone)}）` }] : []),
        ]}
      />

      <section aria-labelledby="confirm-form-title">
        <EditableHeading id="confirm-form-title" title={t('confirm.form')} onEdit={() => onEdit(0)} />
        {form.fields.length === 0 ? <Typography.Text>{t('apply.noForm')}</Typography.Text> : <FormDataView form={form} values={formData} />}
      </section>

      <section aria-labelledby="confirm-materials-title">
        <EditableHeading id="confirm-materials-title" title={t('confirm.materials')} onEdit={() => onEdit(1)} />
        <ol className="confirm-materials" data-testid="confirm-materials">
          {guide.materials.map((material) => {
            const slot = slots[material.id];
            const files = slot?.files.length ?? 0;
            let state;
            if (isExempt(material)) state = <Tag color="green">{t('slot.exemptState')}</Tag>;
            else if (files > 0) state = <Tag color="blue">{t('slot.provided', { count: files })}</Tag>;
            else if (slot?.deferred && material.necessity === 'deferrable') state = <Tag color="orange">{t('slot.deferredState')}</Tag>;
            else if (material.necessity === 'required') state = <Tag color="red">{t('slot.missingRequired')}</Tag>;
            else state = <Tag>{t('slot.missing')}</Tag>;
            return (
              <li key={material.id}>
                <span>{material.name}</span> {state}
              </li>
            );
          })}
        </ol>
      </section>

      {formIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('confirm.formInvalid', { count: formIssues.length })}
          action={
            <Button size="small" onClick={() => onEdit(0)}>
              {t('confirm.goForm')}
            </Button>
          }
        />
      )}
      {handlerIncomplete && (
        <Alert
          type="error"
          showIcon
          data-testid="confirm-handler-missing"
          title={t('confirm.handlerMissing')}
          action={
            <Button size="small" onClick={() => onEdit(0)}>
              {t('confirm.goHandler')}
            </Button>
          }
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="confirm-missing"
          title={t('confirm.missing', { count: missing.length })}
          description={missing.map((material) => material.name).join('、')}
          action={
            <Button size="small" onClick={() => onEdit(1)}>
              {t('confirm.goUpload')}
            </Button>
          }
        />
      )}

      {deferred.length > 0 && (
        <section className="declaration" aria-labelledby="deferral-title" data-testid="deferral">
          <Typography.Title level={2} id="deferral-title" className="apply-section-title">
            {t('confirm.deferralTitle')}
          </Typography.Title>
          <Typography.Paragraph>{t('confirm.deferralIntro')}</Typography.Paragraph>
          <Flex vertical gap={8}>
            {deferred.map((material) => {
              const issue = deferralIssues.find((i) => i.materialId === material.id);
              const date = promisedDates[material.id];
              return (
                <Flex key={material.id} align="center" gap={8} wrap>
                  <label htmlFor={`deferral-${material.id}`}>
                    {material.name}：{t('confirm.deferralDate')}
                  </label>
                  <DatePicker
                    id={`deferral-${material.id}`}
                    value={date ? dayjs(date) : null}
                    disabledDate={(day) => day.format('YYYY-MM-DD') <= today}
                    onChange={(day) => onPromisedDate(material.id, day ? day.format('YYYY-MM-DD') : null)}
                    status={issue && date ? 'error' : undefined}
                    aria-describedby={issue && date ? `deferral-${material.id}-issue` : undefined}
                    data-testid={`deferral-date-${material.id}`}
                  />
                  {issue && date && (
                    <Typography.Text type="danger" id={`deferral-${material.id}-issue`}>
                      {issue.message}
                    </Typography.Text>
                  )}
                </Flex>
              );
            })}
          </Flex>
          {commitment && (
            <p id="deferral-text" className="declaration-text" data-testid="deferral-commitment">
              {commitment}
            </p>
          )}
        </section>
      )}

      <section className="declaration" aria-labelledby="declaration-title" data-testid="declaration">
        <Typography.Title level={2} id="declaration-title" className="apply-section-title">
          {t('confirm.declarationTitle')}
        </Typography.Title>
        <p id="declaration-text" className="declaration-text">
          {t('confirm.declaration')}
        </p>
        <Checkbox checked={declared} onChange={(event) => onDeclared(event.target.checked)} aria-describedby={commitment ? 'deferral-text declaration-text' : 'declaration-text'} data-testid="declaration-checkbox">
          {t('confirm.declarationAgree')}
        </Checkbox>
      </section>

      {submitError && <Alert type="error" showIcon title={submitError} data-testid="submit-error" />}
      {hint && (
        <Typography.Text type="secondary" id="submit-hint">
          {hint}
        </Typography.Text>
      )}
      <Flex gap={8} wrap>
        <Button size="large" onClick={() => onEdit(1)}>
          {t('apply.prev')}
        </Button>
        <Button
          type="primary"
          size="large"
          loading={submitting}
          disabled={blocked || !declared || uploading}
          onClick={onSubmit}
          aria-describedby={hint ? 'submit-hint' : undefined}
          data-testid="apply-submit"
        >
          {t('confirm.submit')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** A part of the summary, with the way back to the step where it is changed. */
function EditableHeading({ id, title, onEdit }: { id: string; title: string; onEdit: () => void }) {
  const t = usePortalText();
  return (
    <Flex justify="space-between" align="center">
      <Typography.Title level={2} id={id} className="apply-section-title">
        {title}
      </Typography.Title>
      <Button type="link" onClick={onEdit}>
        {t('confirm.edit')}
      </Button>
    </Flex>
  );
}
