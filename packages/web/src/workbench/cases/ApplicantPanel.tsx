import { useState } from 'react';
import { Button, Card, Descriptions, Tooltip } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { ApplicantFull, CaseDetail } from '../../cases/types.ts';
import { useCaseText } from '../../cases/useCaseText.ts';
import { api } from '../../shared/api.ts';
import { useProblemHandler } from '../../shared/errors.ts';
import { AgentLine } from './AgentLine.tsx';
import { useCaseAdminText } from './text.ts';

/**
 * 申请人信息, masked as the case file sends it. The full ID numbers and phones (the form's too) are fetched only on
 * request, from the endpoint that records the look in the audit log (个人信息查看留痕).
 */
export function ApplicantPanel({ detail, full, onRevealed }: { detail: CaseDetail; full: ApplicantFull | null; onRevealed: (full: ApplicantFull) => void }) {
  const { t } = useCaseAdminText();
  const { t: tc } = useCaseText();
  const handleProblem = useProblemHandler();
  const [loading, setLoading] = useState(false);
  const { applicant, agent } = detail;

  async function reveal() {
    setLoading(true);
    try {
      onRevealed(await api.get<ApplicantFull>(`/api/cases/${encodeURIComponent(detail.id)}/applicant`));
    } catch (error) {
      handleProblem(error);
    } finally {
      setLoading(false);
    }
  }

  const revealButton = !full && (
    <Tooltip title={t('detail.revealHint')}>
      <Button size="small" icon={<EyeOutlined />} loading={loading} onClick={() => void reveal()} data-testid="applicant-reveal">
        {t('detail.reveal')}
      </Button>
    </Tooltip>
  );

  return (
    <Card title={t('detail.applicant')} size="small" extra={revealButton}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="applicant-panel"
        items={[
          { key: 'name', label: tc('field.applicant'), children: applicant.name },
          { key: 'kind', label: t('detail.kind'), children: t(applicant.kind === 'person' ? 'detail.kind.person' : 'detail.kind.company') },
          { key: 'id', label: t('detail.idNumber'), children: full?.idNumber ?? applicant.idNumber },
          { key: 'phone', label: t('detail.phone'), children: full?.phone ?? applicant.phone },
          ...(applicant.legalRepresentative ? [{ key: 'legalRep', label: t('detail.legalRep'), children: applicant.legalRepresentative }] : []),
          ...(agent
            ? [
                {
                  key: 'agent',
                  label: t('detail.agent'),
                  span: 'filled' as const,
                  children: <AgentLine caseId={detail.id} agent={agent} idNumber={full?.agent?.idNumber} phone={full?.agent?.phone} />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
