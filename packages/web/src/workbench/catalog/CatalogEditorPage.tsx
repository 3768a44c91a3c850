import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Badge, Button, Card, ConfigProvider, Flex, Form, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { GuideContent, QualityIssue } from '@onewindow/domain';
import { useRegions } from '../../admin/regions/useRegions.ts';
import type { DraftSaved, ImplementationDetail, PublishedGuide } from '../../catalog/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, ApiError, isApiError } from '../../shared/api.ts';
import { placeFieldErrors, pointerToNamePath, useProblemHandler } from '../../shared/errors.ts';
import { FullPageSpin, useStaffMe } from '../../shared/guards.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import type { Department, ItemList, ServiceDomain } from '../../shared/types.ts';
import { useApi } from '../../shared/useApi.ts';
import { BasicTab } from './editor/BasicTab.tsx';
import { FormDefinitionTab } from './editor/FormDefinitionTab.tsx';
import { ImplementationTab } from './editor/ImplementationTab.tsx';
import type { Lookups } from './editor/lookups.ts';
import { MaterialsTab } from './editor/MaterialsTab.tsx';
import { PreviewTab } from './editor/PreviewTab.tsx';
import { QualityTab } from './editor/QualityTab.tsx';
import { StepsTab } from './editor/StepsTab.tsx';
import { VersionsTab } from './editor/VersionsTab.tsx';
import { WorkflowActions, type WorkflowDialog } from './editor/WorkflowActions.tsx';
import { tabOfPath, toGuideContent, withoutContentPrefix, type EditorTab } from './guideForm.ts';
import { StatusTags } from './StatusTags.tsx';
import { isCatalogAdmin, useCatalogAdminText } from './text.ts';

/** /workbench/catalog/:id — one implementation: its guide in tabs, its versions, and the publishing workflow. */
export default function CatalogEditorPage() {
  const { id = '' } = useParams();
  const detail = useApi<ImplementationDetail>(`/api/catalog/implementations/${encodeURIComponent(id)}`);
  const lookups = useLookups();
  // Kept above the form, which is rebuilt after every save: the open tab and a refused submission's problems stay.
  const [tab, setTab] = useState<EditorTab>('basic');
  const [submitIssues, setSubmitIssues] = useState<QualityIssue[] | null>(null);
  const session = { tab, setTab, submitIssues, setSubmitIssues };

  if (detail.error && !detail.data) {
    return (
      <Card>
        <BackLink />
        <LoadError error={detail.error} onRetry={detail.reload} />
      </Card>
    );
  }
  if (!detail.data) return <FullPageSpin />;
  const data = detail.data;
  // A new draft, a save or a state change starts the form again from what the server now holds.
  const key = [data.draft?.id, data.draft?.updatedAt, data.draft?.status, data.current?.id, data.status].join('|');
  return <GuideEditor key={key} detail={data} lookups={lookups} reload={detail.reload} session={session} />;
}

function useLookups(): Lookups {
  const regions = useRegions();
  const departments = useApi<ItemList<Department>>('/api/org/departments');
  const domains = useApi<ItemList<ServiceDomain>>('/api/org/service-domains');
  return useMemo(
    () => ({
      regions: regions.items,
      regionOptions: regions.options,
      departments: departments.data?.items ?? [],
      domains: domains.data?.items ?? [],
    }),
    [regions.items, regions.options, departments.data, domains.data],
  );
}

function BackLink() {
  const { t: tApp } = useI18n();
  return (
    <Link to="/workbench/catalog" style={{ display: 'inline-block', marginBottom: 12 }}>
      <ArrowLeftOutlined /> {tApp('nav.catalog')}
    </Link>
  );
}

/** The guide shown when there is no open draft: the version in force, or else the latest one published. */
function usePublishedContent(detail: ImplementationDetail): { content: GuideContent | null; loading: boolean } {
  const latestPublished = detail.versions.find((version) => version.status === 'published');
  const needsFetch = !detail.draft && !detail.current && latestPublished !== undefined;
  const fetched = useApi<PublishedGuide>(
    needsFetch ? `/api/catalog/items/${encodeURIComponent(detail.code)}/versions/${latestPublished.version}` : null,
  );
  const content = detail.draft?.content ?? detail.current?.content ?? fetched.data?.guide ?? null;
  return { content, loading: needsFetch && fetched.loading };
}

interface EditorSession {
  tab: EditorTab;
  setTab: (tab: EditorTab) => void;
  /** The problems of the last refused 提交发布, until the draft is saved or checked again. */
  submitIssues: QualityIssue[] | null;
  setSubmitIssues: (issues: QualityIssue[] | null) => void;
}

interface EditorProps {
  detail: ImplementationDetail;
  lookups: Lookups;
  reload: () => void;
  session: EditorSession;
}

function GuideEditor({ detail, lookups, reload, session }: EditorProps) {
  const { t } = useCatalogAdminText();
  const { content, loading } = usePublishedContent(detail);
  if (loading) return <FullPageSpin />;
  if (!content) {
    return (
      <Card>
        <BackLink />
        <Alert type="warning" showIcon title={t('editor.noVersion')} />
      </Card>
    );
  }
  return <GuideForm detail={detail} content={content} lookups={lookups} reload={reload} session={session} />;
}

