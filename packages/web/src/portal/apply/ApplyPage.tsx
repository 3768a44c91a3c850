// /portal/apply/:code — 在线办理: the item's application form, one slot per material, a summary with the declaration
// of truth (承诺), then submission with the case number at once. /portal/apply/:code?case=<id> continues a draft,
// from this device or another. The draft is saved on the server as the applicant goes (see useDraft).
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Flex, Skeleton, Steps, Typography } from 'antd';
import { CheckCircleFilled, FileSearchOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import { beijingToday, validateFormData, type FormDefinition, type GuideContent, type PublishedGuide } from '@onewindow/domain';
import { useRegions } from '../../admin/regions/useRegions.ts';
import type { ActionResult, CaseDetail } from '../../cases/types.ts';
import { ApplicationForm } from '../../catalog/ApplicationForm.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { describeError } from '../../shared/errors.ts';
import { useApplicantMe } from '../../shared/guards.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import { Notice } from '../../shared/Notice.tsx';
import type { ApplicantMe } from '../../shared/types.ts';
import { useApi } from '../../shared/useApi.ts';
import { ApplicantLayout } from '../ApplicantLayout.tsx';
import { usePortalText } from '../portalText.ts';
import {
  canApplyOnline, deferredChosen, handlerFrom, handlerInput, handlerIssues, materialInputs, outstandingMaterials, placeProblems, promisedDeferral, servesApplicant, slotsFrom, stepToFix, type ApplyStep,
  type Handler, type PlacedProblems, type SlotState, type Slots,
} from './applyModel.ts';
import { ConfirmStep } from './ConfirmStep.tsx';
import { HandlerFields } from './HandlerFields.tsx';
import { MaterialSlot } from './MaterialSlot.tsx';
import { useDraft, type DraftRef } from './useDraft.ts';

const STEPS: ApplyStep[] = ['form', 'materials', 'confirm'];
const NO_PROBLEMS: PlacedProblems = { form: [], materials: {}, other: [] };

export default function ApplyPage() {
  const { code = '' } = useParams();
  const t = usePortalText();
  const [params, setParams] = useSearchParams();
  const caseParam = params.get('case');
  // A draft this page created goes into the address (so a reload continues it) without reloading the page.
  const createdHere = useRef<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const openedOn = caseParam && caseParam !== createdHere.current ? caseParam : null;
  const published = useApi<PublishedGuide>(`/api/catalog/items/${encodeURIComponent(code)}`);
  const saved = useApi<CaseDetail>(openedOn ? `/api/cases/${encodeURIComponent(openedOn)}` : null);
  // The case file masks the agent's ID number and phone; the applicant's own record of the case has them in full.
  const savedParties = useApi<SavedParties>(openedOn ? `/api/cases/${encodeURIComponent(openedOn)}/applicant` : null);
  const { message } = App.useApp();
  const reloadSaved = saved.reload;
  const reloadParties = savedParties.reload;

  const onCreated = useCallback(
    (draft: DraftRef) => {
      createdHere.current = draft.id;
      setParams({ case: draft.id }, { replace: true });
    },
    [setParams],
  );
  const onConflict = useCallback(() => {
    createdHere.current = null;
    message.warning(t('apply.conflict'), 6);
    setReloads((n) => n + 1);
    reloadSaved();
    reloadParties();
  }, [message, t, reloadSaved, reloadParties]);

  useEffect(() => {
    const name = published.data?.guide.name;
    if (name) document.title = `${t('apply.title')}：${name}`;
  }, [published.data, t]);

  const toGuide = (
    <Link to={`/guide/${encodeURIComponent(code)}`}>
      <FileSearchOutlined /> {t('apply.toGuide')}
    </Link>
  );

  let body;
  if (published.error) {
    body = <LoadError error={published.error} onRetry={published.reload} />;
  } else if (saved.error) {
    const missing = saved.error.status === 404 || saved.error.status === 400;
    body = missing ? <Notice icon={<FileSearchOutlined style={{ color: '#595959' }} />} title={t('apply.draftNotFound')} action={toGuide} /> : <LoadError error={saved.error} onRetry={saved.reload} />;
  } else if (!published.data || (openedOn && (!saved.data || saved.loading || !savedParties.data || savedParties.loading))) {
    body = <Skeleton active paragraph={{ rows: 10 }} />;
  } else if (saved.data && saved.data.status !== 'draft') {
    body = (
      <Notice
        icon={<CheckCircleFilled style={{ color: '#237804' }} />}
        title={t('apply.alreadySubmitted')}
        text={t('apply.alreadySubmittedText')}
        action={<Link to={`/portal/cases/${saved.data.id}`}>{t('apply.openCase')}</Link>}
      />
    );
  } else {
    body = (
      <Gate
        published={published.data}
        saved={saved.data ?? null}
        savedAgent={savedParties.data?.agent ?? null}
        key={`${openedOn ?? 'new'}:${reloads}`}
        onCreated={onCreated}
        onConflict={onConflict}
        toGuide={toGuide}
      />
    );
  }

  return (
    <ApplicantLayout>
      <div className="apply-page">{body}</div>
    </ApplicantLayout>
  );
}

/** GET /api/cases/:id/applicant, as far as the application uses it. */
interface SavedParties {
  agent: SavedAgent | null;
}

type SavedAgent = { name: string; idNumber: string; phone: string; authorisation: string | null };

interface GateProps {
  published: PublishedGuide;
  saved: CaseDetail | null;
  savedAgent: SavedAgent | null;
  onCreated: (draft: DraftRef) => void;
  onConflict: () => void;
  toGuide: ReactNode;
}

/** Only items applied for online here, and only by the kind of applicant they serve. */
function Gate({ published, saved, savedAgent, onCreated, onConflict, toGuide }: GateProps) {
  const t = usePortalText();
  const me = useApplicantMe();
  if (!saved && !canApplyOnline(published.guide)) {
    return <Notice icon={<StopOutlined style={{ color: '#ad4e00' }} />} title={t('apply.notOnline')} text={t('apply.notOnlineText')} action={toGuide} />;
  }
  if (!servesApplicant(published.guide, me.applicantType)) {
    const title = me.applicantType === 'person' ? t('apply.wrongKindPerson') : t('apply.wrongKindCompany');
    return <Notice icon={<StopOutlined style={{ color: '#ad4e00' }} />} title={title} text={t('apply.wrongKindText')} action={toGuide} />;
  }
  return <ApplyWizard published={published} saved={saved} savedAgent={savedAgent} me={me} onCreated={onCreated} onConflict={onConflict} />;
}

interface WizardProps {
  published: PublishedGuide;
  saved: CaseDetail | null;
  savedAgent: SavedAgent | null;
  me: ApplicantMe;
  onCreated: (draft: DraftRef) => void;
  onConflict: () => void;
}

function ApplyWizard({ published, saved, savedAgent, me, onCreated, onConflict }: WizardProps) {
  const t = usePortalText();
  const { t: tApp, locale } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const regions = useRegions();
  const guide: GuideContent = published.guide;
  // A draft keeps the form of the guide version it was started under; the server checks it against that one.
  const form: FormDefinition = saved?.form ?? guide.form;
  const [step, setStep] = useState(0);
  const [formData, setFormData] = useState<Record<string, unknown>>(() => saved?.formData ?? {});
  const [slots, setSlots] = useState<Slots>(() => slotsFrom(guide, saved?.materials));
  // A company account applies through its 经办人 (see HandlerFields); a person applies for themself.
  const company = me.applicantType === 'company';
  const [handler, setHandler] = useState<Handler>(() => handlerFrom(savedAgent));
  const [handlerChecked, setHandlerChecked] = useState(false);
  const [problems, setProblems] = useState<PlacedProblems>(NO_PROBLEMS);
  const [declared, setDeclared] = useState(false);
  const [promisedDates, setPromisedDates] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<{ id: string; number: string } | null>(null);
  const [busyMaterials, setBusyMaterials] = useState<ReadonlySet<string>>(new Set());
  const uploading = busyMaterials.size > 0;
  const draft = useDraft({
    itemCode: published.code,
    initial: saved ? { id: saved.id, number: saved.number, version: saved.version } : null,
    onCreated,
    onConflict,
  });
  const { change } = draft;

  // Every change is kept as a draft; the first render's content is what the server already has.
  const content = useMemo(
    () => ({ formData, materials: materialInputs(guide, slots), ...(company ? { agent: handlerInput(handler) } : {}) }),
    [formData, slots, guide, company, handler],
  );
  const lastContent = useRef(JSON.stringify(content));
  useEffect(() => {
    const text = JSON.stringify(content);
    if (text === lastContent.current) return;
    lastContent.current = text;
    change(content);
  }, [content, change]);

  const deferred = deferredChosen(guide, slots);
  const deferral = promisedDeferral(deferred, promisedDates, beijingToday());
  const onPromisedDate = useCallback((materialId: string, date: string | null) => {
    setPromisedDates((previous) => {
      const next = { ...previous };
      if (date) next[materialId] = date;
      else delete next[materialId];
      return next;
    });
  }, []);

  const unsaved = draft.status !== 'saved' || uploading;
  useEffect(() => {
    if (!unsaved || submitted) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved, submitted]);

  const onBusyChange = useCallback((materialId: string, busy: boolean) => {
    setBusyMaterials((previous) => {
      if (previous.has(materialId) === busy) return previous;
      const next = new Set(previous);
      if (busy) next.add(materialId);
      else next.delete(materialId);
      return next;
    });
  }, []);

  const updateSlot = useCallback((materialId: string, update: (slot: SlotState) => SlotState) => {
    setSlots((previous) => ({ ...previous, [materialId]: update(previous[materialId] ?? { files: [], deferred: false }) }));
    setProblems((previous) => {
      if (!previous.materials[materialId]) return previous;
      const materials = { ...previous.materials };
      delete materials[materialId];
      return { ...previous, materials };
    });
  }, []);

  const goTo = (index: number) => {
    setStep(index);
    window.scrollTo({ top: 0 });
  };

  async function saveNow() {
    try {
      change(content);
      await draft.flush();
      message.success(t('apply.savedNow'));
    } catch (error) {
      if (!isApiError(error, 'CASE_VERSION_CONFLICT')) message.error(t('apply.saveFailed', { reason: describeError(error, tApp) }));
    }
  }

  function discard() {
    const current = draft.draft;
    if (!current) return;
    modal.confirm({
      title: t('apply.discardTitle'),
      content: t('apply.discardConfirm'),
      okText: t('apply.discard'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api.delete(`/api/cases/${encodeURIComponent(current.id)}/draft`);
          draft.forget();
          message.success(t('apply.discarded'));
          navigate(`/guide/${encodeURIComponent(published.code)}`, { replace: true });
        } catch (error) {
          message.error(describeError(error, tApp));
        }
      },
    });
  }

  async function submit() {
    setSubmitError(null);
    const formIssues = validateFormData(form, formData);
    if (formIssues.length > 0) {
      setProblems({ ...NO_PROBLEMS, form: formIssues });
      goTo(0);
      return;
    }
    if (company && handlerIssues(handler).length > 0) {
      setHandlerChecked(true);
      goTo(0);
      return;
    }
    if (outstandingMaterials(guide, slots).length > 0 || deferral.issues.length > 0 || !declared || uploading) return;
    setSubmitting(true);
    try {
      change(content);
      const current = await draft.flush();
      if (!current) return;
      const result = await api.post<ActionResult>(`/api/cases/${encodeURIComponent(current.id)}/actions`, {
        expectedVersion: current.version,
        action: { type: 'submit', declaration: true, ...(deferral.promised.length > 0 ? { deferred: deferral.promised } : {}) },
      });
      draft.forget();
      draft.setVersion(result.version);
      setSubmitted({ id: current.id, number: result.number || current.number });
      window.scrollTo({ top: 0 });
    } catch (error) {
      // Saved elsewhere meanwhile, or already submitted (a retry after a lost answer): show the case as it now is.
      if (isApiError(error, 'CASE_VERSION_CONFLICT') || isApiError(error, 'ILLEGAL_TRANSITION')) {
        onConflict();
        return;
      }
      if (isApiError(error) && error.errors.length > 0) {
        const placed = placeProblems(error.errors, content.materials);
        setProblems(placed);
        setSubmitError(placed.other.length > 0 ? placed.other.join('；') : t('confirm.submitFailed'));
        const fix = stepToFix(placed);
        if (fix) goTo(STEPS.indexOf(fix));
        return;
      }
      setSubmitError(describeError(error, tApp));
    } finally {
      setSubmitting(false);
    }
  }

  if (submitted) return <Submitted caseId={submitted.id} number={submitted.number} itemName={guide.name} />;

  const applicantNote =
    me.applicantType === 'company'
      ? t('apply.companyNote', { name: me.name, uscc: me.usccMasked ?? '—' })
      : t('apply.personNote', { name: me.name, id: me.idNumberMasked ?? '—' });

  return (
    <Flex vertical gap={16}>
      <header>
        <Typography.Text type="secondary">{t('apply.title')}</Typography.Text>
        <Typography.Title level={1} className="apply-title">
          {guide.name}
        </Typography.Title>
        <Typography.Text type="secondary">
          {published.departmentName} · {published.regionName}
        </Typography.Text>
        <div className="apply-applicant" data-testid="apply-applicant">
          <strong>{t('apply.applicant')}：</strong>
          {applicantNote}
        </div>
      </header>

      <SaveBar
        status={draft.status}
        savedAt={draft.savedAt}
        error={draft.error}
        number={draft.draft?.number ?? null}
        locale={locale}
        onSave={() => void saveNow()}
        onDiscard={draft.draft ? discard : undefined}
      />

      <Steps
        current={step}
        onChange={goTo}
        className="apply-steps"
        items={STEPS.map((key) => ({ key, title: t(`apply.step.${key}`) }))}
      />

      {problems.other.length > 0 && step !== 2 && <Alert type="error" showIcon title={problems.other.join('；')} />}

      <section className="portal-panel" aria-label={t(`apply.step.${STEPS[step]!}`)} data-testid={`apply-step-${STEPS[step]}`}>
        {step === 0 && company && (
          <HandlerFields handler={handler} onChange={setHandler} caseId={draft.draft?.id ?? null} showAll={handlerChecked} onBusyChange={onBusyChange} />
        )}
        {step === 0 &&
          (form.fields.length === 0 ? (
            <Flex vertical gap={16} align="flex-start">
              <Typography.Text>{t('apply.noForm')}</Typography.Text>
              <Button type="primary" onClick={() => goTo(1)}>
                {t('apply.nextMaterials')}
              </Button>
            </Flex>
          ) : (
            <ApplicationForm
              definition={form}
              regionOptions={regions.options}
              initialValues={formData}
              onChange={setFormData}
              onValid={() => goTo(1)}
              problems={problems.form}
              submitLabel={t('apply.nextMaterials')}
            />
          ))}
        {step === 1 && (
          <Flex vertical gap={16}>
            {guide.materials.map((material, index) => (
              <MaterialSlot
                key={material.id}
                material={material}
                index={index}
                slot={slots[material.id] ?? { files: [], deferred: false }}
                onChange={(update) => updateSlot(material.id, update)}
                caseId={draft.draft?.id ?? null}
                errors={problems.materials[material.id]}
                onBusyChange={onBusyChange}
              />
            ))}
            <Flex gap={8} wrap>
              <Button onClick={() => goTo(0)}>{t('apply.prev')}</Button>
              <Button type="primary" onClick={() => goTo(2)} data-testid="apply-next-confirm">
                {t('apply.nextConfirm')}
              </Button>
            </Flex>
          </Flex>
        )}
        {step === 2 && (
          <ConfirmStep
            published={published}
            form={form}
            formData={formData}
            slots={slots}
            applicantNote={applicantNote}
            deferred={deferred}
            promisedDates={promisedDates}
            onPromisedDate={onPromisedDate}
            deferralIssues={deferral.issues}
            handler={company ? handler : null}
            declared={declared}
            onDeclared={setDeclared}
            uploading={uploading}
            submitting={submitting}
            submitError={submitError}
            onEdit={goTo}
            onSubmit={() => void submit()}
          />
        )}
      </section>
    </Flex>
  );
}

