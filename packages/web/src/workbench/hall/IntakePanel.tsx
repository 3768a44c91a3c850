// 收件受理: choose the item, identify the applicant, work through the guide's checklist and form, and decide on the
// spot — 受理 with a receipt, 补齐补正 with one notice listing every defect, or 不予受理 with reasons and remedies.
// The half-filled intake is kept as a draft until the decision. Keyboard: Ctrl+Enter 受理, Alt+B 补正, F2 next.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Modal, Popconfirm, Space, Spin, Typography } from 'antd';
import { validateFormData, windowServes, type PublishedGuide } from '@onewindow/domain';
import { ApplicationForm } from '../../catalog/ApplicationForm.tsx';
import type { SearchHit } from '../../catalog/types.ts';
import { useRegions } from '../../admin/regions/useRegions.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, isApiError } from '../../shared/api.ts';
import type { ItemList, ServiceDomain } from '../../shared/types.ts';
import { useApi } from '../../shared/useApi.ts';
import { ApplicantFields } from './ApplicantFields.tsx';
import { Checklist } from './Checklist.tsx';
import { DocumentModal } from './DocumentModal.tsx';
import { acceptDecision, createBody, idNumberProblem, intakeProblems, receiveAll, startItem, type Decision } from './intakeDraft.ts';
import { ItemPicker } from './ItemPicker.tsx';
import { useHallText } from './text.ts';
import type { CaseDocument, SignedInWindow } from './types.ts';
import { useIntakeDraft } from './useIntakeDraft.ts';

interface Created {
  id: string;
  number: string;
  status: string;
  dueDate: string | null;
}

interface Outcome extends Created {
  decision: Decision['type'];
  document: CaseDocument | null;
}

/** The decision's document: the newest one the case has (the decision was its latest action). */
export async function latestDocument(caseId: string): Promise<CaseDocument | null> {
  const { items } = await api.get<{ items: CaseDocument[] }>(`/api/cases/${caseId}/documents`);
  return items.at(-1) ?? null;
}

