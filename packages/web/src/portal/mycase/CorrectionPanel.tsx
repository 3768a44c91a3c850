// 在线补正: a slot for each material the notice asked for, and nothing else; 提交补正 sends only those (resubmit),
// and the case goes back to the online pre-review.
import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Flex } from 'antd';
import type { Material, PublishedGuide } from '@onewindow/domain';
import type { ActionResult, CaseDetail, CaseMaterial } from '../../cases/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { describeError } from '../../shared/errors.ts';
import { materialInputs, placeProblems, type SlotState, type Slots } from '../apply/applyModel.ts';
import { MaterialSlot } from '../apply/MaterialSlot.tsx';
import { PanelHeading } from '../PanelHeading.tsx';
import { usePortalText } from '../portalText.ts';

/** The guide's material where the guide in force still has it; else what the case file says of it. */
function materialOf(caseMaterial: CaseMaterial, guide: PublishedGuide | undefined): Material {
  const found = guide?.guide.materials.find((material) => material.id === caseMaterial.materialId);
  if (found) return found;
  return {
    id: caseMaterial.materialId, name: caseMaterial.name, issuer: '', source: '1', necessity: caseMaterial.necessity as Material['necessity'],
    type: 'copy', form: 'electronic', originalCount: 0, copyCount: 0, blankForm: null, sample: null, fillingNotes: '', acceptanceStandard: '',
    basis: '', licenceTypeCode: null, reviewPoints: caseMaterial.reviewPoints,
  };
}

interface Props {
  detail: CaseDetail;
  guide: PublishedGuide | undefined;
  onDone: () => void;
  onConflict: () => void;
}

export function CorrectionPanel({ detail, guide, onDone, onConflict }: Props) {
  const t = usePortalText();
  const { t: tApp } = useI18n();
  const { message } = App.useApp();
  const asked = useMemo(() => [...new Set((detail.state.correction?.items ?? []).map((item) => item.materialId))], [detail.state.correction]);
  const materials = useMemo(
    () => asked.map((id) => detail.materials.find((material) => material.materialId === id)).filter((m): m is CaseMaterial => m !== undefined).map((m) => materialOf(m, guide)),
    [asked, detail.materials, guide],
  );
  const [slots, setSlots] = useState<Slots>(() => Object.fromEntries(asked.map((id) => [id, { files: [], deferred: false }])));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [sending, setSending] = useState(false);

  const onBusyChange = useCallback((id: string, on: boolean) => {
    setBusy((previous) => {
      if (previous.has(id) === on) return previous;
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const update = (id: string, change: (slot: SlotState) => SlotState) => {
    setSlots((previous) => ({ ...previous, [id]: change(previous[id] ?? { files: [], deferred: false }) }));
    setErrors((previous) => ({ ...previous, [id]: [] }));
  };

  async function send() {
    setGeneral(null);
    const empty = materials.filter((material) => (slots[material.id]?.files.length ?? 0) === 0);
    if (empty.length > 0) {
      setErrors(Object.fromEntries(empty.map((material) => [material.id, [t('case.resubmitMissing', { name: material.name })]])));
      return;
    }
    const sent = materialInputs({ materials }, slots);
    setSending(true);
    try {
      await api.post<ActionResult>(`/api/cases/${encodeURIComponent(detail.id)}/actions`, {
        expectedVersion: detail.version,
        action: { type: 'resubmit', materials: sent },
      });
      message.success(t('case.resubmitted'));
      onDone();
    } catch (error) {
      if (isApiError(error, 'CASE_VERSION_CONFLICT') || isApiError(error, 'ILLEGAL_TRANSITION')) {
        onConflict();
        return;
      }
      if (isApiError(error) && error.errors.length > 0) {
        const placed = placeProblems(error.errors.map((problem) => ({ ...problem, path: problem.path.replace(/^\/action/, '') })), sent);
        setErrors(placed.materials);
        if (placed.other.length > 0 || placed.form.length > 0) setGeneral([...placed.other, ...placed.form.map((p) => p.message)].join('；'));
        return;
      }
      setGeneral(describeError(error, tApp));
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="portal-panel" aria-labelledby="correction-upload-title" data-testid="correction-panel">
      <PanelHeading id="correction-upload-title" title={t('case.correctionTitle')} intro={t('case.correctionIntro')} />
      <Flex vertical gap={12}>
        {materials.map((material, index) => (
          <MaterialSlot
            key={material.id}
            material={{ ...material, necessity: 'required' }}
            index={index}
            slot={slots[material.id] ?? { files: [], deferred: false }}
            onChange={(change) => update(material.id, change)}
            caseId={detail.id}
            errors={errors[material.id]}
            onBusyChange={onBusyChange}
          />
        ))}
        {general && <Alert type="error" showIcon title={general} />}
        <div>
          <Button type="primary" size="large" onClick={() => void send()} loading={sending} disabled={busy.size > 0} data-testid="correction-submit">
            {t('case.resubmit')}
          </Button>
        </div>
      </Flex>
    </section>
  );
}
