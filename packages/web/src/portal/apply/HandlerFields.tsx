// 经办人: a company applies online through a person it authorises in writing. Their name, ID number and mobile, and
// the company's authorisation letter (授权委托书) uploaded like a material; what is wrong shows beside each field once
// it has been filled in, and all of it before submitting.
import { Flex, Form, Input } from 'antd';
import type { Material } from '@onewindow/domain';
import { PanelHeading } from '../PanelHeading.tsx';
import { usePortalText } from '../portalText.ts';
import { handlerIssues, type Handler, type HandlerField, type SlotState } from './applyModel.ts';
import { MaterialSlot } from './MaterialSlot.tsx';

interface Props {
  handler: Handler;
  onChange: (update: (handler: Handler) => Handler) => void;
  caseId: string | null;
  /** Show every problem, also of fields not yet touched (after a refused submission). */
  showAll: boolean;
  onBusyChange: (materialId: string, busy: boolean) => void;
}

/** The letter as a slot: required, one signed and sealed document, sent like any material. */
const LETTER: Material = {
  id: 'handler-authorisation', name: '授权委托书（单位盖章）', issuer: '申请单位', source: '1', necessity: 'required', type: 'original', form: 'electronic',
  originalCount: 1, copyCount: 0, blankForm: null, sample: null, fillingNotes: '载明经办人姓名、身份证号码和委托事项，由法定代表人签字并加盖单位公章',
  acceptanceStandard: '', basis: '', licenceTypeCode: null, reviewPoints: [],
};

export function HandlerFields({ handler, onChange, caseId, showAll, onBusyChange }: Props) {
  const t = usePortalText();
  const issues = handlerIssues(handler);
  const filled: Record<HandlerField, boolean> = { name: handler.name !== '', idNumber: handler.idNumber !== '', phone: handler.phone !== '', authorisation: false };
  const issueOf = (field: HandlerField) => (showAll || filled[field] ? issues.find((issue) => issue.field === field)?.message : undefined);
  const text = (field: Exclude<HandlerField, 'authorisation'>, label: string, extra: { maxLength: number; inputMode?: 'tel' }) => {
    const issue = issueOf(field);
    return (
      <Form.Item label={label} required validateStatus={issue ? 'error' : undefined} help={issue} htmlFor={`handler-${field}`}>
        <Input
          id={`handler-${field}`}
          value={handler[field]}
          maxLength={extra.maxLength}
          inputMode={extra.inputMode}
          autoComplete="off"
          onChange={(event) => onChange((current) => ({ ...current, [field]: event.target.value }))}
        />
      </Form.Item>
    );
  };

  return (
    <section className="handler-fields" aria-labelledby="handler-title" data-testid="handler-fields">
      <PanelHeading id="handler-title" title={t('handler.title')} intro={t('handler.intro')} />
      <Form layout="vertical" component="div">
        <Flex gap={16} wrap>
          <div style={{ flex: '1 1 160px' }}>{text('name', t('handler.name'), { maxLength: 50 })}</div>
          <div style={{ flex: '1 1 220px' }}>{text('idNumber', t('handler.idNumber'), { maxLength: 18 })}</div>
          <div style={{ flex: '1 1 160px' }}>{text('phone', t('handler.phone'), { maxLength: 11, inputMode: 'tel' })}</div>
        </Flex>
      </Form>
      <MaterialSlot
        material={LETTER}
        index={0}
        slot={handler.authorisation}
        // One letter: a new upload replaces the one before.
        onChange={(update) => onChange((current) => ({ ...current, authorisation: lastFileOnly(update(current.authorisation)) }))}
        caseId={caseId}
        errors={showAll ? issues.filter((issue) => issue.field === 'authorisation').map((issue) => issue.message) : []}
        onBusyChange={onBusyChange}
      />
    </section>
  );
}

function lastFileOnly(slot: SlotState): SlotState {
  return { deferred: false, files: slot.files.slice(-1) };
}
