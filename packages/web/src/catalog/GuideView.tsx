// The service guide (办事指南) as an applicant reads it. The public guide page and the editor's 预览 tab both render
// this one component, so what a catalogue administrator previews is exactly what will be published.
import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Alert, Button, Collapse, Descriptions, Flex, Steps, Tag, Typography, type DescriptionsProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ExportOutlined, FilePdfOutlined, FormOutlined, PrinterOutlined } from '@ant-design/icons';
import { beijingToday, type GuideContent, type Material } from '@onewindow/domain';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { api, isApiError } from '../shared/api.ts';
import { useElderMode } from '../shared/elderMode.tsx';
import { guideFileUrl, guidePdfUrl } from './types.ts';
import { useCatalogText } from './useCatalogText.ts';
import './guide.css';

export interface GuideMeta {
  code: string;
  regionName: string;
  departmentName: string;
  version?: number;
  effectiveFrom?: string | null;
}

interface Props {
  guide: GuideContent;
  meta: GuideMeta;
  /** A draft shown in the editor: no PDF (only published guides have one) and a banner saying so. */
  preview?: boolean;
  /** Where 在线办理 leads on this portal, for items applied for here; otherwise the guide's own online address. */
  applyTo?: string;
}

type LimitUnit = 'workday' | 'day' | 'hour';
const LEGAL_UNIT: Record<string, LimitUnit> = { G: 'workday', Z: 'day' };
const ONLINE_FORMS = ['2', '3'];