function GuideForm({ detail, content, lookups, reload, session }: EditorProps & { content: GuideContent }) {
  const { t } = useCatalogAdminText();
  const { formatDate, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const handleProblem = useProblemHandler();
  const me = useStaffMe();
  const canEdit = isCatalogAdmin(me);
  const draft = detail.draft;
  const editable = canEdit && draft?.status === 'draft';
  const [form] = Form.useForm<GuideContent>();
  const { tab, setTab, submitIssues, setSubmitIssues } = session;
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | 'start' | null>(null);
  const [dialog, setDialog] = useState<WorkflowDialog | null>(null);
  const quality = useApi<{ issues: QualityIssue[] }>(draft ? `/api/catalog/implementations/${detail.id}/draft/quality` : null);
  const issues = submitIssues ?? quality.data?.issues ?? [];
  const basePath = `/api/catalog/implementations/${detail.id}`;
  const regionName = lookups.regions.find((region) => region.code === detail.regionCode)?.name ?? detail.regionCode;
  const departmentName = lookups.departments.find((department) => department.id === detail.departmentId)?.name ?? '';
  const latest = detail.versions[0];

  useUnsavedWarning(dirty);

  // A refused submission saved the draft first, so the form was rebuilt: show its problems on the new fields.
  useEffect(() => {
    if (submitIssues) placeFieldErrors(form, submitIssues);
    // Only once, for the fields this form instance has just registered.
  }, []);

  const locate = useCallback(
    (pointer: string) => {
      setTab(tabOfPath(pointer));
      // The tab's pane is shown on the next render; scroll once it is.
      window.setTimeout(() => form.scrollToField(pointerToNamePath(pointer), { block: 'center', behavior: 'smooth', focus: true }), 80);
    },
    [form],
  );

  /** PUT the form as the draft; false (with the problem shown) when the server refused it. */
  async function persist(): Promise<DraftSaved | null> {
    if (!draft) return null;
    const body = { content: toGuideContent(form.getFieldsValue(true), content), baseUpdatedAt: draft.updatedAt };
    try {
      return await api.put<DraftSaved>(`${basePath}/draft`, body);
    } catch (error) {
      showSaveProblem(error);
      return null;
    }
  }

  function showSaveProblem(error: unknown) {
    if (isApiError(error, 'DRAFT_CHANGED')) {
      setConflict(true);
      return;
    }
    if (error instanceof ApiError && error.errors.length > 0) {
      const problems = withoutContentPrefix(error.errors);
      const unplaced = placeFieldErrors(form, problems);
      locate(problems[0]!.path);
      const extra = unplaced.map((problem) => problem.message).join('；');
      message.error(extra ? `${error.title}：${extra}` : error.title);
      return;
    }
    handleProblem(error);
  }

  async function save() {
    setBusy('save');
    const saved = await persist();
    setBusy(null);
    if (!saved) return;
    setSubmitIssues(null);
    message.success(saved.quality.length > 0 ? t('editor.savedWithIssues', { count: saved.quality.length }) : t('editor.saved'));
    reload();
  }

  async function submit() {
    setBusy('submit');
    try {
      if (dirty && !(await persist())) return;
      await api.post(`${basePath}/draft/submit`);
      setSubmitIssues(null);
      message.success(t('editor.submitted'));
      reload();
    } catch (error) {
      if (isApiError(error, 'GUIDE_QUALITY_FAILED')) {
        const rules = Array.isArray(error.body.rules) ? (error.body.rules as unknown[]) : [];
        const failed = withoutContentPrefix(error.errors).map((problem, index) => ({
          ...problem,
          rule: typeof rules[index] === 'string' ? (rules[index] as string) : '',
        }));
        setSubmitIssues(failed);
        placeFieldErrors(form, failed);
        setTab('quality');
        message.error(error.title);
        // A save that went through before the refusal changed the draft's timestamp.
        if (dirty) reload();
        return;
      }
      handleProblem(error);
    } finally {
      setBusy(null);
    }
  }

  async function startRevision() {
    setBusy('start');
    try {
      await api.post(`${basePath}/draft`);
      message.success(t('editor.started'));
    } catch (error) {
      handleProblem(error);
    } finally {
      setBusy(null);
      reload();
    }
  }

  const tabs = [
    { key: 'basic', label: t('tab.basic'), forceRender: true, children: <BasicTab editable={editable} /> },
    {
      key: 'implementation',
      label: t('tab.implementation'),
      forceRender: true,
      children: <ImplementationTab form={form} lookups={lookups} regionCode={detail.regionCode} />,
    },
    { key: 'materials', label: t('tab.materials'), forceRender: true, children: <MaterialsTab form={form} editable={editable} /> },
    { key: 'steps', label: t('tab.steps'), forceRender: true, children: <StepsTab editable={editable} lookups={lookups} /> },
    {
      key: 'form',
      label: t('tab.form'),
      forceRender: true,
      children: <FormDefinitionTab form={form} editable={editable} lookups={lookups} />,
    },
    {
      key: 'preview',
      label: t('tab.preview'),
      children: tab === 'preview' && (
        <PreviewTab
          guide={toGuideContent(form.getFieldsValue(true), content)}
          draft={draft !== null}
          meta={{
            code: detail.code,
            regionName,
            departmentName,
            ...(draft === null && detail.current ? { version: detail.current.version, effectiveFrom: detail.current.effectiveFrom } : {}),
          }}
        />
      ),
    },
    { key: 'versions', label: t('tab.versions'), children: <VersionsTab detail={detail} /> },
    {
      key: 'quality',
      label: (
        <Badge count={draft ? issues.length : 0} size="small" offset={[8, -2]}>
          {t('tab.quality')}
        </Badge>
      ),
      children: (
        <QualityTab
          hasDraft={draft !== null}
          issues={issues}
          loading={quality.loading}
          error={quality.error}
          fromSubmit={submitIssues !== null}
          dirty={dirty}
          onRecheck={() => {
            setSubmitIssues(null);
            quality.reload();
          }}
          onLocate={locate}
        />
      ),
    },
  ];

  return (
    <Card
      title={
        <Space wrap>
          <span>{content.name}</span>
          <Typography.Text type="secondary" code>
            {detail.code}
          </Typography.Text>
          <StatusTags itemStatus={detail.status} versionStatus={latest?.status ?? null} />
        </Space>
      }
      extra={
        <WorkflowActions
          detail={detail}
          canEdit={canEdit}
          editable={editable}
          busy={busy}
          dialog={dialog}
          onSave={save}
          onSubmit={submit}
          onStart={startRevision}
          onDialog={setDialog}
          onDone={reload}
        />
      }
    >
      <BackLink />
      <Typography.Paragraph type="secondary">
        {regionName} · {departmentName}
        {detail.current && ` · ${t('editor.inForce', { version: detail.current.version, date: detail.current.effectiveFrom ? formatDate(detail.current.effectiveFrom) : '' })}`}
      </Typography.Paragraph>
      <EditorNotices detail={detail} canEdit={canEdit} editable={editable} dirty={dirty} />
      {conflict && (
        <Alert
          type="error"
          showIcon
          title={t('editor.conflictTitle')}
          description={t('editor.conflictText')}
          action={
            <Button danger onClick={reload}>
              {t('editor.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {draft && draft.status === 'draft' && editable && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('editor.draftInfo', { version: draft.version, at: formatDateTime(draft.updatedAt) })}
        </Typography.Paragraph>
      )}
      <Form<GuideContent>
        form={form}
        name="guide"
        layout="vertical"
        component={false}
        initialValues={content}
        disabled={!editable}
        onValuesChange={() => setDirty(true)}
      >
        <Tabs activeKey={tab} onChange={(key) => setTab(key as EditorTab)} items={tabs} />
      </Form>
    </Card>
  );
}

function EditorNotices({ detail, canEdit, editable, dirty }: { detail: ImplementationDetail; canEdit: boolean; editable: boolean; dirty: boolean }) {
  const { t } = useCatalogAdminText();
  const { formatDateTime } = useI18n();
  const me = useStaffMe();
  const draft = detail.draft;
  const submitted = detail.versions.find((version) => version.status === 'submitted');
  const notices = [];
  if (detail.status === 'withdrawn') {
    notices.push(<Alert key="withdrawn" type="warning" showIcon title={t('editor.withdrawn', { reason: detail.withdrawnReason ?? '' })} />);
  }
  if (draft?.status === 'submitted' && submitted) {
    const own = submitted.submittedBy === me.id;
    notices.push(
      <Alert
        key="submitted"
        type={own ? 'warning' : 'info'}
        showIcon
        title={t('editor.submittedBy', {
          version: submitted.version,
          name: submitted.submittedByName ?? '',
          at: formatDateTime(submitted.submittedAt),
        })}
        description={canEdit ? t(own ? 'editor.fourEyesOwn' : 'editor.fourEyesOther') : undefined}
      />,
    );
  }
  if (draft?.status === 'draft' && draft.returned) {
    notices.push(
      <Alert
        key="returned"
        type="warning"
        showIcon
        title={t('editor.returned', { name: draft.returned.byName ?? '', at: formatDateTime(draft.returned.at) })}
        description={draft.returned.reason}
      />,
    );
  }
  if (!draft && canEdit && detail.status === 'active') {
    notices.push(<Alert key="published" type="info" showIcon title={t('editor.publishedOnly')} />);
  }
  if (!canEdit) notices.push(<Alert key="readonly" type="info" showIcon title={t('editor.readOnly')} />);
  if (editable && dirty) notices.push(<Alert key="dirty" type="warning" banner title={t('editor.unsaved')} />);
  if (notices.length === 0) return null;
  return (
    <ConfigProvider componentDisabled={false}>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {notices}
      </Flex>
    </ConfigProvider>
  );
}

/** Asks before the tab is closed or reloaded with unsaved edits. */
function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
