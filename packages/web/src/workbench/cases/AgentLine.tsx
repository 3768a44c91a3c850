// 代理人 / 经办人 as staff check them: name, ID number and phone (masked unless revealed), and the letter of
// authorisation (授权委托书) to open — at the online pre-review and in the case file alike.
import { Space, Typography } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import { caseFileUrl, type CaseDetail } from '../../cases/types.ts';
import { useCaseAdminText } from './text.ts';

type Agent = NonNullable<CaseDetail['agent']>;

export function AgentLine({ caseId, agent, idNumber = agent.idNumber, phone = agent.phone }: { caseId: string; agent: Agent; idNumber?: string; phone?: string }) {
  const { t } = useCaseAdminText();
  return (
    <Space wrap size={[12, 0]} data-testid="agent-line">
      <span>{[agent.name, idNumber, phone].join('　')}</span>
      {agent.authorisation ? (
        <a href={caseFileUrl(caseId, agent.authorisation)} target="_blank" rel="noopener noreferrer" data-testid="agent-authorisation">
          <FileProtectOutlined /> {t('detail.authorisation')}
        </a>
      ) : (
        <Typography.Text type="warning">{t('detail.noAuthorisation')}</Typography.Text>
      )}
    </Space>
  );
}