export function GuideView({ guide, meta, preview = false, applyTo }: Props) {
  const { t, code } = useCatalogText();
  const { formatDate } = useI18n();
  const navigate = useNavigate();
  const printing = usePrinting();
  const online = guide.handlingForms.some((form) => ONLINE_FORMS.includes(form)) && guide.onlineUrl.trim() !== '';
  const due = useDueDate(guide.promisedLimit.amount, guide.promisedLimit.unit);

  return (
    <article className="guide">
      {preview && <Alert className="no-print" type="info" showIcon title={t('guide.preview')} description={t('guide.previewFiles')} style={{ marginBottom: 16 }} />}
      <header className="guide-header">
        <Typography.Title level={1} className="guide-title">
          {guide.name}
        </Typography.Title>
        <Flex wrap gap={8} align="center" className="guide-tags">
          <Tag>{code('itemType', guide.itemType)}</Tag>
          <Tag color={guide.caseType === '1' ? 'green' : 'blue'}>{code('caseType', guide.caseType)}</Tag>
          {guide.onlineDepth === 'IV' && <Tag color="cyan">{t('guide.fullyOnline')}</Tag>}
          <Typography.Text type="secondary">
            {meta.departmentName} · {meta.regionName}
          </Typography.Text>
        </Flex>
        {meta.version !== undefined && meta.effectiveFrom && (
          <Typography.Text type="secondary" className="guide-version">
            {t('guide.version', { version: meta.version, date: formatDate(meta.effectiveFrom) })}
          </Typography.Text>
        )}
        <Flex wrap gap={8} className="no-print" style={{ marginTop: 16 }}>
          {applyTo && (
            <Button type="primary" size="large" icon={<FormOutlined />} onClick={() => navigate(applyTo)} data-testid="guide-apply">
              {t('guide.applyHere')}
            </Button>
          )}
          {!preview && (
            <Button type={applyTo ? 'default' : 'primary'} size={applyTo ? 'large' : 'middle'} icon={<FilePdfOutlined />} href={guidePdfUrl(meta.code)} download data-testid="guide-pdf">
              {t('guide.pdf')}
            </Button>
          )}
          <Button icon={<PrinterOutlined />} size={applyTo ? 'large' : 'middle'} onClick={() => window.print()}>
            {t('guide.print')}
          </Button>
          {online && !applyTo && (
            <Button icon={<ExportOutlined />} href={guide.onlineUrl} target="_blank" rel="noopener noreferrer">
              {t('guide.onlineApply')}
            </Button>
          )}
        </Flex>
        <KeyFacts guide={guide} due={due} />
      </header>

      <Section title={t('guide.section.overview')}>
        <Overview guide={guide} meta={meta} due={due} />
      </Section>
      <Section title={t('guide.section.conditions')}>
        <Paragraph text={guide.acceptanceConditions} />
      </Section>
      <Section title={t('guide.section.materials')}>
        <MaterialsTable materials={guide.materials} expandAll={printing} />
      </Section>
      <Section title={t('guide.section.steps')}>
        <Steps
          className="guide-steps"
          classNames={{ itemContent: 'guide-step-content' }}
          orientation={printing || guide.steps.length > 5 ? 'vertical' : 'horizontal'}
          items={guide.steps.map((step) => ({
            key: step.id,
            title: step.name,
            status: 'process' as const,
            content: (
              <>
                <div>{step.description}</div>
                {step.timeLimitDays ? <div>{t('step.timeLimit', { days: step.timeLimitDays })}</div> : null}
              </>
            ),
          }))}
        />
      </Section>
      <Section title={t('guide.section.special')}>
        {guide.specialProcedures.length === 0 ? (
          <div className="guide-text">{t('guide.none')}</div>
        ) : (
          <ul className="guide-list">
            {guide.specialProcedures.map((procedure, index) => (
              <li key={index}>
                <Typography.Text strong>{procedure.name || code('specialProcedure', procedure.type)}</Typography.Text>
                {procedure.timeLimit && <span>（{t('special.timeLimit', { limit: procedure.timeLimit })}）</span>}
                {procedure.note && <div className="guide-muted">{procedure.note}</div>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('guide.section.result')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'name', label: t('guide.resultName'), children: orNone(guide.resultName, t) },
            { key: 'type', label: t('guide.resultType'), children: code('resultType', guide.resultType) },
            ...(guide.resultSample
              ? [{ key: 'sample', label: t('guide.resultSample'), children: <FileLink sha256={guide.resultSample} label={t('guide.download')} /> }]
              : []),
          ]}
        />
      </Section>
      <Section title={t('guide.section.where')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'location', label: t('guide.location'), children: orNone(guide.location, t) },
            { key: 'hours', label: t('guide.hours'), children: orNone(guide.hours, t) },
            { key: 'consult', label: t('guide.consultPhone'), children: orNone(guide.consultPhone, t) },
            { key: 'supervise', label: t('guide.supervisePhone'), children: orNone(guide.supervisePhone, t) },
            ...(online ? [{ key: 'online', label: t('guide.onlineApply'), children: <a href={guide.onlineUrl} target="_blank" rel="noopener noreferrer" className="guide-url">{guide.onlineUrl}</a> }] : []),
          ]}
        />
      </Section>
      {guide.faqs.length > 0 && (
        <Section title={t('guide.section.faqs')}>
          <Collapse
            {...(printing ? { activeKey: guide.faqs.map((_faq, index) => String(index)) } : {})}
            items={guide.faqs.map((faq, index) => ({
              key: String(index),
              label: faq.question,
              children: <Paragraph text={faq.answer} />,
            }))}
          />
        </Section>
      )}
      <Section title={t('guide.section.basis')}>
        <Paragraph text={guide.legalBasis} />
      </Section>
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="guide-section">
      <Typography.Title level={2} className="guide-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function Paragraph({ text }: { text: string }) {
  const { t } = useCatalogText();
  return <div className="guide-text">{text.trim() || t('guide.none')}</div>;
}

function orNone(text: string, t: (key: 'guide.none') => string): string {
  return text.trim() || t('guide.none');
}

function FileLink({ sha256, label }: { sha256: string; label: string }) {
  return (
    <a href={guideFileUrl(sha256)} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  );
}

function useLimitText() {
  const { t } = useCatalogText();
  return (amount: number, unit: LimitUnit) => (amount === 0 ? t('guide.immediate') : t(`guide.limit.${unit}`, { amount }));
}

/**
 * What an applicant asks first, before the full table: how long it takes and until when, how often to go there, how
 * far it is done online, and the fee.
 */
function KeyFacts({ guide, due }: { guide: GuideContent; due: Due | null }) {
  const { t, code } = useCatalogText();
  const limitText = useLimitText();
  const facts: { key: string; label: string; value: ReactNode }[] = [
    { key: 'promised', label: t('guide.promisedLimit'), value: limitText(guide.promisedLimit.amount, guide.promisedLimit.unit) },
    ...(due ? [{ key: 'due', label: t('guide.dueDate'), value: <DueText due={due} short /> }] : []),
    { key: 'visits', label: t('guide.visits'), value: guide.visits === 0 ? t('guide.visitsNone') : t('guide.visitsCount', { count: guide.visits }) },
    { key: 'depth', label: t('guide.onlineDepth'), value: code('onlineDepth', guide.onlineDepth) },
    { key: 'fee', label: t('guide.charged'), value: guide.charged ? t('guide.chargedYes') : t('guide.free') },
  ];
  return (
    <dl className="guide-facts" data-testid="guide-facts">
      {facts.map((fact) => (
        <div key={fact.key} className="guide-fact" data-testid={`guide-fact-${fact.key}`}>
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Overview({ guide, meta, due }: { guide: GuideContent; meta: GuideMeta; due: Due | null }) {
  const { t, code, join } = useCatalogText();
  const { elder } = useElderMode();
  const limitText = useLimitText();
  const withNote = (text: string, note: string) => (
    <>
      {text}
      {note.trim() && <div className="guide-muted">{note}</div>}
    </>
  );
  const conveniences = [
    guide.supportsAppointment && t('guide.appointment'),
    guide.supportsOnlinePayment && t('guide.onlinePayment'),
    guide.supportsDelivery && t('guide.delivery'),
  ].filter((text): text is string => Boolean(text));
  const optional = (key: string, label: string, text: string) => (text.trim() ? [{ key, label, children: text }] : []);

  const items: DescriptionsProps['items'] = [
    { key: 'body', label: t('guide.implementingBody'), children: guide.implementingBody || meta.departmentName },
    { key: 'region', label: t('guide.region'), children: meta.regionName },
    { key: 'itemType', label: t('guide.itemType'), children: code('itemType', guide.itemType) },
    { key: 'caseType', label: t('guide.caseType'), children: code('caseType', guide.caseType) },
    {
      key: 'legal',
      label: t('guide.legalLimit'),
      children: withNote(limitText(guide.legalLimit.amount, LEGAL_UNIT[guide.legalLimit.unit] ?? 'workday'), guide.legalLimit.note),
    },
    {
      key: 'promised',
      label: t('guide.promisedLimit'),
      children: withNote(limitText(guide.promisedLimit.amount, guide.promisedLimit.unit), guide.promisedLimit.note),
    },
    ...(due ? [{ key: 'due', label: t('guide.dueDate'), children: <DueText due={due} /> }] : []),
    {
      key: 'visits',
      label: t('guide.visits'),
      children:
        guide.visits === 0
          ? t('guide.visitsNone')
          : withNote(t('guide.visitsCount', { count: guide.visits }), guide.visitsReason && t('guide.visitsReason', { reason: guide.visitsReason })),
    },
    {
      key: 'depth',
      label: t('guide.onlineDepth'),
      children: code('onlineDepth', guide.onlineDepth),
    },
    { key: 'forms', label: t('guide.handlingForms'), children: join(guide.handlingForms.map((form) => code('handlingForm', form))) },
    { key: 'fees', label: t('guide.charged'), children: <Fees guide={guide} /> },
    { key: 'objects', label: t('guide.serviceObjects'), children: join(guide.serviceObjects.map((object) => code('serviceObject', object))) },
    { key: 'scope', label: t('guide.serviceScope'), children: code('serviceScope', guide.serviceScope) },
    { key: 'conveniences', label: t('guide.conveniences'), children: conveniences.length > 0 ? join(conveniences) : t('guide.none') },
    ...optional('agency', t('guide.handlingAgency'), guide.handlingAgency),
    ...optional('joint', t('guide.jointDepartments'), guide.jointDepartments),
    ...optional('quantity', t('guide.quantityLimit'), guide.quantityLimit),
    ...optional('intermediary', t('guide.intermediaryServices'), guide.intermediaryServices),
    { key: 'code', label: t('guide.code'), children: meta.code },
  ];
  return <Descriptions bordered size="small" column={elder ? 1 : { xs: 1, sm: 1, md: 2 }} items={items} />;
}

function Fees({ guide }: { guide: GuideContent }) {
  const { t } = useCatalogText();
  if (!guide.charged) return <>{t('guide.free')}</>;
  return (
    <>
      <ul className="guide-list">
        {guide.feeItems.map((fee, index) => (
          <li key={index}>
            {fee.name}：{fee.standard}
            {fee.basis && <span className="guide-muted">（{fee.basis}）</span>}
          </li>
        ))}
      </ul>
      {guide.feeBasis && <div className="guide-muted">{t('guide.feeBasis', { basis: guide.feeBasis })}</div>}
    </>
  );
}

type Due = { kind: 'loading' } | { kind: 'date'; date: string } | { kind: 'unknown'; reason: string | null };

/**
 * 预计办结日期 for a case accepted today, by the working-day calendar on the server; null when there is none to
 * compute (即办件, or a limit in hours).
 */
function useDueDate(amount: number, unit: LimitUnit): Due | null {
  const wanted = amount > 0 && unit !== 'hour';
  const [due, setDue] = useState<Due>({ kind: 'loading' });

  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    setDue({ kind: 'loading' });
    api.get<{ dueDate: string }>('/api/calendar/due-date', { start: beijingToday(), amount, unit }).then(
      (result) => !cancelled && setDue({ kind: 'date', date: result.dueDate }),
      (error: unknown) => {
        if (cancelled) return;
        // A year whose holidays are not announced yet cannot be counted; the server says so in its own words.
        setDue({ kind: 'unknown', reason: isApiError(error, 'CALENDAR_YEAR_UNKNOWN') ? error.title : null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [wanted, amount, unit]);

  return wanted ? due : null;
}

function DueText({ due, short = false }: { due: Due; short?: boolean }) {
  const { t } = useCatalogText();
  const { formatDate } = useI18n();
  if (due.kind === 'loading') return <span className="guide-muted">…</span>;
  if (due.kind === 'date') return <span data-testid="guide-due-date">{short ? formatDate(due.date) : t('guide.dueDateValue', { date: formatDate(due.date) })}</span>;
  return (
    <>
      {t('guide.dueDateUnknown')}
      {due.reason && !short && <div className="guide-muted">{due.reason}</div>}
    </>
  );
}

const NECESSITY_COLORS: Record<string, string | undefined> = { required: 'red', deferrable: 'orange', exempt: 'green' };

function MaterialsTable({ materials, expandAll }: { materials: Material[]; expandAll: boolean }) {
  const { t } = useCatalogText();
  if (materials.length === 0) return <Typography.Text>{t('material.none')}</Typography.Text>;
  return (
    <div className="guide-table-wrap">
      <table className="guide-table">
        <thead>
          <tr>
            <th>{t('material.index')}</th>
            <th>{t('material.name')}</th>
            <th>{t('material.source')}</th>
            <th>{t('material.necessity')}</th>
            <th>{t('material.type')}</th>
            <th>{t('material.form')}</th>
            <th>{t('material.count')}</th>
            <th>{t('material.issuer')}</th>
            <th>{t('material.notes')}</th>
            <th>{t('material.downloads')}</th>
          </tr>
        </thead>
        {materials.map((material, index) => (
          <MaterialRows key={material.id} material={material} index={index} expandAll={expandAll} />
        ))}
      </table>
    </div>
  );
}

function MaterialRows({ material, index, expandAll }: { material: Material; index: number; expandAll: boolean }) {
  const { t, code, join } = useCatalogText();
  const [expanded, setExpanded] = useState(false);
  const open = expanded || expandAll;
  const hasDetails = material.reviewPoints.length > 0 || material.acceptanceStandard.trim() !== '' || material.basis.trim() !== '';
  const counts = [
    material.originalCount > 0 && t('material.originalCount', { count: material.originalCount }),
    material.copyCount > 0 && t('material.copyCount', { count: material.copyCount }),
  ].filter((text): text is string => Boolean(text));
  const detailsId = `material-details-${material.id}`;

  return (
    <tbody>
      <tr>
        <td className="guide-index">{index + 1}</td>
        <td className="guide-name-cell">
          <div className="guide-material-name">{material.name}</div>
          {hasDetails && (
            <Button
              type="link"
              size="small"
              className="guide-toggle no-print"
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={() => setExpanded(!expanded)}
            >
              {material.reviewPoints.length > 0 ? t('material.reviewPoints', { count: material.reviewPoints.length }) : t('material.details')}{' '}
              {open ? '▴' : '▾'}
            </Button>
          )}
        </td>
        <td data-label={t('material.source')}>{code('materialSource', material.source)}</td>
        <td className="guide-nowrap" data-label={t('material.necessity')}>
          <Tag color={NECESSITY_COLORS[material.necessity]}>{code('necessity', material.necessity)}</Tag>
        </td>
        <td className="guide-nowrap" data-label={t('material.type')}>{code('materialType', material.type)}</td>
        <td data-label={t('material.form')}>{code('materialForm', material.form)}</td>
        <td className="guide-nowrap" data-label={t('material.count')}>{counts.length > 0 ? join(counts) : '—'}</td>
        <td data-label={t('material.issuer')}>{material.issuer || '—'}</td>
        <td className="guide-notes" data-label={t('material.notes')}>{material.fillingNotes || '—'}</td>
        <td data-label={t('material.downloads')}>
          {material.blankForm || material.sample ? (
            <Flex vertical gap={2}>
              {material.blankForm && <FileLink sha256={material.blankForm} label={t('material.blankForm')} />}
              {material.sample && <FileLink sha256={material.sample} label={t('material.sample')} />}
            </Flex>
          ) : (
            '—'
          )}
        </td>
      </tr>
      {open && hasDetails && (
        <tr className="guide-details-row" id={detailsId}>
          <td className="guide-index" />
          <td colSpan={9}>
            {material.reviewPoints.length > 0 && (
              <ol className="guide-list">
                {material.reviewPoints.map((point) => (
                  <li key={point.id}>{point.text}</li>
                ))}
              </ol>
            )}
            {material.acceptanceStandard.trim() && (
              <div className="guide-muted">{t('material.acceptanceStandard', { text: material.acceptanceStandard })}</div>
            )}
            {material.basis.trim() && <div className="guide-muted">{t('material.basis', { text: material.basis })}</div>}
          </td>
        </tr>
      )}
    </tbody>
  );
}

/** True while the browser prints, so folded parts (审查要点, 常见问题) are on paper too. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // The print layout is taken right after `beforeprint`, so the unfolded state must be rendered synchronously.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