interface SaveBarProps {
  status: 'saved' | 'dirty' | 'saving' | 'error';
  savedAt: Date | null;
  error: unknown;
  number: string | null;
  locale: string;
  onSave: () => void;
  onDiscard?: () => void;
}

/** 保存草稿 and what the autosave is doing, read out to screen readers as it changes. */
function SaveBar({ status, savedAt, error, number, locale, onSave, onDiscard }: SaveBarProps) {
  const t = usePortalText();
  const { t: tApp } = useI18n();
  const time = savedAt?.toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  let text: string;
  if (status === 'saving') text = t('apply.saving');
  else if (status === 'dirty') text = t('apply.dirty');
  else if (status === 'error') text = t('apply.saveFailed', { reason: describeError(error, tApp) });
  else if (time) text = t('apply.saved', { time });
  else text = number ? t('apply.savedNow') : t('apply.notSaved');
  return (
    <Flex className="apply-savebar" justify="space-between" align="center" wrap gap={8}>
      <Flex vertical>
        <Typography.Text type={status === 'error' ? 'danger' : 'secondary'} aria-live="polite" data-testid="apply-save-status" data-status={status}>
          {text}
        </Typography.Text>
        {number && (
          <Typography.Text type="secondary" data-testid="apply-draft-number">
            {t('apply.draftNumber', { number })}
          </Typography.Text>
        )}
      </Flex>
      <Flex gap={8} wrap>
        {onDiscard && (
          <Button danger onClick={onDiscard} data-testid="apply-discard">
            {t('apply.discard')}
          </Button>
        )}
        <Button icon={<SaveOutlined />} onClick={onSave} loading={status === 'saving'} data-testid="apply-save">
          {t('apply.save')}
        </Button>
      </Flex>
    </Flex>
  );
}

function Submitted({ caseId, number, itemName }: { caseId: string; number: string; itemName: string }) {
  const t = usePortalText();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen readers and keyboards land on the result, not at the top of a page that changed under them.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="portal-panel" data-testid="apply-done">
      <Flex vertical align="center" gap={16} className="apply-done">
        <CheckCircleFilled style={{ fontSize: 56, color: '#237804' }} aria-hidden />
        <Typography.Title level={1} className="apply-title" ref={heading} tabIndex={-1}>
          {t('done.title')}
        </Typography.Title>
        <Typography.Text>{itemName}</Typography.Text>
        <div className="apply-number">
          <span>{t('done.number')}</span>
          <strong data-testid="apply-case-number">{number}</strong>
        </div>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 560 }}>
          {t('done.text')}
        </Typography.Paragraph>
        <Flex gap={12} wrap justify="center" align="center">
          <Button type="primary" size="large" onClick={() => navigate(`/portal/cases/${caseId}`)} data-testid="apply-open-case">
            {t('done.open')}
          </Button>
          <Link to="/portal/cases">{t('done.myCases')}</Link>
        </Flex>
      </Flex>
    </div>
  );
}
