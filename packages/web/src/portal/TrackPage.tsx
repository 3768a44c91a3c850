import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Descriptions, Flex, Form, Grid, Input, Skeleton, Typography } from 'antd';
import { CaseStatusTag } from '../cases/CaseTags.tsx';
import { CaseTimeline } from '../cases/CaseTimeline.tsx';
import type { PublicCase } from '../cases/types.ts';
import { useCaseText } from '../cases/useCaseText.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { api, isApiError, type ApiError } from '../shared/api.ts';
import { describeError, placeFieldErrors, relativeTo } from '../shared/errors.ts';
import { PublicLayout } from '../shared/PublicLayout.tsx';
import { useApi } from '../shared/useApi.ts';
import './portal.css';

interface TrackValues {
  number: string;
  idSuffix: string;
}

/**
 * /track — 办件查询 for anyone: the case number and the last 6 characters of the applicant's ID number; and
 * /track/t/:token, opened from the QR code on the acceptance notice. Shows status, due date and a timeline without
 * names or opinions, as the server redacts it.
 */
export default function TrackPage() {
  const { token } = useParams();
  const { t } = useCaseText();
  return (
    <PublicLayout>
      <Flex vertical gap={16} style={{ maxWidth: 880, margin: '0 auto' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('track.title')}
        </Typography.Title>
        {token ? <ByToken token={token} /> : <ByNumber />}
      </Flex>
    </PublicLayout>
  );
}

function ByToken({ token }: { token: string }) {
  const { t } = useCaseText();
  const { t: tApp } = useI18n();
  const found = useApi<PublicCase>(`/api/track/t/${encodeURIComponent(token)}`);
  if (found.error) {
    const unknown = found.error.status === 404 || found.error.status === 400;
    return (
      <>
        <Alert type={unknown ? 'warning' : 'error'} showIcon title={unknown ? t('track.tokenNotFound') : describeError(found.error, tApp)} />
        <Link to="/track">{t('track.again')}</Link>
      </>
    );
  }
  if (!found.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return <TrackResult found={found.data} />;
}

function ByNumber() {
  const { t } = useCaseText();
  const { t: tApp } = useI18n();
  const [form] = Form.useForm<TrackValues>();
  const [found, setFound] = useState<PublicCase | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  // On a phone the fields stack, each as wide as the panel: side by side they are wider than the screen.
  const stacked = Grid.useBreakpoint().sm === false;

  function showFieldProblems(error: ApiError) {
    const unplaced = placeFieldErrors(form, error.errors);
    if (unplaced.length > 0) setProblem(unplaced.map((problem) => problem.message).join('；'));
  }

  async function search(values: TrackValues) {
    setSearching(true);
    setProblem(null);
    setFound(null);
    try {
      setFound(await api.get<PublicCase>('/api/track', { number: values.number.trim(), idSuffix: values.idSuffix.trim() }));
    } catch (error) {
      if (isApiError(error, 'NOT_FOUND')) setProblem(t('track.notFound'));
      else if (isApiError(error) && error.errors.length > 0) showFieldProblems(relativeTo(error, '/querystring') as ApiError);
      else setProblem(describeError(error, tApp));
    } finally {
      setSearching(false);
    }
  }

  return (
    <>
      <div className="portal-panel">
        <Typography.Paragraph type="secondary">{t('track.intro')}</Typography.Paragraph>
        <Form<TrackValues> form={form} name="track" layout={stacked ? 'vertical' : 'inline'} onFinish={(values) => void search(values)} style={{ rowGap: 12 }}>
          <Form.Item name="number" label={t('track.number')} rules={[{ required: true, whitespace: true, message: t('track.numberRequired') }]}>
            <Input placeholder={t('track.numberPlaceholder')} maxLength={50} style={{ width: stacked ? '100%' : 280 }} autoComplete="off" />
          </Form.Item>
          <Form.Item name="idSuffix" label={t('track.idSuffix')} rules={[{ required: true, pattern: /^\s*[0-9A-Za-z]{6}\s*$/, message: t('track.idSuffixFormat') }]}>
            <Input maxLength={6} style={{ width: 120 }} autoComplete="off" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={searching}>
              {t('track.submit')}
            </Button>
          </Form.Item>
        </Form>
      </div>
      {problem && <Alert type="warning" showIcon title={problem} data-testid="track-problem" />}
      {found && <TrackResult found={found} />}
    </>
  );
}

function TrackResult({ found }: { found: PublicCase }) {
  const { t } = useCaseText();
  const { formatDate, formatDateTime } = useI18n();
  return (
    <div className="portal-panel" data-testid="track-result">
      <Flex wrap align="center" gap={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {found.itemName}
        </Typography.Title>
        <CaseStatusTag status={found.status} />
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'number', label: t('field.number'), children: found.number },
          { key: 'department', label: t('field.department'), children: found.department },
          { key: 'applied', label: t('field.appliedAt'), children: formatDateTime(found.appliedAt) },
          { key: 'accepted', label: t('field.acceptedAt'), children: found.acceptedAt ? formatDateTime(found.acceptedAt) : '—' },
          { key: 'due', label: t('field.dueDate'), children: found.dueDate ? formatDate(found.dueDate) : '—' },
        ]}
      />
      <Typography.Title level={5}>{t('timeline.title')}</Typography.Title>
      <CaseTimeline items={found.timeline.map((entry, index) => ({ ...entry, key: index }))} />
    </div>
  );
}