export function IntakePanel({ window, onDecided }: { window: SignedInWindow; onDecided: () => void }) {
  const { t } = useHallText();
  const { formatDate } = useI18n();
  const { draft, update, reset, settle, restored, savedAt, loading } = useIntakeDraft();
  const [guide, setGuide] = useState<PublishedGuide | null>(null);
  const [refusal, setRefusal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ title: string; fields: Record<string, string> } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [shownDocument, setShownDocument] = useState<CaseDocument | null>(null);
  const [refusedItem, setRefusedItem] = useState<string | null>(null);
  const domains = useApi<ItemList<ServiceDomain>>('/api/org/service-domains');
  const regions = useRegions();

  const loadGuide = useCallback(async (code: string) => {
    const published = await api.get<PublishedGuide>(`/api/catalog/items/${encodeURIComponent(code)}`);
    setGuide(published);
    return published;
  }, []);

  // A restored draft brings its item's checklist back.
  useEffect(() => {
    if (restored?.itemCode) void loadGuide(restored.itemCode);
  }, [restored, loadGuide]);

  async function choose(hit: SearchHit) {
    setErrors(null);
    const domainName = domains.data?.items.find((d) => d.code === hit.domain)?.name ?? hit.domain;
    const fit = windowServes(window, { code: hit.domain, name: domainName });
    if (!fit.ok) {
      setRefusedItem(fit.reason);
      return;
    }
    setRefusedItem(null);
    const published = await loadGuide(hit.code);
    update((d) => startItem(d, hit.code, hit.name, published.guide));
  }

  const problems = useMemo(() => (guide ? intakeProblems(draft, guide.guide) : []), [draft, guide]);

  /** What the server would refuse before any decision: the applicant and the form. */
  function localErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    const a = draft.applicant;
    const idProblem = idNumberProblem(a);
    if (!a.idNumber.trim()) fields['/applicant/idNumber'] = '请填写证件号码';
    else if (idProblem) fields['/applicant/idNumber'] = idProblem;
    if (!a.name.trim()) fields['/applicant/name'] = '请填写申请人名称';
    if (!/^1[3-9]\d{9}$/.test(a.phone.trim())) fields['/applicant/phone'] = '请填写 11 位手机号码';
    if (a.kind === 'company' && !a.legalRepresentative.trim()) fields['/applicant/legalRepresentative'] = '法人申请须填写法定代表人';
    if (guide) for (const issue of validateFormData(guide.guide.form, draft.formData as never)) fields[`/formData${issue.path}`] = issue.message;
    return fields;
  }

  async function decide(decision: Decision) {
    if (!guide || busy) return;
    const fields = localErrors();
    if (Object.keys(fields).length > 0) {
      setErrors({ title: t('intake.fixFirst'), fields });
      return;
    }
    setBusy(true);
    setErrors(null);
    try {
      await settle();
      const created = await api.post<Created>('/api/cases', createBody(draft, guide.guide, decision));
      const document = await latestDocument(created.id);
      setOutcome({ ...created, decision: decision.type, document });
      setShownDocument(document);
      setRefusal(false);
      await reset(false);
      setGuide(null);
      onDecided();
    } catch (failure) {
      if (isApiError(failure)) setErrors({ title: failure.title, fields: Object.fromEntries(failure.errors.map((e) => [e.path, e.message])) });
      else throw failure;
    } finally {
      setBusy(false);
    }
  }

  const canAccept = guide !== null && problems.length === 0 && !busy;
  const canCorrect = guide !== null && problems.length > 0 && !busy;

  const next = useCallback(() => {
    setOutcome(null);
    setShownDocument(null);
    setErrors(null);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && canAccept) {
        event.preventDefault();
        void decide(acceptDecision(draft));
      } else if (event.altKey && (event.key === 'b' || event.key === 'B') && canCorrect) {
        event.preventDefault();
        void decide({ type: 'request_correction' });
      } else if (event.key === 'F2' && outcome) {
        event.preventDefault();
        next();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (loading) return <Spin />;

  if (outcome) {
    const message = outcome.decision === 'accept'
      ? t('intake.done.accept', { number: outcome.number, due: outcome.dueDate ? formatDate(outcome.dueDate) : '—' })
      : t(`intake.done.${outcome.decision}`, { number: outcome.number });
    return (
      <Flex vertical gap={12}>
        <Alert type={outcome.decision === 'accept' ? 'success' : 'warning'} showIcon title={message} data-testid="intake-outcome" />
        <Space>
          {outcome.document && <Button onClick={() => setShownDocument(outcome.document)}>{outcome.document.title}</Button>}
          <Button type="primary" autoFocus onClick={next}>
            {t('intake.next')}
          </Button>
        </Space>
        {shownDocument && <DocumentModal document={shownDocument} onClose={() => setShownDocument(null)} />}
      </Flex>
    );
  }

  const fieldErrors = errors?.fields ?? {};
  return (
    <Flex vertical gap={16}>
      {restored?.itemCode && savedAt && <Alert type="info" showIcon closable title={t('intake.draftRestored')} />}
      <Card size="small" title={t('intake.item')}>
        <ItemPicker window={window} value={draft.itemName} onChoose={(hit) => void choose(hit)} />
        {refusedItem && <Alert type="error" showIcon style={{ marginTop: 8 }} title={refusedItem} data-testid="window-refusal" />}
      </Card>

      {guide && (
        <>
          <Card size="small" title={t('intake.applicant')}>
            <ApplicantFields
              applicant={draft.applicant}
              agent={draft.agent}
              errors={fieldErrors}
              onApplicant={(applicant) => update((d) => ({ ...d, applicant }))}
              onAgent={(agent) => update((d) => ({ ...d, agent }))}
            />
          </Card>

          <Card
            size="small"
            title={t('intake.checklist')}
            extra={
              <Button size="small" onClick={() => update((d) => receiveAll(d, guide.guide))} data-testid="receive-all">
                {t('intake.receiveAll')}
              </Button>
            }
          >
            <Checklist materials={guide.guide.materials} entries={draft.materials} onChange={(id, entry) => update((d) => ({ ...d, materials: { ...d.materials, [id]: entry } }))} />
            {Object.values(draft.materials).some((e) => e.receivedAs === 'deferred') && (
              <Form.Item label={t('intake.commitment')} required style={{ marginTop: 12 }}>
                <Input.TextArea value={draft.commitment} maxLength={1000} onChange={(e) => update((d) => ({ ...d, commitment: e.target.value }))} />
              </Form.Item>
            )}
          </Card>

          <Card size="small" title={t('intake.form')}>
            {guide.guide.form.fields.length === 0 ? (
              <Typography.Text type="secondary">{t('intake.noForm')}</Typography.Text>
            ) : (
              <ApplicationForm key={guide.versionId} definition={guide.guide.form} regionOptions={regions.options} initialValues={draft.formData} onChange={(formData) => update((d) => ({ ...d, formData }))} />
            )}
          </Card>

          <Card size="small">
            {errors && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={errors.title}
                data-testid="intake-errors"
                description={Object.keys(errors.fields).length > 0 && <ul style={{ margin: 0, paddingLeft: 18 }}>{Object.entries(errors.fields).map(([path, text]) => <li key={path}>{text}</li>)}</ul>}
              />
            )}
            {problems.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('intake.problems', { count: problems.length })}
                data-testid="intake-problems"
                description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p, i) => <li key={`${p.materialId}-${i}`}>{p.materialName}：{p.problem}。{p.fix}</li>)}</ul>}
              />
            ) : (
              <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('intake.complete')} />
            )}
            <Flex wrap gap={8} justify="space-between">
              <Space wrap>
                <Button type="primary" disabled={!canAccept} loading={busy} onClick={() => void decide(acceptDecision(draft))} data-testid="decide-accept">
                  {t('intake.accept')}
                </Button>
                <Button disabled={!canCorrect} loading={busy} onClick={() => void decide({ type: 'request_correction' })} data-testid="decide-correct">
                  {t('intake.correct')}
                </Button>
                <Button danger disabled={busy} onClick={() => setRefusal(true)}>
                  {t('intake.refuse')}
                </Button>
              </Space>
              <Space>
                {savedAt && <Typography.Text type="secondary">{t('intake.draftSaved', { time: new Date(savedAt).toLocaleTimeString('zh-CN', { hour12: false }) })}</Typography.Text>}
                <Popconfirm title={t('intake.discardConfirm')} onConfirm={() => void reset(true).then(() => setGuide(null))}>
                  <Button type="link">{t('intake.discard')}</Button>
                </Popconfirm>
              </Space>
            </Flex>
          </Card>
          {refusal && <RefusalDialog busy={busy} onCancel={() => setRefusal(false)} onRefuse={(reason, remedies) => void decide({ type: 'refuse', reason, remedies })} />}
        </>
      )}
    </Flex>
  );
}

function RefusalDialog({ busy, onCancel, onRefuse }: { busy: boolean; onCancel: () => void; onRefuse: (reason: string, remedies: string) => void }) {
  const { t } = useHallText();
  const [form] = Form.useForm<{ reason: string; remedies: string }>();
  return (
    <Modal open title={t('intake.refuse')} onCancel={onCancel} okButtonProps={{ danger: true, loading: busy }} okText={t('intake.refuse')} onOk={() => form.validateFields().then((v) => onRefuse(v.reason.trim(), v.remedies.trim()))}>
      <Form form={form} layout="vertical" initialValues={{ remedies: t('intake.remediesDefault') }}>
        <Form.Item name="reason" label={t('intake.refuseReason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 3 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="remedies" label={t('intake.remedies')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
