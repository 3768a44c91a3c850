// 补正收件: the applicant is back with the corrections the notice asked for. The clerk finds the case from the
// notice's number or QR code (a scanner types the URL), checks only what was asked, and accepts.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Input, Space } from 'antd';
import type { CaseDetail } from '../../cases/types.ts';
import { useCaseText } from '../../cases/useCaseText.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { Checklist } from './Checklist.tsx';
import { DocumentModal } from './DocumentModal.tsx';
import { latestDocument } from './IntakePanel.tsx';
import { EMPTY_DRAFT, receiveAll, receivedMaterials, startItem, type ChecklistMaterial, type IntakeDraft } from './intakeDraft.ts';
import { useHallText } from './text.ts';
import type { CaseDocument } from './types.ts';

/** The case file's materials as checklist rows (what the case carries of its guide version). */
function checklistOf(detail: CaseDetail, asked: string[]): ChecklistMaterial[] {
  return detail.materials
    .filter((m) => asked.includes(m.materialId))
    .map((m) => ({ id: m.materialId, name: m.name, necessity: m.necessity as ChecklistMaterial['necessity'], acceptanceStandard: '', reviewPoints: m.reviewPoints, form: 'either', originalCount: 1, copyCount: 0 }));
}

export function CorrectionPanel({ onDone }: { onDone: () => void }) {
  const { t } = useHallText();
  const { status } = useCaseText();
  const { formatDate } = useI18n();
  const [code, setCode] = useState('');
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [draft, setDraft] = useState<IntakeDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<{ title: string; items: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CaseDocument | null | undefined>(undefined);
  // Kept apart from `done`: closing the receipt must leave its button there for a second print.
  const [shownDocument, setShownDocument] = useState<CaseDocument | null>(null);

  const asked = detail?.state.correction?.items.map((i) => i.materialId) ?? [];
  const materials = detail ? checklistOf(detail, asked) : [];

  async function find() {
    setError(null);
    setDone(undefined);
    try {
      const found = await api.get<{ id: string }>('/api/hall/lookup', { code: code.trim() });
      const loaded = await api.get<CaseDetail>(`/api/cases/${found.id}`);
      setDetail(loaded);
      const items = loaded.state.correction?.items.map((i) => i.materialId) ?? [];
      setDraft(startItem(EMPTY_DRAFT, '', '', { materials: checklistOf(loaded, items) }));
    } catch (failure) {
      setDetail(null);
      if (isApiError(failure)) setError({ title: failure.title, items: failure.errors.map((e) => e.message) });
      else throw failure;
    }
  }

  async function acceptCorrection() {
    if (!detail) return;
    setBusy(true);
    setError(null);
    try {
      const resubmitted = await api.post<{ version: number }>(`/api/cases/${detail.id}/actions`, {
        expectedVersion: detail.version,
        action: { type: 'resubmit', materials: receivedMaterials(draft, { materials }) },
      });
      await api.post(`/api/cases/${detail.id}/actions`, { expectedVersion: resubmitted.version, action: { type: 'accept' } });
      const receipt = await latestDocument(detail.id);
      setDone(receipt);
      setShownDocument(receipt);
      setDetail(null);
      setCode('');
      onDone();
    } catch (failure) {
      if (isApiError(failure)) setError({ title: failure.title, items: failure.errors.map((e) => e.message) });
      else throw failure;
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      <Space.Compact style={{ maxWidth: 640 }}>
        <Input
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => void find()}
          placeholder={t('correction.code')}
          aria-label={t('correction.code')}
          data-testid="correction-code"
        />
        <Button type="primary" onClick={() => void find()}>
          {t('correction.find')}
        </Button>
      </Space.Compact>
      {error && <Alert type="error" showIcon title={error.title} description={error.items.length > 0 && <ul style={{ margin: 0, paddingLeft: 18 }}>{error.items.map((i) => <li key={i}>{i}</li>)}</ul>} />}
      {done !== undefined && (
        <Alert type="success" showIcon title={t('correction.accepted')} action={done && <Button onClick={() => setShownDocument(done)}>{done.title}</Button>} data-testid="correction-done" />
      )}
      {shownDocument && <DocumentModal document={shownDocument} onClose={() => setShownDocument(null)} />}
      {detail && detail.status !== 'awaiting_correction' && <Alert type="warning" showIcon title={t('correction.notAwaiting', { status: status(detail.status) })} />}
      {detail && detail.status === 'awaiting_correction' && detail.state.correction && (
        <Card size="small" title={t('correction.asked')} extra={<Button size="small" onClick={() => setDraft((d) => receiveAll(d, { materials }))}>{t('intake.receiveAll')}</Button>}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('today.number')}>{detail.number}</Descriptions.Item>
            <Descriptions.Item label={t('today.item')}>{detail.item.name}</Descriptions.Item>
            <Descriptions.Item label={t('today.applicant')}>{detail.applicant.name}</Descriptions.Item>
          </Descriptions>
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={t('correction.dueBy', { date: formatDate(detail.state.correction.dueDate) })}
            description={<ul style={{ margin: 0, paddingLeft: 18 }}>{detail.state.correction.items.map((i) => <li key={i.materialId}>{detail.materials.find((m) => m.materialId === i.materialId)?.name}：{i.problem}。{i.fix}</li>)}</ul>}
          />
          <Checklist materials={materials} entries={draft.materials} onChange={(id, entry) => setDraft((d) => ({ ...d, materials: { ...d.materials, [id]: entry } }))} />
          <Button type="primary" style={{ marginTop: 12 }} loading={busy} onClick={() => void acceptCorrection()} data-testid="accept-correction">
            {t('correction.acceptAfter')}
          </Button>
        </Card>
      )}
    </Flex>
  );
}
