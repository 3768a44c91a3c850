// 今日工作: the day's counts at this window and the lists behind them.
import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { CaseStatusTag } from '../../cases/CaseTags.tsx';
import type { WorklistRow } from '../../cases/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useHallText } from './text.ts';
import type { DeskView } from './types.ts';

export function TodayPanel({ desk }: { desk: NonNullable<DeskView['desk']> }) {
  const { t } = useHallText();
  const { formatDate } = useI18n();
  const { counts } = desk;
  const average = counts.averageHandlingSeconds;
  const stats = [
    ['today.received', counts.received],
    ['today.accepted', counts.accepted],
    ['today.correctionRequested', counts.correctionRequested],
    ['today.corrected', counts.corrected],
    ['today.refused', counts.refused],
    ['today.delivered', counts.delivered],
  ] as const;
  const columns = [
    { title: t('today.number'), key: 'number', render: (_v: unknown, r: WorklistRow) => <Link to={`/workbench/cases/${r.id}`}>{r.number}</Link> },
    { title: t('today.item'), dataIndex: 'itemName' },
    { title: t('today.applicant'), dataIndex: 'applicantName' },
    { title: t('today.status'), key: 'status', render: (_v: unknown, r: WorklistRow) => <CaseStatusTag status={r.status} /> },
    { title: t('today.due'), key: 'due', render: (_v: unknown, r: WorklistRow) => (r.dueDate ? formatDate(r.dueDate) : '—') },
  ];
  return (
    <>
      <Row gutter={[12, 12]} data-testid="desk-counts">
        {stats.map(([key, value]) => (
          <Col key={key} xs={12} md={6} lg={3}>
            <Statistic title={t(key)} value={value} />
          </Col>
        ))}
        <Col xs={24} md={12} lg={6}>
          <Statistic
            title={t('today.average')}
            value={average === null ? '—' : t('today.averageValue', { minutes: Math.floor(average / 60), seconds: average % 60 })}
          />
        </Col>
      </Row>
      <Card size="small" title={t('today.intake')} style={{ marginTop: 16 }}>
        <Table rowKey="id" size="small" pagination={false} dataSource={desk.intakeToday} columns={columns} />
      </Card>
      <Card size="small" title={t('today.awaitingCorrection')} style={{ marginTop: 16 }}>
        <Table rowKey="id" size="small" pagination={false} dataSource={desk.awaitingCorrection} columns={columns} />
      </Card>
    </>
  );
}
