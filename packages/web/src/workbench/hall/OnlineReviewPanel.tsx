// 网上预审: applications submitted online wait here for a window clerk, who works through the same checks as at the
// window — each uploaded material looked at, each review point ticked — and accepts, or returns the application with
// one correction notice listing every defect. The applicant answers online; no visit is needed.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, List, Space, Table, Tag, Typography } from 'antd';
import type { CaseDetail, CaseMaterial, WorklistRow } from '../../cases/types.ts';
import { MaterialsTable } from '../../cases/MaterialsTable.tsx';
import { useCaseText } from '../../cases/useCaseText.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { useApi } from '../../shared/useApi.ts';
import { correctionDraft } from '../cases/actionBody.ts';
import { AgentLine } from '../cases/AgentLine.tsx';
import { DocumentModal } from './DocumentModal.tsx';
import { latestDocument } from './IntakePanel.tsx';
import { useHallText } from './text.ts';
import type { CaseDocument } from './types.ts';

/** The case's materials with the clerk's ticks: a point not ticked is not met, as at the window. */
function reviewed(materials: CaseMaterial[], ticks: Record<string, Record<string, boolean>>): CaseMaterial[] {
  return materials.map((m) => ({ ...m, checks: Object.fromEntries(m.reviewPoints.map((p) => [p.id, ticks[m.materialId]?.[p.id] === true])) }));
}

export function OnlineReviewPanel({ onDone }: { onDone: () => void }) {
  const { t } = useHallText();
  const { formatDateTime } = useI18n();
  const queue = useApi<{ items: WorklistRow[] }>('/api/cases', { box: 'todo', status: 'submitted', sort: 'applied', limit: 50 });
  const [open, setOpen] = useState<CaseDetail | null>(null);

  if (open) {
    return (
      <PreReview
        detail={open}
        onClose={() => setOpen(null)}
        onDone={() => {
          setOpen(null);
          queue.reload();
          onDone();
        }}
      />
    );
  }
  return (
    <Table<WorklistRow>
      rowKey="id"
      size="small"
      loading={queue.loading}
      dataSource={queue.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t('online.empty') }}
      data-testid="online-queue"
      columns={[
        { title: t('today.number'), dataIndex: 'number' },
        { title: t('today.item'), dataIndex: 'itemName' },
        { title: t('today.applicant'), dataIndex: 'applicantName' },
        { title: t('online.submittedAt'), key: 'at', render: (_v, r) => formatDateTime(r.appliedAt) },
        {
          title: '',
          key: 'open',
          render: (_v, r) => (
            <Button size="small" type="primary" onClick={() => void api.get<CaseDetail>(`/api/cases/${r.id}`).then(setOpen)}>
              {t('online.review')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function PreReview({ detail, onClose, onDone }: { detail: CaseDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useHallText();
  const { receivedAs } = useCaseText();
  const [ticks, setTicks] = useState<Record<string, Record<string, boolean>>>({});
  const [error, setError] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [document, setDocument] = useState<CaseDocument | null | undefined>(undefined);
  const problems = correctionDraft(reviewed(detail.materials, ticks));

  async function decide(action: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/cases/${detail.id}/actions`, { expectedVersion: detail.version, action });
      setDocument(await latestDocument(detail.id));
    } catch (failure) {
      if (isApiError(failure)) setError([failure.title, ...failure.errors.map((e) => e.message)]);
      else throw failure;
    } finally {
      setBusy(false);
    }
  }

  if (document !== undefined) {
    return (
      <Flex vertical gap={12}>
        <Alert type="success" showIcon title={t('online.decided', { number: detail.number })} data-testid="online-decided" />
        <Space>
          {document && <Button onClick={() => setDocument(document)}>{document.title}</Button>}
          <Button type="primary" onClick={onDone}>
            {t('online.back')}
          </Button>
        </Space>
        {document && <DocumentModal document={document} onClose={() => setDocument(null)} />}
      </Flex>
    );
  }

  return (
    <Card size="small" title={`${t('online.review')}：${detail.number}`} extra={<Button onClick={onClose}>{t('online.back')}</Button>}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('today.item')}>{detail.item.name}</Descriptions.Item>
        <Descriptions.Item label={t('today.applicant')}>{detail.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={t('intake.phone')}>{detail.applicant.phone}</Descriptions.Item>
        {detail.agent && (
          <Descriptions.Item label={t('online.agent')} span={3}>
            <AgentLine caseId={detail.id} agent={detail.agent} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {detail.state.promisedDeferral && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('online.promisedDeferral')} description={detail.state.promisedDeferral.commitment} data-testid="online-promised-deferral" />
      )}
      <MaterialsTable caseId={detail.id} materials={detail.materials} staff />
      <List
        size="small"
        header={<Typography.Text strong>{t('intake.points')}</Typography.Text>}
        dataSource={detail.materials.filter((m) => m.reviewPoints.length > 0 && m.receivedAs !== 'missing' && m.receivedAs !== 'exempt' && m.receivedAs !== 'deferred')}
        renderItem={(m) => (
          <List.Item>
            <Flex vertical gap={2}>
              <span>
                <Typography.Text strong>{m.name}</Typography.Text> <Tag>{receivedAs(m.receivedAs)}</Tag>
              </span>
              {m.reviewPoints.map((p) => (
                <Checkbox
                  key={p.id}
                  checked={ticks[m.materialId]?.[p.id] === true}
                  onChange={(e) => setTicks((all) => ({ ...all, [m.materialId]: { ...all[m.materialId], [p.id]: e.target.checked } }))}
                >
                  {p.text}
                </Checkbox>
              ))}
            </Flex>
          </List.Item>
        )}
      />
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '12px 0' }}
          title={t('intake.problems', { count: problems.length })}
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p, i) => <li key={`${p.materialId}-${i}`}>{detail.materials.find((m) => m.materialId === p.materialId)?.name}：{p.problem}。{p.fix}</li>)}</ul>}
        />
      )}
      {error && <Alert type="error" showIcon style={{ margin: '12px 0' }} title={error[0]} description={error.slice(1).join('；')} />}
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" disabled={problems.length > 0} loading={busy} onClick={() => void decide({ type: 'accept' })} data-testid="online-accept">
          {t('online.accept')}
        </Button>
        <Button disabled={problems.length === 0} loading={busy} onClick={() => void decide({ type: 'request_correction', items: problems })} data-testid="online-return">
          {t('online.return')}
        </Button>
      </Space>
    </Card>
  );
}
